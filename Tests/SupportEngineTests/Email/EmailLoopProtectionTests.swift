import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Email intake: loops, caps and bounces")
struct EmailLoopProtectionTests {
    @Test("another desk's auto-responder opens a ticket but gets no automatic reply")
    func autoResponder() async throws {
        let harness = try EmailDeskHarness()
        let result = try await harness.intake.receive(raw: EmailFixture.bytes("autoreply-en-out-of-office.eml"))
        guard case .received(let outcome, let sender, let decision) = result else {
            Issue.record("the auto-reply was not received: \(result)")
            return
        }
        #expect(outcome.disposition == .created)
        #expect(sender == "email:helpdesk@vendor.example")
        #expect(decision == .suppress(.automaticMessage(signal: "Auto-Submitted: auto-replied")))
        #expect(!outcome.ticket.messages.contains { $0.kind == .automatic })
        #expect(harness.transport.sent.isEmpty)
    }

    @Test("list mail opens a ticket without an automatic reply")
    func listMail() async throws {
        let harness = try EmailDeskHarness()
        let result = try await harness.intake.receive(raw: EmailFixture.bytes("list-en-digest.eml"))
        guard case .received(let outcome, _, let decision) = result else {
            Issue.record("the list mail was not received: \(result)")
            return
        }
        #expect(outcome.disposition == .created)
        guard case .suppress(.bulkOrList) = decision else {
            Issue.record("list mail was not recognized: \(decision)")
            return
        }
        #expect(harness.transport.sent.isEmpty)
    }

    @Test("the daily cap on automatic replies holds after a desk restart on the same store")
    func capSurvivesRestart() async throws {
        let store = InMemoryTicketStore()
        let clock = ManualClock(now: EmailDeskHarness.mondayMorning)
        func mail(_ n: Int) throws -> [UInt8] {
            try EmailFixture.bytes("gmail-en-new.eml", replacing: ["CAOb7x=Hq4Fz2mK0pLw9": "CAOb7x=request\(n)"])
        }
        let first = try EmailDeskHarness(
            store: store,
            clock: clock,
            ids: UUIDGenerator(),
            maximumAutomaticRepliesPerDay: 2
        )
        for n in 1...2 {
            let result = try await first.intake.receive(raw: mail(n))
            guard case .received(let outcome, _, .send) = result else {
                Issue.record("request \(n) was not answered: \(result)")
                return
            }
            #expect(outcome.disposition == .created)
        }
        #expect(first.transport.sent.count == 2)

        // A new desk and intake on the same store: no counter in memory carries over.
        clock.advance(by: 3600)
        let restarted = try EmailDeskHarness(
            store: store,
            clock: clock,
            ids: UUIDGenerator(),
            maximumAutomaticRepliesPerDay: 2
        )
        let third = try await restarted.intake.receive(raw: mail(3))
        guard case .received(let outcome, _, let decision) = third else {
            Issue.record("request 3 was not received: \(third)")
            return
        }
        #expect(outcome.disposition == .created)
        #expect(decision == .suppress(.dailyCapReached(limit: 2)))
        #expect(restarted.transport.sent.isEmpty)

        // A day after the first replies the cap has room again.
        clock.advance(by: 23 * 3600 + 60)
        let fourth = try await restarted.intake.receive(raw: mail(4))
        guard case .received(_, _, .send) = fourth else {
            Issue.record("request 4 was not answered a day later: \(fourth)")
            return
        }
        #expect(restarted.transport.sent.count == 1)
    }

    @Test("a bounce opens no ticket and moves the bounced message to the member's next channel, once")
    func bounceFallsBack() async throws {
        let harness = try EmailDeskHarness()
        let created = try await harness.receive("gmail-en-new.eml")
        let ack = try #require(harness.transport.sent.first)
        let bounce = try EmailFixture.bytes(
            "bounce-postfix-dsn.eml",
            ["BOUNCED_ID": ack.messageID, "RECIPIENT": "olivia.bennett@gmail.example", "SUBJECT": "Re: Can't open"]
        )
        let result = try await harness.intake.receive(raw: bounce)
        guard case .bounce(let report, let failed?) = result else {
            Issue.record("the bounce did not mark the acknowledgement: \(result)")
            return
        }
        #expect(report.isFailure)
        #expect(failed.ticketID == created.ticket.id)
        #expect(failed.channel == .telegram)
        #expect(failed.state == .delivered)
        #expect(
            failed.history.contains {
                if case .failed(let reason) = $0.outcome { return reason.contains("5.1.1") && $0.channel == .email }
                return false
            }
        )
        #expect(harness.fallback.sentMessages.map(\.id) == [failed.id])
        #expect(try await harness.store.tickets(matching: TicketQuery()).tickets.count == 1)

        // The same bounce again changes nothing.
        let again = try await harness.intake.receive(raw: bounce)
        guard case .bounce(_, nil) = again else {
            Issue.record("a repeated bounce marked something: \(again)")
            return
        }
        #expect(harness.fallback.sentMessages.count == 1)
        #expect(try await harness.store.tickets(matching: TicketQuery()).tickets.count == 1)
    }

    @Test("concurrent deliveries of the same mail under a moving clock make one ticket and one reply")
    func concurrentDuplicates() async throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("EmailLoopProtectionTests.concurrentDuplicates seed: \(seed)")
        var random = SplitMix64(seed: seed)
        let harness = try EmailDeskHarness(clock: MovingClock(start: EmailDeskHarness.mondayMorning, step: 0.5))
        let mails = [
            try EmailFixture.bytes("gmail-en-new.eml"),
            try EmailFixture.bytes("yandex-ru-cp1251-new.eml"),
            try EmailFixture.bytes("apple-es-latin1-new.eml"),
        ]
        var deliveries: [[UInt8]] = []
        for mail in mails { deliveries += Array(repeating: mail, count: 2 + Int(random.next() % 4)) }
        deliveries.shuffle(using: &random)
        let intake = harness.intake
        let dispositions = try await withThrowingTaskGroup(of: ReceiveOutcome.Disposition.self) { group in
            for raw in deliveries {
                group.addTask {
                    guard case .received(let outcome, _, _) = try await intake.receive(raw: raw) else {
                        throw HarnessError("a request was taken as a bounce")
                    }
                    return outcome.disposition
                }
            }
            var all: [ReceiveOutcome.Disposition] = []
            for try await disposition in group { all.append(disposition) }
            return all
        }
        #expect(dispositions.filter { $0 == .created }.count == 3, "seed \(seed)")
        #expect(dispositions.filter { $0 == .duplicate }.count == deliveries.count - 3, "seed \(seed)")
        let tickets = try await harness.store.tickets(matching: TicketQuery()).tickets
        #expect(tickets.count == 3, "seed \(seed)")
        #expect(
            tickets.allSatisfy { $0.ticket.messages.filter { $0.kind == .memberMessage }.count == 1 },
            "seed \(seed)"
        )
        #expect(harness.transport.sent.count == 3, "seed \(seed)")
    }
}
