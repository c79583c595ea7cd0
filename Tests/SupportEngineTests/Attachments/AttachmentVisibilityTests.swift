import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Who sees which file: the member only public ones, the support side all, channels never internal ones.
@Suite("Attachments: member views, agent views and channels")
struct AttachmentVisibilityTests {
    typealias F = AttachmentFixtures

    /// A desk with an email channel and an attachment store, and a ticket opened by Alice with a screenshot,
    /// answered by a reply with a guide and noted with internal server logs.
    private func deskWithFiles() async throws -> (DeskHarness, InMemoryChannel, InMemoryAttachmentStore, TicketID) {
        let email = InMemoryChannel(kind: .email)
        let files = InMemoryAttachmentStore()
        let harness = DeskHarness(channels: [email], attachments: files)
        let outcome = try await harness.desk.receive(
            F.message("mail-1", at: harness.clock.now, attachments: [F.screenshot()])
        )
        let id = outcome.ticket.id
        try await harness.desk.addInternalNote(
            to: id,
            body: "Server logs for the failing request",
            by: DeskHarness.agent,
            attachments: [F.file("server.log", "text/plain", size: 300, fill: 0x4C)]
        )
        try await harness.desk.reply(
            to: id,
            body: "Here is a guide",
            by: DeskHarness.agent,
            attachments: [F.file("guide.pdf", "application/pdf", size: 500, fill: 0x50)]
        )
        return (harness, email, files, id)
    }

    @Test("the member view lists the member's and the reply's files, never the note's")
    func memberView() async throws {
        let (harness, _, _, id) = try await deskWithFiles()
        let view = try await harness.desk.memberView(of: id, for: "alice")
        let files = view.messages.flatMap(\.attachments)
        #expect(files.map(\.fileName) == ["broken-button.png", "guide.pdf"])
        #expect(files.allSatisfy { $0.visibility == .public })
        #expect(view.messages.first?.attachments.first?.byteSize == F.screenshotBytes.count)
        #expect(!view.messages.contains { $0.body.contains("Server logs") })
    }

    @Test("the agent view lists every file, the note's as internal")
    func agentView() async throws {
        let (harness, _, _, id) = try await deskWithFiles()
        let view = try await harness.desk.agentView(of: id)
        #expect(view.attachments.map(\.fileName) == ["broken-button.png", "server.log", "guide.pdf"])
        #expect(view.attachments.map(\.visibility) == [.public, .internal, .public])
        #expect(Set(view.attachments.map(\.id)).count == 3)
    }

