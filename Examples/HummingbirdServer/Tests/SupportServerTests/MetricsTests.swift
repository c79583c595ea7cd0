import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

@Suite("Metrics and the webhook delivery log over HTTP")
struct MetricsTests {
    static func run(_ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "support-server-tests")
        logger.logLevel = .warning
        var settings = ServerSettings(host: "127.0.0.1", port: 0, allowsDemoTokens: true)
        settings.metricsToken = "metrics-token-0123"
        settings.webhooks = [
            // Loopback, a port nothing listens on: the test sends nothing off this machine.
            try WebhookEndpoint(name: "pager", url: "http://127.0.0.1:9/hook?key=abc", secret: WebhookFixture.secret)
        ]
        let (app, _) = try await buildApplication(
            settings: settings,
            configuration: try demoDeskConfiguration(),
            clock: ManualClock(now: TestServer.monday),
            logger: logger
        )
        try await app.test(.live, test)
    }

    /// The value of a metric line, e.g. `support_tickets_created_total` or `support_desk_events_total{kind="x"}`.
    static func value(_ name: String, in text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Int(Double(line.dropFirst(name.count + 1)) ?? -1)
        }
        return nil
    }

    @Test("/metrics counts the feed after a known sequence and asks for its token")
    func scrape() async throws {
        try await Self.run { client in
            var tickets: [TicketID] = []
            for (token, id) in [("alice-token", "m-1"), ("bob-token", "m-2")] {
                let form = WebFormSubmission(body: "The replay link is broken", submissionID: id)
                let sent = try await client.call(.post, "/inbound/web-form", token: token, json: form)
                #expect(sent.status == .created, "\(sent.text)")
                tickets.append(try sent.decode(InboundResult.self).ticket.id)
            }
            let id = tickets[0].rawValue
            let more = WebFormSubmission(body: "Still broken today", submissionID: "m-3")
            let followUp = try await client.call(.post, "/me/tickets/\(id)/messages", token: "alice-token", json: more)
            #expect(followUp.status == .created, "\(followUp.text)")

            #expect(try await client.call(.get, "/metrics", token: nil).status == .unauthorized)
            #expect(try await client.call(.get, "/metrics", token: "nina-token").status == .unauthorized)
            let scraped = try await client.call(.get, "/metrics", token: "metrics-token-0123")
            #expect(scraped.status == .ok)
            #expect(scraped.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = scraped.text
            let feed = try await client.call(.get, "/owner/events?limit=1000", token: "nina-token")
            let events = try feed.decode(EventPage.self).events
            #expect(Self.value("support_tickets_created_total", in: text) == 2, "\(text)")
            #expect(Self.value("support_messages_received_total", in: text) == 3)
            #expect(Self.value("support_sla_breaches_total", in: text) == 0)
            #expect(Self.value("support_outbound_dead_lettered_total", in: text) == 0)
            #expect(Self.value("support_feed_position", in: text) == events.count)
            let created = events.filter { $0.event.kind == .ticketCreated }.count
            #expect(Self.value("support_desk_events_total{kind=\"ticket_created\"}", in: text) == created)
            // A second scrape counts nothing twice.
            let again = try await client.call(.get, "/metrics", token: "metrics-token-0123").text
            #expect(Self.value("support_tickets_created_total", in: again) == 2)
        }
    }

    @Test("the owner reads the webhook delivery log; it shows no secret; others cannot")
    func deliveryLog() async throws {
        try await Self.run { client in
            let page = try await client.call(.get, "/owner/webhooks/deliveries", token: "nina-token")
            #expect(page.status == .ok, "\(page.text)")
            let log = try page.decode(WebhookDeliveryLog.self)
            #expect(log.endpoints.map(\.name) == ["pager"])
            #expect(log.endpoints.first?.host == "127.0.0.1")
            #expect(log.endpoints.first?.events == "alerts")
            #expect(!page.text.contains(WebhookFixture.secret) && !page.text.contains("key=abc"))
            let unknown = try await client.call(.get, "/owner/webhooks/deliveries?endpoint=x", token: "nina-token")
            #expect(unknown.status == .notFound)
            let bad = try await client.call(.get, "/owner/webhooks/deliveries?limit=0", token: "nina-token")
            #expect(bad.status == .badRequest)
            let agent = try await client.call(.get, "/owner/webhooks/deliveries", token: "olga-token")
            #expect(agent.status == .unauthorized)
        }
    }
}
