import Foundation
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("The server sends email over SMTP and matches bounces by return path")
struct SMTPDeliveryTests {
    @Test(
        "raw mail in, the acknowledgement out over SMTP from the VERP return path; its bounce marks it failed",
        .timeLimit(.minutes(1))
    )
    func acknowledgementAndBounce() async throws {
        let smtp = try await FakeSMTPServer.start()
        let mail = MailSettings(
            bounceAddress: try EmailAddress("bounces@club.example"),
            smtp: SMTPSettings(host: "127.0.0.1", port: smtp.port, helloName: "desk.test", timeout: .seconds(10))
        )
        try await TestServer.run(mail: mail) { client in
            let response = try await RawEmailTests.post(client, RawMail.russian(messageID: "ru-smtp@members.example"))
            #expect(response.status == .ok, "\(response.text)")
            await smtp.recorder.waitForMessages(1)
            let commands = await smtp.recorder.commands
            #expect(commands.first == "EHLO desk.test")
            #expect(commands.contains("RCPT TO:<alice@members.example>"))
            let mailFrom = try #require(commands.first { $0.hasPrefix("MAIL FROM:") })
            #expect(mailFrom.hasPrefix("MAIL FROM:<bounces+") && mailFrom.hasSuffix("@club.example>"))
            let data = await smtp.recorder.dataLines
            #expect(data.contains("In-Reply-To: <ru-smtp@members.example>"))
            #expect(data.contains("Auto-Submitted: auto-replied"))

            // The member's server bounces it, quoting nothing but the address it was sent from.
            let returnPath = String(mailFrom.dropFirst("MAIL FROM:<".count).dropLast())
            let outboundID = String(returnPath.dropFirst("bounces+".count).prefix { $0 != "@" })
            // A bounce counts once the desk has recorded the delivery: wait for that (no clock involved;
            // the test's time limit bounds the wait).
            let ticket = try #require(try response.decode(RawEmailResult.self).ticketID)
            while try await Self.state(of: outboundID, on: ticket, client) != .delivered { await Task.yield() }
            let report = """
                From: MAILER-DAEMON@mx.members.example\r
                To: \(returnPath)\r
                Subject: Undelivered Mail Returned to Sender\r
                Message-ID: <dsn-smtp@mx.members.example>\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r
                \r
                --r\r
                Content-Type: message/delivery-status\r
                \r
                Reporting-MTA: dns; mx.members.example\r
                \r
                Final-Recipient: rfc822; alice@members.example\r
                Action: failed\r
                Status: 5.2.2\r
                Diagnostic-Code: smtp; 552 5.2.2 mailbox full\r
                --r--\r

                """
            let bounce = try await RawEmailTests.post(client, Array(report.utf8))
            #expect(bounce.status == .accepted, "\(bounce.text)")
            let result = try bounce.decode(RawEmailResult.self)
            #expect(result.result == "bounce")
            #expect(result.failedMessage == outboundID)
        }
        await smtp.stop()
    }

    static func state(
        of outbound: String,
        on ticket: TicketID,
        _ client: any TestClientProtocol
    ) async throws -> OutboundMessage.State? {
        let view = try await client.call(.get, "/agent/tickets/\(ticket.rawValue)", token: "olga-token")
        return try view.decode(AgentTicket.self).deliveries.first { $0.id.rawValue == outbound }?.state
    }
}
