import Foundation
import SupportBoundaries
import SupportCore
import TicketLifecycle

extension ResponseTargets {
    /// The target of a metric.
    ///
    /// - Parameter metric: The service-level metric.
    /// - Returns: ``firstReply``, ``nextReply`` or ``resolution``; `nil` when no promise is made.
    public func target(for metric: SLAMetric) -> BusinessDuration? {
        switch metric {
        case .firstReply: firstReply
        case .nextReply: nextReply
        case .resolution: resolution
        }
    }
}

/// The service levels the desk keeps: targets per priority on a business calendar, an early
/// warning, and an escalation ladder after a breach.
///
/// ```swift
/// let sla = SLAPolicy(
///     calendar: try BusinessCalendar(.init(timeZone: "Europe/Moscow", windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")])),
///     targets: [.urgent: .init(firstReply: .business(3600), nextReply: .business(7200), resolution: .business(8 * 3600))],
///     escalations: [SLAEscalation(after: 3600, action: .notify("lead"))]
/// )
/// ```
public struct SLAPolicy: Sendable, Hashable {
    /// The hours business-time targets count on.
    public var calendar: BusinessCalendar
    /// The targets per priority; a priority without an entry has no clocks.
    public var targets: [Priority: ResponseTargets]
    /// The fractions of a target after which a warning fires, increasing, each strictly between 0 and 1
    /// (`[0.75]` by default; `[0.5, 0.75, 0.9]` for three); empty for no warning.
    public var warningFractions: [Double]
    /// The escalation ladder after a breach, in order.
    public var escalations: [SLAEscalation]
    /// Whether warnings and escalations of *calendar-time* targets fire outside ``calendar``'s open hours.
    /// `false` (the default) holds them until the next opening, so nobody is woken at night; the breach
    /// itself is always recorded at its instant. Business-time targets only ever fall in open hours.
    public var alertsOutsideHours: Bool

    /// The first warning's fraction: the one fraction of a policy with a single warning; `nil` for none.
    /// Setting it replaces every fraction with this one.
    public var warningFraction: Double? {
        get { warningFractions.first }
        set { warningFractions = newValue.map { [$0] } ?? [] }
    }

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - calendar: The hours business-time targets count on.
    ///   - targets: The targets per priority.
    ///   - warningFraction: The fraction of a target after which the warning fires, strictly between 0
    ///     and 1; `nil` for no warning.
    ///   - escalations: The escalation ladder after a breach.
    public init(
        calendar: BusinessCalendar,
        targets: [Priority: ResponseTargets],
        warningFraction: Double? = 0.75,
        escalations: [SLAEscalation] = []
    ) {
        self.calendar = calendar
        self.targets = targets
        self.warningFractions = warningFraction.map { [$0] } ?? []
        self.escalations = escalations
        self.alertsOutsideHours = false
    }

    /// Creates a policy with several warnings.
    ///
    /// - Parameters:
    ///   - calendar: The hours business-time targets count on.
    ///   - targets: The targets per priority.
    ///   - warningFractions: The fractions of a target after which a warning fires, increasing, each
    ///     strictly between 0 and 1, such as `[0.5, 0.75, 0.9]`; empty for no warning.
    ///   - escalations: The escalation ladder after a breach.
    ///   - alertsOutsideHours: Whether warnings and escalations of calendar-time targets fire outside
    ///     the calendar's open hours.
    public init(
        calendar: BusinessCalendar,
        targets: [Priority: ResponseTargets],
        warningFractions: [Double],
        escalations: [SLAEscalation] = [],
        alertsOutsideHours: Bool = false
    ) {
        self.calendar = calendar
        self.targets = targets
        self.warningFractions = warningFractions
        self.escalations = escalations
        self.alertsOutsideHours = alertsOutsideHours
    }

    /// The seeds' promises: burning requests answered within 2 business hours, the rest within 24 hours.
    ///
    /// Urgent: first reply 2 h, next reply 4 h, resolution 16 h of business time. High: 8 h, 8 h and
    /// 24 h of business time. Normal and low: 24 h, 24 h and 72 h of calendar time.
    ///
    /// - Parameter calendar: The club's hours.
    /// - Returns: The policy, with the warning at 75 % and no escalations.
    public static func seedDefaults(calendar: BusinessCalendar) -> SLAPolicy {
        let hour: TimeInterval = 3600
        let everyday = ResponseTargets(
            firstReply: .calendar(24 * hour),
            nextReply: .calendar(24 * hour),
            resolution: .calendar(72 * hour)
        )
        return SLAPolicy(
            calendar: calendar,
            targets: [
                .urgent: ResponseTargets(
                    firstReply: .business(2 * hour),
                    nextReply: .business(4 * hour),
                    resolution: .business(16 * hour)
                ),
                .high: ResponseTargets(
                    firstReply: .business(8 * hour),
                    nextReply: .business(8 * hour),
                    resolution: .business(24 * hour)
                ),
                .normal: everyday,
                .low: everyday,
            ]
        )
    }

