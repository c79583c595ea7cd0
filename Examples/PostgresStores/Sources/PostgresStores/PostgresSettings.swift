import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// Where the PostgreSQL server is and how to log in, read from the usual libpq environment variables.
///
/// ``fromEnvironment(_:)`` reads `DATABASE_URL` (`postgres://user:password@host:port/database?sslmode=…`)
/// when it is set, otherwise `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE` and
/// `PGSSLROOTCERT`, with libpq's defaults: `localhost`, `5432`, user `postgres`, the database named like
/// the user, no TLS. `sslmode` means what it means to libpq, in the address and in `PGSSLMODE` alike:
/// `disable` (and `allow`, `prefer`: this client does not try TLS on its own) is plain TCP; `require`
/// encrypts but does not check the server's certificate; `verify-ca` checks that a trusted authority
/// signed it; `verify-full` also checks that it names the host. Use `verify-full` across a network.
public struct PostgresSettings: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP; right for a server on the same machine.
        case disable
        /// TLS without checking the server's certificate: encrypted, but not proof of who answers.
        case require
        /// TLS with the certificate checked against the trusted authorities, not the host name.
        case verifyCA = "verify-ca"
        /// TLS with the certificate checked against the trusted authorities and the host name.
        case verifyFull = "verify-full"

        /// Reads a libpq `sslmode` value.
        ///
        /// - Parameters:
        ///   - mode: The value.
        ///   - variable: Where it came from, for the error.
        /// - Throws: ``PostgresSettingsError`` for a value libpq does not know.
        public init(sslmode mode: String, from variable: String) throws {
            switch mode {
            case "disable", "allow", "prefer": self = .disable
            case "require": self = .require
            case "verify-ca": self = .verifyCA
            case "verify-full": self = .verifyFull
            default:
                throw PostgresSettingsError(
                    "\(variable) must be disable, allow, prefer, require, verify-ca or verify-full, not '\(mode)'"
                )
            }
        }
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The user to log in as.
    public var username: String
    /// The user's password, if the server asks for one.
    public var password: String?
    /// The database to use.
    public var database: String
    /// Whether to use TLS, and what to check of the server's certificate.
    public var tls: TLSMode
    /// A PEM file of the authorities to trust (`sslrootcert`, `PGSSLROOTCERT`); the system's when `nil`.
    public var rootCertificatePath: String?
    /// How long to wait for the server to accept a connection before giving up.
    public var connectTimeout: Duration
    /// The most connections one client opens.
    public var maximumConnections: Int

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - host: The server's host name or address.
    ///   - port: The server's port.
    ///   - username: The user to log in as.
    ///   - password: The user's password.
    ///   - database: The database to use; the user's name when `nil`.
    ///   - tls: Whether to use TLS.
    ///   - connectTimeout: How long to wait for a connection.
    ///   - maximumConnections: The most connections one client opens.
    public init(
        host: String = "localhost",
        port: Int = 5432,
        username: String = "postgres",
        password: String? = nil,
        database: String? = nil,
        tls: TLSMode = .disable,
        connectTimeout: Duration = .seconds(5),
        maximumConnections: Int = 20
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database ?? username
        self.tls = tls
        self.rootCertificatePath = nil
        self.connectTimeout = connectTimeout
        self.maximumConnections = maximumConnections
    }

    /// Reads the settings from environment variables.
    ///
    /// - Parameter environment: The variables; the process's by default.
    /// - Returns: The settings.
    /// - Throws: ``PostgresSettingsError`` when `DATABASE_URL`, `PGPORT` or `PGSSLMODE` cannot be read,
    ///   naming the variable.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresSettings {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return try fromURL(url)
        }
        var settings = PostgresSettings()
        if let host = environment["PGHOST"], !host.isEmpty { settings.host = host }
        if let port = environment["PGPORT"], !port.isEmpty {
            guard let number = Int(port), (1...65_535).contains(number) else {
                throw PostgresSettingsError("PGPORT must be a port number from 1 to 65535, not '\(port)'")
            }
            settings.port = number
        }
        if let user = environment["PGUSER"], !user.isEmpty {
            settings.username = user
            settings.database = user
        }
        if let password = environment["PGPASSWORD"], !password.isEmpty { settings.password = password }
        if let database = environment["PGDATABASE"], !database.isEmpty { settings.database = database }
        if let mode = environment["PGSSLMODE"], !mode.isEmpty {
            settings.tls = try TLSMode(sslmode: mode, from: "PGSSLMODE")
        }
        if let root = environment["PGSSLROOTCERT"], !root.isEmpty { settings.rootCertificatePath = root }
        return settings
    }

    /// Reads settings from a `postgres://user:password@host:port/database` address, with the query
    /// parameters `sslmode` and `sslrootcert` as libpq reads them.
    ///
    /// - Parameter url: The address; `postgresql://` works too.
    /// - Returns: The settings.
    /// - Throws: ``PostgresSettingsError`` when the address is not of that form or names an unknown
    ///   `sslmode`.
    public static func fromURL(_ url: String) throws -> PostgresSettings {
        guard let components = URLComponents(string: url),
            components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, !host.isEmpty
        else {
            throw PostgresSettingsError("DATABASE_URL must look like postgres://user:password@host:5432/database")
        }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var settings = PostgresSettings(
            host: host,
            port: components.port ?? 5432,
            username: user,
            password: components.password.flatMap { $0.removingPercentEncoding },
            database: path.isEmpty ? nil : path
        )
        let query = components.queryItems ?? []
        if let mode = query.first(where: { $0.name == "sslmode" })?.value, !mode.isEmpty {
            settings.tls = try TLSMode(sslmode: mode, from: "DATABASE_URL's sslmode")
        }
        if let root = query.first(where: { $0.name == "sslrootcert" })?.value, !root.isEmpty {
            settings.rootCertificatePath = root
        }
        return settings
    }

    /// The client configuration for PostgresNIO.
    public var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tlsConfiguration.map { .require($0) } ?? .disable
        )
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = maximumConnections
        return configuration
    }

    /// The TLS settings for ``tls``, or `nil` for plain TCP.
    public var tlsConfiguration: TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable: return nil
        case .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if let rootCertificatePath { configuration.trustRoots = .file(rootCertificatePath) }
        return configuration
    }

    /// `user@host:port/database`, without the password.
    public var description: String { "\(username)@\(host):\(port)/\(database)" }

    /// Opens one connection and closes it again, to fail fast with a clear message when the server is
    /// not there.
    ///
    /// A ``PostgresClient`` waits for a connection while it retries in the background; call this before
    /// starting one so that a missing server is reported at once rather than as a hang.
    ///
    /// - Parameter logger: Where PostgresNIO logs.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` naming the server and the cause.
    public func checkReachable(logger: Logger = Logger(label: "PostgresTicketStore")) async throws {
        var configuration = PostgresConnection.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: try tlsConfiguration.map { .require(try .init(configuration: $0)) } ?? .disable
        )
        configuration.options.connectTimeout = .init(connectTimeout)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw StoreError(
                .unavailable,
                "cannot connect to PostgreSQL at \(self) (\(PostgresErrors.describe(error))); start the server "
                    + "or set PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE (or DATABASE_URL)"
            )
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

/// A connection setting that cannot be read.
public struct PostgresSettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which variable is wrong and what it must look like.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameter message: Which variable is wrong and what it must look like.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
