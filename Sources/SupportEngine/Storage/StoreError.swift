/// An error from a ``TicketStore``.
///
/// Switch on ``code``. A ``Code/versionConflict`` means someone else changed the ticket since it was
/// read: reload and try again (``SupportDesk`` does so by itself a bounded number of times).
public struct StoreError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The ticket's stored version is not the one the writer read.
        public static var versionConflict: Code { Code(#function) }
        /// An inbound message key is already mapped to another ticket: a repeated delivery.
        public static var duplicateExternalMessage: Code { Code(#function) }
        /// The commit is malformed: events out of sequence, a snapshot that does not match its events.
        public static var invalidCommit: Code { Code(#function) }
        /// A query's arguments are out of range.
        public static var invalidQuery: Code { Code(#function) }
        /// Something the call names does not exist.
        public static var notFound: Code { Code(#function) }
        /// An outbound message's update carries a claim that is no longer the message's: the claim ran
        /// out and another delivery pass claimed the message since. That pass owns the message now; the
        /// update changed nothing.
        public static var claimLost: Code { Code(#function) }
        /// The store cannot be reached (a database is down).
        public static var unavailable: Code { Code(#function) }
        /// The adapter does not implement the operation (an erasure, say): nothing was done, and the
        /// operation must not be taken as done.
        public static var unsupported: Code { Code(#function) }
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
}

extension StoreError {
    /// Whether the failed operation certainly stored nothing: a refusal (a conflict, a duplicate, a
    /// malformed request, an unknown record, a lost claim) rather than a failure whose outcome is
    /// unknown, such as ``Code/unavailable`` (the write may stand though its answer was lost).
    var leavesNothingStored: Bool {
        [
            .versionConflict, .duplicateExternalMessage, .invalidCommit, .invalidQuery, .notFound, .claimLost,
            .unsupported,
        ]
        .contains(code)
    }
}
