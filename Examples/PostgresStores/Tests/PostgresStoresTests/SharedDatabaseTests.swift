import Foundation
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

/// Two servers of one club on one database: each desk has its own client, as two processes would, and
/// every record one desk keeps is seen by the other.
@Suite("Two desks sharing one database")
struct SharedDatabaseTests {
    static let anna = MemberProfile(id: "anna", displayName: "Anna", locale: .en)
    static let boris = MemberProfile(id: "boris", displayName: "Boris", locale: .en, isPaying: false)

    static let configuration = DeskConfiguration(
        refunds: RefundPolicy(plans: [
            "monthly": PlanRefundTerms(
                guaranteeDays: 14,
                windowStart: .eachRenewal,
                afterWindow: .goodwill(maxDaysAfterWindow: 30)
            )
        ]),
        moderation: .standard
    )

    /// A desk on `stores`, with the club's members.
    static func desk(_ stores: PostgresDeskStores, clock: ManualClock, email: InMemoryChannel) throws -> SupportDesk {
        try SupportDesk(
            store: stores.tickets,
            clock: clock,
            channels: [email],
            configuration: configuration,
            members: InMemoryMemberDirectory([anna, boris]),
            ledgers: stores.policyLedgers,
            journeys: stores.journeys,
            ratings: stores.ratings,
            agentStatuses: stores.agentStatuses
        )
    }

    /// Runs `body` with two desks on one fresh schema, each on a client of its own.
    static func withTwoDesks(
        schema: String,
        _ body: (SupportDesk, SupportDesk, ManualClock, PostgresDeskStores) async throws -> Void
    ) async throws {
        try await TestDatabase.withStores(schema: schema) { storesA in
            try await TestDatabase.withClient { clientB in
                let storesB = try PostgresDeskStores(client: clientB, schema: schema, logger: TestDatabase.logger)
                // The second server starting finds the schema up to date.
                #expect(try await storesB.migrate().isEmpty)
                let clock = ManualClock()
                let email = InMemoryChannel(kind: .email)
                try await body(
                    try desk(storesA, clock: clock, email: email),
                    try desk(storesB, clock: clock, email: email),
                    clock,
                    storesA
                )
            }
        }
    }

    /// One charge of 19.00 EUR paid `daysAgo` days before now.
    static func facts(_ member: MemberID, paidDaysAgo daysAgo: Double, clock: ManualClock) -> RefundFacts {
        let paid = clock.now.addingTimeInterval(-daysAgo * 86_400)
        let charge = Charge(
            id: "ch-1",
            amount: Money(minorUnits: 1900, currency: .eur),
            at: paid,
            periodEnd: paid.addingTimeInterval(31 * 86_400)
        )
        return RefundFacts(member: member, plan: "monthly", charges: [charge])
    }

