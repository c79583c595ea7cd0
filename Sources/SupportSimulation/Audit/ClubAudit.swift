import Foundation
import SupportEngine

/// A club configuration scored against the seeds' eight-point checklist of customer care and the member
/// journey.
///
/// Every point of the checklist ("TOP-8 questions" of the community article) is mapped to what a
/// configuration shows, each finding in its ``Finding/group``:
///
/// 1. Prospects find what the club is and how to join: a self-service page for `pre_sales`.
/// 2. Applicants know when and where they hear back: the acknowledgement and a promise per priority.
/// 3. A welcome after joining: the journey's welcome within a day.
/// 4. An onboarding programme: the journey's newcomer period and onboarding check-in.
/// 5. Members find the content: a self-service page for `content_question`.
/// 6. Known, enforced rules: the published rules link and the conduct ladder.
/// 7. Where to ask and how fast: two channels, published hours, a 24-hour promise, self-service for
///    cancelling and payment details, an absence plan, refund rules.
/// 8. Feedback gathered and "you said, we did": ratings after solving, and the journey's announcement
///    of fixes in every language the agents speak.
///
/// The journey group scores the segments, quiet check-ins, the exit survey and the fix-linked win-back.
/// Every failed finding carries the fix in the club document's terms. ``AuditReport`` renders it as HTML.
public struct ClubAudit: Sendable {
    /// One check and its outcome.
    public struct Finding: Sendable, Hashable {
        /// A stable name for the check: `channels`, `acknowledgement`, ….
        public var check: String
        /// The checklist point or part it belongs to: `1. Prospects' information and registration`, …,
        /// `Journey`.
        public var group: String
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

    /// The checklist's groups, in order.
    public static let groups = [
        "1. Prospects' information and registration", "2. Applicants hear back", "3. Welcome after joining",
        "4. Onboarding", "5. Finding the content", "6. Rules, known and enforced", "7. Where to ask, how fast",
        "8. Feedback, and telling members what changed", "Journey",
    ]

    /// Audits a club.
    ///
    /// - Parameter club: The configuration.
    public init(_ club: ClubConfiguration) {
        var collector = FindingCollector()
        Self.checklist(club, into: &collector)
        Self.journey(club, into: &collector)
        let order = Dictionary(uniqueKeysWithValues: Self.groups.enumerated().map { ($1, $0) })
        self.findings = collector.findings.enumerated().sorted {
            (order[$0.element.group] ?? 99, $0.offset) < (order[$1.element.group] ?? 99, $1.offset)
        }.map(\.element)
    }

    /// The findings of one group.
    ///
    /// - Parameter group: One of ``groups``.
    /// - Returns: Its findings, in order.
    public func findings(in group: String) -> [Finding] { findings.filter { $0.group == group } }

    /// The audit as text: the score, then one line per finding, with the fix for each failure.
    public var text: String {
        let points = Self.groups.filter { $0 != "Journey" }.count { group in
            let own = findings(in: group)
            return !own.isEmpty && own.allSatisfy(\.passed)
        }
        var lines = [
            "customer-care audit: \(score)/\(findings.count) checks pass (\(percent)/100); "
                + "checklist \(points)/8 points fully met"
        ]
        for group in Self.groups {
            let own = findings(in: group)
            guard !own.isEmpty else { continue }
            lines.append("\(group):")
            for finding in own {
                lines.append("  [\(finding.passed ? "ok" : "!!")] \(finding.title): \(finding.detail)")
                if !finding.passed { lines.append("       fix: \(finding.fix)") }
            }
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
