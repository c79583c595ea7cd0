import Foundation
import HummingbirdTesting
import MailgateCore
import SupportServer
import Testing

@Suite("mailgate: a message from standard input to the server, with sysexits codes")
struct MailgateTests {
    @Test("HTTP statuses map to the exit codes a mail server understands")
    func exitCodes() {
        let expected: [Int: SysExit] = [
            200: .ok, 202: .ok, 400: .dataError, 401: .noPermission, 403: .noPermission, 404: .configuration,
            408: .temporaryFailure, 413: .dataError, 415: .dataError, 429: .temporaryFailure,
            500: .temporaryFailure, 502: .temporaryFailure, 503: .temporaryFailure,
        ]
        for (status, exit) in expected { #expect(SysExit.forHTTPStatus(status) == exit, "\(status)") }
        #expect(SysExit.temporaryFailure.rawValue == 75)
        #expect(SysExit.dataError.rawValue == 65)
        #expect(SysExit.noPermission.rawValue == 77)
    }

    @Test("options: the token from MAILGATE_TOKEN or WEBHOOK_TOKEN, the endpoint path added to a bare URL")
    func options() throws {
        let options = try MailgateOptions.parse(
            arguments: ["--url", "http://127.0.0.1:9000"],
            environment: ["WEBHOOK_TOKEN": "t0ken-from-env"]
        )
        #expect(options.url.absoluteString == "http://127.0.0.1:9000/inbound/email/raw")
        #expect(options.token == "t0ken-from-env")
        let explicit = try MailgateOptions.parse(
            arguments: ["--url", "https://desk.example/hooks/mail", "--token", "arg", "--max-bytes", "100"],
            environment: ["MAILGATE_TOKEN": "env"]
        )
        #expect(explicit.url.absoluteString == "https://desk.example/hooks/mail")
        #expect(explicit.token == "arg")
        #expect(explicit.maximumBytes == 100)
    }

    @Test("a missing token or a bad URL is a configuration error; a bad argument a usage error")
    func badOptions() async {
        let cases: [([String], [String: String], SysExit)] = [
            ([], [:], .configuration),
            (["--url", "ftp://host"], ["MAILGATE_TOKEN": "x"], .configuration),
            (["--frobnicate"], ["MAILGATE_TOKEN": "x"], .usage),
            (["--max-bytes", "-3"], ["MAILGATE_TOKEN": "x"], .usage),
            (["--url"], ["MAILGATE_TOKEN": "x"], .usage),
        ]
        for (arguments, environment, exit) in cases {
            let outcome = await Mailgate.run(arguments: arguments, environment: environment) { _ in
                Array("From: a@b.example\r\n\r\nx".utf8)
            }
            #expect(outcome.exit == exit, "\(arguments): \(outcome.message ?? "")")
            #expect(outcome.message?.hasPrefix("mailgate: ") == true)
        }
    }

    @Test("empty and oversized input are refused as data errors before anything is posted")
    func input() async {
        let environment = ["MAILGATE_TOKEN": "x", "MAILGATE_URL": "http://127.0.0.1:1"]
        let empty = await Mailgate.run(arguments: [], environment: environment) { _ in [] }
        #expect(empty.exit == .dataError)
        let big = await Mailgate.run(arguments: ["--max-bytes", "10"], environment: environment) { limit in
            Array(repeating: UInt8(ascii: "a"), count: limit + 1)
        }
        #expect(big.exit == .dataError)
        #expect(big.message?.contains("larger than 10 bytes") == true)
    }

    @Test("against the live server: delivered 0, a wrong token 77, a non-message 65, nothing listening 75")
    func live() async throws {
        let closedPort = try await FakeSMTPServer.start()
        let deadPort = closedPort.port
        await closedPort.stop()
        try await TestServer.run { client in
            let port = try #require(client.port)
            let url = "http://127.0.0.1:\(port)"
            func run(_ bytes: [UInt8], token: String, at url: String) async -> Mailgate.Outcome {
                await Mailgate.run(
                    arguments: ["--url", url, "--timeout", "20"],
                    environment: ["MAILGATE_TOKEN": token]
                ) {
                    _ in bytes
                }
            }
            let delivered = await run(RawMail.russian(), token: "mail-webhook-token", at: url)
            #expect(delivered.exit == .ok, "\(delivered.message ?? "")")
            #expect(delivered.message == nil)
            let queue = try await client.call(.get, "/agent/queue", token: "olga-token")
            #expect(try queue.decode(QueuePage.self).tickets.count == 1)

            let refused = await run(RawMail.russian(), token: "not-the-token", at: url)
            #expect(refused.exit == .noPermission)
            #expect(refused.message?.contains("401") == true)

            let malformed = await run(Array("Subject: x\r\n\r\nno sender".utf8), token: "mail-webhook-token", at: url)
            #expect(malformed.exit == .dataError)
            #expect(malformed.message?.contains("missing_sender") == true)

            let wrongPath = await run(RawMail.russian(), token: "mail-webhook-token", at: url + "/inbound/mail")
            #expect(wrongPath.exit == .configuration)

            let unreachable = await run(RawMail.russian(), token: "x", at: "http://127.0.0.1:\(deadPort)")
            #expect(unreachable.exit == .temporaryFailure)
        }
    }
}
