import Foundation
import SupportEngine

extension ClubAudit {
    /// The member journey (group 8): segments, quiet check-ins, the exit survey and the fix-linked
    /// win-back. The welcome, onboarding and "you said, we did" are scored under points 3, 4 and 8.
    static func journey(_ club: ClubConfiguration, into out: inout FindingCollector) {
        let group = groups.count - 1
        guard let journey = club.desk.journey else {
            out.add(
                "journey",
                group,
                "A member journey: newcomers, regulars, quiet members and leavers each get their own care",
                false,
                "no desk.journey: no segments, check-ins, exit survey or win-back",
                fix:
                    "add desk.journey, e.g. {\"newcomerDays\": 30, \"quietAfterDays\": 21, \"onboardingCheckInDays\": 7, "
                    + "\"quietCheckInEveryDays\": 30, \"exitReasons\": [\"too_expensive\", \"not_enough_time\", \"other\"]} "
                    + "(see Sources/MemberJourney/Docs.docc/MemberJourney.md)"
            )
            return
        }
        let segmentsOK = journey.newcomerPeriod >= 7 * 86_400 && journey.quietAfter <= 60 * 86_400
        out.add(
            "journey_segments",
            group,
            "Segments that fit: newcomers for a few weeks, quiet members noticed within two months",
            segmentsOK,
            "newcomers for \(days(journey.newcomerPeriod)), quiet after \(days(journey.quietAfter)) without activity",
            fix: "set desk.journey.newcomerDays to 7 or more and quietAfterDays to 60 or less"
        )
        let checkInsOK = journey.quietCheckInInterval <= 60 * 86_400
        out.add(
            "quiet_check_ins",
            group,
            "Quiet members are checked on",
            checkInsOK,
            "a quiet check-in at most every \(days(journey.quietCheckInInterval))",
            fix: "set desk.journey.quietCheckInEveryDays to 60 or less, so a quiet member hears from the club"
        )
        let reasons = journey.exitReasons
        out.add(
            "exit_survey",
            group,
            "Leavers are asked why, with reasons to choose and room for a comment",
            reasons.count >= 2 && reasons.contains(.other),
            reasons.isEmpty ? "no exit reasons" : "exit reasons: \(reasons.map(\.rawValue).joined(separator: ", "))",
            fix: "list at least two desk.journey.exitReasons, with \"other\" for a comment"
        )
        out.add(
            "win_back",
            group,
            "Leavers hear back when what made them leave is fixed",
            journey.exitSurveyWindow > 0 && !reasons.isEmpty,
            reasons.isEmpty
                ? "no exit reasons, so no fix can be linked to the leavers who gave it"
                : "a fix announced for an exit reason sends a win-back to the leavers who chose it",
            fix: "give desk.journey exit reasons and a positive exitSurveyWithinDays; announce fixes per reason"
        )
    }
}
