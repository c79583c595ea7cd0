import Foundation
import SupportCore

/// The rules of the support line as data: channels and their hours, response promises, scope, absences.
///
/// A policy is validated when created or decoded; ``decide(_:at:)`` then turns a new message and the
/// instant into the automatic replies to send (see ``BoundariesDecision``), and
/// ``publishedRules(in:)`` renders the rules a member can read.
///
/// ```swift
/// let policy = try BoundariesPolicy.seedDefaults(hours: officeHours, chatHours: chatHours)
/// let decision = policy.decide(.init(channel: .liveChat, reason: .access, priority: .urgent), at: now)
/// ```
public struct BoundariesPolicy: Sendable, Hashable, Codable {
    /// The support line's hours: the calendar business time is counted on.
    public let hours: BusinessCalendar
    /// The channels offered.
    public let channels: [ChannelPolicy]
    /// The response promises per priority.
    public let promises: [Priority: ResponseTargets]
    /// What the line handles and what it does not.
    public let scope: ScopePolicy
    /// Dated absences.
    public let absences: [Absence]
    /// The shortest time between two after-hours notices to one member, in seconds (a day by default).
    public let afterHoursNoticeInterval: TimeInterval
    /// Each absence's real range `[start of from, start of the day after through)`.
    let absenceRanges: [DateInterval]

    /// Creates a policy, validating it.
    ///
    /// - Parameters:
    ///   - hours: The line's hours.
    ///   - channels: The channels offered.
    ///   - promises: The response promises per priority.
    ///   - scope: What the line handles.
    ///   - absences: Dated absences.
    ///   - afterHoursNoticeInterval: The shortest time between two after-hours notices to one member.
    /// - Throws: ``BoundariesError`` naming the path of the first invalid value.
    public init(
        hours: BusinessCalendar,
        channels: [ChannelPolicy] = [],
        promises: [Priority: ResponseTargets] = [:],
        scope: ScopePolicy = ScopePolicy(),
        absences: [Absence] = [],
        afterHoursNoticeInterval: TimeInterval = 86_400
    ) throws {
        try self.init(
            hours: hours,
            channels: channels,
            promises: promises,
            scope: scope,
            absences: absences,
            afterHoursNoticeInterval: afterHoursNoticeInterval,
            path: ""
        )
    }

