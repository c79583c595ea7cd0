import Foundation
import SupportEngineTesting
import Testing

@testable import SupportEngine

@Suite("The due queue holds one entry per timer")
struct DueQueueBoundTests {
    /// Every `recordActivity` moves the member's quiet check-in and used to put one more entry on the
    /// timers, never removed: 10,000 activities left 10,000 entries.
    @Test func tenThousandActivitiesLeaveOneTimerThatFiresOnceAtTheRightInstant() async throws {
        let harness = JourneyHarness()
        let desk = harness.desk
        try await desk.journey.memberJoined("anna")
        try await harness.advance(toDay: 7)
        #expect(try await desk.journey.record(of: "anna")?.hasTaken(.onboardingCheckIn) == true)

        for _ in 0..<10_000 {
            harness.clock.advance(by: 60)
            try await desk.journey.recordActivity(of: "anna")
        }
        let entries = await desk.dueEntryCount
        #expect(entries <= 2, "one journey timer (and at most one outbox wake-up), not \(entries)")

        // The last activity moved the quiet check-in to 21 days after it, past the newcomer month.
        let lastActivity = harness.clock.now
        let due = lastActivity.addingTimeInterval(21 * JourneyHarness.day)
        #expect(await harness.journeys.journey(of: "anna")?.dueAt == due)
        func quietCheckIns() async throws -> [Date] {
            try await desk.journey.record(of: "anna")?.steps.filter { $0.step == .quietCheckIn }.map(\.at) ?? []
        }
        try await harness.advance(toDay: 30)
        harness.clock.advance(to: due.addingTimeInterval(-1))
        try await desk.processDueWork()
        #expect(try await quietCheckIns().isEmpty, "not before it is due")
        harness.clock.advance(to: due)
        try await desk.processDueWork()
        #expect(try await quietCheckIns() == [due], "once, at the instant it is due")
        harness.clock.advance(by: 3_600)
        try await desk.processDueWork()
        #expect(try await quietCheckIns() == [due])
        #expect(await desk.dueEntryCount <= 2)
    }

    /// A ticket's timer, scheduled again at every commit on the ticket, keeps one entry.
    @Test func commitsOnOneTicketKeepOneTimer() async throws {
        let always = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.allCases, start: "00:00", end: "24:00")]
            )
        )
        let sla = SLAPolicy(calendar: always, targets: [.normal: .init(firstReply: .calendar(3_600))])
        let harness = DeskHarness(
            configuration: DeskConfiguration(
                sla: sla,
                routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
            )
        )
        let outcome = try await harness.receive("m1")
        for index in 0..<500 {
            harness.clock.advance(by: 1)
            try await harness.desk.addInternalNote(to: outcome.ticket.id, body: "note \(index)", by: DeskHarness.agent)
        }
        try await harness.desk.solve(outcome.ticket.id, by: DeskHarness.agent)
        #expect(await harness.desk.dueEntryCount <= 2)
        let closeAt = try #require(await harness.store.ticket(outcome.ticket.id)?.dueAt)
        harness.clock.advance(to: closeAt)
        #expect(try await harness.desk.processDueWork() == 1)
        #expect(try await harness.ticket(outcome.ticket.id).status == .closed)
    }

    /// Describing a NaN date traps, so these expectations compare seconds and works, never dates.
    @Test func anInstantThatIsNotFiniteIsNeverPushed() {
        var schedule = DueSchedule()
        let now = Date(timeIntervalSinceReferenceDate: 1_000)
        func take() -> DueQueue.Work? { schedule.takeDue(by: now.addingTimeInterval(30))?.work }
        schedule.add(.ticket("T-1"), at: Date(timeIntervalSinceReferenceDate: .nan))
        schedule.add(.ticket("T-2"), at: Date(timeIntervalSinceReferenceDate: .infinity))
        schedule.add(.ticket("T-3"), at: Date(timeIntervalSinceReferenceDate: -.infinity))
        #expect(schedule.count == 0)
        schedule.add(.ticket("T-4"), at: now.addingTimeInterval(20))
        schedule.add(.ticket("T-5"), at: now.addingTimeInterval(10))
        schedule.add(.ticket("T-6"), at: Date(timeIntervalSinceReferenceDate: .nan))
        #expect(schedule.nextDue?.timeIntervalSinceReferenceDate == 1_010)
        #expect(take() == .ticket("T-5"))
        #expect(take() == .ticket("T-4"))
        #expect(take() == nil)
    }

    @Test func aTimerKeepsItsEarliestInstantAndTheOutboxOneEntryPerInstant() {
        var schedule = DueSchedule()
        let now = Date(timeIntervalSinceReferenceDate: 1_000)
        func take() -> DueQueue.Work? { schedule.takeDue(by: now.addingTimeInterval(30))?.work }
        for offset in [50.0, 30, 40, 30] { schedule.add(.member("anna"), at: now.addingTimeInterval(offset)) }
        for offset in [50.0, 30, 40, 30] { schedule.add(.outbox, at: now.addingTimeInterval(offset)) }
        #expect(schedule.count == 4, "one member timer, three outbox instants")
        #expect(take() == .member("anna"))
        #expect(take() == .outbox)
        #expect(take() == nil)
        #expect(schedule.nextDue == now.addingTimeInterval(40))
        // Once taken, the timer can be scheduled again.
        schedule.add(.member("anna"), at: now.addingTimeInterval(45))
        #expect(schedule.count == 3)
    }
}
