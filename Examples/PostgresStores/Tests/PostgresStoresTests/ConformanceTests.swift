import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("PostgresTicketStore conformance")
struct ConformanceTests {
    @Test("the library's store contract", arguments: TicketStoreConformance.checks)
    func conformance(_ check: TicketStoreConformance.Check) async throws {
        try await TestDatabase.withStore(schema: TestDatabase.schemaName("conf", check.name)) { store in
            try await check.run(against: store)
        }
    }

    @Test("migrate is idempotent and keeps the data")
    func migrateTwice() async throws {
        try await TestDatabase.withStore(schema: "migrate_twice") { store in
            let check = try #require(TicketStoreConformance.checks.first)
            try await check.run(against: store)
            let before = try await store.tickets(matching: TicketQuery())
            try await store.migrate()
            let after = try await store.tickets(matching: TicketQuery())
            #expect(!before.tickets.isEmpty)
            #expect(after == before)
        }
    }

    @Test("schema names must be plain identifiers", arguments: ["", "Support", "x; DROP TABLE y", "1abc", "a-b"])
    func schemaNamesAreChecked(_ name: String) throws {
        let client = PostgresClient(
            configuration: try TestDatabase.settings().clientConfiguration,
            backgroundLogger: TestDatabase.logger
        )
        let error = #expect(throws: StoreError.self) {
            try PostgresTicketStore(client: client, schema: name, logger: TestDatabase.logger)
        }
        #expect(error?.code == .invalidQuery)
    }
}
