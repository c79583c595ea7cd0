import PostgresNIO
import SupportEngine

/// Turns PostgresNIO's errors into ``StoreError``s.
enum PostgresErrors {
    /// SQLSTATE `23505`.
    static let uniqueViolation = "23505"
    /// SQLSTATE `40001`.
    static let serializationFailure = "40001"
    /// SQLSTATE `40P01`.
    static let deadlockDetected = "40P01"
    /// SQLSTATE `22P05` (a NUL character in `jsonb`) and `22021` (a byte the encoding cannot hold).
    static let untranslatableText = ["22P05", "22021"]

    /// The server's SQLSTATE of an error, if it came from the server.
    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The constraint a server error names, if any.
    static func constraint(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.constraintName]
    }

    /// The server's message alone: the commit function writes whole sentences.
    static func serverMessage(of error: any Error) -> String {
        (error as? PSQLError)?.serverInfo?[.message] ?? describe(error)
    }

    /// A short, readable cause: the server's message, or the connection problem.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            return "\(error.serverInfo?[.sqlState] ?? "?"): \(message)"
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }

    /// Maps an error from a read or write to a ``StoreError``; ``StoreError``s pass through.
    ///
    /// - Parameters:
    ///   - error: What PostgresNIO threw.
    ///   - what: What the store was doing, for the message.
    static func map(_ error: any Error, while what: String) -> any Error {
        if error is StoreError || error is CancellationError { return error }
        switch sqlState(of: error) {
        case PostgresMigration.commitVersionConflict?:
            return StoreError(.versionConflict, serverMessage(of: error))
        case PostgresMigration.commitInvalid?:
            return StoreError(.invalidCommit, serverMessage(of: error))
        case PostgresMigration.commitDuplicateMessage?:
            return StoreError(.duplicateExternalMessage, serverMessage(of: error))
        case uniqueViolation?:
            if constraint(of: error)?.hasSuffix("external_keys_pkey") == true {
                return StoreError(
                    .duplicateExternalMessage,
                    "an inbound message key is already stored: \(describe(error))"
                )
            }
            return StoreError(
                .versionConflict,
                "another writer stored the same row first while \(what); reload and try again"
            )
        case let state? where untranslatableText.contains(state):
            // The shared validation refuses NUL characters before they get here; this keeps any other
            // text the server cannot hold a refusal of the write, not an outage to retry forever.
            return StoreError(.invalidCommit, "PostgreSQL cannot keep this text while \(what): \(describe(error))")
        case serializationFailure?, deadlockDetected?:
            return StoreError(.versionConflict, "a concurrent change collided while \(what); reload and try again")
        case let state?:
            return StoreError(.unavailable, "PostgreSQL refused \(what) (\(state)): \(describe(error))")
        case nil:
            return StoreError(.unavailable, "PostgreSQL could not be reached while \(what): \(describe(error))")
        }
    }
}
