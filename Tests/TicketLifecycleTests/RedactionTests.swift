import Foundation
import Testing
import TicketLifecycle

@Suite("Redaction for erasure")
struct RedactionTests {
    /// A ticket with a member's message, a reply with a file, a note, tags, a merge received and a
    /// status change: every kind of text a ticket keeps.
    private func story() throws -> Story {
        var story = try Story(creation: Fixture.creation(body: "Zqx my card 4242"))
        let file = TicketAttachment(
            id: "att-1",
            fileName: "Zqx-receipt.pdf",
            mediaType: "application/pdf",
            byteSize: 10,
            contentHash: String(repeating: "b", count: 64)
        )
        try story.run(.addTags(["billing"]))
        try story.run(.reply(MessageDraft(id: "msg-1", body: "Zqx reply", attachments: [file]), status: .pending))
        try story.run(.internalNote(Fixture.draft("Zqx note", id: "msg-2")))
        let merged = TicketMessage(
            id: "msg-3",
            kind: .memberMessage,
            author: .requester,
            body: "Zqx merged",
            at: Fixture.start
        )
        try story.run(.receiveMerge(from: Fixture.otherTicketID, messages: [merged]))
        try story.run(.setStatus(.solved))
        return story
    }

    @Test("replaying the redacted events gives the redacted snapshot, with no text left")
    func replayMatches() throws {
        let story = try story()
        let events = story.events.map { $0.redacted(with: "[erased]") }
        let ticket = story.ticket.redacted(with: "[erased]")
        #expect(try Ticket.replay(events) == ticket)
        #expect(!String(reflecting: events).contains("Zqx"))
        #expect(!String(reflecting: ticket).contains("Zqx"))
        #expect(ticket.subject == "[erased]")
        #expect(ticket.messages.allSatisfy { $0.body == "[erased]" })
    }

    @Test("redaction keeps kinds, times, actors, statuses, tags, versions and file metadata")
    func statisticsKept() throws {
        let story = try story()
        let events = story.events.map { $0.redacted(with: "[erased]") }
        let ticket = story.ticket.redacted(with: "[erased]")
        #expect(events.map(\.change.name) == story.events.map(\.change.name))
        #expect(events.map(\.at) == story.events.map(\.at))
        #expect(events.map(\.actor) == story.events.map(\.actor))
        #expect(ticket.status == story.ticket.status && ticket.tags == story.ticket.tags)
        #expect(ticket.version == story.ticket.version && ticket.solvedAt == story.ticket.solvedAt)
        #expect(ticket.messages.map(\.id) == story.ticket.messages.map(\.id))
        #expect(ticket.messages.map(\.kind) == story.ticket.messages.map(\.kind))
        let file = try #require(ticket.messages.flatMap(\.attachments).first)
        #expect(file.fileName == "[erased]" && file.byteSize == 10 && file.mediaType == "application/pdf")
        #expect(ticket.redacted(with: "[erased]") == ticket, "redacting again changes nothing")
    }
}
