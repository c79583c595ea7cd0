import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Member journey at the desk")
struct MemberJourneyDeskTests {
    @Test func aMembersFirstSixtyDays() async throws {
        let harness = JourneyHarness()
        let desk = harness.desk

        // Day 0: joins; the welcome goes out at once.
        try await desk.journey.memberJoined("anna")
        #expect(try await desk.journey.segment(of: "anna") == .newcomer)
        var sent = harness.journeyMessages(to: "anna")
        #expect(sent.map(\.subject) == ["Welcome, Anna!"])
        #expect(sent.map(\.createdAt) == [harness.day(0)])
        #expect(sent[0].body.contains("welcome to the club"))
        try await desk.processDueWork()
        #expect(await desk.nextDueInstant == harness.day(7))

        // Day 7: the onboarding check-in offers a short meeting.
        try await harness.advance(toDay: 7)
        sent = harness.journeyMessages(to: "anna")
        #expect(sent.map(\.subject) == ["Welcome, Anna!", "How is it going?"])
        #expect(sent[1].createdAt == harness.day(7))
        #expect(sent[1].body.contains("fifteen minutes"))

        // Day 10: last activity. Quiet 21 days later, but not before the newcomer month ends: day 31.
        harness.clock.advance(to: harness.day(10))
        try await desk.journey.recordActivity(of: "anna")
        #expect(await harness.journeys.journey(of: "anna")?.dueAt == harness.day(31))
        try await harness.advance(toDay: 30.9)
        #expect(harness.journeyMessages(to: "anna").count == 2)
        try await harness.advance(toDay: 31)
        sent = harness.journeyMessages(to: "anna")
        #expect(sent.count == 3)
        #expect(sent[2].subject == "How are you doing?")
        #expect(sent[2].createdAt == harness.day(31))
        #expect(try await desk.journey.segment(of: "anna") == .quiet)

        // No second quiet check-in within 30 days.
        try await harness.advance(toDay: 44)
        #expect(harness.journeyMessages(to: "anna").count == 3)

        // Day 45: cancels; thanked and asked why, with the survey's reasons listed.
        harness.clock.advance(to: harness.day(45))
        try await desk.journey.memberCancelled("anna")
        #expect(try await desk.journey.segment(of: "anna") == .leaving)
        sent = harness.journeyMessages(to: "anna")
        #expect(sent.count == 4)
        #expect(sent[3].subject == "Thank you for being with us")
        #expect(sent[3].createdAt == harness.day(45))
        #expect(sent[3].body.contains("1. too expensive"))
        #expect(sent[3].body.contains("6. something else"))

        // Day 46: answers the survey; the answer is in her journey.
        harness.clock.advance(to: harness.day(46))
        let record = try await desk.journey.answerExitSurvey(
            "anna",
            reasons: [.tooExpensive],
            comment: "The price went up",
            by: .member("anna")
        )
        #expect(record.currentDeparture?.answer?.reasons == [.tooExpensive])
        #expect(record.currentDeparture?.answer?.at == harness.day(46))

        // Day 60: the owner announces the fix; Anna gets one win-back naming it.
        harness.clock.advance(to: harness.day(60))
        let result = try await desk.journey.announceFix(
            "annual-plan-2026",
            reason: .tooExpensive,
            note: "The annual plan now costs 30% less.",
            by: .owner("olga")
        )
        #expect(result.sent == ["anna"])
        #expect(!result.wasAnnouncedBefore)
        sent = harness.journeyMessages(to: "anna")
        #expect(sent.count == 5)
        #expect(sent[4].subject == "You told us, we fixed it")
        #expect(sent[4].createdAt == harness.day(60))
        #expect(sent[4].body.contains("The annual plan now costs 30% less."))
        #expect(sent[4].body.contains("too expensive"))

        // Every step is in the journey, in order, at its instant.
        let journey = try #require(try await desk.journey.record(of: "anna"))
        #expect(
            journey.steps.map(\.step) == [
                .welcome, .onboardingCheckIn, .quietCheckIn, .exitSurvey, .winBack("annual-plan-2026"),
            ]
        )
        #expect(journey.steps.map(\.at) == [0, 7, 31, 45, 60].map { harness.day($0) })
        #expect(journey.steps.allSatisfy { $0.outcome == .sent })
    }

    @Test func aFixAnnouncedTwiceSendsOnce() async throws {
        let harness = JourneyHarness()
        let desk = harness.desk
        try await desk.journey.memberJoined("ivan")
        harness.clock.advance(to: harness.day(40))
        try await desk.journey.memberCancelled("ivan")
        try await desk.journey.answerExitSurvey("ivan", reasons: [.technicalProblems], by: .system)
        harness.clock.advance(to: harness.day(50))
        let first = try await desk.journey.announceFix(
            "app-2",
            reason: .technicalProblems,
            note: "New app",
            by: .owner("olga")
        )
        let second = try await desk.journey.announceFix(
            "app-2",
            reason: .technicalProblems,
            note: "New app",
            by: .owner("olga")
        )
        #expect(first.sent == ["ivan"])
        #expect(second.sent.isEmpty)
        #expect(second.wasAnnouncedBefore)
        let winBacks = harness.journeyMessages(to: "ivan").filter { $0.subject == "Вы сказали — мы исправили" }
        #expect(winBacks.count == 1)
        #expect(winBacks.first?.body.contains("технические проблемы") == true)

        // The same id for another reason is refused; a new fix for the same reason is a new win-back.
        await #expect(throws: DeskError.self) {
            try await desk.journey.announceFix("app-2", reason: .tooExpensive, note: "Cheaper", by: .owner("olga"))
        }
        let another = try await desk.journey.announceFix(
            "app-3",
            reason: .technicalProblems,
            note: "Faster",
            by: .owner("olga")
        )
        #expect(another.sent == ["ivan"])
    }

    @Test func removedAndOptedOutMembersAreNeverContacted() async throws {
        let harness = JourneyHarness()
        let desk = harness.desk
        for member: MemberID in ["anna", "lucia", "boris"] { try await desk.journey.memberJoined(member) }
        try await desk.journey.setOptOut("lucia", true, by: .member("lucia"))
        try await harness.remove("boris")
        let ledger = try #require(try await desk.moderation.ledger(of: "boris"))
        #expect(!ledger.mayReceiveReengagement(at: harness.clock.now))
        let before = (
            lucia: harness.journeyMessages(to: "lucia").count, boris: harness.journeyMessages(to: "boris").count
        )

        // Past the onboarding day and well into quiet time: nothing to Lucía or Boris.
        try await harness.advance(toDay: 7)
        try await harness.advance(toDay: 40)
        try await harness.advance(toDay: 75)
        #expect(harness.journeyMessages(to: "lucia").count == before.lucia)
        #expect(harness.journeyMessages(to: "boris").count == before.boris)
        let annaSteps = try #require(try await desk.journey.record(of: "anna")).steps
        #expect(annaSteps.filter { $0.step == .quietCheckIn }.map(\.at) == [harness.day(40), harness.day(75)])
        #expect(harness.journeyMessages(to: "anna").map(\.subject).filter { $0 == "How are you doing?" }.count == 2)
        let boris = try #require(try await desk.journey.record(of: "boris"))
        #expect(boris.steps.filter { $0.step == .quietCheckIn }.allSatisfy { $0.outcome != .sent })
        #expect(boris.steps.contains { $0.step == .quietCheckIn })

        // All three leave for the price; the fix reaches only Anna.
        for member: MemberID in ["anna", "lucia", "boris"] {
            try await desk.journey.memberCancelled(member)
            try await desk.journey.answerExitSurvey(member, reasons: [.tooExpensive], by: .system)
        }
        harness.clock.advance(by: JourneyHarness.day)
        let result = try await desk.journey.announceFix(
            "cheaper",
            reason: .tooExpensive,
            note: "Cheaper now",
            by: .owner("olga")
        )
        #expect(result.sent == ["anna"])
        #expect(result.skipped.keys.sorted() == ["boris"])
        #expect(harness.journeyMessages(to: "lucia").count == before.lucia)
        #expect(harness.journeyMessages(to: "boris").count == before.boris)
    }

    @Test func journeyTimersSurviveARestart() async throws {
        let harness = JourneyHarness()
        try await harness.desk.journey.memberJoined("anna")
        let restarted = harness.restarted()
        harness.clock.advance(to: harness.day(7))
        try await restarted.desk.processDueWork()
        #expect(harness.journeyMessages(to: "anna").map(\.subject) == ["Welcome, Anna!", "How is it going?"])
        // The old desk firing the same timer later sends nothing again.
        try await harness.desk.processDueWork()
        #expect(harness.journeyMessages(to: "anna").count == 2)
    }

    @Test func routingUsesTheJourneySegment() async throws {
        let harness = JourneyHarness()
        try await harness.desk.journey.memberJoined("anna")
        let outcome = try await harness.desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "q-1",
                sender: "anna",
                body: "What is in the next lesson?",
                receivedAt: harness.clock.now
            )
        )
        // The directory says regular; the journey says newcomer, and the newcomer rule raised the priority.
        #expect(outcome.ticket.priority == .high)
        let why = try #require(outcome.ticket.explanations[.priority])
        #expect(why.because.contains("newcomer"))
    }

    @Test func aSecondMembershipIsWelcomedAgain() async throws {
        let harness = JourneyHarness()
        let desk = harness.desk
        try await desk.journey.memberJoined("anna")
        harness.clock.advance(to: harness.day(40))
        try await desk.journey.memberCancelled("anna")
        harness.clock.advance(to: harness.day(90))
        let record = try await desk.journey.memberJoined("anna")
        #expect(record.membership == 2)
        #expect(record.currentDeparture == nil)
        let welcomes = harness.journeyMessages(to: "anna").filter { $0.subject == "Welcome, Anna!" }
        #expect(welcomes.map(\.createdAt) == [harness.day(0), harness.day(90)])
    }

    @Test func aJoinReportedTwiceChangesNothing() async throws {
        let harness = JourneyHarness()
        let first = try await harness.desk.journey.memberJoined("anna")
        harness.clock.advance(to: harness.day(20))
        let second = try await harness.desk.journey.memberJoined("anna")
        #expect(second == first)
        #expect(second.facts.joinedAt == harness.day(0))
        #expect(harness.journeyMessages(to: "anna").count == 1)
    }

    @Test func anOldCancellationIsNotAskedAbout() async throws {
        let harness = JourneyHarness()
        harness.clock.advance(to: harness.day(200))
        try await harness.desk.journey.updateFacts(
            "ivan",
            MemberFacts(
                joinedAt: harness.day(0),
                subscription: .cancelled,
                cancellationRequestedAt: harness.day(100)
            )
        )
        #expect(harness.journeyMessages(to: "ivan").isEmpty)
        let record = try #require(try await harness.desk.journey.record(of: "ivan"))
        #expect(record.currentDeparture?.voluntary == true)
        #expect(record.steps.isEmpty)
    }

    @Test func importedMembersAreNotWrittenToAtGoLive() async throws {
        let harness = JourneyHarness()
        let desk = harness.desk
        harness.clock.advance(to: harness.day(100))
        // A quiet regular, a recent joiner and an old leaver: nothing goes out on import.
        try await desk.journey.importMember(
            "anna",
            MemberFacts(joinedAt: harness.day(0), lastActivityAt: harness.day(50), subscription: .active)
        )
        try await desk.journey.importMember(
            "ivan",
            MemberFacts(joinedAt: harness.day(98), lastActivityAt: harness.day(99), subscription: .active)
        )
        try await desk.journey.importMember(
            "lucia",
            MemberFacts(joinedAt: harness.day(0), subscription: .cancelled, cancellationRequestedAt: harness.day(95))
        )
        #expect(harness.email.sentMessages.isEmpty)
        let anna = try #require(try await desk.journey.record(of: "anna"))
        #expect(anna.steps.map(\.step) == [.quietCheckIn])
        #expect(anna.steps.first?.outcome == .skipped(reason: "handled before the desk"))
        #expect(try await desk.journey.segment(of: "anna") == .quiet)

        // Later steps go out as usual: Ivan's onboarding check-in on day 105, Anna's next quiet
        // check-in 30 days after the skipped one.
        try await harness.advance(toDay: 105)
        #expect(harness.journeyMessages(to: "ivan").map(\.subject) == ["Как впечатления?"])
        #expect(harness.journeyMessages(to: "anna").isEmpty)
        try await harness.advance(toDay: 130)
        #expect(harness.journeyMessages(to: "anna").map(\.subject) == ["How are you doing?"])
        #expect(harness.journeyMessages(to: "lucia").isEmpty)

        await #expect(throws: DeskError.self) {
            try await desk.journey.importMember("anna", MemberFacts(joinedAt: harness.day(0), subscription: .active))
        }
    }

    @Test func inputIsChecked() async throws {
        let off = JourneyHarness(policy: nil)
        await #expect(throws: DeskError.self) { try await off.desk.journey.memberJoined("anna") }
        // A broken policy is refused when the desk starts, not at the first journey call.
        let broken = JourneyPolicy(quietAfter: 7 * JourneyHarness.day, quietMargin: 7 * JourneyHarness.day)
        #expect(
            performing: {
                try SupportDesk(
                    store: InMemoryTicketStore(),
                    clock: ManualClock(),
                    configuration: DeskConfiguration(journey: broken)
                )
            },
            throws: { ($0 as? DeskConfigurationError)?.path == "journey.quietMarginDays" }
        )

        let harness = JourneyHarness()
        let desk = harness.desk
        await #expect(throws: DeskError.self) { try await desk.journey.recordActivity(of: "nobody") }
        await #expect(throws: DeskError.self) { try await desk.journey.memberJoined(" padded ") }
        try await desk.journey.memberJoined("anna")
        await #expect(throws: JourneyError.self) {
            try await desk.journey.answerExitSurvey("anna", reasons: [.tooExpensive], by: .member("anna"))
        }
        try await desk.journey.memberCancelled("anna")
        await #expect(throws: DeskError.self) {
            try await desk.journey.answerExitSurvey("anna", reasons: [.tooExpensive], by: .member("ivan"))
        }
        await #expect(throws: JourneyError.self) {
            try await desk.journey.answerExitSurvey(
                "anna",
                reasons: [ExitReason(rawValue: "made_up")],
                by: .member("anna")
            )
        }
        await #expect(throws: DeskError.self) {
            try await desk.journey.announceFix("x", reason: .tooExpensive, note: "Cheaper", by: .agent("pavel"))
        }
        await #expect(throws: JourneyError.self) {
            try await desk.journey.announceFix("x", reason: .tooExpensive, note: "   ", by: .owner("olga"))
        }
        // Nothing was stored by the refused calls: the journey still has no answer.
        #expect(try await desk.journey.record(of: "anna")?.currentDeparture?.answer == nil)
        #expect(await harness.journeys.fix("x") == nil)
    }
}

