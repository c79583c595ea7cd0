import Foundation
import SupportEngine

/// A club as one JSON document: its name, its size, the desk it runs and the traffic a simulation plays
/// against it.
///
/// ```json
/// { "name": "Morning Yoga Club", "members": 1500, "desk": { "hours": {...}, "routing": {...} }, "traffic": {...} }
/// ```
///
/// `desk` is the desk's configuration document (`DeskConfiguration`, see the SupportEngine article
/// "The configuration document"), exactly as a host application reads it. Read a club with
/// ``decode(json:)``, which names the JSON path of any problem (`desk.routing.agents[1].id`);
/// ``defaultClub(agents:members:)`` is the built-in club of `supportdesk simulate`. See
/// `Sources/SupportSimulation/Docs.docc/ClubFile.md`.
public struct ClubConfiguration: Sendable, Codable {
    /// The club's name, for reports.
    public var name: String
    /// How many members the club has.
    public var members: Int
    /// The desk the club runs: hours, published rules, agents, SLA, policies. A club's desk needs its
    /// hours and at least one agent.
    public var desk: DeskConfiguration
    /// The traffic a simulation plays.
    public var traffic: TrafficModel

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - name: The club's name.
    ///   - members: How many members.
    ///   - desk: The desk the club runs.
    ///   - traffic: The traffic a simulation plays.
    public init(name: String, members: Int, desk: DeskConfiguration, traffic: TrafficModel = TrafficModel()) {
        self.name = name
        self.members = members
        self.desk = desk
        self.traffic = traffic
    }

    private enum CodingKeys: String, CodingKey {
        case name, members, desk, traffic
    }

    /// The keys of the former club format that now live in the desk document.
    private static let movedKeys: Set<String> = [
        "hours", "boundaries", "acknowledgement", "agents", "sla", "priorities", "classifier", "selfService",
        "refunds", "moderation", "feedback", "rulesLink", "journey",
    ]

    /// Decodes a club and validates it; `name` defaults to "Club", `members` to 1500, `traffic` to the
    /// default model. Unknown keys are refused.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: ``ClubConfigurationError`` naming the path, such as `desk.delivery.retryDelay`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let all = try decoder.container(keyedBy: AnyKey.self)
        for key in all.allKeys.map(\.stringValue).sorted() where CodingKeys(rawValue: key) == nil {
            let moved = Self.movedKeys.contains(key)
            throw ClubConfigurationError(
                .invalidConfiguration,
                path: key,
                moved
                    ? "unknown key: the club file is {name, members, desk, traffic}; move '\(key)' into \"desk\" "
                        + "(see Sources/SupportSimulation/Docs.docc/ClubFile.md)"
                    : "unknown key: use one of name, members, desk, traffic"
            )
        }
        do {
            self.init(
                name: try container.decodeIfPresent(String.self, forKey: .name) ?? "Club",
                members: try container.decodeIfPresent(Int.self, forKey: .members) ?? 1500,
                desk: try container.decodeIfPresent(DeskConfiguration.self, forKey: .desk) ?? DeskConfiguration(),
                traffic: try container.decodeIfPresent(TrafficModel.self, forKey: .traffic) ?? TrafficModel()
            )
        } catch let error as DeskConfigurationError {
            throw ClubConfigurationError(error)
        }
        try validate()
    }

    /// Encodes the club in the format ``init(from:)`` reads.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(members, forKey: .members)
        try container.encode(desk, forKey: .desk)
        try container.encode(traffic, forKey: .traffic)
    }

    /// Checks the values a decoder cannot: the club's size, the desk (its hours, at least one agent, and
    /// everything `DeskConfiguration.validate()` checks) and the traffic.
    ///
    /// - Throws: ``ClubConfigurationError`` naming the path of the first bad value; problems inside the
    ///   desk document start with `desk.`.
    public func validate() throws {
        guard (1...10_000_000).contains(members) else {
            throw ClubConfigurationError(
                .invalidConfiguration,
                path: "members",
                "the club needs 1 to 10,000,000 members, not \(members)"
            )
        }
        guard desk.hours != nil else {
            throw ClubConfigurationError(
                .invalidConfiguration,
                path: "desk.hours",
                "the club's hours are required: a calendar such as {\"timeZone\": \"UTC\", \"windows\": [...]}"
            )
        }
        guard !desk.agents.isEmpty else {
            throw ClubConfigurationError(
                .invalidConfiguration,
                path: "desk.routing.agents",
                "list at least one agent: {\"id\": \"anna\", \"displayName\": \"Anna\"}"
            )
        }
        do {
            try desk.validate()
        } catch let error as DeskConfigurationError {
            throw ClubConfigurationError(error.under("desk"))
        }
        try traffic.validate()
    }

    /// Reads a configuration from JSON.
    ///
    /// - Parameter data: The JSON.
    /// - Returns: The validated configuration.
    /// - Throws: ``ClubConfigurationError`` naming the path of the problem.
    public static func decode(json data: Data) throws -> ClubConfiguration {
        do {
            return try JSONDecoder().decode(ClubConfiguration.self, from: data)
        } catch let error as ClubConfigurationError {
            throw error
        } catch let error as DeskConfigurationError {
            throw ClubConfigurationError(error)
        } catch let error as DecodingError {
            throw ClubConfigurationError(DeskConfigurationError.from(error))
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

/// Any key of a JSON object, to find the ones a type does not know.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension ClubConfigurationError {
    /// A desk document's error as a club error, keeping its path.
    init(_ error: DeskConfigurationError) {
        self.init(.invalidConfiguration, path: error.path, error.message)
    }
}
