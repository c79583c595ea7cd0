import Foundation
import SupportEngine

/// Outcomes written together: each message as ``TicketStore/updateOutbound(_:)`` writes it alone.
extension TicketStoreConformance {
    static let outcomesTogether = Check(
        "outbox: outcomes written together stand each under its own claim; a lost claim is refused alone"
    ) { store, expect in
        let start = ConformanceFixtures.start
        let later = start.addingTimeInterval(123.456_789)
        let ids = ["O-1", "O-2", "O-3", "O-4", "O-6"]
        try await store.commit(
            TicketCommit(
                writes: [try ConformanceFixtures.newWrite("T-1")],
                outbound: ids.map { ConformanceFixtures.outbound($0, ticket: "T-1") }
            )
        )
        var claimed: [String: OutboundMessage] = [:]
        for id in ids.dropLast() {
            claimed[id] = try expect.require(
                try await store.claimOutbound(OutboundID(id), at: start, until: start.addingTimeInterval(60)),
                "the claim of \(id)"
            )
        }
        // O-3's send outlasts its claim and another pass takes it over.
        let takeover = try expect.require(
            try await store.claimOutbound("O-3", at: start.addingTimeInterval(61), until: later),
            "the second claim of O-3"
        )
        var delivered = try expect.require(claimed["O-1"], "O-1")
        delivered.attempts = 1
        delivered.state = .delivered
        delivered.receipt = DeliveryReceipt(externalID: "smtp-1", at: start)
        var retry = try expect.require(claimed["O-2"], "O-2")
        retry.attempts = 1
        retry.lastError = "timeout"
        retry.nextAttemptAt = later
        var late = try expect.require(claimed["O-3"], "O-3")
        late.attempts = 1
        late.state = .delivered
        var dead = try expect.require(claimed["O-4"], "O-4")
        dead.attempts = 5
        dead.state = .deadLettered
        dead.lastError = "mailbox full"
        let unknown = ConformanceFixtures.outbound("O-5", ticket: "T-1")
        // An administrative write, without a claim: stored whatever the message's claim.
        var requeued = ConformanceFixtures.outbound("O-6", ticket: "T-1")
        requeued.lastError = "re-queued by hand"
        let feedBefore = try await store.deskEvents(after: 0, limit: 100).count

        let failures = await store.updateOutboundMessages([delivered, retry, late, dead, unknown, requeued])

        try expect.equal(Set(failures.keys), ["O-3", "O-5"], "the messages refused")
        try expect.equal((failures["O-3"] as? StoreError)?.code, .claimLost, "O-3's refusal under a lost claim")
        try expect.equal((failures["O-5"] as? StoreError)?.code, .notFound, "O-5's refusal as unknown")
        try expect.equal(try await store.outbound("O-1"), unclaimed(delivered), "O-1 after the write")
        try expect.equal(try await store.outbound("O-2"), unclaimed(retry), "O-2 after the write, to every bit")
        try expect.equal(try await store.outbound("O-3")?.claim, takeover.claim, "O-3 still held by the takeover")
        try expect.equal(try await store.outbound("O-4"), unclaimed(dead), "O-4 after the write")
        try expect.equal(try await store.outbound("O-6"), requeued, "O-6, written without a claim")
        let feed = try await store.deskEvents(after: 0, limit: 100).dropFirst(feedBefore)
        try expect.equal(
            feed.map(\.event),
            [DeskEvent.deadLettered(unclaimed(dead))],
            "the feed after the write: O-4's dead letter, once"
        )
        try expect.equal(
            try await store.pendingOutbound(dueBy: later, limit: 10).map(\.id),
            ["O-3", "O-6", "O-2"],
            "pending after the write"
        )
        try expect.equal(
            try await store.deadLetteredOutbound(after: nil, limit: 10).map(\.id),
            ["O-4"],
            "dead letters after the write"
        )
        try expect.that(await store.updateOutboundMessages([]).isEmpty, "writing no outcome refused something")
    }

}
