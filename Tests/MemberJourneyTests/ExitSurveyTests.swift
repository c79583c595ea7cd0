import Foundation
import MemberJourney
import Testing

@Suite("Exit survey")
struct ExitSurveyTests {
    let policy = JourneyPolicy()

    func answer(_ reasons: [ExitReason], comment: String? = nil, day: Double = 41) -> ExitSurveyAnswer {
        ExitSurveyAnswer(reasons: reasons, comment: comment, at: at(day: day))
    }

    @Test func aMemberWhoIsNotLeavingHasNoSurveyToAnswer() throws {
        let prospect = JourneyRecord(member: anna)
        let active = try record(memberFacts(activityDay: 3), reportedDay: 3)
        for member in [prospect, active] {
            let error = #expect(throws: JourneyError.self) {
                _ = try member.answeringExitSurvey(answer([.other]), policy: policy)
            }
            #expect(error?.code == .notLeaving)
            #expect(error?.message.contains("'anna'") == true)
        }
    }

    @Test func aLapsedMemberHasNoSurveyToAnswer() throws {
        let lapsed = try record(memberFacts()).updating(
            memberFacts(subscription: .lapsed),
            policy: policy,
            at: at(day: 45)
        )
        expectJourneyError(.notLeaving) { _ = try lapsed.answeringExitSurvey(answer([.tooExpensive]), policy: policy) }
    }

    @Test func aMemberWhoRejoinedCannotAnswerForTheOldDeparture() throws {
        let back = try voluntaryLeaver().updating(memberFacts(joinedDay: 90), policy: policy, at: at(day: 90))
        expectJourneyError(.notLeaving) { _ = try back.answeringExitSurvey(answer([.other]), policy: policy) }
    }

    @Test func theAnswerIsStoredInTheCurrentDeparture() throws {
        let leaver = try voluntaryLeaver()
        let given = answer([.notEnoughTime, .other], comment: "  Новая работа, не успеваю.\n  ")
        let answered = try leaver.answeringExitSurvey(given, policy: policy)
        #expect(answered.version == leaver.version + 1)
        let stored = try #require(answered.currentDeparture?.answer)
        #expect(stored.reasons == [.notEnoughTime, .other])
        #expect(stored.comment == "Новая работа, не успеваю.")
        #expect(stored.at == at(day: 41))
        #expect(answered.departures.count == 1)
    }

    @Test func linesAndTabsInsideACommentAreKept() throws {
        let comment = "Line one\nLine two\twith a tab"
        let answered = try voluntaryLeaver().answeringExitSurvey(answer([.other], comment: comment), policy: policy)
        #expect(answered.currentDeparture?.answer?.comment == comment)
    }

    @Test func aCommentFromAWebFormWithCRLFLineBreaksIsAccepted() throws {
        // HTML forms submit textarea line breaks as CR LF.
        let comment = "Line one\r\nLine two"
        let answered = try voluntaryLeaver().answeringExitSurvey(answer([.other], comment: comment), policy: policy)
        #expect(answered.currentDeparture?.answer?.comment == comment)
    }

    @Test(arguments: ["", "   ", " \n\t "])
    func aBlankCommentIsStoredAsNone(comment: String) throws {
        let answered = try voluntaryLeaver().answeringExitSurvey(answer([.other], comment: comment), policy: policy)
        let stored = try #require(answered.currentDeparture?.answer)
        #expect(stored.comment == nil)
    }

    @Test func noReasonIsRejected() throws {
        let leaver = try voluntaryLeaver()
        expectJourneyError(.invalidAnswer, path: "reasons") {
            _ = try leaver.answeringExitSurvey(answer([]), policy: policy)
        }
    }

    @Test func anUnknownReasonIsNamedWithTheOfferedOnes() throws {
        let leaver = try voluntaryLeaver()
        let error = expectJourneyError(.invalidAnswer, path: "reasons[1]") {
            _ = try leaver.answeringExitSurvey(
                answer([.tooExpensive, ExitReason(rawValue: "bored")]),
                policy: policy
            )
        }
        let message = try #require(error?.message)
        #expect(message.contains("'bored'"))
        for offered in ExitReason.builtIn {
            #expect(message.contains(offered.rawValue), "\(message) lacks \(offered)")
        }
    }

    @Test func onlyTheReasonsTheClubsSurveyOffersCount() throws {
        let club = JourneyPolicy(exitReasons: [ExitReason(rawValue: "moved-abroad"), .other])
        let leaver = try voluntaryLeaver(policy: club)
        let error = expectJourneyError(.invalidAnswer, path: "reasons[0]") {
            _ = try leaver.answeringExitSurvey(answer([.tooExpensive]), policy: club)
        }
        #expect(error?.message.contains("moved-abroad, other") == true)
        let answered = try leaver.answeringExitSurvey(answer([ExitReason(rawValue: "moved-abroad")]), policy: club)
        #expect(answered.currentDeparture?.answer?.reasons == [ExitReason(rawValue: "moved-abroad")])
    }

    @Test func aReasonChosenTwiceIsRejected() throws {
        let leaver = try voluntaryLeaver()
        let error = expectJourneyError(.invalidAnswer, path: "reasons[2]") {
            _ = try leaver.answeringExitSurvey(answer([.other, .tooExpensive, .other]), policy: policy)
        }
        #expect(error?.message.contains("twice") == true)
    }

    @Test func theCommentLengthIsCountedInCharactersAfterTrimming() throws {
        let short = JourneyPolicy(maximumCommentLength: 10)
        let leaver = try voluntaryLeaver(policy: short)
        // Ten characters (each emoji is one) with white space around fit...
        let ten = String(repeating: "👍🏽", count: 10)
        let answered = try leaver.answeringExitSurvey(answer([.other], comment: "  \(ten)\n"), policy: short)
        #expect(answered.currentDeparture?.answer?.comment == ten)
        // ... eleven do not.
        let error = expectJourneyError(.invalidAnswer, path: "comment") {
            _ = try leaver.answeringExitSurvey(answer([.other], comment: ten + "!"), policy: short)
        }
        #expect(error?.message.contains("11") == true)
    }

    @Test(arguments: ["bell\u{07}", "nul\u{00}byte", "escape \u{1B}[31m red", "delete\u{7F}", "c1 \u{85}x"])
    func controlCharactersInACommentAreRejected(comment: String) throws {
        let leaver = try voluntaryLeaver()
        expectJourneyError(.invalidAnswer, path: "comment") {
            _ = try leaver.answeringExitSurvey(answer([.other], comment: comment), policy: policy)
        }
    }

    @Test func theSameAnswerTwiceChangesNothing() throws {
        let answered = try voluntaryLeaver().answeringExitSurvey(
            answer([.tooExpensive], comment: "Too much for me"),
            policy: policy
        )
        // A double submit: the same reasons and (trimmed) words, a moment later.
        let again = try answered.answeringExitSurvey(
            answer([.tooExpensive], comment: " Too much for me ", day: 41.01),
            policy: policy
        )
        #expect(again == answered)
        #expect(again.version == answered.version)
    }

    @Test func aDifferentSecondAnswerIsRefused() throws {
        let answered = try voluntaryLeaver().answeringExitSurvey(answer([.tooExpensive]), policy: policy)
        expectJourneyError(.alreadyAnswered) {
            _ = try answered.answeringExitSurvey(answer([.notEnoughTime]), policy: policy)
        }
        expectJourneyError(.alreadyAnswered) {
            _ = try answered.answeringExitSurvey(answer([.tooExpensive], comment: "and more"), policy: policy)
        }
        expectJourneyError(.alreadyAnswered) {
            _ = try answered.answeringExitSurvey(answer([.tooExpensive, .other]), policy: policy)
        }
    }

    @Test func theSurveyCanBeAnsweredWhileThePaidPeriodRunsAndAfterItEnds() throws {
        let leaver = try voluntaryLeaver()
        #expect(leaver.facts.subscription == .active)
        _ = try leaver.answeringExitSurvey(answer([.other]), policy: policy)
        let ended = try leaver.updating(
            memberFacts(activityDay: 35, subscription: .cancelled, cancellationDay: 40),
            policy: policy,
            at: at(day: 70)
        )
        let answered = try ended.answeringExitSurvey(answer([.other], day: 71), policy: policy)
        #expect(answered.currentDeparture?.answer?.at == at(day: 71))
    }

    @Test func theSecondMembershipsDepartureGetsItsOwnAnswer() throws {
        let first = try voluntaryLeaver().answeringExitSurvey(answer([.tooExpensive]), policy: policy)
        let second =
            try first
            .updating(memberFacts(joinedDay: 90), policy: policy, at: at(day: 90))
            .updating(memberFacts(joinedDay: 90, cancellationDay: 130), policy: policy, at: at(day: 130))
            .answeringExitSurvey(answer([.notEnoughTime], day: 131), policy: policy)
        #expect(second.departures.map(\.answer?.reasons) == [[.tooExpensive], [.notEnoughTime]])
    }
}
