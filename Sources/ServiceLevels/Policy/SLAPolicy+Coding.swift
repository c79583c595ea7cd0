import Foundation
import SupportBoundaries
import SupportCore
import TicketLifecycle

/// The JSON form of an SLA policy, the shape of the `sla` section of a club file:
///
/// ```json
/// { "calendar": { "timeZone": "Europe/Moscow",
///                 "windows": [{ "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "start": "09:00", "end": "18:00" }] },
///   "targets": { "urgent": { "firstReply": { "business": 7200 }, "resolution": { "business": 57600 } } },
///   "warningFractions": [0.5, 0.75, 0.9],
///   "escalations": [{ "after": 7200, "action": "raisePriority" }] }
/// ```
///
/// Every key is optional: without `calendar` the policy counts on a calendar open around the clock in
/// UTC (so business time is calendar time), without `targets` no priority has clocks, without
/// `warningFraction` / `warningFractions` one warning fires at 0.75 (`"warningFraction": null` or
/// `"warningFractions": []` turns it off; give one of the two keys, not both), without `escalations`
/// there is no ladder, without `alertsOutsideHours` warnings and escalations of calendar-time targets
/// wait for the calendar's next opening. A club file leaves out the calendar and the targets and takes them from its published
/// rules with ``SLAPolicy/layered(over:)``.
extension SLAPolicy: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case calendar, targets, warningFraction, warningFractions, escalations, alertsOutsideHours
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes a policy from its JSON form and validates it.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: ``ServiceLevelError`` with ``ServiceLevelError/Code/invalidPolicy`` naming the path of
    ///   an unknown key, an unknown priority or an invalid value (see ``validate()``); `BoundariesError`
    ///   for an invalid calendar; a `DecodingError` for a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let prefix = Self.render(decoder.codingPath)
        func path(_ tail: String) -> String { prefix.isEmpty ? tail : "\(prefix).\(tail)" }

        let everything = try decoder.container(keyedBy: AnyKey.self)
        for key in everything.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
        where CodingKeys(stringValue: key.stringValue) == nil {
            throw ServiceLevelError(
                .invalidPolicy,
                path: path(key.stringValue),
                "unknown key; an SLA policy has calendar, targets, warningFraction or warningFractions, "
                    + "escalations and alertsOutsideHours"
            )
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let calendar =
            try container.decodeIfPresent(BusinessCalendar.self, forKey: .calendar)
            ?? BusinessCalendar.alwaysOpen(timeZone: "UTC")
        let named = try container.decodeIfPresent([String: ResponseTargets].self, forKey: .targets) ?? [:]
        var targets: [Priority: ResponseTargets] = [:]
        for (name, value) in named.sorted(by: { $0.key < $1.key }) {
            guard let priority = Priority(rawValue: name) else {
                throw ServiceLevelError(
                    .invalidPolicy,
                    path: path("targets.\(name)"),
                    "'\(name)' is not a priority: use low, normal, high or urgent"
                )
            }
            targets[priority] = value
        }
        let warningFractions: [Double]
        let listed = container.contains(.warningFractions)
        if listed && container.contains(.warningFraction) {
            throw ServiceLevelError(
                .invalidPolicy,
                path: path("warningFractions"),
                "give warningFraction (one warning) or warningFractions (several), not both"
            )
        } else if listed {
            warningFractions = try container.decode([Double].self, forKey: .warningFractions)
        } else if container.contains(.warningFraction) {
            warningFractions = try container.decodeIfPresent(Double.self, forKey: .warningFraction).map { [$0] } ?? []
        } else {
            warningFractions = [0.75]
        }
        self.init(
            calendar: calendar,
            targets: targets,
            warningFractions: warningFractions,
            escalations: try container.decodeIfPresent([SLAEscalation].self, forKey: .escalations) ?? [],
            alertsOutsideHours: try container.decodeIfPresent(Bool.self, forKey: .alertsOutsideHours) ?? false
        )
        do {
            try validate()
        } catch let error as ServiceLevelError {
            // A single fraction given as a list is named by its place in the list.
            let own = listed && error.path == "warningFraction" ? "warningFractions[0]" : error.path
            throw ServiceLevelError(error.code, path: own.map(path), error.message)
        }
    }

    /// Encodes the policy in the form ``init(from:)`` reads: one warning as `warningFraction` (none as
    /// `"warningFraction": null`), several as `warningFractions`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(calendar, forKey: .calendar)
        let named = Dictionary(uniqueKeysWithValues: targets.map { ($0.key.rawValue, $0.value) })
        try container.encode(named, forKey: .targets)
        if warningFractions.count > 1 {
            try container.encode(warningFractions, forKey: .warningFractions)
        } else if let warningFraction {
            try container.encode(warningFraction, forKey: .warningFraction)
        } else {
            try container.encodeNil(forKey: .warningFraction)
        }
        try container.encode(escalations, forKey: .escalations)
        if alertsOutsideHours { try container.encode(true, forKey: .alertsOutsideHours) }
    }

    /// Decodes a policy from JSON, reporting a malformed document as a ``ServiceLevelError`` with its path.
    ///
    /// A value of the wrong type, a missing key inside a value or unreadable JSON becomes
    /// ``ServiceLevelError/Code/invalidPolicy`` with the path of the value, such as
    /// `escalations[0].action`; invalid values are reported as by ``init(from:)``.
    ///
    /// - Parameter data: The JSON.
    /// - Returns: The validated policy.
    /// - Throws: ``ServiceLevelError``, or `BoundariesError` for an invalid calendar.
    public static func decode(json data: Data) throws -> SLAPolicy {
        do {
            return try JSONDecoder().decode(SLAPolicy.self, from: data)
        } catch let error as DecodingError {
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                let path = render(context.codingPath)
                throw ServiceLevelError(.invalidPolicy, path: path.isEmpty ? nil : path, context.debugDescription)
            case .keyNotFound(let key, let context):
                throw ServiceLevelError(
                    .invalidPolicy,
                    path: render(context.codingPath + [key]),
                    "the key '\(key.stringValue)' is required"
                )
            @unknown default:
                throw ServiceLevelError(.invalidPolicy, "\(error)")
            }
        }
    }

    /// This policy on the hours of published rules, its targets laid over the published promises.
    ///
    /// This is how a club file's `sla` section applies: the calendar is the rules' hours, and each
    /// priority keeps its published promise unless this policy sets a target for it. The warning and
    /// the escalation ladder are this policy's.
    ///
    /// - Parameter boundaries: The published rules of the support line.
    /// - Returns: The combined policy.
    public func layered(over boundaries: BoundariesPolicy) -> SLAPolicy {
        SLAPolicy(
            calendar: boundaries.hours,
            targets: boundaries.promises.merging(targets) { _, own in own },
            warningFractions: warningFractions,
            escalations: escalations,
            alertsOutsideHours: alertsOutsideHours
        )
    }

    /// Renders a coding path as a JSON path such as `escalations[1].after`.
    private static func render(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
