/// An error from moderation: an invalid policy, a wrong role, a stale ledger, or a step that does not
/// apply.
///
/// Switch on ``code``; read ``message`` for what to do about it.
public struct ModerationError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The policy is not usable; the message names the path, such as `ladder[2].days`.
        public static var invalidPolicy: Code { Code(#function) }
        /// A stored ledger does not hold together, such as an entry acting on a later entry.
        public static var invalidLedger: Code { Code(#function) }
        /// The actor's role may not take this step, such as an agent approving a removal.
        public static var notAuthorized: Code { Code(#function) }
        /// The ledger changed since the decision was made: reload it and decide again.
        public static var conflict: Code { Code(#function) }
        /// The decision is for another member's ledger.
        public static var memberMismatch: Code { Code(#function) }
        /// No entry in the ledger has the given number.
        public static var unknownEntry: Code { Code(#function) }
        /// The entry is not a penalty that can be reversed, or is a pending removal to decline instead.
        public static var notReversible: Code { Code(#function) }
        /// The entry was already reversed.
        public static var alreadyReversed: Code { Code(#function) }
        /// There is no pending removal to approve or decline.
        public static var noPendingRemoval: Code { Code(#function) }
        /// The instant is earlier than the ledger's latest entry.
        public static var outOfOrder: Code { Code(#function) }
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
