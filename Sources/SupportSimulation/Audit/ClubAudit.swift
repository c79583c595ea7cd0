import Foundation
import SupportEngine

/// A club configuration scored against the seeds' checklist of customer care.
///
/// Each of the community checklist's questions and the care article's steps is mapped to something a
/// configuration shows: at least two channels, published hours and promises, an acknowledgement, a
/// promise of at most 24 hours, self-service links for cancelling and for payment details, an absence
/// plan, moderation and refund rules, and a feedback step after solving.
public struct ClubAudit: Sendable {
    /// One check and its outcome.
    public struct Finding: Sendable, Hashable {
        /// A stable name for the check: `channels`, `acknowledgement`, ….
        public var check: String
        /// What the checklist asks.
        public var title: String
        /// Whether the configuration passes.
        public var passed: Bool
        /// What the configuration shows.
        public var detail: String
        /// What to change when it does not pass; empty when it passes.
        public var fix: String
    }

    /// The findings, in checklist order.
    public let findings: [Finding]

    /// How many checks pass.
    public var score: Int { findings.count { $0.passed } }

    /// The score out of 100.
    public var percent: Int { findings.isEmpty ? 0 : score * 100 / findings.count }

    /// Audits a club.
    ///
    /// - Parameter club: The configuration.
    public init(_ club: ClubConfiguration) {
        var findings: [Finding] = []
        func add(_ check: String, _ title: String, _ passed: Bool, _ detail: String, fix: String) {
            findings.append(Finding(check: check, title: title, passed: passed, detail: detail, fix: passed ? "" : fix))
        }
        let desk = club.desk
        let boundaries = desk.boundaries
        let channels = boundaries?.channels.map(\.kind.rawValue) ?? []
        add(
            "channels",
            "At least two ways to reach support",
            channels.count >= 2,
            channels.isEmpty ? "no channels are published" : "channels: \(channels.joined(separator: ", "))",
            fix: "list at least two channels in desk.boundaries.channels, e.g. email and live_chat"
        )
        add(
            "published_hours",
            "Hours and rules published",
            boundaries != nil && desk.rulesLink != nil,
            boundaries == nil
                ? "no boundaries: acknowledgement is off and nothing is published"
                : desk.rulesLink == nil
                    ? "boundaries are set but no rulesLink says where members read them"
                    : "rules published at \(desk.rulesLink!)",
            fix: "set desk.boundaries (hours, channels, promises) and desk.rulesLink to the page members read"
        )
        let promised = Priority.allCases.filter { boundaries?.promises[$0]?.firstReply != nil }
        add(
            "promises",
            "A response promise for every priority",
            promised.count == Priority.allCases.count,
            "first-reply promises for: \(promised.isEmpty ? "none" : promised.map(\.rawValue).joined(separator: ", "))",
            fix: "add desk.boundaries.promises.<priority>.firstReply for low, normal, high and urgent"
        )
        add(
            "acknowledgement",
            "Every message acknowledged with the expected reply time",
            boundaries != nil,
            boundaries != nil
                ? "acknowledgement on" : "acknowledgement off: members hear nothing until an agent writes",
            fix: "set \"acknowledgement\": true in desk"
        )
        let longestOpenDay = Self.longestOpenDay(of: club.hours)
        let slow = Priority.allCases.compactMap { priority -> String? in
            guard let target = boundaries?.promises[priority]?.firstReply else { return nil }
            switch target {
            case .calendar(let seconds): return seconds <= 86_400 ? nil : "\(priority) \(DurationFormat.target(target))"
            case .business(let seconds):
                return seconds <= max(longestOpenDay, 1) ? nil : "\(priority) \(DurationFormat.target(target))"
            }
        }
        add(
            "promise_24h",
            "A first reply promised within 24 hours",
            !promised.isEmpty && slow.isEmpty,
            slow.isEmpty
                ? (promised.isEmpty ? "no promise at all" : "every promise is within 24 h or one working day")
                : "too slow: \(slow.joined(separator: ", "))",
            fix: "promise a first reply within 24 h (calendar) or one working day of business time"
        )
        let cancel = desk.selfService[.cancelSubscription] ?? []
        add(
            "self_service_cancel",
            "Members can cancel by themselves",
            !cancel.isEmpty,
            cancel.isEmpty ? "no cancellation link" : "cancellation link: \(cancel[0].url)",
            fix: "add desk.selfService.cancel_subscription with the page where members cancel"
        )
        let payment = desk.selfService[.billing] ?? []
        add(
            "self_service_payment",
            "Members can change payment details by themselves",
            !payment.isEmpty,
            payment.isEmpty ? "no payment-details link" : "payment link: \(payment[0].url)",
            fix: "add desk.selfService.billing with the page where members change their card"
        )
        let uncovered = desk.agents.filter { $0.substitute == nil }.map(\.id.rawValue)
        let absences = boundaries?.absences.count ?? 0
        add(
            "absence_plan",
            "An absence plan: someone covers every agent",
            !desk.agents.isEmpty && uncovered.isEmpty,
            uncovered.isEmpty
                ? "every agent has a substitute\(absences > 0 ? ", \(absences) absence(s) announced" : "")"
                : "no substitute for: \(uncovered.joined(separator: ", "))",
            fix:
                "give every agent a substitute (desk.routing.agents[i].substitute); with one agent, name the owner as a second agent"
        )
        add(
            "moderation",
            "Conduct rules for difficult members",
            desk.rulesLink != nil,
            desk.rulesLink == nil
                ? "warnings cannot point members to published conduct rules (no rulesLink)"
                : "conduct ladder of \(desk.moderation.ladder.count) steps, rules at \(desk.rulesLink!)",
            fix: "set desk.rulesLink to the page with the conduct rules, and desk.moderation for the club's own "
                + "ladder (see Sources/Moderation/Docs.docc/ModerationGuide.md)"
        )
        add(
            "refunds",
            "Refund rules decided in advance",
            desk.refunds != nil,
            desk.refunds == nil ? "no refund policy" : "refund policy set",
            fix: "set desk.refunds with each plan's guarantee (see Sources/RefundRules/Docs.docc/RefundRulesGuide.md)"
        )
        add(
            "feedback",
            "Feedback asked after solving",
            desk.requestsRatings,
            desk.requestsRatings ? "members are asked for a rating after solving" : "no feedback step",
            fix: "set desk.ratings.askAfterSolve to true"
        )
        self.findings = findings
    }

    /// The audit as text: the score, then one line per finding, with the fix for each failure.
    public var text: String {
        var lines = ["customer-care audit: \(score)/\(findings.count) checks pass (\(percent)/100)"]
        for finding in findings {
            lines.append("[\(finding.passed ? "ok" : "!!")] \(finding.title): \(finding.detail)")
            if !finding.passed { lines.append("     fix: \(finding.fix)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func longestOpenDay(of calendar: BusinessCalendar) -> TimeInterval {
        let start = simulationStart(in: calendar.timeZone)
        var longest: TimeInterval = 0
        for day in 0..<7 {
            let from = start.addingTimeInterval(TimeInterval(day) * 86_400)
            longest = max(longest, calendar.businessTime(from: from, to: from.addingTimeInterval(86_400)))
        }
        return longest
    }
}
