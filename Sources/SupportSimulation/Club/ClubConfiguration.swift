import Foundation
import SupportEngine

/// A club's support set-up as one JSON document: hours, published rules, agents, policies and the
/// traffic a simulation plays against them.
///
/// Read one with ``decode(json:)``, which names the JSON path of any problem; ``defaultClub(agents:members:)`` is the
/// built-in club of `supportdesk simulate`. See `Documentation/ClubConfiguration.md` for the format.
public struct ClubConfiguration: Sendable, Codable {
    /// The club's name, for reports.
    public var name: String
    /// How many members the club has.
    public var members: Int
    /// The support line's hours.
    public var hours: BusinessCalendar
    /// The published rules: channels, promises, scope and absences; `nil` uses the seeds' defaults on ``hours``.
    public var boundaries: BoundariesPolicy?
    /// Whether every new ticket is acknowledged with the expected reply time (and the other automatic
    /// notices are sent).
    public var acknowledgement: Bool
    /// The people answering.
    public var agents: [AgentProfile]
    /// The service-level clocks.
    public var sla: SLASettings
    /// How priorities are set; `nil` for the built-in rules.
    public var priorities: PriorityPolicy?
    /// How contact reasons are read; `nil` for the built-in en/ru/es lexicons.
    public var classifier: ClassifierConfiguration?
    /// Self-service links keyed by contact reason (`cancel_subscription`, `billing`, …).
    public var selfService: [String: [SelfServiceLink]]
    /// The refund-guarantee rules, if published.
    public var refunds: RefundPolicy?
    /// The conduct ladder, if published.
    public var moderation: ModerationPolicy?
    /// The step after solving: asking the member for a rating.
    public var feedback: FeedbackSettings
    /// Where the published rules are.
    public var rulesLink: String?
    /// The traffic a simulation plays.
    public var traffic: TrafficModel
    /// The member journey (welcome, check-ins, exit survey, win-backs); `nil` runs the default
    /// `JourneyPolicy()` in a simulation.
    public var journey: JourneyPolicy?

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - name: The club's name.
    ///   - members: How many members.
    ///   - hours: The support line's hours.
    ///   - boundaries: The published rules, or `nil` for the seeds' defaults.
    ///   - acknowledgement: Whether new tickets are acknowledged.
    ///   - agents: The people answering.
    ///   - sla: The service-level clocks.
    ///   - priorities: How priorities are set.
    ///   - classifier: How contact reasons are read.
    ///   - selfService: Self-service links by contact reason.
    ///   - refunds: The refund rules.
    ///   - moderation: The conduct ladder.
    ///   - feedback: The step after solving.
    ///   - rulesLink: Where the published rules are.
    ///   - traffic: The traffic a simulation plays.
    ///   - journey: The member journey, or `nil` for the default policy.
    public init(
        name: String,
        members: Int,
        hours: BusinessCalendar,
        boundaries: BoundariesPolicy? = nil,
        acknowledgement: Bool = true,
        agents: [AgentProfile],
        sla: SLASettings = SLASettings(),
        priorities: PriorityPolicy? = nil,
        classifier: ClassifierConfiguration? = nil,
        selfService: [String: [SelfServiceLink]] = [:],
        refunds: RefundPolicy? = nil,
        moderation: ModerationPolicy? = nil,
        feedback: FeedbackSettings = FeedbackSettings(),
        rulesLink: String? = nil,
        traffic: TrafficModel = TrafficModel(),
        journey: JourneyPolicy? = nil
    ) {
        self.name = name
        self.members = members
        self.hours = hours
        self.boundaries = boundaries
        self.acknowledgement = acknowledgement
        self.agents = agents
        self.sla = sla
        self.priorities = priorities
        self.classifier = classifier
        self.selfService = selfService
        self.refunds = refunds
        self.moderation = moderation
        self.feedback = feedback
        self.rulesLink = rulesLink
        self.traffic = traffic
        self.journey = journey
    }

    private enum CodingKeys: String, CodingKey {
        case name, members, hours, boundaries, acknowledgement, agents, sla, priorities, classifier
        case selfService, refunds, moderation, feedback, rulesLink, traffic, journey
    }

