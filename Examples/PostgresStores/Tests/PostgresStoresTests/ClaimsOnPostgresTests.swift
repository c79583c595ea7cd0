import Foundation
import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Delivery claims on PostgreSQL")
struct ClaimsOnPostgresTests {
    @Test("a send slower than its claim: the desk that took over records the delivery, the late outcome is dropped")
    func slowSendOnTwoDesks() async throws {
        try await TestDatabase.withStore(schema: "slow_send") { storeA in
            try await TestDatabase.withClient { clientB in
                let storeB = try PostgresTicketStore(
                    client: clientB,
                    schema: storeA.schema,
                    logger: TestDatabase.logger
                )
                let clock = ManualClock()
                let start = clock.now
                let configuration = DeskConfiguration(deliveryRetryDelay: 60, deliveryClaimDuration: 300)
                let fast = RecordingChannel(kind: .email)
                let deskB = try SupportDesk(store: storeB, clock: clock, channels: [fast], configuration: configuration)
                // Desk A's send takes longer than its claim and fails; desk B's pass runs meanwhile.
                let slow = RecordingChannel.slow(kind: .email, taking: 301, on: clock, failures: 1) { _ in
                    _ = try? await deskB.deliverPendingMessages()
                }
                let deskA = try SupportDesk(store: storeA, clock: clock, channels: [slow], configuration: configuration)
                let message = OutboundMessage(
                    id: "O-welcome-1",
                    ticketID: nil,
                    messageID: nil,
                    recipient: "member-1",
                    channel: .email,
                    subject: "Welcome",
                    body: "Glad you are here",
                    createdAt: start
                )
                try await storeA.commit(TicketCommit(writes: [], outbound: [message]))

                #expect(try await deskA.deliverPendingMessages() == 0)
                for _ in 0..<3 {
                    clock.advance(by: 400)
                    try await deskA.processDueWork()
                    try await deskB.processDueWork()
                }

                let stored = try #require(try await storeA.outbound(message.id))
                #expect(stored.state == .delivered)
                #expect(stored.claim == nil)
                #expect(stored.history.map(\.at) == [start.addingTimeInterval(301)])
                #expect(fast.deliveries(of: message.idempotencyKey) == 1)
                #expect(slow.sends(of: message.idempotencyKey) + fast.sends(of: message.idempotencyKey) == 2)
            }
        }
    }

    @Test("migrate adds the claim-token column to an outbox from before it, and claims work afterwards")
    func migrateAddsTheClaimToken() async throws {
        try await TestDatabase.withStore(schema: "claim_token_migration") { store in
            _ = try await TestDatabase.withClient { client in
                // A schema from before claim tokens was also from before versioned migrations.
                for statement in [
                    "ALTER TABLE \(store.schema).outbox DROP COLUMN claim_token",
                    "DROP TABLE \(store.schema).schema_migrations",
                ] {
                    try await client.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger)
                }
            }
            try await store.migrate()
            let start = Date(timeIntervalSince1970: 1_767_603_600)
            let message = OutboundMessage(
                id: "O-1",
                ticketID: nil,
                messageID: nil,
                recipient: "member-1",
                channel: .email,
                subject: "Welcome",
                body: "Glad you are here",
                createdAt: start
            )
            try await store.commit(TicketCommit(writes: [], outbound: [message]))
            let claimed = try #require(try await store.claimOutbound("O-1", at: start, until: start + 300))
            #expect(claimed.claim?.token.isEmpty == false)
            var sent = claimed
            sent.state = .delivered
            try await store.updateOutbound(sent)
            #expect(try await store.outbound("O-1")?.state == .delivered)
        }
    }
}
