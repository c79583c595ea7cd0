import Foundation
import Logging
import NIOCore
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

/// A desk in memory on a manual clock, and helpers to fill its feed and deliver it.
struct WebhookFixture {
    static let secret = "receiver-secret-0123456789abcdef"
    let clock = ManualClock(now: TestServer.monday)
    let desk: SupportDesk
    let ledger = InMemoryWebhookLedger()

    init(store: any TicketStore = InMemoryTicketStore()) throws {
        desk = try SupportDesk(
            store: store,
            clock: clock,
            configuration: try demoDeskConfiguration(),
            members: InMemoryMemberDirectory(demoMembers)
        )
    }

    /// Opens `count` tickets through the web form, so the feed holds their events.
    func openTickets(_ count: Int, from first: Int = 0, on desk: SupportDesk? = nil) async throws {
        for index in first..<(first + count) {
            _ = try await (desk ?? self.desk).receive(
                InboundMessage(
                    channel: .webForm,
                    externalID: "form-\(index)",
                    sender: index.isMultiple(of: 2) ? "alice" : "bob",
                    subject: "Question \(index)",
                    body: "Where is the recording of session \(index)?",
                    receivedAt: clock.now
                )
            )
        }
    }

    /// Every key in the feed, in order.
    func feedKeys() async throws -> [String] {
        try await desk.events(after: 0, limit: 1000).map(\.event.key)
    }

    func dispatcher(
        _ endpoints: [WebhookEndpoint],
        batchSize: Int = 50,
        ledger: (any WebhookLedger)? = nil,
        requestTimeout: TimeAmount = .seconds(10)
    ) -> WebhookDispatcher {
        var logger = Logger(label: "webhook-tests")
        logger.logLevel = .critical
        return WebhookDispatcher(
            endpoints: endpoints,
            ledger: ledger ?? self.ledger,
            desk: desk,
            clock: clock,
            logger: logger,
            batchSize: batchSize,
            requestTimeout: requestTimeout
        )
    }
}

@Suite("Signed webhooks")
struct WebhookDeliveryTests {
    @Test("deliveries are signed with the endpoint's secret and carry every event once, in feed order")
    func signedDelivery() async throws {
        let fixture = try WebhookFixture()
        try await fixture.openTickets(3)
        let keys = try await fixture.feedKeys()
        let receiver = WebhookReceiver(secret: WebhookFixture.secret)
        try await receiver.serve { url in
            let endpoint = try WebhookEndpoint(name: "crm", url: url, secret: WebhookFixture.secret, selection: .all)
            let dispatcher = fixture.dispatcher([endpoint], batchSize: 4)
            var turns = 0
            while let step = try await dispatcher.turn(for: endpoint), step.next == .now, turns < 100 { turns += 1 }
        }
        #expect(receiver.attempts.allSatisfy { $0.signatureValid && $0.status == 200 })
        #expect(receiver.acceptedKeys == keys, "every event once, in order")
        #expect(receiver.acceptedPositions == Array(1...keys.count))
        let first = try #require(receiver.attempts.first)
        #expect(first.id == "crm/1-4")
        #expect(first.keys == keys.prefix(4).joined(separator: ","))
        #expect(try await fixture.ledger.cursor(of: "crm")?.position == keys.count)
        let log = try await fixture.ledger.deliveries(of: "crm", limit: 100)
        #expect(log.count == receiver.attempts.count)
        #expect(log.allSatisfy { $0.outcome == .delivered && $0.statusCode == 200 && $0.attempt == 1 })
        #expect(log.last?.at == fixture.clock.now, "logged on the desk's clock")
    }

    @Test("an alerts-only endpoint gets the alerts (dead letters here) and passes over the rest")
    func alertsOnly() async throws {
        let fixture = try WebhookFixture()
        // The fixture's desk has no channels, so each acknowledgement is dead-lettered: an alert.
        try await fixture.openTickets(2)
        let feed = try await fixture.desk.events(after: 0, limit: 1000)
        let alerts = feed.filter(\.event.kind.isAlert).map(\.event.key)
        #expect(alerts.count == 2 && alerts.count < feed.count)
        let receiver = WebhookReceiver(secret: WebhookFixture.secret)
        try await receiver.serve { url in
            let endpoint = try WebhookEndpoint(name: "pager", url: url, secret: WebhookFixture.secret)
            #expect(endpoint.selection == .alerts)
            let breach = DeskEvent(key: "k", kind: .slaBreach, at: fixture.clock.now)
            #expect(endpoint.wants(breach))
            #expect(!endpoint.wants(DeskEvent(key: "k", kind: .ticketCreated, at: fixture.clock.now)))
            let dispatcher = fixture.dispatcher([endpoint])
            while let step = try await dispatcher.turn(for: endpoint), step.next == .now {}
        }
        #expect(receiver.acceptedKeys == alerts)
        #expect(receiver.accepted.allSatisfy { $0.events.allSatisfy { $0.event.kind == .deadLettered } })
        #expect(try await fixture.ledger.cursor(of: "pager")?.position == feed.count)
    }

