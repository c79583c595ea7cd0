import Foundation

/// The configuration document: ``DeskConfiguration`` as JSON, in nested groups.
///
/// Every key is optional and `{}` gives `DeskConfiguration()`; the article "The configuration document" describes them.
extension DeskConfiguration: Codable {
    static let documentKeys = [
        "hours", "boundaries", "acknowledgement", "sla", "routing", "delivery", "tickets", "templates", "selfService",
        "rulesLink", "refunds", "moderation", "journey", "ratings", "alerts",
        "macros",
    ]
    private static let slaKeys = [
        "targets", "warningFraction", "warningFractions", "escalations", "alertsOutsideHours",
    ]
    private static let routingKeys = ["agents", "strategy", "autoAssign", "priorities", "classifier"]
    private static let deliveryKeys = [
        "retryDelay", "claimDuration", "claimOnCommit", "maximumAttempts", "storeScanInterval",
    ]
    private static let ticketKeys = [
        "autoCloseAfter", "maximumBodyBytes", "maximumSubjectLength", "conflictRetries", "numberPrefix",
    ]
    private static let ratingKeys = ["askAfterSolve"]

    /// Decodes and validates a configuration document.
    ///
    /// `hours` is the support line's calendar (else `boundaries.hours`); with it, `boundaries` defaults to
    /// `BoundariesPolicy.seedDefaults(hours:)` and `sla` to the published promises on those hours.
    /// `"acknowledgement": false` sends no automatic replies (``boundaries`` `nil`); `"sla": false` runs
    /// no SLA clocks. Unknown keys are refused.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: ``DeskConfigurationError`` naming the JSON path of the first problem.
    public init(from decoder: any Decoder) throws {
        let root = try DocumentGroup(decoder, known: Self.documentKeys)
        try root.refuseUnknownKeys()
        var configuration = DeskConfiguration()

        let published = try root.decode(BoundariesPolicy.self, "boundaries")
        let hours = try root.decode(BusinessCalendar.self, "hours") ?? published?.hours
        configuration.hours = hours
        var boundaries = published
        if boundaries == nil, let hours {
            do {
                boundaries = try BoundariesPolicy.seedDefaults(hours: hours)
            } catch {
                throw DeskConfigurationError.from(error, at: ConfigurationKey.join(root.path, "hours"))
            }
        }
        let acknowledgement = try root.decode(Bool.self, "acknowledgement") ?? true
        configuration.boundaries = acknowledgement ? boundaries : nil
        configuration.sla = try Self.decodeSLA(root, calendar: hours, promises: boundaries?.promises ?? [:])

        if let routing = try root.group("routing", known: Self.routingKeys) {
            configuration.agents = try routing.decode([AgentProfile].self, "agents") ?? []
            var settings = RoutingSettings()
            if let classifier = try routing.decode(ClassifierConfiguration.self, "classifier") {
                do {
                    settings = try RoutingSettings(compiling: classifier)
                } catch {
                    throw DeskConfigurationError.from(error, at: ConfigurationKey.join(routing.path, "classifier"))
                }
            }
            settings.priorities = try routing.decode(PriorityPolicy.self, "priorities") ?? settings.priorities
            settings.strategy = try routing.decode(AssignmentStrategy.self, "strategy") ?? settings.strategy
            settings.autoAssign = try routing.decode(Bool.self, "autoAssign") ?? settings.autoAssign
            configuration.routing = settings
        }
        if let delivery = try root.group("delivery", known: Self.deliveryKeys) {
            configuration.deliveryRetryDelay =
                try delivery.decode(Double.self, "retryDelay") ?? configuration.deliveryRetryDelay
            configuration.deliveryClaimDuration =
                try delivery.decode(Double.self, "claimDuration") ?? configuration.deliveryClaimDuration
            configuration.deliveryClaimsOnCommit =
                try delivery.decode(Bool.self, "claimOnCommit") ?? configuration.deliveryClaimsOnCommit
            configuration.maximumDeliveryAttempts =
                try delivery.decode(Int.self, "maximumAttempts") ?? configuration.maximumDeliveryAttempts
            configuration.storeScanInterval =
                try delivery.decode(Double.self, "storeScanInterval") ?? configuration.storeScanInterval
        }
        if let tickets = try root.group("tickets", known: Self.ticketKeys) {
            configuration.autoCloseAfter =
                try tickets.decode(Double.self, "autoCloseAfter") ?? configuration.autoCloseAfter
            configuration.maximumBodyBytes =
                try tickets.decode(Int.self, "maximumBodyBytes") ?? configuration.maximumBodyBytes
            configuration.maximumSubjectLength =
                try tickets.decode(Int.self, "maximumSubjectLength") ?? configuration.maximumSubjectLength
            configuration.conflictRetries =
                try tickets.decode(Int.self, "conflictRetries") ?? configuration.conflictRetries
            configuration.ticketNumberPrefix =
                try tickets.decode(String.self, "numberPrefix") ?? configuration.ticketNumberPrefix
        }
        if let templates = try root.decode([String: [String: String]].self, "templates") {
            configuration.templates = try Self.catalog(templates, path: ConfigurationKey.join(root.path, "templates"))
        }
        if let links = try root.decode([String: [SelfServiceLink]].self, "selfService") {
            for (key, list) in links {
                guard !key.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw root.failure("selfService", "a self-service key must be a contact reason such as billing")
                }
                configuration.selfService[ContactReason(rawValue: key)] = list
            }
        }
        configuration.rulesLink = try root.decode(String.self, "rulesLink")
        configuration.refunds = try root.decode(RefundPolicy.self, "refunds")
        configuration.moderation = try root.decode(ModerationPolicy.self, "moderation") ?? configuration.moderation
        configuration.journey = try root.decode(JourneyPolicy.self, "journey")
        if let ratings = try root.group("ratings", known: Self.ratingKeys) {
            configuration.requestsRatings = try ratings.decode(Bool.self, "askAfterSolve") ?? false
        }
        configuration.alertRecipients = try root.decode([AlertRecipient].self, "alerts") ?? []
        configuration.macros = try root.decode([Macro].self, "macros") ?? []
        do {
            try configuration.validate()
        } catch let error as DeskConfigurationError {
            throw error.under(root.path)
        }
        self = configuration
    }

    /// Reads the `sla` group: `false` for no clocks, else targets over the published promises.
    private static func decodeSLA(
        _ root: DocumentGroup,
        calendar: BusinessCalendar?,
        promises: [Priority: ResponseTargets]
    ) throws -> SLAPolicy? {
        if let flag = try? root.container.decode(Bool.self, forKey: ConfigurationKey("sla")) {
            guard flag, let calendar else { return nil }
            return SLAPolicy(calendar: calendar, targets: promises)
        }
        guard let group = try root.group("sla", known: slaKeys) else {
            return calendar.map { SLAPolicy(calendar: $0, targets: promises) }
        }
        guard let calendar else {
            throw root.failure(
                "sla",
                "the SLA clocks need the support line's hours: add \"hours\" (or \"boundaries\"), "
                    + "or write \"sla\": false"
            )
        }
        var targets = promises
        for (key, value) in try group.decode([String: ResponseTargets].self, "targets") ?? [:] {
            guard let priority = Priority(rawValue: key) else {
                throw group.failure("targets.\(key)", "'\(key)' is not a priority: use low, normal, high or urgent")
            }
            targets[priority] = value
        }
        var warnings = [0.75]
        if group.contains("warningFractions") {
            guard !group.contains("warningFraction") else {
                throw group.failure(
                    "warningFractions",
                    "give warningFraction (one warning) or warningFractions (several), not both"
                )
            }
            warnings = try group.decode([Double].self, "warningFractions") ?? []
            for (index, fraction) in warnings.enumerated()
            where !(fraction > 0 && fraction < 1) || (index > 0 && fraction <= warnings[index - 1]) {
                throw group.failure(
                    "warningFractions[\(index)]",
                    "each warning must be between 0 and 1 (exclusive) and above the one before it, such as "
                        + "[0.5, 0.75, 0.9]; not \(fraction)"
                )
            }
        } else if group.contains("warningFraction") {
            warnings = try group.decode(Double.self, "warningFraction").map { [$0] } ?? []
        }
        return SLAPolicy(
            calendar: calendar,
            targets: targets,
            warningFractions: warnings,
            escalations: try group.decode([SLAEscalation].self, "escalations") ?? [],
            alertsOutsideHours: try group.decode(Bool.self, "alertsOutsideHours") ?? false
        )
    }

    /// The built-in templates with the document's overrides.
    private static func catalog(_ overrides: [String: [String: String]], path: String) throws -> TemplateCatalog {
        var catalog = TemplateCatalog.builtIn
        for key in overrides.keys.sorted() {
            guard !key.isEmpty else {
                throw DeskConfigurationError(.invalidConfiguration, path: path, "a template key is empty")
            }
            for (tag, text) in overrides[key] ?? [:] {
                let here = "\(path).\(key).\(tag)"
                guard let locale = LocaleTag(rawValue: tag) else {
                    throw DeskConfigurationError(
                        .invalidConfiguration,
                        path: here,
                        "'\(tag)' is not a language tag: key texts by en, ru, es, …"
                    )
                }
                do {
                    try catalog.set(TemplateKey(rawValue: key), for: locale, to: text)
                } catch {
                    throw DeskConfigurationError.from(error, at: here)
                }
            }
        }
        return catalog
    }

    /// Encodes the configuration as the document ``init(from:)`` reads.
    ///
    /// Everything the document carries is written, so decoding the result gives the same configuration;
    /// templates are written as the texts that differ from the built-in ones.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var root = encoder.container(keyedBy: ConfigurationKey.self)
        func key(_ name: String) -> ConfigurationKey { ConfigurationKey(name) }
        let calendar = hours ?? sla?.calendar ?? boundaries?.hours
        try root.encodeIfPresent(calendar, forKey: key("hours"))
        try root.encodeIfPresent(boundaries, forKey: key("boundaries"))
        if calendar != nil { try root.encode(boundaries != nil, forKey: key("acknowledgement")) }
        if let sla {
            var group = root.nestedContainer(keyedBy: ConfigurationKey.self, forKey: key("sla"))
            let targets = Dictionary(uniqueKeysWithValues: sla.targets.map { ($0.key.rawValue, $0.value) })
            try group.encode(targets, forKey: key("targets"))
            if sla.warningFractions.count > 1 {
                try group.encode(sla.warningFractions, forKey: key("warningFractions"))
            } else if let fraction = sla.warningFraction {
                try group.encode(fraction, forKey: key("warningFraction"))
            } else {
                try group.encodeNil(forKey: key("warningFraction"))
            }
            try group.encode(sla.escalations, forKey: key("escalations"))
            if sla.alertsOutsideHours { try group.encode(true, forKey: key("alertsOutsideHours")) }
        } else if calendar != nil {
            try root.encode(false, forKey: key("sla"))
        }
        var routingGroup = root.nestedContainer(keyedBy: ConfigurationKey.self, forKey: key("routing"))
        try routingGroup.encode(agents, forKey: key("agents"))
        try routingGroup.encode(routing.strategy, forKey: key("strategy"))
        try routingGroup.encode(routing.autoAssign, forKey: key("autoAssign"))
        if routing.priorities != .builtIn { try routingGroup.encode(routing.priorities, forKey: key("priorities")) }
        try routingGroup.encodeIfPresent(routing.classifierConfiguration, forKey: key("classifier"))
        var delivery = root.nestedContainer(keyedBy: ConfigurationKey.self, forKey: key("delivery"))
        try delivery.encode(deliveryRetryDelay, forKey: key("retryDelay"))
        try delivery.encode(deliveryClaimDuration, forKey: key("claimDuration"))
        if deliveryClaimsOnCommit { try delivery.encode(true, forKey: key("claimOnCommit")) }
        try delivery.encode(maximumDeliveryAttempts, forKey: key("maximumAttempts"))
        try delivery.encodeIfPresent(storeScanInterval, forKey: key("storeScanInterval"))
        var tickets = root.nestedContainer(keyedBy: ConfigurationKey.self, forKey: key("tickets"))
        try tickets.encode(autoCloseAfter, forKey: key("autoCloseAfter"))
        try tickets.encode(maximumBodyBytes, forKey: key("maximumBodyBytes"))
        try tickets.encode(maximumSubjectLength, forKey: key("maximumSubjectLength"))
        try tickets.encode(conflictRetries, forKey: key("conflictRetries"))
        try tickets.encode(ticketNumberPrefix, forKey: key("numberPrefix"))
        let overrides = templateOverrides
        if !overrides.isEmpty { try root.encode(overrides, forKey: key("templates")) }
        if !selfService.isEmpty {
            let links = Dictionary(uniqueKeysWithValues: selfService.map { ($0.key.rawValue, $0.value) })
            try root.encode(links, forKey: key("selfService"))
        }
        try root.encodeIfPresent(rulesLink, forKey: key("rulesLink"))
        try root.encodeIfPresent(refunds, forKey: key("refunds"))
        try root.encode(moderation, forKey: key("moderation"))
        try root.encodeIfPresent(journey, forKey: key("journey"))
        var ratings = root.nestedContainer(keyedBy: ConfigurationKey.self, forKey: key("ratings"))
        try ratings.encode(requestsRatings, forKey: key("askAfterSolve"))
        if !alertRecipients.isEmpty { try root.encode(alertRecipients, forKey: key("alerts")) }
        if !macros.isEmpty { try root.encode(macros, forKey: key("macros")) }
    }

    /// The template texts that differ from the built-in ones, by key and language tag.
    private var templateOverrides: [String: [String: String]] {
        let builtIn = TemplateCatalog.builtIn
        var overrides: [String: [String: String]] = [:]
        for key in templates.keys {
            let builtInLocales = builtIn.locales(of: key)
            for locale in templates.locales(of: key) {
                guard let source = templates.template(key, for: locale)?.source else { continue }
                if builtInLocales.contains(locale), builtIn.template(key, for: locale)?.source == source { continue }
                overrides[key.rawValue, default: [:]][locale.rawValue] = source
            }
        }
        return overrides
    }

    /// Reads and validates a configuration document.
    ///
    /// ```swift
    /// let json = #"{"routing": {"agents": [{"id": "olga", "displayName": "Olga"}]}, "sla": false}"#
    /// let configuration = try DeskConfiguration.decode(json: Data(json.utf8))
    /// ```
    ///
    /// - Parameter data: The JSON.
    /// - Returns: The configuration.
    /// - Throws: ``DeskConfigurationError`` naming the JSON path of the first problem (malformed JSON has
    ///   an empty path).
    public static func decode(json data: Data) throws -> DeskConfiguration {
        do {
            return try JSONDecoder().decode(DeskConfiguration.self, from: data)
        } catch {
            throw DeskConfigurationError.from(error, at: "")
        }
    }

    /// Reads and validates a configuration file.
    ///
    /// - Parameter path: The file's path.
    /// - Returns: The configuration.
    /// - Throws: ``DeskConfigurationError``: ``DeskConfigurationError/Code/unreadableFile`` (with the file's
    ///   path) when the file cannot be read, else as ``decode(json:)``.
    public static func load(path: String) throws -> DeskConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DeskConfigurationError(.unreadableFile, path: path, "cannot read the file: check the path")
        }
        return try decode(json: data)
    }

    /// The configuration as a JSON document, keys sorted, pretty-printed.
    ///
    /// - Returns: The JSON.
    /// - Throws: Whatever `JSONEncoder` throws.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
