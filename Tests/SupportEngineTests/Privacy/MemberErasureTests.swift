import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Erasing a member's data")
struct MemberErasureTests {
    /// Anna's refund request with a note, a rating and a moderation report; Ivan's question.
    private func seeded() async throws -> (PolicyDeskHarness, anna: [TicketID], ivan: TicketID) {
        let harness = PolicyDeskHarness()
        let refund = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 3),
            message: "Please refund, Zqx my card ends 4242",
            by: .member("anna")
        )
        try await harness.desk.addInternalNote(
            to: refund.ticket.id,
            body: "Zqx checked the payment",
            by: .agent("pavel")
        )
        try await harness.desk.solve(refund.ticket.id, by: .agent("pavel"))
        _ = try await harness.desk.ratings.rate(refund.ticket.id, score: 2, comment: "Zqx too slow", by: "anna")
        let (ivan, _) = try await harness.open("ivan", body: "Где мой курс?", id: "in-ivan")
        let (ticket, message) = try await harness.open("anna", body: "Zqx and another thing", id: "in-anna")
        harness.clock.advance(by: 60)
        _ = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness, note: "Zqx called us names"),
            by: .agent("pavel")
        )
        return (harness, [refund.ticket.id, ticket], ivan)
    }

    /// Everything the stores return about the tickets and the member, as text.
    private func everything(_ harness: PolicyDeskHarness, tickets: [TicketID], member: MemberID) async throws -> String
    {
        var text = ""
        for id in tickets {
            text += String(reflecting: await harness.store.ticket(id))
            text += String(reflecting: await harness.store.events(of: id))
            text += String(reflecting: await harness.store.outbound(ofTicket: id))
        }
        text += String(reflecting: try await harness.store.outbound(matching: OutboxQuery(limit: 1000)).messages)
        text += String(reflecting: try await harness.ledgers.moderationLedger(of: member))
        text += String(reflecting: try await harness.ledgers.pendingPolicyPosts(of: member, limit: 100))
        return text
    }

    @Test("every store redacts the member's words; statistics and other members stay; the erasure is recorded")
    func eraseRedactsEverywhere() async throws {
        let (harness, anna, ivan) = try await seeded()
        #expect(try await everything(harness, tickets: anna, member: "anna").contains("Zqx"))
        let eventsBefore = await anna.asyncMap { await harness.store.events(of: $0) }
        let ivanBefore = await harness.store.ticket(ivan)
        harness.clock.advance(by: 60)

        let erasure = try await harness.desk.erase(member: "anna", by: .member("anna"))

        #expect(erasure.member == "anna" && erasure.requestedBy == .member("anna"))
        #expect(erasure.finishedAt == harness.clock.now)
        #expect(erasure.redacted.tickets == 2)
        #expect(erasure.redacted.messages >= 4)
        #expect(erasure.redacted.outboundMessages >= 1)
        #expect(erasure.redacted.ledgerEntries == 1)
        #expect(erasure.redacted.ratingComments == 1)
        #expect(try await harness.ledgers.erasure(of: "anna") == erasure)
        #expect(!(try await everything(harness, tickets: anna, member: "anna")).contains("Zqx"))
        #expect(!(try await everything(harness, tickets: anna, member: "anna")).contains("4242"))
        let eventsAfter = await anna.asyncMap { await harness.store.events(of: $0) }
        #expect(eventsAfter.map { $0.map(\.change.name) } == eventsBefore.map { $0.map(\.change.name) })
        #expect(eventsAfter.map { $0.map(\.at) } == eventsBefore.map { $0.map(\.at) })
        #expect(await harness.store.ticket(ivan) == ivanBefore)
        #expect(try await harness.ledgers.refundDecisions(of: "anna").decisions.map(\.requestID) == ["rq-1"])

        let export = try await harness.desk.exportData(of: "anna", by: .owner("olga"))
        #expect(export.erasure == erasure)
        #expect(export.tickets.isEmpty && export.outbound.isEmpty && export.ratings.isEmpty && export.profile == nil)
        #expect(!String(decoding: try JSONEncoder().encode(export), as: UTF8.self).contains("Zqx"))

        // Erasing again redacts what a racing write stored, and keeps the record's request and counts.
        try await harness.store.commit(
            TicketCommit(
                writes: [],
                outbound: [
                    OutboundMessage(
                        id: "O-racing",
                        ticketID: anna[0],
                        messageID: nil,
                        recipient: "anna",
                        channel: .email,
                        subject: "Zqx",
                        body: "Zqx raced the erasure",
                        createdAt: harness.clock.now
                    )
                ]
            )
        )
        harness.clock.advance(by: 60)
        let again = try await harness.desk.erase(member: "anna", by: .owner("olga"))
        #expect(again.requestedBy == .member("anna") && again.requestedAt == erasure.requestedAt)
        #expect(again.finishedAt == harness.clock.now)
        #expect(again.redacted.outboundMessages == erasure.redacted.outboundMessages + 1)
        #expect(again.redacted.tickets == erasure.redacted.tickets)
        #expect(!(try await everything(harness, tickets: anna, member: "anna")).contains("Zqx"))
    }

    @Test("only the owner or the member may erase; a refusal records nothing")
    func permissions() async throws {
        let (harness, anna, _) = try await seeded()
        for actor in [SupportActor.agent("pavel"), .member("ivan"), .system] {
            let error = await #expect(throws: DeskError.self) {
                _ = try await harness.desk.erase(member: "anna", by: actor)
            }
            #expect(error?.code == .notPermitted)
        }
        #expect(try await harness.ledgers.erasure(of: "anna") == nil)
        #expect(try await everything(harness, tickets: anna, member: "anna").contains("Zqx"))
        let byOwner = try await harness.desk.erase(member: "anna", by: .owner("olga"))
        #expect(byOwner.requestedBy == .owner("olga") && byOwner.isFinished)
    }

    @Test("an erased member's messages are refused: no ticket, no automatic reply, no text on old tickets")
    func erasedMemberIsRefused() async throws {
        let (harness, anna, _) = try await seeded()
        _ = try await harness.desk.erase(member: "anna", by: .owner("olga"))
        let count = await harness.store.ticketCount
        let sent = harness.email.sentMessages.count
        let error = await #expect(throws: DeskError.self) {
            _ = try await harness.desk.receive(
                InboundMessage(
                    channel: .email,
                    externalID: "in-late",
                    sender: "anna",
                    body: "Zqx I am back",
                    receivedAt: harness.clock.now
                )
            )
        }
        #expect(error?.code == .memberErased)
        #expect(await harness.store.ticketCount == count)
        try await harness.desk.deliverPendingMessages()
        #expect(harness.email.sentMessages.count == sent)
        let reply = await #expect(throws: DeskError.self) {
            _ = try await harness.desk.reply(to: anna[1], body: "Zqx hello again", by: .agent("pavel"))
        }
        #expect(reply?.code == .memberErased)
        let refund = await #expect(throws: DeskError.self) {
            _ = try await harness.desk.refunds.request(
                "rq-late",
                for: "anna",
                facts: harness.facts("anna", paidDaysAgo: 3),
                message: "Zqx refund again",
                by: .member("anna")
            )
        }
        #expect(refund?.code == .memberErased)
        // Changes without text still work: statistics go on.
        let solved = try await harness.desk.solve(anna[1], by: .agent("pavel"))
        #expect(solved.status == .solved)
        #expect(!(try await everything(harness, tickets: anna, member: "anna")).contains("Zqx"))
    }

    @Test("a message to the member already in the outbox is never sent")
    func outboxWithholds() async throws {
        let (harness, anna, _) = try await seeded()
        _ = try await harness.desk.erase(member: "anna", by: .owner("olga"))
        // Another desk committed a reply just before the erasure reached the store.
        let late = OutboundMessage(
            id: "O-late",
            ticketID: anna[0],
            messageID: nil,
            recipient: "anna",
            channel: .email,
            subject: "Re: Zqx",
            body: "Zqx late reply",
            createdAt: harness.clock.now
        )
        try await harness.store.commit(TicketCommit(writes: [], outbound: [late]))
        let sent = harness.email.sentMessages.count
        try await harness.desk.deliverPendingMessages()
        #expect(harness.email.sentMessages.count == sent)
        let stored = try #require(await harness.store.outbound("O-late"))
        #expect(stored.state == .withheld)
        #expect(!String(reflecting: stored).contains("Zqx"))
    }

    @Test("an erasure cut short by a store failure is finished by the next desk on the store")
    func crashMidErasureIsFinished() async throws {
        let (harness, anna, _) = try await seeded()
        harness.faults.failNext(.eraseMember, .beforeWrite)
        let error = await #expect(throws: StoreError.self) {
            _ = try await harness.desk.erase(member: "anna", by: .member("anna"))
        }
        #expect(error?.code == .unavailable)
        let pending = try #require(try await harness.ledgers.erasure(of: "anna"))
        #expect(!pending.isFinished)
        #expect(try await everything(harness, tickets: anna, member: "anna").contains("Zqx"))
        // While unfinished the member is already refused and exports only the record.
        let refused = await #expect(throws: DeskError.self) {
            _ = try await harness.open("anna", body: "Zqx hello", id: "in-during")
        }
        #expect(refused?.code == .memberErased)
        #expect(try await harness.desk.exportData(of: "anna", by: .owner("olga")).erasure == pending)

        harness.clock.advance(by: 30)
        let second = harness.secondDesk()
        try await second.processDueWork()
        let finished = try #require(try await harness.ledgers.erasure(of: "anna"))
        #expect(finished.isFinished && finished.finishedAt == harness.clock.now)
        #expect(finished.requestedAt == pending.requestedAt)
        #expect(!(try await everything(harness, tickets: anna, member: "anna")).contains("Zqx"))
        #expect(try await harness.ledgers.unfinishedErasures(limit: 10).isEmpty)
    }

    @Test("a ticket store without erasure refuses it loudly; the erasure stays unfinished, never reported done")
    func unsupportedStoreRefuses() async throws {
        let clock = ManualClock()
        let ledgers = InMemoryPolicyLedgerStore()  // the concrete type: its own methods answer, not the defaults
        let desk = try SupportDesk(store: OldAdapter(), clock: clock, ledgers: ledgers)
        let error = await #expect(throws: StoreError.self) {
            _ = try await desk.erase(member: "anna", by: .owner("olga"))
        }
        #expect(error?.code == .unsupported)
        #expect(error?.message.hasPrefix("OldAdapter") == true, "\(String(describing: error?.message))")
        let recorded = await ledgers.erasure(of: "anna")
        #expect(recorded?.isFinished == false, "recorded: \(String(describing: recorded))")
        await #expect(throws: StoreError.self) { try await desk.finishErasures() }
    }
}

/// A ticket store adapter written before erasure existed.
private actor OldAdapter: ForwardingTicketStore {
    let base = InMemoryTicketStore()
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