    @Test("a receiver failing with 500 twice gets the same batch again after 1 s and 2 s, then once")
    func retriesWithBackoff() async throws {
        let fixture = try WebhookFixture()
        try await fixture.openTickets(1)
        let keys = try await fixture.feedKeys()
        let start = fixture.clock.now
        let receiver = WebhookReceiver(secret: WebhookFixture.secret, answers: [500, 500])
        try await receiver.serve { url in
            let endpoint = try WebhookEndpoint(
                name: "crm",
                url: url,
                secret: WebhookFixture.secret,
                selection: .all,
                start: .beginning
            )
            let dispatcher = fixture.dispatcher([endpoint])
            let worker = Task { try await dispatcher.run() }
            defer { worker.cancel() }
            let firstRetry = await fixture.clock.nextSleep()
            #expect(firstRetry == start.addingTimeInterval(1))
            #expect(receiver.attempts.map(\.status) == [500])
            fixture.clock.advance(to: firstRetry)
            let secondRetry = await fixture.clock.nextSleep()
            #expect(secondRetry == firstRetry.addingTimeInterval(2), "the pause doubles")
            fixture.clock.advance(to: secondRetry)
            let poll = await fixture.clock.nextSleep()
            #expect(poll == secondRetry.addingTimeInterval(dispatcher.pollInterval), "then it polls")
        }
        #expect(receiver.attempts.map(\.status) == [500, 500, 200])
        #expect(Set(receiver.attempts.map(\.id)).count == 1, "one delivery id on every attempt")
        #expect(receiver.acceptedKeys == keys, "delivered once, in order")
        let log = try await fixture.ledger.deliveries(of: nil, limit: 10).reversed()
        #expect(log.map(\.attempt) == [1, 2, 3])
        #expect(log.map(\.outcome) == [.retrying, .retrying, .delivered])
        #expect(log.map(\.statusCode) == [500, 500, 200])
        let dispatcher = fixture.dispatcher([])
        #expect(dispatcher.backoff(after: 1) == 1)
        #expect(dispatcher.backoff(after: 4) == 8)
        #expect(dispatcher.backoff(after: 40) == dispatcher.maximumBackoff, "capped")
    }

    @Test("a 400 is logged as failed and the batch is passed over, not retried")
    func refusedBatch() async throws {
        let fixture = try WebhookFixture()
        try await fixture.openTickets(1)
        let count = try await fixture.feedKeys().count
        let receiver = WebhookReceiver(secret: WebhookFixture.secret, answers: [400])
        let steps = try await receiver.serve { url in
            let endpoint = try WebhookEndpoint(name: "crm", url: url, secret: WebhookFixture.secret, selection: .all)
            let dispatcher = fixture.dispatcher([endpoint])
            return [try await dispatcher.turn(for: endpoint), try await dispatcher.turn(for: endpoint)]
        }
        #expect(steps.first??.delivery?.outcome == .failed)
        #expect(steps.first??.delivery?.statusCode == 400)
        #expect(steps.last??.next == .poll, "nothing is retried")
        #expect(receiver.attempts.count == 1)
        #expect(try await fixture.ledger.cursor(of: "crm")?.position == count)
        let log = try await fixture.ledger.deliveries(of: "crm", limit: 10)
        #expect(log.map(\.outcome) == [.failed])
        #expect(log.first?.error?.contains("400") == true)
    }

    @Test("a receiver with another secret rejects the delivery (401), logged as failed")
    func wrongSecret() async throws {
        let fixture = try WebhookFixture()
        try await fixture.openTickets(1)
        let receiver = WebhookReceiver(secret: "a-different-secret-9876543210")
        let step = try await receiver.serve { url in
            let endpoint = try WebhookEndpoint(name: "crm", url: url, secret: WebhookFixture.secret, selection: .all)
            return try await fixture.dispatcher([endpoint]).turn(for: endpoint)
        }
        #expect(receiver.attempts.map(\.signatureValid) == [false])
        #expect(receiver.accepted.isEmpty)
        #expect(step?.delivery?.outcome == .failed)
        #expect(step?.delivery?.statusCode == 401)
    }

