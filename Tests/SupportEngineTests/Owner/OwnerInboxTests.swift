import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("The owner's inbox")
struct OwnerInboxTests {
    /// A desk open round the clock whose replies are due within an hour and resolutions within `resolution`.
    private static func desk(on clock: ManualClock, resolution: TimeInterval) throws -> SupportDesk {
        let targets = ResponseTargets(
            firstReply: .business(3600),
            nextReply: .business(3600),
            resolution: .business(resolution)
        )
        return try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(
                storeScanInterval: nil,
                sla: SLAPolicy(
                    calendar: try .alwaysOpen(timeZone: "Europe/Madrid"),
                    targets: [.normal: targets, .low: targets, .high: targets, .urgent: targets]
                )
            ),
            ids: SequentialIDGenerator()
        )
    }

    @Test("an escalated refund and a pending removal wait with their actions, and leave once decided")
    func refundsAndRemovals() async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 20)
        let asked = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "I forgot to cancel",
            by: .member("anna")
        )
        // An approved refund waits for nobody.
        _ = try await harness.desk.refunds.request(
            "rq-2",
            for: "lucia",
            facts: harness.facts("lucia", paidDaysAgo: 2),
            message: "No me gusta",
            by: .member("lucia")
        )
        let (ticket, first) = try await harness.open("ivan", body: "Вы все бесполезны")
        var message = first
        for index in 0..<3 {
            if index > 0 {
                message = try await harness.write("ivan", on: ticket, body: "Опять \(index)", id: "M-i\(index)")
            }
            harness.clock.advance(by: 3600)
            _ = try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness, note: "insulted the team"),
                by: .agent("pavel")
            )
        }

        let inbox = try await harness.desk.ownerInbox()
        #expect(inbox.isComplete)
        #expect(inbox.items.map(\.kind) == [.refundAwaitingOwner, .removalAwaitingOwner])
        let refund = try #require(inbox.items.first)
        #expect(refund.action == .decideRefund(request: "rq-1", member: "anna"))
        #expect(refund.ticket == asked.ticket.id)
        #expect(refund.summary.contains("19.00 EUR"))
        let removal = try #require(inbox.items.last)
        guard case .decideRemoval(let member, let entry) = removal.action else {
            Issue.record("the removal's action is \(removal.action)")
            return
        }
        #expect(member == "ivan" && removal.ticket == ticket)

        // The owner acts on what the actions name; the inbox empties.
        _ = try await harness.desk.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("olga"))
        _ = try await harness.desk.moderation.declineRemoval(of: member, note: "one more chance", by: .owner("olga"))
        #expect(try await harness.desk.ownerInbox().items.isEmpty)
        let ledger = try #require(try await harness.desk.moderation.ledger(of: "ivan"))
        #expect(ledger.entry(entry)?.action == .pendingRemoval)

        let kinds = try await harness.desk.events(limit: 1000).map(\.event.kind)
        for kind in [DeskEventKind.refundEscalated, .refundDecided, .removalPending, .removalDecided] {
            #expect(kinds.contains(kind), "the feed lacks \(kind)")
        }
        #expect(kinds.filter { $0 == .moderationRecorded }.count == 2, "a warning and a final warning")
    }

    @Test("a dead letter waits until it is sent again; only staff may send it again")
    func deadLetters() async throws {
        let channel = FailingChannel(kind: .email, failures: 5)
        let harness = DeskHarness(configuration: DeskConfiguration(maximumDeliveryAttempts: 5), channels: [channel])
        let ticket = try await harness.receive("m-1").ticket
        try await harness.desk.reply(to: ticket.id, body: "Fixed it", by: DeskHarness.agent)
        for _ in 0..<10 where try await harness.desk.deadLetters().isEmpty {
            harness.clock.advance(by: 3600)
            try await harness.desk.processDueWork()
        }
        let inbox = try await harness.desk.ownerInbox()
        let item = try #require(inbox.items.first { $0.kind == .deadLetter })
        guard case .retryDelivery(let id) = item.action else {
            Issue.record("the dead letter's action is \(item.action)")
            return
        }
        #expect(item.ticket == ticket.id && item.member == "alice")
        #expect(item.summary.contains("attempt"))

        await #expect(throws: DeskError.self) { try await harness.desk.retryDeadLetter(id, by: .member("alice")) }
        // The channel works again (its five failures are spent): one call sends it.
        try await harness.desk.retryDeadLetter(id, by: .owner("olga"))
        #expect(await harness.store.outbound(id)?.state == .delivered)
        #expect(try await harness.desk.ownerInbox().items.filter { $0.kind == .deadLetter }.isEmpty)
        let again = await #expect(throws: DeskError.self) {
            try await harness.desk.retryDeadLetter(id, by: .owner("olga"))
        }
        #expect(again?.code == .invalidInput)
        await #expect(throws: DeskError.self) { try await harness.desk.retryDeadLetter("O-none", by: .owner("olga")) }
    }

    @Test("a ticket past its target waits until it is solved; a scan limit says the list may be partial")
    func breachedTickets() async throws {
        let clock = ManualClock()
        let desk = try Self.desk(on: clock, resolution: 86_400)
        var tickets: [TicketID] = []
        for index in 0..<3 {
            let message = InboundMessage(
                channel: .email,
                externalID: "m-\(index)",
                sender: MemberID("member-\(index)"),
                body: "Help \(index)",
                receivedAt: clock.now
            )
            tickets.append(try await desk.receive(message).ticket.id)
        }
        #expect(try await desk.ownerInbox().items.isEmpty, "nothing is late yet")
        clock.advance(by: 2 * 3600)
        try await desk.processDueWork()
        let inbox = try await desk.ownerInbox()
        #expect(inbox.items.map(\.kind) == [.slaBreached, .slaBreached, .slaBreached])
        #expect(Set(inbox.items.map(\.action)) == Set(tickets.map { OwnerAction.attendTicket($0) }))
        #expect(inbox.items.allSatisfy { $0.summary.contains("first_reply") })

        try await desk.reply(to: tickets[0], body: "On it", by: .agent("olga"))
        try await desk.solve(tickets[1], by: .agent("olga"))
        let left = try await desk.ownerInbox()
        #expect(left.items.map(\.action) == [.attendTicket(tickets[2])], "answered and solved tickets leave")

        let partial = try await desk.ownerInbox(scanning: 1)
        #expect(!partial.isComplete)
        await #expect(throws: DeskError.self) { _ = try await desk.ownerInbox(scanning: 0) }
    }

    @Test("a missed resolution target stays in the inbox while its clock is paused on hold")
    func pausedBreach() async throws {
        let clock = ManualClock()
        let desk = try Self.desk(on: clock, resolution: 7200)
        let message = InboundMessage(
            channel: .email,
            externalID: "m-1",
            sender: "member-1",
            body: "My invoice is wrong",
            receivedAt: clock.now
        )
        let ticket = try await desk.receive(message).ticket.id
        clock.advance(by: 600)
        try await desk.reply(to: ticket, body: "Looking into it", by: .agent("olga"))
        clock.advance(by: 3 * 3600)
        try await desk.processDueWork()
        #expect(try await desk.ownerInbox().items.map(\.action) == [.attendTicket(ticket)])

        let held = try await desk.setStatus(.onHold, of: ticket, by: .agent("olga"))
        #expect(held.sla.paused[.resolution] != nil, "on hold pauses the resolution clock")
        let inbox = try await desk.ownerInbox()
        #expect(inbox.items.map(\.action) == [.attendTicket(ticket)], "the missed target still waits")
        #expect(inbox.items.first?.summary.contains("resolution") == true)
    }
}