    /// The service levels a boundaries policy publishes: its promises per priority on its hours.
    ///
    /// - Parameters:
    ///   - boundaries: The published rules of the support line.
    ///   - warningFraction: The fraction of a target after which the warning fires.
    ///   - escalations: The escalation ladder after a breach.
    public init(boundaries: BoundariesPolicy, warningFraction: Double? = 0.75, escalations: [SLAEscalation] = []) {
        self.init(
            calendar: boundaries.hours,
            targets: boundaries.promises,
            warningFraction: warningFraction,
            escalations: escalations
        )
    }

    /// Checks the policy.
    ///
    /// - Throws: ``ServiceLevelError`` with ``ServiceLevelError/Code/invalidPolicy`` naming the JSON path
    ///   of the value: a target that is not above zero (`targets.urgent.firstReply`), a warning fraction
    ///   outside (0, 1) or not above the one before it (`warningFraction`, `warningFractions[1]`), an
    ///   escalation delay that is negative or out of order
    ///   (`escalations[1].after`).
    public func validate() throws {
        for priority in Priority.allCases {
            guard let targets = targets[priority] else { continue }
            for metric in SLAMetric.allCases {
                if let target = targets.target(for: metric), !(target.seconds > 0 && target.seconds.isFinite) {
                    throw ServiceLevelError(
                        .invalidPolicy,
                        path: "targets.\(priority.rawValue).\(Self.jsonKey(of: metric))",
                        "must be above zero (a finite number of seconds), not \(target.seconds)"
                    )
                }
            }
        }
        for (index, fraction) in warningFractions.enumerated() {
            let path = warningFractions.count == 1 ? "warningFraction" : "warningFractions[\(index)]"
            guard fraction > 0 && fraction < 1 else {
                throw ServiceLevelError(
                    .invalidPolicy,
                    path: path,
                    "must be between 0 and 1 (or null for no warning), not \(fraction)"
                )
            }
            guard index == 0 || fraction > warningFractions[index - 1] else {
                throw ServiceLevelError(
                    .invalidPolicy,
                    path: path,
                    "must be above the warning before it (\(warningFractions[index - 1])): list distinct fractions "
                        + "in increasing order, such as [0.5, 0.75, 0.9]"
                )
            }
        }
        var previous: TimeInterval = -1
        for (index, escalation) in escalations.enumerated() {
            guard escalation.after >= 0, escalation.after.isFinite, escalation.after > previous else {
                throw ServiceLevelError(
                    .invalidPolicy,
                    path: "escalations[\(index)].after",
                    "must be zero or more seconds and later than the level before it"
                )
            }
            previous = escalation.after
        }
    }

    /// The key of a metric's target in the JSON form of ``ResponseTargets``.
    private static func jsonKey(of metric: SLAMetric) -> String {
        switch metric {
        case .firstReply: "firstReply"
        case .nextReply: "nextReply"
        case .resolution: "resolution"
        }
    }
}

/// One level of the escalation ladder: how long after the breach, and what to do.
public struct SLAEscalation: Sendable, Hashable, Codable {
    /// Seconds after the breach, counted like the breached target (business or calendar time).
    public var after: TimeInterval
    /// What to do.
    public var action: SLAEscalationAction

    /// Creates a level.
    ///
    /// - Parameters:
    ///   - after: Seconds after the breach, counted like the breached target.
    ///   - action: What to do.
    public init(after: TimeInterval, action: SLAEscalationAction) {
        self.after = after
        self.action = action
    }
}

/// What an escalation level does.
///
/// In JSON: `"raisePriority"`, `{"notify": "lead"}` or `{"reassign": "owner"}`.
public enum SLAEscalationAction: Sendable, Hashable, Codable {
    /// Leave an internal note for a lead (hosts watch for it in the event log).
    case notify(AgentID)
    /// Raise the ticket's priority one step (never above urgent).
    case raisePriority
    /// Reassign the ticket to a named agent or the owner.
    case reassign(AgentID)

    private enum CodingKeys: String, CodingKey {
        case notify
        case reassign
    }

    /// Decodes `"raisePriority"`, `{"notify": "agent-id"}` or `{"reassign": "agent-id"}`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` naming the accepted forms.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            guard text == "raisePriority" else {
                throw DecodingError.dataCorruptedError(
                    in: single,
                    debugDescription: "unknown escalation action '\(text)': use \"raisePriority\", "
                        + "{\"notify\": \"agent\"} or {\"reassign\": \"agent\"}"
                )
            }
            self = .raisePriority
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let agent = try container.decodeIfPresent(AgentID.self, forKey: .notify) {
            self = .notify(agent)
        } else if let agent = try container.decodeIfPresent(AgentID.self, forKey: .reassign) {
            self = .reassign(agent)
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "an escalation action is \"raisePriority\", {\"notify\": \"agent\"} or "
                        + "{\"reassign\": \"agent\"}"
                )
            )
        }
    }

    /// Encodes the action in the forms ``init(from:)`` reads.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .raisePriority:
            var single = encoder.singleValueContainer()
            try single.encode("raisePriority")
        case .notify(let agent):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(agent, forKey: .notify)
        case .reassign(let agent):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(agent, forKey: .reassign)
        }
    }
}