    @Test("the channel gets the reply's file and never an internal one")
    func channelGetsPublicOnly() async throws {
        let (harness, email, _, id) = try await deskWithFiles()
        let sent = email.sentMessages
        #expect(sent.flatMap(\.attachments).map(\.fileName) == ["guide.pdf"])
        let outbox = try await harness.desk.agentView(of: id).deliveries
        #expect(outbox.allSatisfy { $0.attachments.allSatisfy(\.isVisibleToMember) })
        // A reply an agent wrote with an internal file by hand: the file stays out of the outbox.
        let logs = try #require(
            try await harness.desk.agentView(of: id).attachments.first { $0.visibility == .internal }
        )
        try await harness.desk.execute(
            .reply(MessageDraft(id: "M-hand", body: "See above", attachments: [logs]), status: nil),
            on: id,
            by: DeskHarness.agent
        )
        #expect(email.sentMessages.last?.body == "See above")
        #expect(email.sentMessages.last?.attachments == [])
        let member = try await harness.desk.memberView(of: id, for: "alice")
        #expect(member.messages.last?.attachments == [])
    }

    @Test("a member downloads public files of their own ticket only; an agent downloads any")
    func downloads() async throws {
        let (harness, _, _, id) = try await deskWithFiles()
        let all = try await harness.desk.agentView(of: id).attachments
        let screenshot = try #require(all.first { $0.fileName == "broken-button.png" })
        let logs = try #require(all.first { $0.fileName == "server.log" })
        let file = try await harness.desk.attachmentFile(screenshot.id, in: id, for: "alice")
        #expect(file.content.bytes == F.screenshotBytes)
        #expect(file.attachment == screenshot)
        let hidden = await expectDeskError(.notFound) {
            _ = try await harness.desk.attachmentFile(logs.id, in: id, for: "alice")
        }
        let foreign = await expectDeskError(.notFound) {
            _ = try await harness.desk.attachmentFile(screenshot.id, in: id, for: "mallory")
        }
        #expect(hidden?.message == foreign?.message.replacingOccurrences(of: "\(screenshot.id)", with: "\(logs.id)"))
        #expect(try await harness.desk.attachmentFile(logs.id, in: id).content.byteSize == 300)
    }

    @Test("a reply with a blocked file is refused whole and stores nothing; a desk without a store refuses files")
    func agentRefusals() async throws {
        let (harness, email, files, id) = try await deskWithFiles()
        let before = try await harness.everything()
        let stored = await files.count
        let error = await #expect(throws: AttachmentError.self) {
            try await harness.desk.reply(
                to: id,
                body: "Run this",
                by: DeskHarness.agent,
                attachments: [F.file("fix.exe", "application/octet-stream", size: 10)]
            )
        }
        #expect(error?.code == .blockedType)
        #expect(try await harness.everything() == before)
        #expect(await files.count == stored)
        #expect(email.sentMessages.count == 1)

        let bare = DeskHarness()
        let ticket = try await bare.receive("mail-1").ticket.id
        let noStore = await #expect(throws: AttachmentError.self) {
            try await bare.desk.addInternalNote(
                to: ticket,
                body: "logs",
                by: DeskHarness.agent,
                attachments: [F.screenshot()]
            )
        }
        #expect(noStore?.code == .noAttachmentStore)
    }

    @Test("a command naming bytes the store does not hold is refused and stores nothing")
    func missingBytesRefused() async throws {
        let (harness, _, _, id) = try await deskWithFiles()
        let before = try await harness.everything()
        let ghost = TicketAttachment(
            id: "A-ghost",
            fileName: "ghost.png",
            mediaType: "image/png",
            byteSize: 3,
            contentHash: AttachmentContent([1, 2, 3]).contentHash
        )
        let error = await expectDeskError(.invalidInput) {
            try await harness.desk.execute(
                .reply(MessageDraft(id: "M-ghost", body: "Look", attachments: [ghost]), status: nil),
                on: id,
                by: DeskHarness.agent
            )
        }
        #expect(error?.message.contains("ghost.png") == true)
        #expect(try await harness.everything() == before)
    }

    @Test(
        "files refused from a member's message are noted internally, the message is received, the member sees neither"
    )
    func memberRefusalsNoted() async throws {
        var configuration = DeskConfiguration()
        configuration.attachmentLimits.maximumFileBytes = 100
        let files = InMemoryAttachmentStore()
        let harness = DeskHarness(configuration: configuration, attachments: files)
        let outcome = try await harness.desk.receive(
            F.message(
                "mail-1",
                at: harness.clock.now,
                attachments: [
                    F.screenshot(), F.file("virus.exe", "application/octet-stream", size: 10),
                    F.file("movie.mp4", "video/mp4", size: 101),
                ]
            )
        )
        #expect(outcome.disposition == .created)
        #expect(outcome.refusedAttachments.map(\.fileName) == ["virus.exe", "movie.mp4"])
        #expect(outcome.refusedAttachments.map(\.error.code) == [.blockedType, .fileTooLarge])
        let ticket = outcome.ticket
        #expect(ticket.messages.first?.attachments.map(\.fileName) == ["broken-button.png"])
        let note = try #require(ticket.messages.first { $0.kind == .internalNote })
        #expect(note.author == .system)
        #expect(note.body.contains("virus.exe (application/octet-stream, 10 bytes): programs and scripts"))
        #expect(note.body.contains("movie.mp4 (video/mp4, 101 bytes): the file has 101 bytes"))
        #expect(await files.count == 1, "only the kept file's bytes are stored")
        let view = try await harness.desk.memberView(of: ticket.id, for: "alice")
        #expect(!view.messages.contains { $0.body.contains("virus.exe") })

        // The same on a reply to the ticket, and a repeated delivery reports and notes nothing new.
        let again = try await harness.desk.receive(
            F.message(
                "mail-2",
                thread: "mail-1",
                at: harness.clock.now,
                attachments: [F.file("run.bat", "text/plain", size: 5)]
            )
        )
        #expect(again.disposition == .appended)
        #expect(again.refusedAttachments.map(\.fileName) == ["run.bat"])
        #expect(again.ticket.messages.filter { $0.kind == .internalNote }.count == 2)
        let repeated = try await harness.desk.receive(
            F.message(
                "mail-2",
                thread: "mail-1",
                at: harness.clock.now,
                attachments: [F.file("run.bat", "text/plain", size: 5)]
            )
        )
        #expect(repeated.disposition == .duplicate)
        #expect(repeated.refusedAttachments.isEmpty)
        #expect(repeated.ticket.messages.count == again.ticket.messages.count)
    }

    @Test("a desk without an attachment store receives the message and notes every file as not kept")
    func noStoreNotes() async throws {
        let harness = DeskHarness()
        let outcome = try await harness.desk.receive(
            F.message("mail-1", at: harness.clock.now, attachments: [F.screenshot()])
        )
        #expect(outcome.ticket.messages.first?.attachments == [])
        #expect(outcome.refusedAttachments.map(\.error.code) == [.noAttachmentStore])
        #expect(outcome.ticket.messages.contains { $0.kind == .internalNote && $0.body.contains("broken-button.png") })
    }
}
