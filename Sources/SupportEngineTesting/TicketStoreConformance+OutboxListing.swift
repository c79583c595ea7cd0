import Foundation
import SupportEngine

extension TicketStoreConformance {
    static let outboxListing = Check("outbox: every message listed by id, paged, filtered by state") { store, expect in
        let write = try ConformanceFixtures.newWrite("T-1")
        let journey = OutboundMessage(
            id: "O-2",
            ticketID: nil,
            messageID: nil,
            recipient: "member-2",
            channel: .email,
            subject: "Welcome",
            body: "Glad you are here",
            createdAt: ConformanceFixtures.start
        )
        let messages = [
            ConformanceFixtures.outbound("O-4", ticket: "T-1"), ConformanceFixtures.outbound("O-1", ticket: "T-1"),
            ConformanceFixtures.outbound("O-3", ticket: "T-1"),
        ]
        try await store.commit(TicketCommit(writes: [write], outbound: messages + [journey]))
        var dead = try expect.require(try await store.outbound("O-3"), "outbound O-3")
        dead.attempts = 5
        dead.state = .deadLettered
        try await store.updateOutbound(dead)
        var delivered = try expect.require(try await store.outbound("O-4"), "outbound O-4")
        delivered.attempts = 1
        delivered.state = .delivered
        delivered.receipt = DeliveryReceipt(externalID: "mail-1", at: ConformanceFixtures.start)
        try await store.updateOutbound(delivered)

        let first = try await store.outbound(matching: OutboxQuery(limit: 2))
        try expect.equal(first.messages.map(\.id), ["O-1", "O-2"], "first page, ordered by id, journey included")
        try expect.equal(first.nextCursor, "O-2", "cursor of the first page")
        let second = try await store.outbound(matching: OutboxQuery(after: first.nextCursor, limit: 2))
        try expect.equal(second.messages.map(\.id), ["O-3", "O-4"], "second page")
        try expect.equal(second.nextCursor, nil, "the last page has no cursor")
        try expect.equal(second.messages.first?.state, .deadLettered, "state read back")
        try expect.equal(second.messages.last?.receipt?.externalID, "mail-1", "receipt read back")
        let pending = try await store.outbound(matching: OutboxQuery(states: [.pending]))
        try expect.equal(pending.messages.map(\.id), ["O-1", "O-2"], "pending only")
        let finished = try await store.outbound(matching: OutboxQuery(states: [.delivered, .deadLettered], limit: 1))
        try expect.equal(finished.messages.map(\.id), ["O-3"], "two states, limit 1")
        try expect.equal(finished.nextCursor, "O-3", "cursor when more match")
        let none = try await store.outbound(matching: OutboxQuery(states: [.withheld]))
        try expect.equal(none, OutboxPage(messages: [], nextCursor: nil), "no withheld messages")
        for limit in [0, OutboxQuery.maximumLimit + 1] {
            try await expect.storeError(.invalidQuery, "an outbox query with limit \(limit)") {
                _ = try await store.outbound(matching: OutboxQuery(limit: limit))
            }
        }
    }
}