@Suite("Member journey with two desks on one store")
struct MemberJourneyConcurrencyTests {
    @Test func twoDesksTakeEachStepOnce() async throws {
        let harness = JourneyHarness()
        let other = harness.restarted()
        let members = (1...40).map { MemberID("member-\($0)") }
        for (index, member) in members.enumerated() {
            let desk = index.isMultiple(of: 2) ? harness.desk : other.desk
            try await desk.journey.importMember(member, MemberFacts(joinedAt: harness.day(0), subscription: .active))
        }
        harness.clock.advance(to: harness.day(7))
        async let first: Int = harness.desk.processDueWork()
        async let second: Int = other.desk.processDueWork()
        _ = try await (first, second)
        harness.clock.advance(to: harness.day(40))
        async let third: Int = harness.desk.processDueWork()
        async let fourth: Int = other.desk.processDueWork()
        _ = try await (third, fourth)
        for member in members {
            // One outbox message per step, and each sent once: both desks deliver the outbox, and a
            // message is claimed before it is sent.
            let subjects = harness.email.sentMessages.filter { $0.recipient == member }.map(\.subject)
            #expect(subjects == ["How is it going?", "How are you doing?"], "\(member)")
            let record = try #require(try await harness.desk.journey.record(of: member))
            #expect(record.steps.map(\.step) == [.welcome, .onboardingCheckIn, .quietCheckIn], "\(member)")
        }
    }
}
