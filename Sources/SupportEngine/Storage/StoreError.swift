/// An error from a ``TicketStore``.
///
/// Switch on ``code``. A ``Code/versionConflict`` means someone else changed the ticket since it was
/// read: reload and try again (``SupportDesk`` does so by itself a bounded number of times).
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in a form to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case versionConflict
            case duplicateExternalMessage
            case invalidCommit
            case invalidQuery
            case notFound
            case unavailable
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The ticket's stored version is not the one the writer read.
        public static var versionConflict: Code { Code(.versionConflict) }
        /// An inbound message key is already mapped to another ticket: a repeated delivery.
        public static var duplicateExternalMessage: Code { Code(.duplicateExternalMessage) }
        /// The commit is malformed: events out of sequence, a snapshot that does not match its events.
        public static var invalidCommit: Code { Code(.invalidCommit) }
        /// A query's arguments are out of range.
        public static var invalidQuery: Code { Code(.invalidQuery) }
        /// Something the call names does not exist.
        public static var notFound: Code { Code(.notFound) }
        /// The store cannot be reached (a database is down).
        public static var unavailable: Code { Code(.unavailable) }

        /// The code's name.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - message: A sentence a person can act on.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message, prefixed by the code.
    public var description: String { "\(code): \(message)" }
}
