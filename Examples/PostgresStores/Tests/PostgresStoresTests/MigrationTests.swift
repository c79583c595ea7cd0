import Foundation
import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Versioned migrations")
struct MigrationTests {
    /// The rows of a schema's `schema_migrations`: version and name, by version.
    static func recorded(_ schema: String, on client: PostgresClient) async throws -> [(Int, String)] {
        let rows = try await client.query(
            "SELECT version, name FROM \(unescaped: schema).schema_migrations ORDER BY version",
            logger: TestDatabase.logger
        )
        var recorded: [(Int, String)] = []
        for try await row in rows.decode((Int, String).self) { recorded.append(row) }
        return recorded
    }

    static func dropSchema(_ schema: String, on client: PostgresClient) async throws {
        try await client.query(
            PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"),
            logger: TestDatabase.logger
        )
    }

    @Test("migrating twice applies every step once; the second run changes nothing")
    func migrateTwice() async throws {
        let schema = "migrate_versions"
        try await TestDatabase.withClient { client in
            try await Self.dropSchema(schema, on: client)
            let migrator = try PostgresMigrator(client: client, schema: schema, logger: TestDatabase.logger)
            #expect(try await migrator.appliedVersions().isEmpty, "a schema that does not exist has no steps")
            let first = try await migrator.migrate()
            #expect(first == PostgresMigration.all(in: schema))
            #expect(first.map(\.version) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
            let second = try await migrator.migrate()
            #expect(second.isEmpty)
            let recorded = try await Self.recorded(schema, on: client)
            #expect(recorded.map(\.0) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
            #expect(recorded.map(\.1) == PostgresMigration.all(in: schema).map(\.name))
            try await Self.dropSchema(schema, on: client)
        }
    }

