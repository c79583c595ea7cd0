import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Timers: auto-close and restart")
struct AutoCloseTests {
    static let configuration = DeskConfiguration(autoCloseAfter: 3600)

    @Test("a solved ticket closes by itself after autoCloseAfter, by the system, once")
    func autoClose() async throws {
        let harness = DeskHarness(configuration: Self.configuration)
        let id = try await harness.receive("mail-1").ticket.id
        let solved = try await harness.desk.solve(id, by: DeskHarness.agent)
        let solvedAt = try #require(solved.solvedAt)
        #expect(solvedAt == harness.clock.now)
        #expect(await harness.desk.nextDueInstant == solvedAt.addingTimeInterval(3600))

        harness.clock.advance(by: 3599)
        #expect(try await harness.desk.processDueWork() == 0)
        #expect(try await harness.ticket(id).status == .solved)
        #expect(await harness.store.events(of: id).count == solved.version)

        harness.clock.advance(by: 1)
        #expect(try await harness.desk.processDueWork() == 1)
        let closed = try await harness.ticket(id)
        #expect(closed.status == .closed)
        #expect(closed.closedAt == solvedAt.addingTimeInterval(3600))
        let events = await harness.store.events(of: id)
        #expect(events.count == solved.version + 1)
        let last = try #require(events.last)
        #expect(last.actor == .system)
        #expect(last.change == .statusChanged(from: .solved, to: .closed))
        #expect(try Ticket.replay(events) == closed)
        #expect(try await harness.desk.agentView(of: id).dueAt == nil)

        harness.clock.advance(by: 86_400)
        #expect(try await harness.desk.processDueWork() == 0)
        #expect(await harness.store.events(of: id) == events)
    }

    @Test("a member reply before auto-close reopens the ticket and cancels the auto-close")
    func memberReplyCancelsAutoClose() async throws {
        let harness = DeskHarness(configuration: Self.configuration)
        let id = try await harness.receive("mail-1", thread: "conv-1").ticket.id
        try await harness.desk.solve(id, by: DeskHarness.agent)
        harness.clock.advance(by: 1800)

        let outcome = try await harness.receive("mail-2", body: "Not fixed", thread: "conv-1")
        #expect(outcome.disposition == .appended)
        #expect(outcome.ticket.status == .open)
        #expect(outcome.ticket.solvedAt == nil)
        #expect(try await harness.desk.agentView(of: id).dueAt == nil)
        let events = await harness.store.events(of: id)

        harness.clock.advance(by: 3600)
        #expect(try await harness.desk.processDueWork() == 0)
        #expect(try await harness.ticket(id).status == .open)
        #expect(await harness.store.events(of: id) == events)
    }

    @Test("solving again after a reopen closes at the new instant, not the old one")
    func resolveMovesTheTimer() async throws {
        let harness = DeskHarness(configuration: Self.configuration)
        let id = try await harness.receive("mail-1", thread: "conv-1").ticket.id
        try await harness.desk.solve(id, by: DeskHarness.agent)
        harness.clock.advance(by: 1800)
        try await harness.receive("mail-2", body: "Not fixed", thread: "conv-1")
        harness.clock.advance(by: 600)
        let second = try await harness.desk.solve(id, by: DeskHarness.agent)
        let secondDue = try #require(second.solvedAt).addingTimeInterval(3600)

        harness.clock.advance(to: secondDue.addingTimeInterval(-1))
        #expect(try await harness.desk.processDueWork() == 0, "closed at the first solve's instant")
        #expect(try await harness.ticket(id).status == .solved)
        harness.clock.advance(to: secondDue)
        #expect(try await harness.desk.processDueWork() == 1)
        #expect(try await harness.ticket(id).closedAt == secondDue)
    }

    @Test("a new desk on the same store closes every solved ticket exactly once")
    func restartResumesTimers() async throws {
        let store = InMemoryTicketStore()
        let clock = ManualClock()
        let ids = SequentialIDGenerator()
        var solved: [TicketID: Int] = [:]
        var untouched: [TicketID: [TicketEvent]] = [:]
        var latestDue = clock.now
        do {
            let first = DeskHarness(configuration: Self.configuration, store: store, clock: clock, ids: ids)
            for number in 1...6 {
                let id = try await first.receive("mail-\(number)", from: MemberID("member-\(number)")).ticket.id
                if number.isMultiple(of: 2) {
                    untouched[id] = await store.events(of: id)
                } else {
                    let ticket = try await first.desk.solve(id, by: DeskHarness.agent)
                    solved[id] = ticket.version
                    latestDue = try #require(ticket.solvedAt).addingTimeInterval(3600)
                }
                clock.advance(by: 60)
            }
            #expect(try await first.desk.processDueWork() == 0)
        }

        let second = DeskHarness(configuration: Self.configuration, store: store, clock: clock, ids: ids)
        clock.advance(to: latestDue.addingTimeInterval(1))
        #expect(try await second.desk.processDueWork() == solved.count)

        for (id, version) in solved {
            let events = await store.events(of: id)
            #expect(events.count == version + 1, "ticket \(id)")
            let closings = events.filter { $0.change == .statusChanged(from: .solved, to: .closed) }
            #expect(closings.count == 1, "ticket \(id)")
            #expect(closings.first?.actor == .system)
            #expect(try await second.ticket(id).status == .closed)
        }
        for (id, events) in untouched {
            #expect(await store.events(of: id) == events, "ticket \(id) was not solved but changed")
        }

        let before = try await second.everything()
        clock.advance(by: 86_400)
        #expect(try await second.desk.processDueWork() == 0)
        #expect(try await second.everything() == before)
    }

    @Test("only the tickets due are closed when the clock stops between due instants")
    func partialSweep() async throws {
        let harness = DeskHarness(configuration: Self.configuration)
        var dues: [(TicketID, Date)] = []
        for number in 1...4 {
            let id = try await harness.receive("mail-\(number)").ticket.id
            let ticket = try await harness.desk.solve(id, by: DeskHarness.agent)
            dues.append((id, try #require(ticket.solvedAt).addingTimeInterval(3600)))
            harness.clock.advance(by: 900)
        }
        harness.clock.advance(to: dues[1].1)
        #expect(try await harness.desk.processDueWork() == 2)
        for (offset, (id, _)) in dues.enumerated() {
            #expect(try await harness.ticket(id).status == (offset < 2 ? .closed : .solved))
        }
        #expect(await harness.desk.nextDueInstant == dues[2].1)
    }
}