    @Test("a refund escalated on one desk is resolved by the owner on the other")
    func escalationResolvedOnTheOtherDesk() async throws {
        try await Self.withTwoDesks(schema: "shared_refunds") { deskA, deskB, clock, stores in
            // Twenty days after paying, outside the 14-day guarantee: the owner decides.
            let facts = Self.facts("anna", paidDaysAgo: 20, clock: clock)
            let asked = try await deskA.refunds.request(
                "rq-1",
                for: "anna",
                facts: facts,
                message: "Please refund my last month",
                by: .member("anna")
            )
            #expect(asked.decision.verdict == .escalateToOwner)
            #expect(try await deskB.refunds.decisions(of: "anna").map(\.verdict) == [.escalateToOwner])
            // The other server's owner inbox lists it, with the call that resolves it.
            let inbox = try await deskB.ownerInbox()
            #expect(inbox.items.map(\.action) == [.decideRefund(request: "rq-1", member: "anna")])

            let resolved = try await deskB.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("nina"))
            #expect(resolved.decision.verdict == .approve)
            #expect(resolved.ticket.id == asked.ticket.id, "the resolution goes on the request's ticket")

            let seenByA = try await deskA.refunds.decisions(of: "anna")
            #expect(seenByA.map(\.verdict) == [.approve])
            #expect(seenByA.first?.amount == Money(minorUnits: 1900, currency: .eur))
            // The first desk cannot resolve it again: it is no longer an escalation.
            let again = await #expect(throws: RefundError.self) {
                try await deskA.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("nina"))
            }
            #expect(again?.code == .notEscalated)
            // The member's approval message stands on the ticket, read through the first desk.
            let ticket = try await deskA.agentView(of: asked.ticket.id).ticket
            let automatic = ticket.messages.filter { $0.kind == .automatic }.map(\.templateKey)
            #expect(automatic.contains { $0?.hasPrefix("refund.approved") == true }, "\(automatic)")
            #expect(try await stores.policyLedgers.pendingPolicyPosts(of: nil, limit: 10).isEmpty)
            #expect(try await deskA.ownerInbox().items.isEmpty, "nothing waits once the owner decided")
            // Both servers read one feed: the escalation on A, the decision on B, each once.
            let policy = try await deskA.events(limit: 1000).map(\.event).filter {
                $0.kind == .refundEscalated || $0.kind == .refundDecided
            }
            #expect(policy.map(\.kind) == [.refundEscalated, .refundDecided])
            #expect(try await deskB.events(limit: 1000) == (try await deskA.events(limit: 1000)))
            // The member's data, exported through the other server, holds the request and its decision.
            let export = try await deskB.exportData(of: "anna", by: .owner("nina"))
            #expect(export.tickets.map(\.id) == [asked.ticket.id])
            #expect(export.refundDecisions.map(\.verdict) == [.approve])
            #expect(export.outbound.count == 2, "the escalation notice and the approval")
        }
    }

    @Test("a warning given on one desk counts on the other")
    func moderationWarningsAreShared() async throws {
        try await Self.withTwoDesks(schema: "shared_moderation") { deskA, deskB, clock, _ in
            let outcome = try await deskA.receive(
                InboundMessage(
                    channel: .email,
                    externalID: "in-1",
                    sender: "boris",
                    body: "You are all useless",
                    receivedAt: clock.now
                )
            )
            let ticket = outcome.ticket.id
            let first = try #require(outcome.ticket.messages.last { $0.kind == .memberMessage }).id
            let warned = try await deskA.moderation.report(
                on: ticket,
                message: first,
                violation: Violation(.rudeness, note: "insulted the team"),
                by: .agent("pavel")
            )
            #expect(warned.decision.action == .warning)

            let ledgerOnB = try #require(try await deskB.moderation.ledger(of: "boris"))
            #expect(ledgerOnB.entries.map(\.action) == [.warning])
            #expect(ledgerOnB.version == 1)
            // The same message reported on the other desk is not penalized twice.
            let twice = await #expect(throws: DeskError.self) {
                try await deskB.moderation.report(
                    on: ticket,
                    message: first,
                    violation: Violation(.rudeness, note: "reported again"),
                    by: .agent("olga")
                )
            }
            #expect(twice?.code == .conflict)
            // A new message reported on the other desk climbs the ladder from the first desk's warning.
            let second = try await deskB.execute(
                .memberMessage(MessageDraft(id: "M-2", body: "Still useless")),
                on: ticket,
                by: .member("boris")
            )
            let secondMessage = try #require(second.messages.last).id
            let final = try await deskB.moderation.report(
                on: ticket,
                message: secondMessage,
                violation: Violation(.rudeness, note: "again"),
                by: .agent("olga")
            )
            #expect(final.decision.action == .finalWarning)
            #expect(try await deskA.moderation.ledger(of: "boris")?.entries.map(\.action) == [.warning, .finalWarning])
        }
    }

    @Test("a rating given through one desk is seen by the other, and a ticket is rated once across both")
    func ratingsAreShared() async throws {
        try await Self.withTwoDesks(schema: "shared_ratings") { deskA, deskB, clock, _ in
            var solved: [TicketID] = []
            for number in 0..<3 {
                let outcome = try await deskA.receive(
                    InboundMessage(
                        channel: .email,
                        externalID: "in-\(number)",
                        sender: "anna",
                        body: "Question \(number)",
                        receivedAt: clock.now
                    )
                )
                try await deskA.reply(to: outcome.ticket.id, body: "Answered.", by: .agent("olga"), status: .solved)
                solved.append(outcome.ticket.id)
            }
            let rated = try await deskB.ratings.rate(solved[0], score: 5, comment: "Quick and kind", by: "anna")
            #expect(try await deskA.ratings.rating(of: solved[0]) == rated)
            let twice = await #expect(throws: RatingError.self) {
                try await deskA.ratings.rate(solved[0], score: 1, by: "anna")
            }
            #expect(twice?.code == .alreadyRated)

            // The member rates the second ticket on both desks at once: one rating stands.
            let contested = solved[1]
            async let onA = Self.outcome { try await deskA.ratings.rate(contested, score: 2, by: "anna") }
            async let onB = Self.outcome { try await deskB.ratings.rate(contested, score: 4, by: "anna") }
            let outcomes = [await onA, await onB]
            #expect(outcomes.compactMap { $0 }.count == 1, "exactly one of two concurrent ratings is saved")
            let stored = try #require(try await deskB.ratings.rating(of: solved[1]))
            #expect(outcomes.contains(stored))

            let all = try await deskA.ratings.all()
            #expect(all.map(\.ticket) == [solved[0], solved[1]])
            #expect(try await deskB.ratings.all() == all)
        }
    }

    /// The rating a call saved, or `nil` when it was refused as a second rating.
    static func outcome(_ rate: () async throws -> Rating) async -> Rating? {
        do {
            return try await rate()
        } catch let error as RatingError where error.code == .alreadyRated {
            return nil
        } catch {
            Issue.record("a concurrent rating failed with \(error)")
            return nil
        }
    }
}
