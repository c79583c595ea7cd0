import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Moscow wall time (UTC+3, no DST) as an instant: "2026-01-05 13:00".
private func moscow(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text.replacingOccurrences(of: " ", with: "T") + ":00+03:00")!
}

private let hour: TimeInterval = 3600

/// Mon–Fri 09:00–18:00 in Moscow; a normal ticket's first reply is due four business hours after it arrives.
private func configuration(alerts: [AlertRecipient], escalations: [SLAEscalation] = []) throws -> DeskConfiguration {
    let calendar = try BusinessCalendar(
        .init(
            timeZone: "Europe/Moscow",
            windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
        )
    )
    var configuration = DeskConfiguration(
        maximumDeliveryAttempts: 1,
        storeScanInterval: nil,
        agents: [AgentProfile(id: "lead", displayName: "Pavel")],
        sla: SLAPolicy(
            calendar: calendar,
            targets: [.normal: .init(firstReply: .business(4 * hour), nextReply: nil, resolution: nil)],
            escalations: escalations
        ),
        routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
    )
    configuration.alertRecipients = alerts
    return configuration
}

private let owner = AlertRecipient(name: "owner", channel: .telegram, address: "100200300", language: .ru)
private let lead = AlertRecipient(name: "lead", channel: .telegram, address: "400500600", events: [], agent: "lead")

@Suite("Alerts to staff")
struct AlertTests {
    @Test("a breach alerts the owner in Russian in the desk's zone; the notify step alerts only its agent")
    func breachAndNotify() async throws {
        let clock = ManualClock(now: moscow("2026-01-05 09:00"))
        let store = InMemoryTicketStore()
        let telegram = InMemoryChannel(kind: .telegram)
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [InMemoryChannel(kind: .email), telegram],
            configuration: try configuration(
                alerts: [owner, lead],
                escalations: [SLAEscalation(after: hour, action: .notify("lead"))]
            ),
            ids: SequentialIDGenerator()
        )
        let ticket = try await desk.receive(
            InboundMessage(channel: .email, externalID: "m1", sender: "anna", body: "No access", receivedAt: clock.now)
        ).ticket
        clock.advance(to: moscow("2026-01-05 13:00").addingTimeInterval(30))
        try await desk.processDueWork()
        clock.advance(to: moscow("2026-01-05 14:00").addingTimeInterval(30))
        try await desk.processDueWork()
        try await desk.processDueWork()

