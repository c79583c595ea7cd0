import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SupportEngine
import SupportServer
import Testing

/// Raw RFC 5322 messages written for these tests.
enum RawMail {
    static func message(
        from: String,
        subject: String,
        messageID: String,
        extraHeaders: [String] = [],
        contentType: String = "text/plain; charset=utf-8",
        transferEncoding: String = "8bit",
        body: [UInt8]
    ) -> [UInt8] {
        let head =
            [
                "From: \(from)",
                "To: Club Support <support@club.example>",
                "Subject: \(subject)",
                "Date: Mon, 12 Jan 2026 10:00:00 +0000",
                "Message-ID: <\(messageID)>",
                "MIME-Version: 1.0",
                "Content-Type: \(contentType)",
                "Content-Transfer-Encoding: \(transferEncoding)",
            ] + extraHeaders
        return Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
    }

    /// A Russian message in windows-1251, base64, with an encoded-word subject.
    static func russian(messageID: String = "ru-1@members.example") -> [UInt8] {
        let text = "Здравствуйте! Не открывается курс после оплаты.\r\n"
        let bytes = text.data(using: .windowsCP1251)!
        let subject =
            "=?windows-1251?B?" + "Курс не открывается".data(using: .windowsCP1251)!.base64EncodedString() + "?="
        return message(
            from: "Alice <alice@members.example>",
            subject: subject,
            messageID: messageID,
            contentType: "text/plain; charset=windows-1251",
            transferEncoding: "base64",
            body: Array(bytes.base64EncodedString(options: .lineLength76Characters).utf8) + Array("\r\n".utf8)
        )
    }
}

@Suite("Raw email in: POST /inbound/email/raw")
struct RawEmailTests {
    static func post(
        _ client: any TestClientProtocol,
        _ bytes: [UInt8],
        token: String? = "mail-webhook-token",
        contentType: String = "message/rfc822"
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(
            uri: "/inbound/email/raw",
            method: .post,
            headers: headers,
            body: ByteBuffer(bytes: bytes)
        )
    }

    @Test("a member's windows-1251 mail opens a ticket in their name with the text decoded; a repeat stores nothing")
    func russianMail() async throws {
        try await TestServer.run { client in
            let first = try await Self.post(client, RawMail.russian())
            #expect(first.status == .ok, "\(first.text)")
            let result = try first.decode(RawEmailResult.self)
            #expect(result.result == "received")
            #expect(result.disposition == "created")
            #expect(result.sender == "alice")
            #expect(result.automaticReply == "send")
            let id = try #require(result.ticketID)
            let view = try await client.call(.get, "/agent/tickets/\(id.rawValue)", token: "olga-token")
            #expect(view.text.contains("Не открывается курс после оплаты"), "\(view.text)")
            #expect(view.text.contains("Курс не открывается"))

            let again = try await Self.post(client, RawMail.russian())
            #expect(again.status == .ok)
            #expect(try again.decode(RawEmailResult.self).disposition == "duplicate")
            let mine = try await client.call(.get, "/me/tickets", token: "alice-token")
            #expect(try mine.decode([MemberTicketSummaryProbe].self).count == 1)
        }
    }

    @Test("an out-of-office reply is received but may not be answered automatically")
    func autoReply() async throws {
        try await TestServer.run { client in
            let message = RawMail.message(
                from: "bob@members.example",
                subject: "Out of office",
                messageID: "ooo-1@members.example",
                extraHeaders: ["Auto-Submitted: auto-replied"],
                body: Array("I am away until Monday.\r\n".utf8)
            )
            let response = try await Self.post(client, message)
            #expect(response.status == .ok, "\(response.text)")
            let result = try response.decode(RawEmailResult.self)
            #expect(result.sender == "bob")
            #expect(result.automaticReply == "suppressed")
            #expect(result.automaticReplySuppressedBecause?.contains("automatic message") == true)
        }
    }