    /// Decodes a configuration; missing optional keys take their defaults.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: ``ClubConfigurationError`` naming the path, or the error of a nested policy.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func field<T: Decodable>(_ key: CodingKeys, _ type: T.Type) throws -> T? {
            do {
                return try container.decodeIfPresent(type, forKey: key)
            } catch let error as DecodingError {
                throw error
            } catch let error as BoundariesError {
                throw error
            } catch let error as ClubConfigurationError {
                throw error
            } catch let error as JourneyError {
                throw ClubConfigurationError.from(error, under: key.stringValue)
            } catch {
                throw ClubConfigurationError(.invalidConfiguration, path: key.stringValue, "\(error)")
            }
        }
        guard let hours = try field(.hours, BusinessCalendar.self) else {
            throw ClubConfigurationError(
                .invalidConfiguration,
                path: "hours",
                "the club's hours are required: a calendar such as {\"timeZone\": \"UTC\", \"windows\": [...]}"
            )
        }
        self.init(
            name: try field(.name, String.self) ?? "Club",
            members: try field(.members, Int.self) ?? 1500,
            hours: hours,
            boundaries: try field(.boundaries, BoundariesPolicy.self),
            acknowledgement: try field(.acknowledgement, Bool.self) ?? true,
            agents: try field(.agents, [AgentJSON].self)?.map(\.profile) ?? [],
            sla: try field(.sla, SLASettings.self) ?? SLASettings(),
            priorities: try field(.priorities, PriorityPolicy.self),
            classifier: try field(.classifier, ClassifierConfiguration.self),
            selfService: try Self.links(field(.selfService, [String: [LinkJSON]].self) ?? [:]),
            refunds: try field(.refunds, RefundPolicy.self),
            moderation: try field(.moderation, ModerationPolicy.self),
            feedback: try field(.feedback, FeedbackSettings.self) ?? FeedbackSettings(),
            rulesLink: try field(.rulesLink, String.self),
            traffic: try field(.traffic, TrafficModel.self) ?? TrafficModel(),
            journey: try field(.journey, JourneyPolicy.self)
        )
        try validate()
    }

    /// Encodes the configuration in the format ``init(from:)`` reads.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(members, forKey: .members)
        try container.encode(hours, forKey: .hours)
        try container.encodeIfPresent(boundaries, forKey: .boundaries)
        try container.encode(acknowledgement, forKey: .acknowledgement)
        try container.encode(agents, forKey: .agents)
        try container.encode(sla, forKey: .sla)
        try container.encodeIfPresent(priorities, forKey: .priorities)
        try container.encodeIfPresent(classifier, forKey: .classifier)
        let links = selfService.mapValues { list in
            list.map { link in
                LinkJSON(
                    titles: Dictionary(uniqueKeysWithValues: link.titles.map { ($0.key.rawValue, $0.value) }),
                    url: link.url
                )
            }
        }
        try container.encode(links, forKey: .selfService)
        try container.encodeIfPresent(refunds, forKey: .refunds)
        try container.encodeIfPresent(moderation, forKey: .moderation)
        try container.encode(feedback, forKey: .feedback)
        try container.encodeIfPresent(rulesLink, forKey: .rulesLink)
        try container.encode(traffic, forKey: .traffic)
        try container.encodeIfPresent(journey, forKey: .journey)
    }

    /// An agent as JSON: only `id` and `displayName` are required.
    struct AgentJSON: Decodable {
        var profile: AgentProfile

        private enum CodingKeys: String, CodingKey {
            case id, displayName, languages, skills, capacity, shift, substitute
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            profile = AgentProfile(
                id: try container.decode(AgentID.self, forKey: .id),
                displayName: try container.decode(String.self, forKey: .displayName),
                languages: try container.decodeIfPresent([LocaleTag].self, forKey: .languages) ?? [],
                skills: try container.decodeIfPresent([ContactReason].self, forKey: .skills) ?? [],
                capacity: try container.decodeIfPresent(Int.self, forKey: .capacity) ?? 20,
                shift: try container.decodeIfPresent(BusinessCalendar.self, forKey: .shift),
                substitute: try container.decodeIfPresent(AgentID.self, forKey: .substitute)
            )
        }
    }

    /// A self-service link as JSON: titles keyed by language tag.
    struct LinkJSON: Codable {
        var titles: [String: String]
        var url: String
    }

    static func links(_ raw: [String: [LinkJSON]]) throws -> [String: [SelfServiceLink]] {
        var result: [String: [SelfServiceLink]] = [:]
        for key in raw.keys.sorted() {
            var list: [SelfServiceLink] = []
            for (index, link) in raw[key]!.enumerated() {
                var titles: [LocaleTag: String] = [:]
                for (tag, title) in link.titles {
                    guard let locale = LocaleTag(rawValue: tag) else {
                        throw ClubConfigurationError(
                            .invalidConfiguration,
                            path: "selfService.\(key)[\(index)].titles.\(tag)",
                            "'\(tag)' is not a language tag: key titles by en, ru, es, …"
                        )
                    }
                    titles[locale] = title
                }
                guard !link.url.isEmpty else {
                    throw ClubConfigurationError(
                        .invalidConfiguration,
                        path: "selfService.\(key)[\(index)].url",
                        "give the page's address"
                    )
                }
                list.append(SelfServiceLink(titles: titles, url: link.url))
            }
            result[key] = list
        }
        return result
    }

    /// Checks the values a decoder cannot: counts, shares, agents and reasons.
    ///
    /// - Throws: ``ClubConfigurationError`` naming the path of the first bad value.
    public func validate() throws {
        func fail(_ path: String, _ message: String) -> ClubConfigurationError {
            ClubConfigurationError(.invalidConfiguration, path: path, message)
        }
        guard (1...10_000_000).contains(members) else {
            throw fail("members", "the club needs 1 to 10,000,000 members, not \(members)")
        }
        guard !agents.isEmpty else { throw fail("agents", "list at least one agent: {\"id\": \"anna\", ...}") }
        var seen: Set<AgentID> = []
        for (index, agent) in agents.enumerated() {
            guard !agent.id.rawValue.isEmpty else { throw fail("agents[\(index)].id", "an agent needs an id") }
            guard seen.insert(agent.id).inserted else {
                throw fail("agents[\(index)].id", "the agent id '\(agent.id)' is used twice: give each agent its own")
            }
            guard agent.capacity >= 1 else {
                throw fail("agents[\(index)].capacity", "capacity must be 1 or more, not \(agent.capacity)")
            }
        }
        for (index, agent) in agents.enumerated() {
            if let substitute = agent.substitute, !seen.contains(substitute) || substitute == agent.id {
                throw fail(
                    "agents[\(index)].substitute",
                    "'\(substitute)' is not another agent of this club: name one of \(seen.map(\.rawValue).sorted())"
                )
            }
        }
        if let fraction = sla.warningFraction, !(fraction > 0 && fraction < 1) {
            throw fail("sla.warningFraction", "must be between 0 and 1 (exclusive), not \(fraction)")
        }
        for key in sla.targets.keys.sorted() where Priority(rawValue: key) == nil {
            throw fail("sla.targets.\(key)", "'\(key)' is not a priority: use low, normal, high or urgent")
        }
        for key in selfService.keys.sorted() where key.isEmpty {
            throw fail("selfService", "a self-service key must be a contact reason such as cancel_subscription")
        }
        guard (0...1).contains(feedback.ratingShare) else {
            throw fail("feedback.ratingShare", "must be a share from 0 to 1, not \(feedback.ratingShare)")
        }
        try traffic.validate()
        do {
            try journey?.validate()
        } catch let error as JourneyError {
            throw ClubConfigurationError.from(error, under: "journey")
        }
    }

    /// Reads a configuration from JSON.
    ///
    /// - Parameter data: The JSON.
    /// - Returns: The validated configuration.
    /// - Throws: ``ClubConfigurationError`` naming the path of the problem (nested policies'
    ///   own errors are turned into it with their path).
    public static func decode(json data: Data) throws -> ClubConfiguration {
        do {
            return try JSONDecoder().decode(ClubConfiguration.self, from: data)
        } catch let error as ClubConfigurationError {
            throw error
        } catch let error as BoundariesError {
            throw ClubConfigurationError(.invalidConfiguration, path: error.path ?? "", error.message)
        } catch let error as DecodingError {
            throw ClubConfigurationError.from(error)
        } catch {
            throw ClubConfigurationError(.invalidConfiguration, path: "", "\(error)")
        }
    }

    /// Reads a configuration file.
    ///
    /// - Parameter path: The file's path.
    /// - Returns: The validated configuration.
    /// - Throws: ``ClubConfigurationError``: ``ClubConfigurationError/Code/unreadableFile`` when the file
    ///   cannot be read, else as ``decode(json:)``.
    public static func load(path: String) throws -> ClubConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ClubConfigurationError(.unreadableFile, path: path, "cannot read the file: check the path")
        }
        return try decode(json: data)
    }
}