        let sent = telegram.sentMessages
        #expect(sent.allSatisfy { $0.ticketID == nil && $0.staffAddress != nil }, "alerts belong to no ticket")
        let toOwner = sent.filter { $0.staffAddress?.address == "100200300" }
        let toLead = sent.filter { $0.staffAddress?.address == "400500600" }
        #expect(toOwner.map(\.subject).contains { $0.hasPrefix("Нарушен SLA") }, "\(toOwner.map(\.subject))")
        let breach = try #require(toOwner.first { $0.subject.hasPrefix("Нарушен SLA") })
        #expect(breach.body.contains("13:00"), "the due time is in the desk's zone: \(breach.body)")
        #expect(breach.body.contains("первый ответ"))
        #expect(breach.body.contains(ticket.id.rawValue))
        #expect(toOwner.count == 2, "breach and escalation, each once: \(toOwner.map(\.subject))")
        #expect(toLead.map(\.subject) == ["Escalation 1: #1, first reply"], "in English, the default")
        let feed = try await desk.events(limit: 100).map(\.event)
        let breachEvent = try #require(feed.first { $0.kind == .slaBreach })
        #expect(breach.id == OutboundID("alert/owner/\(breachEvent.key)"), "named by recipient and event")
        #expect(await store.outbound(breach.id)?.state == .delivered)
        #expect(try await desk.processDueWork() == 0)
        #expect(telegram.sentMessages.count == sent.count, "nothing is alerted twice")
    }

    @Test("a dead letter alerts once; an alert's own dead letter alerts nobody")
    func deadLetters() async throws {
        let clock = ManualClock(now: moscow("2026-01-05 10:00"))
        let store = InMemoryTicketStore()
        let failing = FailingChannel(kind: .email, failures: 100)
        let telegram = InMemoryChannel(kind: .telegram)
        let byEmail = AlertRecipient(name: "by-email", channel: .email, address: "olga@club.example")
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [failing, telegram],
            configuration: try configuration(alerts: [owner, byEmail]),
            ids: SequentialIDGenerator()
        )
        let ticket = try await desk.receive(
            InboundMessage(channel: .email, externalID: "m1", sender: "anna", body: "Hello", receivedAt: clock.now)
        ).ticket
        try await desk.reply(to: ticket.id, body: "Answer", by: .agent("lead"))
        for _ in 0..<5 {
            clock.advance(by: 600)
            try await desk.processDueWork()
        }
        let dead = try await desk.deadLetters(limit: 100)
        #expect(dead.filter { $0.staffAddress == nil }.count >= 1, "the member's reply is dead-lettered")
        let alerts = telegram.sentMessages.filter { $0.subject.hasPrefix("Сообщение не доставлено") }
        #expect(alerts.count == dead.filter { $0.staffAddress == nil }.count, "one alert per dead letter")
        #expect(dead.contains { $0.staffAddress?.name == "by-email" }, "the email alert failed too")
        #expect(
            !telegram.sentMessages.contains { $0.body.contains("alert/by-email") },
            "an alert's dead letter raises no alert"
        )
    }

    @Test("an escalated refund alerts the owner in the same commit as the decision")
    func refundEscalation() async throws {
        let telegramOwner = AlertRecipient(
            name: "owner",
            channel: .email,
            address: "olga@club.example",
            language: .es,
            timeZone: "Europe/Madrid",
            events: [.refundEscalated]
        )
        let harness = PolicyDeskHarness(alerts: [telegramOwner])
        let asked = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 20),
            message: "I forgot to cancel",
            by: .member("anna")
        )
        #expect(asked.decision.verdict == .escalateToOwner)
        let alerts = harness.email.sentMessages.filter { $0.staffAddress != nil }
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        #expect(alert.subject.hasPrefix("Un reembolso espera tu decisión"))
        #expect(alert.body.contains("rq-1") && alert.body.contains("19.00 EUR"), "\(alert.body)")
        #expect(alert.recipient == "staff/owner")
        #expect(alert.staffAddress == StaffAddress(name: "owner", address: "olga@club.example"))
    }

    @Test("two desks on one store with a moving clock alert each breach once (seeded)", arguments: [11, 29, 47])
    func twoDesks(seed: Int) async throws {
        print("AlertTests.twoDesks seed \(seed)")
        let clock = MovingClock(start: moscow("2026-01-05 09:00"), step: 0.5)
        let store = InMemoryTicketStore()
        let telegram = InMemoryChannel(kind: .telegram)
        let configuration = try configuration(alerts: [owner])
        let desks = try (0..<2).map { index in
            try SupportDesk(
                store: store,
                clock: clock,
                channels: [InMemoryChannel(kind: .email), telegram],
                configuration: configuration,
                ids: index == 0 ? SequentialIDGenerator() : UUIDGenerator()
            )
        }
        var random = SplitMix64(seed: UInt64(seed))
        for number in 0..<6 {
            let desk = desks[Int(random.next() % 2)]
            _ = try await desk.receive(
                InboundMessage(
                    channel: .email,
                    externalID: "m\(number)",
                    sender: MemberID("member-\(number)"),
                    body: "Help \(number)",
                    receivedAt: clock.now
                )
            )
        }
        clock.advance(to: moscow("2026-01-05 14:00"))
        await withTaskGroup(of: Void.self) { group in
            for desk in desks { group.addTask { _ = try? await desk.processDueWork() } }
        }
        for desk in desks { try await desk.processDueWork() }
        let breaches = try await desks[0].events(limit: 1000).map(\.event).filter { $0.kind == .slaBreach }
        #expect(breaches.count == 6, "seed \(seed)")
        let alerted = telegram.sentMessages.filter { $0.subject.hasPrefix("Нарушен SLA") }
        #expect(Set(alerted.map(\.id)).count == 6, "seed \(seed): one alert per breach")
        let stored = try await store.outbound(matching: OutboxQuery(limit: 1000)).messages.filter {
            $0.staffAddress != nil
        }
        #expect(stored.count == 6, "seed \(seed): \(stored.map(\.id))")
    }
}

