import Foundation
import NIOCore
import SupportEngine
import SupportServer
import Testing

@Suite("SMTP sender against a fake server on loopback")
struct SMTPTransportTests {
    static func email(body: String = "Hello Alice,\r\n\r\nIt works now.\r\n") throws -> RenderedEmail {
        let message =
            "From: Club Support <support@club.example>\r\nTo: alice@members.example\r\nSubject: Re: course\r\n"
            + "Message-ID: <out-1@club.example>\r\n\r\n" + body
        return RenderedEmail(
            from: try EmailAddress("bounces+out-1@club.example"),
            recipients: [try EmailAddress("alice@members.example")],
            messageID: "out-1@club.example",
            bytes: Array(message.utf8)
        )
    }

    static func transport(_ server: FakeSMTPServer, timeout: Duration = .seconds(10)) -> SMTPMailTransport {
        SMTPMailTransport(
            settings: SMTPSettings(
                host: "127.0.0.1",
                port: server.port,
                helloName: "desk.club.example",
                timeout: timeout
            )
        )
    }

    @Test("a message goes through EHLO, MAIL FROM with the return path, RCPT TO, DATA and QUIT")
    func conversation() async throws {
        let server = try await FakeSMTPServer.start()
        let email = try Self.email()
        try await Self.transport(server).send(email)
        let commands = await server.recorder.commands
        #expect(
            commands == [
                "EHLO desk.club.example", "MAIL FROM:<bounces+out-1@club.example>", "RCPT TO:<alice@members.example>",
                "DATA", "QUIT",
            ]
        )
        let data = await server.recorder.dataLines
        #expect(data.last == ".")
        #expect(data.dropLast().joined(separator: "\r\n") + "\r\n" == String(decoding: email.bytes, as: UTF8.self))
        await server.stop()
    }

    @Test("lines starting with a dot are dot-stuffed and bare LFs become CRLF")
    func dotStuffing() async throws {
        let server = try await FakeSMTPServer.start()
        let body = ".hidden line\n..two dots\n.\nlast line without break"
        try await Self.transport(server).send(try Self.email(body: body))
        let data = await server.recorder.dataLines
        #expect(Array(data.suffix(5)) == ["..hidden line", "...two dots", "..", "last line without break", "."])
        // Taking one leading dot off each line gives the message back, in CRLF lines.
        let unstuffed = data.dropLast().map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }
        #expect(unstuffed.suffix(4) == [".hidden line", "..two dots", ".", "last line without break"])
        await server.stop()
    }

    @Test("the payload ends in CRLF . CRLF whatever the message's breaks")
    func payload() {
        #expect(smtpDataPayload(Array("a\r\nb".utf8)) == Array("a\r\nb\r\n.\r\n".utf8))
        #expect(smtpDataPayload(Array("a\rb\n".utf8)) == Array("a\r\nb\r\n.\r\n".utf8))
        #expect(smtpDataPayload(Array(".\r\n".utf8)) == Array("..\r\n.\r\n".utf8))
        #expect(smtpDataPayload([]) == Array(".\r\n".utf8))
    }

    @Test("a 4xx reply is a retryable SMTPError, not an UndeliverableError")
    func temporaryFailure() async throws {
        let server = try await FakeSMTPServer.start(.init(replies: ["RCPT": "450 4.2.1 mailbox busy, try later"]))
        let error = await #expect(throws: SMTPError.self) { try await Self.transport(server).send(try Self.email()) }
        #expect(error?.code == .temporaryFailure)
        #expect(error?.replyCode == 450)
        #expect(error?.step == "RCPT TO")
        let boxed: any Error = try #require(error)
        #expect(!(boxed is any UndeliverableError))
        await server.stop()
    }

    @Test("a 5xx reply is an SMTPRejection, an UndeliverableError, so the desk falls back at once")
    func permanentFailure() async throws {
        let server = try await FakeSMTPServer.start(.init(replies: ["MAIL": "550 5.7.1 relaying denied"]))
        do {
            try await Self.transport(server).send(try Self.email())
            Issue.record("the send should have failed")
        } catch let error as SMTPRejection {
            #expect(error.replyCode == 550)
            #expect(error.step == "MAIL FROM")
            let boxed: any Error = error
            #expect(boxed is any UndeliverableError)
            #expect(error.description.contains("relaying denied"))
        }
        #expect(await server.recorder.commands.contains("DATA") == false)
        await server.stop()
    }

    @Test("a 5xx after the data is a rejection too")
    func rejectedContent() async throws {
        let server = try await FakeSMTPServer.start(.init(replies: ["END": "554 5.7.1 message refused as spam"]))
        await #expect(throws: SMTPRejection.self) { try await Self.transport(server).send(try Self.email()) }
        await server.stop()
    }

    @Test("a server that closes the connection in the middle of the data is a retryable error")
    func closedMidData() async throws {
        let server = try await FakeSMTPServer.start(.init(closeDuringData: true))
        let error = await #expect(throws: SMTPError.self) { try await Self.transport(server).send(try Self.email()) }
        #expect(error?.code == .connectionClosed)
        await server.stop()
    }

    @Test("a server that never answers times out as a retryable error")
    func silentServer() async throws {
        let server = try await FakeSMTPServer.start(.init(silent: true))
        let error = await #expect(throws: SMTPError.self) {
            try await Self.transport(server, timeout: .milliseconds(300)).send(try Self.email())
        }
        #expect(error?.code == .timeout)
        await server.stop()
    }

    @Test("nothing listening is a retryable connection failure")
    func nothingListening() async throws {
        let server = try await FakeSMTPServer.start()
        let port = server.port
        await server.stop()
        let transport = SMTPMailTransport(settings: SMTPSettings(host: "127.0.0.1", port: port, timeout: .seconds(5)))
        let error = await #expect(throws: SMTPError.self) { try await transport.send(try Self.email()) }
        #expect(error?.code == .connectionFailed)
    }

    @Test("a reply that is not SMTP is a protocol violation, retried, not a crash")
    func garbageReply() async throws {
        let server = try await FakeSMTPServer.start(.init(replies: ["EHLO": "HTTP/1.1 400 Bad Request"]))
        let error = await #expect(throws: SMTPError.self) { try await Self.transport(server).send(try Self.email()) }
        #expect(error?.code == .protocolViolation)
        await server.stop()
    }

    @Test("a multi-line reply that changes its code is a protocol violation")
    func mixedMultilineReply() async throws {
        let server = try await FakeSMTPServer.start(.init(replies: ["EHLO": "250-fake.test\r\n550 no"]))
        let error = await #expect(throws: SMTPError.self) { try await Self.transport(server).send(try Self.email()) }
        #expect(error?.code == .protocolViolation)
        await server.stop()
    }

    @Test("a server without EHLO is greeted with HELO")
    func heloFallback() async throws {
        let server = try await FakeSMTPServer.start(.init(replies: ["EHLO": "502 5.5.2 command not implemented"]))
        try await Self.transport(server).send(try Self.email())
        #expect(
            Array(await server.recorder.commands.prefix(2)) == ["EHLO desk.club.example", "HELO desk.club.example"]
        )
        await server.stop()
    }

    @Test("settings come from SMTP_HOST, SMTP_PORT, SMTP_HELO, SMTP_TIMEOUT; none without SMTP_HOST")
    func settings() throws {
        #expect(try SMTPSettings.fromEnvironment([:]) == nil)
        let settings = try #require(
            try SMTPSettings.fromEnvironment([
                "SMTP_HOST": "127.0.0.1", "SMTP_PORT": "2525", "SMTP_HELO": "desk.example", "SMTP_TIMEOUT": "2.5",
            ])
        )
        #expect(
            settings == SMTPSettings(host: "127.0.0.1", port: 2525, helloName: "desk.example", timeout: .seconds(2.5))
        )
        #expect(throws: APIError.self) { try SMTPSettings.fromEnvironment(["SMTP_HOST": "h", "SMTP_PORT": "0"]) }
        #expect(throws: APIError.self) {
            try SMTPSettings.fromEnvironment(["SMTP_HOST": "h", "SMTP_HELO": "a b\r\nX"])
        }
    }
}
