import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("SLA warnings at several thresholds, at the desk")
struct SLAWarningLevelsTests {
    /// Monday 2026-01-05 09:00 in Madrid.
    static let monday9 = Date(timeIntervalSince1970: 1_767_600_000)

    @Test("50, 75 and 90 % each fire once at their instant, also across a restart; none fires at night")
    func warningsFireOnceEach() async throws {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "Europe/Madrid",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        let policy = SLAPolicy(
            calendar: hours,
            targets: Dictionary(
                uniqueKeysWithValues: Priority.allCases.map { ($0, ResponseTargets(firstReply: .calendar(4 * 3600))) }
            ),
            warningFractions: [0.5, 0.75, 0.9]
        )
        let store = InMemoryTicketStore()
        let clock = ManualClock(now: Self.monday9)
        func desk() throws -> SupportDesk {
            try SupportDesk(
                store: store,
                clock: clock,
                configuration: DeskConfiguration(sla: policy),
                ids: SequentialIDGenerator()
            )
        }
        var current = try desk()
        let id = try await current.receive(
            InboundMessage(channel: .email, externalID: "m1", sender: "ana", body: "Ayuda", receivedAt: clock.now)
        ).ticket.id
        let expected: [(TimeInterval, SLAStep)] = [
            (2, .warning), (3, .additionalWarning(level: 2)), (3.6, .additionalWarning(level: 3)), (4, .breach),
        ]
        for (offset, step) in expected {
            let due = Self.monday9.addingTimeInterval(offset * 3600)
            clock.advance(to: due.addingTimeInterval(-1))
            try await current.processDueWork()
            #expect(await store.ticket(id)?.ticket.sla.firings.contains { $0.step == step } == false, "\(step) early")
            clock.advance(to: due)
            current = try desk()  // a restarted desk rebuilds its timers from the store
            try await current.processDueWork()
            try await current.processDueWork()
            let firings = try #require(await store.ticket(id)).ticket.sla.firings.filter { $0.step == step }
            #expect(firings.map(\.dueAt) == [due], "\(step) fired once, at its instant")
        }

        // A ticket at 17:00 with a 4-hour calendar target: the 50 % warning falls at 19:00, after hours.
        clock.advance(to: Self.monday9.addingTimeInterval(8 * 3600))
        let late = try await current.receive(
            InboundMessage(channel: .email, externalID: "m2", sender: "luis", body: "Hola", receivedAt: clock.now)
        ).ticket.id
        clock.advance(to: Self.monday9.addingTimeInterval(12 * 3600 + 60))
        try await current.processDueWork()
        let firings = try #require(await store.ticket(late)).ticket.sla.firings
        #expect(firings.map(\.step) == [.breach], "warnings held until morning would come after the breach: dropped")
    }
}
