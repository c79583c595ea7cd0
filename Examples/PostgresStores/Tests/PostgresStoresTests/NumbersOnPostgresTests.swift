import Foundation
import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Ticket numbers on PostgreSQL")
struct NumbersOnPostgresTests {
    static func ticket(_ id: TicketID, number: TicketNumber?) throws -> TicketWrite {
        let message = TicketMessage(
            id: MessageID("\(id)-m1"),
            kind: .memberMessage,
            author: .member("alice"),
            body: "A question",
            at: Date(timeIntervalSince1970: 1_767_603_600),
            channel: .email,
            externalID: "\(id)-ext"
        )
        let creation = TicketCreation(
            requester: "alice",
            subject: "Question",
            channel: .email,
            number: number,
            firstMessage: message
        )
        let (ticket, event) = try TicketRules.create(creation, id: id, by: .member("alice"), at: message.at)
        return TicketWrite(ticket: ticket, expectedVersion: 0, events: [event])
    }

    @Test("a schema from before numbers migrates: old tickets load without one, the sequence passes stored numbers")
    func migrationFromBeforeNumbers() async throws {
        try await TestDatabase.withStore(schema: "numbers_migration") { store in
            // A ticket from before numbers: no number in its snapshot or creation event (the key is left
            // out of the JSON); then the schema is turned back into one from before numbers.
            try await store.commit(TicketCommit(writes: [try Self.ticket("T-old", number: nil)]))
            try await TestDatabase.withClient { client in
                for statement in [
                    "ALTER TABLE \(store.schema).tickets DROP COLUMN number",
                    "DROP SEQUENCE \(store.schema).ticket_numbers",
                    // A schema from before numbers was also from before versioned migrations.
                    "DROP TABLE \(store.schema).schema_migrations",
                ] {
                    try await client.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger)
                }
            }
            try await store.migrate()
            try await store.migrate()
            let old = try #require(try await store.ticket("T-old"))
            #expect(old.ticket.number == nil)
            // A number in the table above the sequence (a restored dump, a number written by hand): the
            // next migration moves the sequence past it.
            try await store.commit(TicketCommit(writes: [try Self.ticket("T-high", number: try TicketNumber(90))]))
            try await store.migrate()
            let next = try await store.nextTicketNumber()
            #expect(next.rawValue > 90, "the sequence moved past the stored 90, got \(next)")
            #expect(try await store.ticketID(forNumber: try TicketNumber(90)) == "T-high")
        }
    }

    @Test("two desks with their own SequentialIDGenerator on one database: distinct ids and numbers")
    func twoSequentialDesks() async throws {
        try await TestDatabase.withStore(schema: "numbers_two_desks") { storeA in
            try await TestDatabase.withClient { clientB in
                let storeB = try PostgresTicketStore(
                    client: clientB,
                    schema: storeA.schema,
                    logger: TestDatabase.logger
                )
                let clock = ManualClock()
                let email = InMemoryChannel(kind: .email)
                let desks = try [
                    SupportDesk(store: storeA, clock: clock, channels: [email], ids: SequentialIDGenerator()),
                    SupportDesk(store: storeB, clock: clock, channels: [email], ids: SequentialIDGenerator()),
                ]
                let perDesk = 25
                let outcomes = try await withThrowingTaskGroup(of: ReceiveOutcome.self) { group in
                    for index in 0..<(2 * perDesk) {
                        let desk = desks[index % 2]
                        let message = InboundMessage(
                            channel: .email,
                            externalID: "<n-\(index)@club.example>",
                            sender: MemberID("member-\(index)"),
                            body: "Question \(index)",
                            receivedAt: clock.now
                        )
                        group.addTask {
                            let outcome = try await desk.receive(message)
                            try await desk.reply(to: outcome.ticket.id, body: "Answer \(index)", by: .agent("anna"))
                            return outcome
                        }
                    }
                    var all: [ReceiveOutcome] = []
                    for try await outcome in group { all.append(outcome) }
                    return all
                }
                #expect(outcomes.count == 2 * perDesk)
                #expect(Set(outcomes.map(\.ticket.id)).count == 2 * perDesk)
                let numbers = outcomes.compactMap(\.ticket.number)
                #expect(Set(numbers).count == 2 * perDesk)
                for outcome in outcomes {
                    let number = try #require(outcome.ticket.number)
                    #expect(try await storeA.ticketID(forNumber: number) == outcome.ticket.id)
                    #expect(try await storeB.ticket(outcome.ticket.id)?.ticket.requester == outcome.ticket.requester)
                }
                let answers = Set(email.sentMessages.map(\.body).filter { $0.hasPrefix("Answer ") })
                #expect(answers.count == 2 * perDesk, "every answer went out")
            }
        }
    }
}
