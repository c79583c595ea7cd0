import Foundation
import Testing

@testable import SupportEmail

@Suite("Bad input: a typed error or a safe fallback, never a crash")
struct BadInputTests {
    func code(of bytes: [UInt8], limits: EmailParsingLimits = .standard) -> EmailError.Code? {
        do {
            _ = try EmailParser(limits: limits).parse(bytes)
            return nil
        } catch let error as EmailError {
            return error.code
        } catch {
            Issue.record("not an EmailError: \(error)")
            return nil
        }
    }

    let head = "From: maria@example.com\r\nTo: support@club.example\r\nSubject: x\r\n"

    @Test("a message past the size limit is refused before it is read")
    func tooLarge() {
        let bytes = Array((head + "\r\n" + String(repeating: "x", count: 2000)).utf8)
        #expect(code(of: bytes, limits: EmailParsingLimits(maxMessageBytes: 1000)) == .messageTooLarge)
    }

    @Test("a 30 MB attachment parses within the default limits, with its size and hash")
    func thirtyMegabyteAttachment() throws {
        let size = 30 * 1024 * 1024
        let chunk = [UInt8](repeating: 0xA5, count: 57)
        let line = Array(Data(chunk).base64EncodedString().utf8) + [0x0D, 0x0A]
        var bytes = Array(
            (head
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee file.\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .utf8
        )
        bytes.reserveCapacity(size / 57 * line.count + 1000)
        for _ in 0..<(size / 57) { bytes += line }
        bytes += Array("--b--\r\n".utf8)
        let email = try EmailParser().parse(bytes)
        #expect(email.newText == "See file.")
        #expect(email.attachments.count == 1)
        #expect(email.attachments.first?.size == size / 57 * 57)
    }

    @Test("a header line of 1 MB is refused")
    func longHeaderLine() {
        let bytes = Array((head + "X-Junk: " + String(repeating: "a", count: 1 << 20) + "\r\n\r\nbody").utf8)
        #expect(code(of: bytes) == .headerTooLong)
        let folded = Array((head + "X-Junk: " + String(repeating: "aaaa\r\n ", count: 20_000) + "\r\n\r\nbody").utf8)
        #expect(code(of: folded) == .headerTooLong)
        let many = Array((head + String(repeating: "X-A: b\r\n", count: 100_000) + "\r\nbody").utf8)
        #expect(code(of: many) == .headerTooLong)
    }

    @Test("deeply nested multiparts are refused without deep recursion")
    func deepNesting() {
        var text = head
        for level in 0..<5000 {
            text += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n--b\(level)\r\n"
        }
        text += "Content-Type: text/plain\r\n\r\ndeep\r\n"
        #expect(code(of: Array(text.utf8)) == .nestingTooDeep)
    }

    @Test("too many parts are refused")
    func manyParts() {
        let text =
            head + "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
            + String(repeating: "--b\r\n\r\nx\r\n", count: 2000) + "--b--\r\n"
        #expect(code(of: Array(text.utf8)) == .tooManyParts)
    }

    @Test("no headers, no sender: typed errors")
    func notMessages() {
        #expect(code(of: []) == .notAMessage)
        #expect(code(of: Array("\r\n\r\njust a body".utf8)) == .notAMessage)
        #expect(code(of: [0x00, 0xFF, 0xFE, 0x0A]) == .notAMessage)
        #expect(code(of: Array("Subject: no sender\r\n\r\nbody".utf8)) == .missingSender)
        #expect(code(of: Array("From: Maria\r\n\r\nbody".utf8)) == .missingSender)
    }

    @Test("malformed MIME falls back and says so")
    func fallbacks() throws {
        let noBoundary = try EmailParser().parse(
            Array((head + "Content-Type: multipart/mixed; boundary=zz\r\n\r\nplain text\r\n").utf8)
        )
        #expect(noBoundary.textBody == "plain text")
        #expect(noBoundary.warnings == [.boundaryNotFound])
        let badEncoding = try EmailParser().parse(
            Array((head + "Content-Transfer-Encoding: x-uuencode\r\n\r\nbody\r\n").utf8)
        )
        #expect(badEncoding.textBody == "body")
        #expect(badEncoding.warnings == [.unknownTransferEncoding("x-uuencode")])
        let badTo = try EmailParser().parse(Array("From: a@example.com\r\nTo: not an address\r\n\r\nx".utf8))
        #expect(badTo.to.isEmpty)
        #expect(badTo.warnings == [.invalidAddressHeader("to")])
        let brokenHeader = try EmailParser().parse(
            Array("From: a@example.com\r\nthis is not a header\r\nmore\r\n".utf8)
        )
        #expect(brokenHeader.textBody == "this is not a header\nmore")
        #expect(brokenHeader.warnings == [.malformedHeader])
        let badBase64 = try EmailParser().parse(
            Array((head + "Content-Transfer-Encoding: base64\r\n\r\n!!!*\r\n").utf8)
        )
        #expect(badBase64.textBody == "")
    }
}
