import Foundation
import SupportEngine

/// The timers part of the contract: the ids and due instants of the tickets due before an instant, in
/// id order, paged, following commits, and the same tickets ``TicketStore/tickets(matching:)`` finds.
extension TicketStoreConformance {
    static let ticketTimers = Check("timers: ids and due instants before a horizon, in id order") { store, expect in
        let start = ConformanceFixtures.start
        func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }
        // T-2 has no due instant; T-4 is due exactly at the horizon, which is not before it.
        let dues: [(String, Date?)] = [
            ("T-3", at(30)), ("T-1", at(10)), ("T-4", at(60)), ("T-2", nil), ("T-5", at(20)),
        ]
        var tickets: [String: Ticket] = [:]
        for (id, due) in dues {
            let write = try ConformanceFixtures.newWrite(id, dueAt: due)
            try await store.commit(TicketCommit(writes: [write]))
            tickets[id] = write.ticket
        }
        func timers(_ horizon: Date, after cursor: TicketID? = nil, limit: Int = 10) async throws -> [String] {
            try await store.ticketTimers(dueBefore: horizon, after: cursor, limit: limit).map {
                "\($0.ticketID.rawValue)@\(Int($0.dueAt.timeIntervalSince(start) / 60))"
            }
        }
        try expect.equal(try await timers(at(60)), ["T-1@10", "T-3@30", "T-5@20"], "due before the horizon")
        try expect.equal(try await timers(at(61)), ["T-1@10", "T-3@30", "T-4@60", "T-5@20"], "a later horizon")
        try expect.equal(try await timers(at(10)), [], "nothing due before the earliest instant")
        try expect.equal(try await timers(at(60), limit: 2), ["T-1@10", "T-3@30"], "limited to 2")
        try expect.equal(try await timers(at(60), after: "T-3", limit: 2), ["T-5@20"], "the page after T-3")
        try expect.equal(try await timers(at(60), after: "T-5"), [], "the page after the last")
        // Commits move instants: T-1 later than the horizon, T-4 earlier, T-5 to none.
        for (id, due) in [("T-1", at(90)), ("T-4", at(5)), ("T-5", nil)] {
            let current = try expect.require(tickets[id], "ticket \(id)")
            let write = try ConformanceFixtures.change(current, .setStatus(.open), dueAt: due)
            try await store.commit(TicketCommit(writes: [write]))
        }
        try expect.equal(try await timers(at(60)), ["T-3@30", "T-4@5"], "after the instants moved")
        let listed = try await store.tickets(matching: TicketQuery(dueBefore: at(100)))
        try expect.equal(
            try await store.ticketTimers(dueBefore: at(100), after: nil, limit: 10),
            listed.tickets.compactMap { stored in
                stored.dueAt.map { TicketTimer(ticketID: stored.ticket.id, dueAt: $0) }
            },
            "the same tickets and instants as tickets(matching:)"
        )
        for limit in [0, TicketQuery.maximumLimit + 1] {
            try await expect.storeError(.invalidQuery, "a limit of \(limit)") {
                _ = try await store.ticketTimers(dueBefore: at(60), after: nil, limit: limit)
            }
        }
    }
}
