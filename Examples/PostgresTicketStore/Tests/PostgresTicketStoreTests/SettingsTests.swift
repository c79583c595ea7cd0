import Foundation
import PostgresTicketStore
import SupportEngine
import Testing

@Suite("Connection settings")
struct SettingsTests {
    @Test("libpq defaults when nothing is set")
    func defaults() throws {
        let settings = try PostgresSettings.fromEnvironment([:])
        #expect(settings.description == "postgres@localhost:5432/postgres")
        #expect(settings.password == nil)
        #expect(settings.tls == .disable)
    }

    @Test("PG* variables")
    func variables() throws {
        let settings = try PostgresSettings.fromEnvironment([
            "PGHOST": "db.internal", "PGPORT": "6543", "PGUSER": "desk", "PGPASSWORD": "s3cret",
            "PGDATABASE": "support", "PGSSLMODE": "require",
        ])
        #expect(settings.description == "desk@db.internal:6543/support")
        #expect(settings.password == "s3cret")
        #expect(settings.tls == .require)
    }

    @Test("the database defaults to the user's name")
    func databaseFollowsUser() throws {
        #expect(try PostgresSettings.fromEnvironment(["PGUSER": "anna"]).database == "anna")
    }

    @Test("DATABASE_URL wins over PG* variables")
    func databaseURL() throws {
        let settings = try PostgresSettings.fromEnvironment([
            "DATABASE_URL": "postgres://app:p%40ss@127.0.0.1:5433/club", "PGHOST": "ignored",
        ])
        #expect(settings.description == "app@127.0.0.1:5433/club")
        #expect(settings.password == "p@ss")
    }

    @Test(
        "unreadable settings name the variable",
        arguments: [
            (["PGPORT": "abc"], "PGPORT"), (["PGPORT": "70000"], "PGPORT"), (["PGSSLMODE": "maybe"], "PGSSLMODE"),
            (["DATABASE_URL": "mysql://x@y/z"], "DATABASE_URL"),
        ]
    )
    func invalid(_ environment: [String: String], _ variable: String) {
        let error = #expect(throws: PostgresSettingsError.self) { try PostgresSettings.fromEnvironment(environment) }
        #expect(error?.message.contains(variable) == true)
    }

    @Test("a server that is not there fails fast with a clear error")
    func unreachable() async throws {
        // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
        let settings = PostgresSettings(host: "127.0.0.1", port: 1, connectTimeout: .seconds(2))
        let started = ContinuousClock.now
        let error = await #expect(throws: StoreError.self) { try await settings.checkReachable() }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("127.0.0.1:1") == true)
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