    @Test("a receiver that is down is retried, not passed over")
    func receiverDown() async throws {
        let fixture = try WebhookFixture()
        try await fixture.openTickets(1)
        // A port nothing listens on: the receiver ran and stopped.
        let receiver = WebhookReceiver(secret: WebhookFixture.secret)
        let url = try await receiver.serve { $0 }
        let endpoint = try WebhookEndpoint(name: "crm", url: url, secret: WebhookFixture.secret, selection: .all)
        // The HTTP client tries to connect until the request's deadline: keep it short here.
        let step = try await fixture.dispatcher([endpoint], requestTimeout: .milliseconds(300)).turn(for: endpoint)
        #expect(step?.delivery?.outcome == .retrying)
        #expect(step?.delivery?.statusCode == nil)
        #expect(step?.cursor.position == 0)
        #expect(step?.next == .at(fixture.clock.now.addingTimeInterval(1)))
    }

    @Test("a new endpoint starts after the newest event, or at the beginning; a stored cursor is kept")
    func newEndpointsStart() async throws {
        let fixture = try WebhookFixture()
        try await fixture.openTickets(2)
        let before = try await fixture.feedKeys()
        let receiver = WebhookReceiver(secret: WebhookFixture.secret)
        try await receiver.serve { url in
            let fresh = try WebhookEndpoint(name: "crm", url: url, secret: WebhookFixture.secret, selection: .all)
            let archive = try WebhookEndpoint(
                name: "archive",
                url: url,
                secret: WebhookFixture.secret,
                selection: .all,
                start: .beginning
            )
            let dispatcher = fixture.dispatcher([fresh, archive])
            try await dispatcher.startIfNew(fresh)
            try await dispatcher.startIfNew(archive)
            #expect(try await fixture.ledger.cursor(of: "crm")?.position == before.count)
            #expect(try await fixture.ledger.cursor(of: "archive")?.position == 0)

            try await fixture.openTickets(1, from: 2)
            while let step = try await dispatcher.turn(for: fresh), step.next == .now {}
            let delivered = receiver.acceptedKeys
            let everything = try await fixture.feedKeys()
            #expect(delivered == Array(everything.dropFirst(before.count)), "only what happened after the start")
            #expect(!delivered.isEmpty)

            // A server starting again keeps the stored cursor, whatever the feed holds now.
            try await fixture.openTickets(1, from: 3)
            try await dispatcher.startIfNew(fresh)
            #expect(try await fixture.ledger.cursor(of: "crm")?.position == everything.count)
        }
    }

    @Test("webhook settings: names, URLs, secrets and selections are checked")
    func settings() throws {
        let endpoints = try WebhookEndpoint.fromEnvironment([
            "HOOK_PAGER_URL": "https://pager.example/hook",
            "HOOK_PAGER_SECRET": "0123456789abcdef0123",
            "HOOK_CRM_URL": "http://crm.example/in",
            "HOOK_CRM_SECRET": "fedcba9876543210fedc",
            "HOOK_CRM_EVENTS": "all",
            "WEBHOOK_TOKEN": "not-a-hook",
        ])
        #expect(endpoints.map(\.name) == ["crm", "pager"])
        #expect(endpoints.map(\.selection) == [.all, .alerts])
        #expect(endpoints.map(\.start) == [.now, .now], "a new endpoint starts from now by default")
        let archive = try WebhookEndpoint.fromEnvironment([
            "HOOK_ARCHIVE_URL": "https://archive.example/in",
            "HOOK_ARCHIVE_SECRET": "0123456789abcdef0123",
            "HOOK_ARCHIVE_FROM": "beginning",
        ])
        #expect(archive.map(\.start) == [.beginning])
        let bad: [[String: String]] = [
            ["HOOK_A_URL": "https://a.example"],
            ["HOOK_A_SECRET": "0123456789abcdef0123"],
            ["HOOK_A_URL": "https://a.example", "HOOK_A_SECRET": "short"],
            ["HOOK_A_URL": "ftp://a.example", "HOOK_A_SECRET": "0123456789abcdef0123"],
            ["HOOK_A_URL": "https://a.example", "HOOK_A_SECRET": "0123456789abcdef0123", "HOOK_A_EVENTS": "some"],
            ["HOOK_A_URL": "https://a.example", "HOOK_A_SECRET": "0123456789abcdef0123", "HOOK_A_FROM": "yesterday"],
        ]
        for environment in bad {
            #expect(throws: APIError.self, "\(environment)") { try WebhookEndpoint.fromEnvironment(environment) }
        }
    }
}
