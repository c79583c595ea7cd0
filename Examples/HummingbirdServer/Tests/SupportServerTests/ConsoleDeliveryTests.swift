import Foundation
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

/// The console shows deliveries: a failed attempt with its reason on the ticket page.
@Suite("The web console shows deliveries")
struct ConsoleDeliveryTests {
    @Test(
        "a refused email is a dead letter on the ticket page, with the reason; the owner sends it again",
        .timeLimit(.minutes(1))
    )
    func refusedDelivery() async throws {
        let smtp = try await FakeSMTPServer.start(.init(replies: ["END": "554 5.7.1 message refused as spam"]))
        let mail = MailSettings(
            bounceAddress: try EmailAddress("bounces@club.example"),
            smtp: SMTPSettings(host: "127.0.0.1", port: smtp.port, helloName: "desk.test", timeout: .seconds(10))
        )
        try await TestServer.run(mail: mail) { client in
            let response = try await RawEmailTests.post(
                client,
                RawMail.russian(messageID: "ru-refused@members.example")
            )
            let ticket = try #require(try response.decode(RawEmailResult.self).ticketID)
            var olga = ConsoleBrowser(client)
            try await olga.signIn("olga-token")
            // The acknowledgement goes out at once and is refused; wait for the desk to record it (the
            // test's time limit bounds the wait).
            repeat {
                try await olga.get("/console/agent/tickets/\(ticket.rawValue)")
                await Task.yield()
            } while !olga.page.contains("refused as spam")
            #expect(olga.page.contains("<h2 id=\"deliveries-heading\">Deliveries</h2>"))
            #expect(olga.page.contains("#1 email"))
            #expect(olga.page.contains("Dead letter"))

            var nina = ConsoleBrowser(client)
            try await nina.signIn("nina-token")
            try await nina.get("/console/owner")
            let retry = try #require(
                nina.page.range(of: #"/console/owner/dead-letters/[^"]+/retry"#, options: .regularExpression)
            )
            #expect(nina.page.contains("Undelivered messages"))
            #expect(try await nina.submit(String(nina.page[retry]), [:]).status == .seeOther)
            // Refused again: a second attempt on the ticket page.
            try await olga.get("/console/agent/tickets/\(ticket.rawValue)")
            #expect(olga.page.contains("#2 email"))
        }
        await smtp.stop()
    }
}
