import Foundation
import Testing

@testable import SupportEmail

@Suite("Composing outgoing email with files")
struct ComposerAttachmentTests {
    func message(html: String?, attachments: [OutgoingAttachment]) throws -> OutgoingEmail {
        var email = OutgoingEmail(
            from: Mailbox(displayName: "Club Support", address: try EmailAddress("support@club.example")),
            to: [Mailbox(displayName: "Анна", address: try EmailAddress("anna@example.com"))],
            subject: "[#7] Ваш счёт",
            date: Date(timeIntervalSince1970: 1_796_454_900),
            messageID: "O-7@club.example",
            textBody: "Добрый день! Счёт во вложении.",
            htmlBody: html
        )
        email.attachments = attachments
        return email
    }

    @Test("files parse back with their names, types and bytes, after the text or the text and HTML")
    func filesParseBack() throws {
        var random = SystemRandomNumberGenerator()
        let png = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let longName = String(repeating: "Счёт за подписку ", count: 6) + "№5.pdf"
        let files = [
            OutgoingAttachment(fileName: "screen shot.png", mediaType: "image/PNG", content: png),
            OutgoingAttachment(fileName: longName, mediaType: "application/pdf", content: Array("%PDF-1.4".utf8)),
            OutgoingAttachment(fileName: "notes.txt", mediaType: "text/plain\r\nBcc: x@example.com", content: [0x41]),
            OutgoingAttachment(fileName: "", mediaType: "application/zip", content: []),
        ]
        for html in [nil, "<p>Добрый день! Счёт во вложении.</p>"] {
            let bytes = try EmailComposer().compose(try message(html: html, attachments: files))
            let text = String(decoding: bytes, as: UTF8.self)
            for line in text.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 998)
            }
            #expect(!text.contains("\r\nBcc:"), "a media type cannot inject a header")
            let parsed = try EmailParser().parse(bytes)
            #expect(parsed.textBody == "Добрый день! Счёт во вложении.")
            #expect(parsed.attachments.map(\.filename) == ["screen shot.png", longName, "notes.txt", "attachment"])
            #expect(
                parsed.attachments.map(\.mediaType)
                    == ["image/png", "application/pdf", "application/octet-stream", "application/zip"]
            )
            #expect(parsed.attachments.map(\.content) == [png, Array("%PDF-1.4".utf8), [0x41], []])
        }
    }

    @Test("a message without files is written as before: no multipart/mixed")
    func noFilesNoMixed() throws {
        let bytes = try EmailComposer().compose(try message(html: nil, attachments: []))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("multipart/mixed"))
    }

    @Test("RFC 2231 pieces never cut a %XX and join back to the name")
    func pieces() {
        let encoded = EmailComposer.rfc2231(String(repeating: "ё", count: 50))
        let pieces = EmailComposer.rfc2231Pieces(encoded)
        #expect(pieces.joined() == encoded)
        #expect(pieces.allSatisfy { $0.count <= 60 && $0.count % 3 == 0 })
    }
}
