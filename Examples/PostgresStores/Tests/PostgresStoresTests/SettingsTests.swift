import Foundation
import PostgresNIO
import PostgresStores
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
        "sslmode means what it means to libpq, in DATABASE_URL and PGSSLMODE alike",
        arguments: [
            ("disable", PostgresSettings.TLSMode.disable), ("prefer", .disable), ("allow", .disable),
            ("require", .require), ("verify-ca", .verifyCA), ("verify-full", .verifyFull),
        ]
    )
    func sslmode(_ mode: String, _ expected: PostgresSettings.TLSMode) throws {
        let fromURL = try PostgresSettings.fromEnvironment([
            "DATABASE_URL": "postgres://app@db.example.com/club?sslmode=\(mode)&sslrootcert=/etc/ssl/club-ca.pem"
        ])
        let fromVariables = try PostgresSettings.fromEnvironment([
            "PGHOST": "db.example.com", "PGSSLMODE": mode, "PGSSLROOTCERT": "/etc/ssl/club-ca.pem",
        ])
        #expect(fromURL.tls == expected)
        #expect(fromVariables.tls == expected)
        #expect(fromURL.rootCertificatePath == "/etc/ssl/club-ca.pem")
        #expect(fromVariables.rootCertificatePath == "/etc/ssl/club-ca.pem")
        let verification = fromURL.tlsConfiguration?.certificateVerification
        switch expected {
        case .disable: #expect(fromURL.tlsConfiguration == nil)
        case .require: #expect(verification == CertificateVerification.none)
        case .verifyCA: #expect(verification == .noHostnameVerification)
        case .verifyFull: #expect(verification == .fullVerification)
        }
    }

    @Test("a DATABASE_URL without sslmode is plain TCP, as with libpq's default on a local server")
    func urlWithoutSSLMode() throws {
        let settings = try PostgresSettings.fromEnvironment(["DATABASE_URL": "postgres://app@127.0.0.1/club"])
        #expect(settings.tls == .disable)
        #expect(settings.rootCertificatePath == nil)
    }

    @Test(
        "unreadable settings name the variable",
        arguments: [
            (["PGPORT": "abc"], "PGPORT"), (["PGPORT": "70000"], "PGPORT"), (["PGSSLMODE": "maybe"], "PGSSLMODE"),
            (["DATABASE_URL": "mysql://x@y/z"], "DATABASE_URL"),
            (["DATABASE_URL": "postgres://x@y/z?sslmode=verify-all"], "DATABASE_URL"),
            (["PGSSLMODE": "verify_full"], "PGSSLMODE"),
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
