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
        try expect.equal(try await store.tickets([]).count, 0, "an empty batch")
        try await expect.storeError(.invalidQuery, "a batch of \(TicketQuery.maximumLimit + 1) ids") {
            _ = try await store.tickets((0...TicketQuery.maximumLimit).map { TicketID("T-\($0)") })
        }
    }
}