@Suite("Alert recipients in the configuration document")
struct AlertConfigurationTests {
    @Test("recipients are read, written back and checked with a path to the problem")
    func document() throws {
        let json = """
            {"routing": {"agents": [{"id": "lead", "displayName": "Pavel"}]}, "sla": false,
             "alerts": [{"name": "owner", "channel": "email", "address": "olga@club.example", "language": "ru",
                         "timeZone": "Europe/Moscow"},
                        {"name": "lead", "channel": "telegram", "address": "42", "agent": "lead",
                         "events": ["sla_breach"]}]}
            """
        let configuration = try DeskConfiguration.decode(json: Data(json.utf8))
        #expect(configuration.alertRecipients.map(\.name) == ["owner", "lead"])
        #expect(configuration.alertRecipients[0].events == AlertRecipient.defaultEvents)
        #expect(configuration.alertRecipients[1].events == [.slaBreach])
        let again = try DeskConfiguration.decode(json: try configuration.json())
        #expect(again.alertRecipients == configuration.alertRecipients)

        let bad: [(String, String)] = [
            (
                #"{"name": "owner", "channel": "email", "address": "a@b.c", "timeZone": "Mars/Olympus"}"#,
                "alerts[0].timeZone"
            ),
            (#"{"name": "a b", "channel": "email", "address": "a@b.c"}"#, "alerts[0].name"),
            (#"{"name": "x", "channel": "email", "address": " "}"#, "alerts[0].address"),
            (#"{"name": "x", "channel": "email", "address": "a@b.c", "agent": "nobody"}"#, "alerts[0].agent"),
            (#"{"name": "x", "channel": "email", "address": "a@b.c", "events": []}"#, "alerts[0].events"),
        ]
        for (recipient, path) in bad {
            let document = #"{"sla": false, "alerts": [\#(recipient)]}"#
            #expect(throws: DeskConfigurationError.self) { try DeskConfiguration.decode(json: Data(document.utf8)) }
            do {
                _ = try DeskConfiguration.decode(json: Data(document.utf8))
            } catch let error as DeskConfigurationError {
                #expect(error.path == path, "\(error)")
            }
        }
        let twice = #"""
            {"sla": false, "alerts": [{"name": "x", "channel": "email", "address": "a@b.c"},
                                      {"name": "x", "channel": "email", "address": "d@e.f"}]}
            """#
        #expect(throws: DeskConfigurationError.self) { try DeskConfiguration.decode(json: Data(twice.utf8)) }
    }

    @Test("a desk without the recipient's channel refuses to start and names the recipient")
    func missingChannel() throws {
        var configuration = DeskConfiguration(storeScanInterval: nil)
        configuration.alertRecipients = [AlertRecipient(name: "owner", channel: .telegram, address: "42")]
        do {
            _ = try SupportDesk(
                store: InMemoryTicketStore(),
                clock: ManualClock(now: Date(timeIntervalSince1970: 0)),
                channels: [InMemoryChannel(kind: .email)],
                configuration: configuration
            )
            Issue.record("the desk started without a telegram channel")
        } catch let error as DeskConfigurationError {
            #expect(error.path == "alerts[0].channel")
            #expect(error.message.contains("owner"))
        }
    }
}
