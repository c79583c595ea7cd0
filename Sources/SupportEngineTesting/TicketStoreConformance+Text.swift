import Foundation
import SupportEngine

/// The text part of the contract: text no store can keep is refused alike by every store.
extension TicketStoreConformance {
    static let nulTextRefused = Check("text with a NUL character is refused and nothing is stored") {
        store,
        expect in
        let write = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [write]))
        let draft = MessageDraft(id: "T-1-m2", body: "before\u{0}after")
        let reply = try ConformanceFixtures.change(write.ticket, .reply(draft, status: nil))
        try await expect.storeError(.invalidCommit, "a reply with a NUL character") {
            try await store.commit(TicketCommit(writes: [reply]))
        }
        try expect.equal(try await store.events(of: "T-1").count, 1, "events after the refused reply")
        let clean = ConformanceFixtures.outbound("O-1", ticket: "T-1")
        let dirty = OutboundMessage(
            id: "O-2",
            ticketID: "T-1",
            messageID: nil,
            recipient: clean.recipient,
            channel: clean.channel,
            subject: clean.subject,
            body: "a\u{0}b",
            createdAt: clean.createdAt
        )
        try await expect.storeError(.invalidCommit, "an outbound message with a NUL character") {
            try await store.commit(TicketCommit(writes: [], outbound: [clean, dirty]))
        }
        try expect.equal(try await store.outbound("O-1"), nil, "the clean message of the refused commit")
        try expect.equal(try await store.outbound("O-2"), nil, "the refused message")
    }
}
