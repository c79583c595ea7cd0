import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// An agent's reply with a file reaches the member's mailbox with the file; a missing file falls back.
@Suite("Email with files, outbound")
struct OutboundEmailFilesTests {
    @Test("a reply's file goes out attached, with its name, type and bytes; an internal note's never does")
    func replyCarriesTheFile() async throws {
        let files = InMemoryAttachmentStore()
        let harness = try EmailDeskHarness(attachments: files)
        let created = try await harness.receive("gmail-en-new.eml")
        let invoice = Array("%PDF-1.4 счёт".utf8)
        try await harness.desk.addInternalNote(
            to: created.ticket.id,
            body: "Provider log attached",
            by: .agent("ivan"),
            attachments: [AttachmentUpload(fileName: "provider.log", mediaType: "text/plain", content: [0x6F, 0x6B])]
        )
        try await harness.desk.reply(
            to: created.ticket.id,
            body: "Here is your invoice.",
            by: .agent("ivan"),
            attachments: [AttachmentUpload(fileName: "Счёт №5.pdf", mediaType: "application/pdf", content: invoice)]
        )
        let mail = try harness.sentMail()
        let reply = try #require(mail.last)
        #expect(reply.textBody == "Here is your invoice.")
        #expect(reply.attachments.map(\.filename) == ["Счёт №5.pdf"])
        #expect(reply.attachments.map(\.mediaType) == ["application/pdf"])
        #expect(reply.attachments.map(\.content) == [invoice])
        #expect(!mail.contains { $0.attachments.contains { $0.filename == "provider.log" } })
    }

    @Test("a file whose bytes are gone makes the email undeliverable: the next channel gets it at once")
    func missingBytesFallBack() async throws {
        let files = InMemoryAttachmentStore()
        let harness = try EmailDeskHarness(attachments: files)
        let created = try await harness.receive("gmail-en-new.eml")
        let sentBefore = harness.transport.sent.count
        let upload = AttachmentUpload(fileName: "a.txt", mediaType: "text/plain", content: [0x41])
        // The bytes vanish between the reply's commit and its delivery (an erasure, a failed copy).
        let gone = try await harness.desk.reply(
            to: created.ticket.id,
            body: "See the file.",
            by: .agent("ivan"),
            attachments: [upload]
        )
        #expect(harness.transport.sent.count == sentBefore + 1, "sent while the bytes were there")
        let file = try #require(gone.messages.last?.attachments.first)
        #expect(try await files.delete(contentHash: file.contentHash))
        let channel = EmailChannel(
            settings: harness.settings,
            store: harness.store,
            members: harness.directory,
            clock: harness.clock,
            transport: harness.transport,
            attachments: files
        )
        let message = try #require(
            await harness.store.outbound(ofTicket: created.ticket.id).first { $0.body == "See the file." }
        )
        do {
            _ = try await channel.send(message)
            Issue.record("a message whose file is gone was sent")
        } catch let error as EmailDeliveryError {
            #expect(error.code == .missingAttachment)
            #expect((error as Any) is any UndeliverableError)
        }
    }
}