    private init(
        hours: BusinessCalendar,
        channels: [ChannelPolicy],
        promises: [Priority: ResponseTargets],
        scope: ScopePolicy,
        absences: [Absence],
        afterHoursNoticeInterval: TimeInterval,
        path: String
    ) throws {
        let prefix = path.isEmpty ? "" : "\(path)."
        var seen: Set<ChannelKind> = []
        for (index, channel) in channels.enumerated() {
            let channelPath = "\(prefix)channels[\(index)]"
            guard seen.insert(channel.kind).inserted else {
                throw BoundariesError(
                    .invalidConfiguration,
                    path: "\(channelPath).kind",
                    "the channel \(channel.kind) is listed twice: list each channel once"
                )
            }
            for key in channel.purpose.keys.sorted() where LocaleTag(rawValue: key) == nil {
                throw BoundariesError(
                    .invalidConfiguration,
                    path: "\(channelPath).purpose.\(key)",
                    "'\(key)' is not a language tag: key each purpose by a tag such as en, ru or es"
                )
            }
            try Self.check(channel.firstReply, path: "\(channelPath).firstReply")
        }
        for priority in Priority.allCases {
            guard let targets = promises[priority] else { continue }
            let promisePath = "\(prefix)promises.\(priority)"
            try Self.check(targets.firstReply, path: "\(promisePath).firstReply")
            try Self.check(targets.nextReply, path: "\(promisePath).nextReply")
            try Self.check(targets.resolution, path: "\(promisePath).resolution")
        }
        var outOfScope: Set<ContactReason> = []
        for (index, entry) in scope.outOfScope.enumerated() {
            let entryPath = "\(prefix)scope.outOfScope[\(index)]"
            guard outOfScope.insert(entry.reason).inserted else {
                throw BoundariesError(
                    .invalidConfiguration,
                    path: "\(entryPath).reason",
                    "\(entry.reason) is listed out of scope twice: list each reason once"
                )
            }
            guard !scope.handled.contains(entry.reason) else {
                throw BoundariesError(
                    .conflictingSettings,
                    path: "\(entryPath).reason",
                    "\(entry.reason) is both handled and out of scope: remove it from one of the lists"
                )
            }
            guard !entry.redirect.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw BoundariesError(
                    .invalidConfiguration,
                    path: "\(entryPath).redirect",
                    "say where to go instead for \(entry.reason): a link, an address or a service"
                )
            }
        }
        try scope.misuse?.validate(path: "\(prefix)scope.misuse")
        var ranges: [DateInterval] = []
        for (index, absence) in absences.enumerated() {
            let absencePath = "\(prefix)absences[\(index)]"
            let first = try Self.day(absence.from, path: "\(absencePath).from")
            let last = try Self.day(absence.through, path: "\(absencePath).through")
            guard last >= first else {
                throw BoundariesError(
                    .reversedRange,
                    path: "\(absencePath).through",
                    "the absence ends (\(absence.through)) before it starts (\(absence.from)): swap the dates"
                )
            }
            ranges.append(DateInterval(start: hours.startOfLocalDay(first), end: hours.startOfLocalDay(last + 1)))
        }
        guard afterHoursNoticeInterval.isFinite, afterHoursNoticeInterval >= 0 else {
            throw BoundariesError(
                .invalidDuration,
                path: "\(prefix)afterHoursNoticeInterval",
                "the interval between after-hours notices must be zero or more seconds"
            )
        }
        self.hours = hours
        self.channels = channels
        self.promises = promises
        self.scope = scope
        self.absences = absences
        self.afterHoursNoticeInterval = afterHoursNoticeInterval
        self.absenceRanges = ranges
    }

    private static func check(_ duration: BusinessDuration?, path: String) throws {
        guard let duration else { return }
        guard duration.seconds.isFinite, duration.seconds > 0, duration.seconds < 100 * 365 * 86_400 else {
            throw BoundariesError(
                .invalidDuration,
                path: path,
                "a promise must be a positive number of seconds under 100 years (got \(duration.seconds))"
            )
        }
    }

    private static func day(_ text: String, path: String) throws -> Int64 {
        guard let day = CivilTime.parseDate(text), Instant.supportedDays.contains(day) else {
            throw BoundariesError(
                .invalidDate,
                path: path,
                "'\(text)' is not a date: write yyyy-MM-dd, a real date from 1950-01-01 to 2199-12-31"
            )
        }
        return day
    }

    /// The seeds' defaults: answer within 24 hours; conversational channels within 20 minutes while open.
    ///
    /// Every priority promises a first and next reply within 24 hours of calendar time. Email, the web
    /// form and the support portal follow `hours`; the conversational channels (live chat, in-platform
    /// messages, Telegram, WhatsApp) follow `chatHours` and promise 20 minutes of their open time.
    ///
    /// - Parameters:
    ///   - hours: The line's hours.
    ///   - chatHours: When someone is on for the conversational channels; `nil` uses `hours`.
    /// - Returns: The policy.
    /// - Throws: Never for valid calendars; ``BoundariesError`` otherwise.
    public static func seedDefaults(
        hours: BusinessCalendar,
        chatHours: BusinessCalendar? = nil
    ) throws
        -> BoundariesPolicy
    {
        let day = BusinessDuration.calendar(24 * 3600)
        let targets = ResponseTargets(firstReply: day, nextReply: day)
        let written: [ChannelPolicy] = [
            ChannelPolicy(kind: .email, reasons: [.access, .billing, .refund, .cancelSubscription, .other]),
            ChannelPolicy(kind: .webForm, reasons: [.brokenFeature, .feedback, .registration]),
            ChannelPolicy(kind: .supportPortal, reasons: [.access, .brokenFeature, .contentQuestion]),
        ]
        let conversational = [ChannelKind.liveChat, .inPlatform, .telegram, .whatsApp].map { kind in
            ChannelPolicy(
                kind: kind,
                reasons: [.access, .contentQuestion, .preSales],
                hours: chatHours ?? hours,
                firstReply: .business(20 * 60)
            )
        }
        return try BoundariesPolicy(
            hours: hours,
            channels: written + conversational,
            promises: Dictionary(uniqueKeysWithValues: Priority.allCases.map { ($0, targets) }),
            scope: ScopePolicy(
                outOfScope: [
                    OutOfScopeReason(reason: .personalConsultation, redirect: "book a paid consultation on the site")
                ]
            )
        )
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case hours
        case channels
        case promises
        case scope
        case absences
        case afterHoursNoticeInterval
    }

    /// Decodes a policy and validates it; see the article <doc:BoundariesConfiguration> for the format.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for malformed JSON, ``BoundariesError`` for invalid values.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let path = ConfigurationPath.render(decoder.codingPath)
        let rawPromises = try container.decodeIfPresent([String: ResponseTargets].self, forKey: .promises) ?? [:]
        var promises: [Priority: ResponseTargets] = [:]
        for (key, targets) in rawPromises {
            guard let priority = Priority(rawValue: key) else {
                throw BoundariesError(
                    .invalidConfiguration,
                    path: "\(path.isEmpty ? "" : "\(path).")promises.\(key)",
                    "'\(key)' is not a priority: use low, normal, high or urgent"
                )
            }
            promises[priority] = targets
        }
        try self.init(
            hours: container.decode(BusinessCalendar.self, forKey: .hours),
            channels: container.decodeIfPresent([ChannelPolicy].self, forKey: .channels) ?? [],
            promises: promises,
            scope: container.decodeIfPresent(ScopePolicy.self, forKey: .scope) ?? ScopePolicy(),
            absences: container.decodeIfPresent([Absence].self, forKey: .absences) ?? [],
            afterHoursNoticeInterval: container.decodeIfPresent(TimeInterval.self, forKey: .afterHoursNoticeInterval)
                ?? 86_400,
            path: path
        )
    }

    /// Encodes the policy in the configuration format.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hours, forKey: .hours)
        try container.encode(channels, forKey: .channels)
        let keyed = Dictionary(uniqueKeysWithValues: promises.map { ($0.key.rawValue, $0.value) })
        try container.encode(keyed, forKey: .promises)
        try container.encode(scope, forKey: .scope)
        try container.encode(absences, forKey: .absences)
        try container.encode(afterHoursNoticeInterval, forKey: .afterHoursNoticeInterval)
    }

    /// Decodes a policy from JSON, reporting every problem as a ``BoundariesError`` with its path.
    ///
    /// Malformed JSON, a missing key or a value of the wrong type becomes
    /// ``BoundariesError/Code/invalidConfiguration`` with the path of the value, such as
    /// `channels[1].kind`; invalid values keep their own codes.
    ///
    /// - Parameter data: The JSON.
    /// - Returns: The validated policy.
    /// - Throws: ``BoundariesError``.
    public static func decode(json data: Data) throws -> BoundariesPolicy {
        try ConfigurationPath.decode(BoundariesPolicy.self, from: data)
    }
}

extension ConfigurationPath {
    /// Decodes JSON, turning decoding errors into ``BoundariesError`` values that name the path.
    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            let (path, detail): (String, String)
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                (path, detail) = (render(context.codingPath), context.debugDescription)
            case .keyNotFound(let key, let context):
                (path, detail) = (render(context.codingPath + [key]), "the key '\(key.stringValue)' is required")
            @unknown default:
                (path, detail) = ("", "\(error)")
            }
            throw BoundariesError(.invalidConfiguration, path: path, detail)
        }
    }
}