extension ClubConfigurationError {
    /// A journey policy's error under a JSON key: its message starts with the field at fault
    /// (`quietMarginDays: must be less than …`), which becomes part of the path.
    static func from(_ error: JourneyError, under key: String) -> ClubConfigurationError {
        let parts = error.message.split(separator: ": ", maxSplits: 1)
        if parts.count == 2, !parts[0].contains(" ") {
            return ClubConfigurationError(.invalidConfiguration, path: "\(key).\(parts[0])", String(parts[1]))
        }
        return ClubConfigurationError(.invalidConfiguration, path: key, error.message)
    }

    static func from(_ error: DecodingError) -> ClubConfigurationError {
        func render(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ClubConfigurationError(
                .invalidConfiguration,
                path: render(context.codingPath + [key]),
                "the key '\(key.stringValue)' is required"
            )
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return ClubConfigurationError(
                .invalidConfiguration,
                path: render(context.codingPath),
                context.debugDescription
            )
        case .dataCorrupted(let context):
            let detail = (context.underlyingError as? NSError)?.localizedDescription ?? context.debugDescription
            return ClubConfigurationError(
                .invalidConfiguration,
                path: render(context.codingPath),
                context.codingPath.isEmpty ? "the file is not valid JSON (\(detail))" : context.debugDescription
            )
        @unknown default:
            return ClubConfigurationError(.invalidConfiguration, path: "", "\(error)")
        }
    }
}
