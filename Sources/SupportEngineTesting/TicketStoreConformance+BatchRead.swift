import Foundation
import SupportEngine

/// The batch read: several tickets by id in one call, answered as ``TicketStore/ticket(_:)`` answers
/// each, in the order asked.
extension TicketStoreConformance {
    static let batchRead = Check("batch read: several tickets by id, in the order asked") { store, expect in
        let start = ConformanceFixtures.start
        var written: [String: StoredTicket] = [:]
        for (id, minutes) in [("T-1", 10.0), ("T-2", 20.0), ("T-3", 30.0)] {
            let due = start.addingTimeInterval(minutes * 60)
            let write = try ConformanceFixtures.newWrite(id, dueAt: due)
            try await store.commit(TicketCommit(writes: [write]))
            written[id] = StoredTicket(ticket: write.ticket, dueAt: due)
        }
        // T-2 moves on after its first write: the batch reads the latest snapshot and due instant.
        let first = try expect.require(written["T-2"], "ticket T-2")
        let later = start.addingTimeInterval(45 * 60)
        let change = try ConformanceFixtures.change(first.ticket, .setStatus(.open), dueAt: later)
        try await store.commit(TicketCommit(writes: [change]))
        written["T-2"] = StoredTicket(ticket: change.ticket, dueAt: later)
        let asked: [TicketID] = ["T-3", "T-9", "T-1", "T-2"]
        let found = try await store.tickets(asked)
        try expect.equal(found.count, asked.count, "one entry per id asked")
        for (id, entry) in zip(asked, found) {
            try expect.equal(entry?.ticket, written[id.rawValue]?.ticket, "the snapshot of \(id)")
            try expect.equal(entry?.dueAt, written[id.rawValue]?.dueAt, "the due instant of \(id)")
            try expect.equal(entry?.ticket, try await store.ticket(id)?.ticket, "\(id) as ticket(_:) reads it")
        }
        let repeated = try await store.tickets(["T-1", "T-9", "T-1"])
        try expect.equal(repeated.map { $0?.ticket.id }, ["T-1", nil, "T-1"], "an id asked twice is answered twice")
        try expect.equal(try await store.tickets([]).count, 0, "an empty batch")
        let full = (0..<TicketQuery.maximumLimit).map { TicketID("T-\($0 % 4)") }
        let fullAnswer = try await store.tickets(full)
        try expect.equal(
            fullAnswer.map { $0?.ticket.id },
            full.map { $0 == "T-0" ? nil : $0 },
            "a batch of \(TicketQuery.maximumLimit) ids, the most allowed"
        )
        try await expect.storeError(.invalidQuery, "a batch of \(TicketQuery.maximumLimit + 1) ids") {
            _ = try await store.tickets((0...TicketQuery.maximumLimit).map { TicketID("T-\($0)") })
        }
    }
}
