import Foundation
import SupportEngine

/// The assigned-ids part of the contract: an agent's ticket ids by status, in id order, limited, and
/// the same tickets ``TicketStore/tickets(matching:)`` finds.
extension TicketStoreConformance {
    static let assignedTicketIDs = Check("assigned ids: an agent's tickets by status, in id order") { store, expect in
        var writes: [TicketWrite] = []
        for index in [3, 1, 4, 2, 5] {
            let new = try ConformanceFixtures.newWrite("T-\(index)")
            let assigned = try ConformanceFixtures.change(new.ticket, .assign(index == 5 ? "agent-2" : "agent-1"))
            writes.append(
                TicketWrite(
                    ticket: assigned.ticket,
                    expectedVersion: 0,
                    events: new.events + assigned.events,
                    externalKeys: new.externalKeys
                )
            )
        }
        try await store.commit(TicketCommit(writes: writes))
        let solved = try ConformanceFixtures.change(writes[1].ticket, .setStatus(.solved))
        try await store.commit(TicketCommit(writes: [solved]))
        let active: Set<TicketStatus> = [.new, .open, .pending, .onHold]
        func ids(_ agent: AgentID, _ statuses: Set<TicketStatus>, _ limit: Int) async throws -> [String] {
            try await store.ticketIDs(assignedTo: agent, statuses: active.intersection(statuses), limit: limit)
                .map(\.rawValue)
        }
        try expect.equal(try await ids("agent-1", active, 10), ["T-2", "T-3", "T-4"], "agent-1's active tickets")
        try expect.equal(try await ids("agent-1", active, 2), ["T-2", "T-3"], "limited to 2")
        try expect.equal(try await ids("agent-2", active, 10), ["T-5"], "agent-2's")
        try expect.equal(try await ids("agent-9", active, 10), [], "an agent with none")
        try expect.equal(
            try await store.ticketIDs(assignedTo: "agent-1", statuses: [.solved], limit: 10).map(\.rawValue),
            ["T-1"],
            "agent-1's solved ticket"
        )
        let listed = try await store.tickets(matching: TicketQuery(statuses: active, assignee: "agent-1"))
        try expect.equal(
            try await ids("agent-1", active, 10),
            listed.tickets.map(\.ticket.id.rawValue),
            "the same tickets as tickets(matching:)"
        )
        for limit in [0, TicketQuery.maximumLimit + 1] {
            try await expect.storeError(.invalidQuery, "a limit of \(limit)") {
                _ = try await store.ticketIDs(assignedTo: "agent-1", statuses: active, limit: limit)
            }
        }
    }
}
