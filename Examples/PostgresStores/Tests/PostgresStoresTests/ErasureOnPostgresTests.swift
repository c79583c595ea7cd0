import Foundation
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Erasure on PostgreSQL")
struct ErasureOnPostgresTests {
    @Test("the ticket store erases", arguments: TicketStoreConformance.erasureChecks)
    func ticketStore(_ check: TicketStoreConformance.Check) async throws {
        try await TestDatabase.withStore(schema: TestDatabase.schemaName("erase", check.name)) { store in
            try await check.run(against: store)
        }
    }

    @Test("the policy store records and erases", arguments: PolicyLedgerStoreConformance.erasureChecks)
    func policyStore(_ check: PolicyLedgerStoreConformance.Check) async throws {
        try await TestDatabase.withStores(schema: TestDatabase.schemaName("erasel", check.name)) { stores in
            try await check.run(against: stores.policyLedgers)
        }
    }

    @Test("the journey store erases", arguments: MemberJourneyStoreConformance.erasureChecks)
    func journeyStore(_ check: MemberJourneyStoreConformance.Check) async throws {
        try await TestDatabase.withStores(schema: TestDatabase.schemaName("erasej", check.name)) { stores in
            try await check.run(against: stores.journeys)
        }
    }

    @Test("the rating store erases", arguments: RatingStoreConformance.erasureChecks)
    func ratingStore(_ check: RatingStoreConformance.Check) async throws {
        try await TestDatabase.withStores(schema: TestDatabase.schemaName("eraser", check.name)) { stores in
            try await check.run(against: stores.ratings)
        }
    }

    @Test("a desk on PostgreSQL erases a member; a desk sharing the database refuses them and exports only the record")
    func deskErasesOnPostgres() async throws {
        try await TestDatabase.withStores(schema: "erase_desk") { stores in
            let clock = ManualClock()
            func desk() throws -> SupportDesk {
                try SupportDesk(
                    store: stores.tickets,
                    clock: clock,
                    channels: [InMemoryChannel(kind: .email)],
                    ledgers: stores.policyLedgers,
                    journeys: stores.journeys,
                    ratings: stores.ratings,
                    agentStatuses: stores.agentStatuses
                )
            }
            let first = try desk()
            let message = InboundMessage(
                channel: .email,
                externalID: "<zqx-1@club.example>",
                sender: "anna",
                subject: "Zqx subject",
                body: "Zqx my phone is +7 900 000 00 00",
                receivedAt: clock.now
            )
            let ticket = try await first.receive(message).ticket
            try await first.solve(ticket.id, by: .agent("pavel"))
            _ = try await first.ratings.rate(ticket.id, score: 1, comment: "Zqx rude", by: "anna")
            let erasure = try await first.erase(member: "anna", by: .member("anna"))
            #expect(erasure.isFinished && erasure.redacted.tickets == 1)
            let stored = try #require(try await stores.tickets.ticket(ticket.id))
            #expect(!String(reflecting: stored).contains("Zqx"))
            #expect(!String(reflecting: try await stores.tickets.events(of: ticket.id)).contains("Zqx"))
            #expect(!String(reflecting: try await stores.ratings.allRatings()).contains("Zqx"))

            let second = try desk()
            let error = await #expect(throws: DeskError.self) {
                var again = message
                again.externalID = "<zqx-2@club.example>"
                _ = try await second.receive(again)
            }
            #expect(error?.code == .memberErased)
            #expect(try await second.exportData(of: "anna", by: .owner("olga")).erasure == erasure)
        }
    }
}
