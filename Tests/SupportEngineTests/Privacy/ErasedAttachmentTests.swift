import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Erasing a member's files")
struct ErasedAttachmentTests {
    typealias F = AttachmentFixtures

    @Test("the bytes of the files the member sent are deleted; a file staff sent is kept; records keep size and hash")
    func memberFilesAreDeleted() async throws {
        let files = InMemoryAttachmentStore()
        let harness = DeskHarness(channels: [InMemoryChannel(kind: .email)], attachments: files)
        let screenshot = F.screenshot()
        let outcome = try await harness.desk.receive(
            F.message("mail-1", at: harness.clock.now, attachments: [screenshot])
        )
        let guide = F.file("guide.pdf", "application/pdf", size: 500, fill: 0x50)
        try await harness.desk.reply(
            to: outcome.ticket.id,
            body: "Here is a guide",
            by: DeskHarness.agent,
            attachments: [guide]
        )
        #expect(try await files.content(withHash: screenshot.contentHash) != nil)

        let erasure = try await harness.desk.erase(member: "alice", by: .owner("olga"))

        #expect(erasure.redacted.attachmentFiles == 1)
        #expect(try await files.content(withHash: screenshot.contentHash) == nil)
        #expect(try await files.content(withHash: guide.contentHash) != nil, "a file staff sent stays")
        let ticket = try await harness.ticket(outcome.ticket.id)
        let records = ticket.messages.flatMap(\.attachments)
        #expect(records.map(\.fileName) == [MemberErasure.redactionMarker, MemberErasure.redactionMarker])
        #expect(records.map(\.contentHash) == [screenshot.contentHash, guide.contentHash])
        #expect(records.first?.byteSize == screenshot.byteSize)
    }
}