    @Test("a delivery failure report opens no ticket and answers 202")
    func bounce() async throws {
        try await TestServer.run { client in
            let report = """
                From: Mail Delivery System <MAILER-DAEMON@mx.members.example>\r
                To: support@club.example\r
                Subject: Undelivered Mail Returned to Sender\r
                Message-ID: <dsn-1@mx.members.example>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain\r
                \r
                Your message could not be delivered.\r
                --b1\r
                Content-Type: message/delivery-status\r
                \r
                Reporting-MTA: dns; mx.members.example\r
                \r
                Final-Recipient: rfc822; gone@members.example\r
                Action: failed\r
                Status: 5.1.1\r
                Diagnostic-Code: smtp; 550 5.1.1 no such user\r
                --b1--\r

                """
            let response = try await Self.post(client, Array(report.utf8))
            #expect(response.status == .accepted, "\(response.text)")
            let result = try response.decode(RawEmailResult.self)
            #expect(result.result == "bounce")
            #expect(result.failedMessage == nil)
            #expect(result.bouncedRecipients?.first?.contains("gone@members.example") == true)
            let queue = try await client.call(.get, "/agent/queue", token: "olga-token")
            #expect(try queue.decode(QueuePage.self).tickets.isEmpty)
        }
    }

    struct Bad: Sendable, CustomStringConvertible {
        var description: String
        var body: [UInt8]
        var token: String?
        var contentType: String
        var status: HTTPResponse.Status
        var code: String
    }

    static let badCases: [Bad] = [
        Bad(
            description: "no token",
            body: RawMail.russian(),
            token: nil,
            contentType: "message/rfc822",
            status: .unauthorized,
            code: "unauthorized"
        ),
        Bad(
            description: "a member's token",
            body: RawMail.russian(),
            token: "alice-token",
            contentType: "message/rfc822",
            status: .unauthorized,
            code: "unauthorized"
        ),
        Bad(
            description: "JSON instead of a message",
            body: Array("{\"text\":\"hi\"}".utf8),
            token: "mail-webhook-token",
            contentType: "application/json",
            status: .unsupportedMediaType,
            code: "unsupported_media_type"
        ),
        Bad(
            description: "empty body",
            body: [],
            token: "mail-webhook-token",
            contentType: "message/rfc822",
            status: .badRequest,
            code: "empty_body"
        ),
        Bad(
            description: "a message without a sender",
            body: Array("Subject: hello\r\n\r\nno From header here\r\n".utf8),
            token: "mail-webhook-token",
            contentType: "application/octet-stream",
            status: .badRequest,
            code: "missing_sender"
        ),
        Bad(
            description: "over the size cap",
            body: RawMail.message(
                from: "alice@members.example",
                subject: "big",
                messageID: "big-1@members.example",
                body: Array(repeating: UInt8(ascii: "a"), count: 70_000)
            ),
            token: "mail-webhook-token",
            contentType: "message/rfc822",
            status: .contentTooLarge,
            code: "message_too_large"
        ),
    ]

    @Test("bad input gets a typed JSON error and stores nothing", arguments: badCases)
    func badInput(_ bad: Bad) async throws {
        try await TestServer.run(mail: MailSettings(maximumRawEmailBytes: 64 * 1024)) { client in
            let response = try await Self.post(client, bad.body, token: bad.token, contentType: bad.contentType)
            #expect(response.status == bad.status, "\(response.text)")
            let error = try response.decode(APIError.Body.self)
            #expect(error.error.code == bad.code)
            #expect(!error.error.message.isEmpty)
            let queue = try await client.call(.get, "/agent/queue", token: "olga-token")
            #expect(try queue.decode(QueuePage.self).tickets.isEmpty)
        }
    }

    @Test("binary noise never crashes the endpoint: each answer is a JSON 200 or 4xx (seed printed)")
    func noise() async throws {
        var generator = SeededGenerator(seed: 0x5EED_17)
        print("raw email noise seed: 0x5EED17")
        let base = RawMail.russian()
        var messages: [[UInt8]] = []
        for round in 0..<40 {
            var bytes = base
            for _ in 0..<(1 + round % 8) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[at] = UInt8.random(in: 0...255, using: &generator)
            }
            if round % 5 == 0 { bytes = Array(bytes.prefix(Int.random(in: 1..<bytes.count, using: &generator))) }
            messages.append(bytes)
        }
        try await TestServer.run { [messages] client in
            for (round, bytes) in messages.enumerated() {
                let response = try await Self.post(client, bytes)
                #expect([200, 202, 400, 413].contains(response.status.code), "round \(round): \(response.text)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }
}

/// Just enough of a member's ticket list to count it.
struct MemberTicketSummaryProbe: Decodable {}

/// A small seeded generator (SplitMix64), so a failing run can be repeated.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
