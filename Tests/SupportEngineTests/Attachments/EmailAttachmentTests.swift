import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A member who mails a screenshot of a broken button keeps it: the intake hands the parsed files to
/// the desk, which stores them and lists them in both views.
@Suite("Attachments from email")
struct EmailAttachmentTests {
    /// A new message from Olivia: a line of text, a screenshot attached and a picture inline, and a
    /// program that the desk refuses.
    static func mail(messageID: String = "<shot-1@gmail.example>") -> [UInt8] {
        let png = Data(AttachmentFixtures.screenshotBytes).base64EncodedString()
        let inline = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array("inline".utf8)).base64EncodedString()
        let text = """
            From: Olivia Bennett <Olivia.Bennett@gmail.example>
            To: Club Support <support@club.example>
            Subject: The join button does nothing
            Date: Mon, 05 Jan 2026 10:00:00 +0300
            Message-ID: \(messageID)
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/related; boundary="inner"

            --inner
            Content-Type: text/plain; charset=UTF-8

            Hi, the join button does nothing when I press it. Screenshot attached.
            --inner
            Content-Type: image/jpeg; name="camera.jpg"
            Content-Disposition: inline; filename="camera.jpg"
            Content-ID: <camera@gmail.example>
            Content-Transfer-Encoding: base64

            \(inline)
            --inner--
            --outer
            Content-Type: image/png; name="button.png"
            Content-Disposition: attachment; filename*=UTF-8''kn%C3%B6pfchen.png
            Content-Transfer-Encoding: base64

            \(png)
            --outer
            Content-Type: application/octet-stream; name="fix.exe"
            Content-Disposition: attachment; filename="fix.exe"
            Content-Transfer-Encoding: base64

            TVqQAAMAAAAEAAAA
            --outer--

            """
        return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    @Test("an email with a screenshot keeps it on the ticket, in both views, with its bytes")
    func screenshotKept() async throws {
        let files = InMemoryAttachmentStore()
        let harness = try EmailDeskHarness(attachments: files)
        let result = try await harness.intake.receive(raw: Self.mail())
        guard case .received(let outcome, _, _) = result else {
            Issue.record("the mail was taken as a bounce")
            return
        }
        let message = try #require(outcome.ticket.messages.first)
        #expect(message.body.contains("join button does nothing"))
        #expect(message.attachments.map(\.fileName) == ["camera.jpg", "knöpfchen.png"])
        #expect(message.attachments.map(\.mediaType) == ["image/jpeg", "image/png"])
        #expect(outcome.refusedAttachments.map(\.fileName) == ["fix.exe"])
        #expect(outcome.ticket.messages.contains { $0.kind == .internalNote && $0.body.contains("fix.exe") })

        let screenshot = try #require(message.attachments.last)
        #expect(screenshot.byteSize == AttachmentFixtures.screenshotBytes.count)
        let view = try await harness.desk.memberView(of: outcome.ticket.id, for: "olivia")
        #expect(view.messages.first?.attachments == message.attachments)
        #expect(try await harness.desk.agentView(of: outcome.ticket.id).attachments == message.attachments)
        let file = try await harness.desk.attachmentFile(screenshot.id, in: outcome.ticket.id, for: "olivia")
        #expect(file.content.bytes == AttachmentFixtures.screenshotBytes)
        #expect(await files.count == 2)

        // The same mail delivered again is a duplicate and stores nothing new.
        let again = try await harness.intake.receive(raw: Self.mail())
        guard case .received(let repeated, _, _) = again else { return }
        #expect(repeated.disposition == .duplicate)
        #expect(await files.count == 2)
    }

    @Test("an email with only a file keeps the file, with the placeholder text")
    func attachmentOnly() async throws {
        let files = InMemoryAttachmentStore()
        let harness = try EmailDeskHarness(attachments: files)
        let png = Data(AttachmentFixtures.screenshotBytes).base64EncodedString()
        let raw = """
            From: anna.petrova@yandex.example
            To: support@club.example
            Subject: =?UTF-8?B?0YHQutGA0LjQvQ==?=
            Message-ID: <only-file@yandex.example>
            MIME-Version: 1.0
            Content-Type: image/png; name="screen.png"
            Content-Disposition: attachment; filename="screen.png"
            Content-Transfer-Encoding: base64

            \(png)

            """
        let result = try await harness.intake.receive(raw: Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        guard case .received(let outcome, _, _) = result else {
            Issue.record("the mail was taken as a bounce")
            return
        }
        let message = try #require(outcome.ticket.messages.first)
        #expect(message.body == "(no text; 1 attachment(s))")
        #expect(message.attachments.map(\.fileName) == ["screen.png"])
        #expect(await files.count == 1)
    }
}
