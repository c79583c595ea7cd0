import Logging
import PostgresNIO
import PostgresStores
import SupportEngine

/// The real PostgreSQL server the tests run against, from the PG* environment variables.
enum TestDatabase {
    static let logger: Logger = {
        var logger = Logger(label: "PostgresStoresTests")
        logger.logLevel = .error
        return logger
    }()

    static func settings() throws -> PostgresSettings {
        var settings = try PostgresSettings.fromEnvironment()
        settings.maximumConnections = 6
        return settings
    }

    /// Runs `body` with a running client of its own, as one app server would have.
    static func withClient<Result: Sendable>(
        _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let settings = try settings()
        try await settings.checkReachable(logger: logger)
        let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    /// Runs `body` with a store on a fresh, empty schema, dropped again afterwards.
    static func withStore<Result: Sendable>(
        schema: String,
        _ body: (PostgresTicketStore) async throws -> Result
    ) async throws -> Result {
        try await withClient { client in
            let store = try PostgresTicketStore(client: client, schema: schema, logger: logger)
            try await store.dropSchema()
            try await store.migrate()
            let result = try await body(store)
            try await store.dropSchema()
            return result
        }
    }

    /// Runs `body` with every store on a fresh, migrated schema of one client, dropped again afterwards.
    static func withStores<Result: Sendable>(
        schema: String,
        _ body: (PostgresDeskStores) async throws -> Result
    ) async throws -> Result {
        try await withClient { client in
            let stores = try PostgresDeskStores(client: client, schema: schema, logger: logger)
            try await stores.dropSchema()
            try await stores.migrate()
            let result = try await body(stores)
            try await stores.dropSchema()
            return result
        }
    }

    /// A schema name for a test: lower case letters, digits and `_`.
    static func schemaName(_ prefix: String, _ name: String) -> String {
        let cleaned = name.lowercased().unicodeScalars.map {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "_"
        }
        return String((prefix + "_" + String(cleaned)).prefix(60))
    }
}