    @Test("two migrators starting at once apply each step exactly once")
    func concurrentMigrators() async throws {
        let schema = "migrate_concurrently"
        for round in 0..<20 {
            try await TestDatabase.withClient { clientA in
                try await TestDatabase.withClient { clientB in
                    try await Self.dropSchema(schema, on: clientA)
                    let a = try PostgresMigrator(client: clientA, schema: schema, logger: TestDatabase.logger)
                    let b = try PostgresMigrator(client: clientB, schema: schema, logger: TestDatabase.logger)
                    async let fromA = a.migrate()
                    async let fromB = b.migrate()
                    let applied = try await (fromA.map(\.version), fromB.map(\.version))
                    #expect(
                        (applied.0 + applied.1).sorted() == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
                        "round \(round): A applied \(applied.0), B applied \(applied.1)"
                    )
                    #expect(
                        try await Self.recorded(schema, on: clientA).map(\.0) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
                        "round \(round)"
                    )
                    // Both servers then work on the same tables.
                    let stores = try PostgresDeskStores(client: clientB, schema: schema, logger: TestDatabase.logger)
                    try await stores.ratings.save(
                        Rating(ticket: "T-1", member: "anna", score: 4, at: Date(timeIntervalSince1970: 1_767_603_600))
                    )
                    #expect(try await stores.ratings.allRatings().count == 1)
                    let olga = AgentStatus(agent: "olga", presence: .online, updatedAt: Date(timeIntervalSince1970: 0))
                    _ = try await stores.agentStatuses.saveAgentStatus(olga, expectedVersion: 0)
                    #expect(try await stores.agentStatuses.agentStatuses().map(\.agent) == ["olga"])
                    try await Self.dropSchema(schema, on: clientA)
                }
            }
        }
    }

    @Test("a schema made before migrations were versioned is brought up to date, keeping its tickets")
    func unversionedSchemaIsAdopted() async throws {
        let schema = "migrate_adopt"
        try await TestDatabase.withClient { client in
            try await Self.dropSchema(schema, on: client)
            // What the ticket store's migrate() did before: the schema and step 1's tables, unrecorded.
            try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"), logger: TestDatabase.logger)
            for statement in PostgresMigration.all(in: schema)[0].statements {
                try await client.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger)
            }
            // A ticket as the old store wrote it: no search terms, no number.
            let start = Date(timeIntervalSince1970: 1_767_603_600)
            let first = TicketMessage(
                id: "T-old-m1",
                kind: .memberMessage,
                author: .member("anna"),
                body: "Не могу войти в клуб после оплаты",
                at: start,
                channel: .email
            )
            let (ticket, _) = try TicketRules.create(
                TicketCreation(
                    requester: "anna",
                    subject: "Вход",
                    channel: .email,
                    reason: .access,
                    priority: .urgent,
                    firstMessage: first
                ),
                id: "T-old",
                by: .member("anna"),
                at: start
            )
            let snapshot = String(decoding: try JSONEncoder().encode(ticket), as: UTF8.self)
            try await client.query(
                """
                INSERT INTO \(unescaped: schema).tickets (id, version, status, requester, snapshot)
                VALUES ('T-old', \(ticket.version), 'new', 'anna', \(snapshot)::jsonb)
                """,
                logger: TestDatabase.logger
            )

            let stores = try PostgresDeskStores(client: client, schema: schema, logger: TestDatabase.logger)
            #expect(try await stores.migrate().map(\.version) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
            #expect(try await stores.tickets.tickets(matching: TicketQuery()).tickets.map(\.ticket) == [ticket])
            let found = try await stores.tickets.tickets(matching: TicketQuery(text: "оплата", reasons: [.access]))
            #expect(found.tickets.map(\.ticket.id) == ["T-old"], "the old ticket got its search terms")
            for sort in TicketSort.allCases {
                let sorted = try await stores.tickets.tickets(matching: TicketQuery(text: nil, sort: sort))
                #expect(sorted.tickets.map(\.ticket.id) == ["T-old"], "the old ticket in the \(sort) order")
            }
            #expect(try await stores.migrate().isEmpty)
            try await Self.dropSchema(schema, on: client)
        }
    }

    @Test("a schema migrated by an earlier release (steps 1–4) gains only steps 5 to 11, keeping its data")
    func upgradeFromStepFour() async throws {
        let schema = "migrate_upgrade_5"
        try await TestDatabase.withClient { client in
            try await Self.dropSchema(schema, on: client)
            let previous = try PostgresMigrator(
                client: client,
                schema: schema,
                logger: TestDatabase.logger,
                migrations: Array(PostgresMigration.all(in: schema).prefix(4))
            )
            #expect(try await previous.migrate().map(\.version) == [1, 2, 3, 4])
            let stores = try PostgresDeskStores(client: client, schema: schema, logger: TestDatabase.logger)
            let rating = Rating(ticket: "T-1", member: "anna", score: 5, at: Date(timeIntervalSince1970: 1_767_603_600))
            try await stores.ratings.save(rating)

            #expect(try await stores.migrate().map(\.version) == [5, 6, 7, 8, 9, 10, 11])
            #expect(
                try await Self.recorded(schema, on: client).map(\.1).suffix(7)
                    == [
                        "agent statuses", "ticket_search", "desk_events", "ticket_sort", "member erasures",
                        "commit function", "commit function keeps claims",
                    ]
            )
            #expect(try await stores.ratings.allRatings() == [rating])
            let olga = AgentStatus(agent: "olga", isAbsent: true, updatedAt: Date(timeIntervalSince1970: 1_767_603_600))
            let saved = try await stores.agentStatuses.saveAgentStatus(olga, expectedVersion: 0)
            #expect(try await stores.agentStatuses.agentStatus(of: "olga") == saved)
            #expect(try await stores.migrate().isEmpty)
            try await Self.dropSchema(schema, on: client)
        }
    }

    @Test("a step list must be numbered 1, 2, 3… with distinct names")
    func stepListIsChecked() throws {
        let client = PostgresClient(
            configuration: try TestDatabase.settings().clientConfiguration,
            backgroundLogger: TestDatabase.logger
        )
        let gap = [
            PostgresMigration(version: 1, name: "one", statements: []),
            PostgresMigration(version: 3, name: "three", statements: []),
        ]
        let sameName = [
            PostgresMigration(version: 1, name: "one", statements: []),
            PostgresMigration(version: 2, name: "one", statements: []),
        ]
        for steps in [gap, sameName] {
            let error = #expect(throws: StoreError.self) {
                try PostgresMigrator(client: client, schema: "support", logger: TestDatabase.logger, migrations: steps)
            }
            #expect(error?.code == .invalidQuery)
        }
    }
}
