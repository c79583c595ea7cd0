/// An error from moderation: an invalid policy, a wrong role, a stale ledger, or a step that does not
/// apply.
///
/// Switch on ``code``; read ``message`` for what to do about it.
public struct ModerationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in a form to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case invalidPolicy
            case invalidLedger
            case notAuthorized
            case conflict
            case memberMismatch
            case unknownEntry
            case notReversible
            case alreadyReversed
            case noPendingRemoval
            case outOfOrder
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The policy is not usable; the message names the path, such as `ladder[2].days`.
        public static var invalidPolicy: Code { Code(.invalidPolicy) }
        /// A stored ledger does not hold together, such as an entry acting on a later entry.
        public static var invalidLedger: Code { Code(.invalidLedger) }
        /// The actor's role may not take this step, such as an agent approving a removal.
        public static var notAuthorized: Code { Code(.notAuthorized) }
        /// The ledger changed since the decision was made: reload it and decide again.
        public static var conflict: Code { Code(.conflict) }
        /// The decision is for another member's ledger.
        public static var memberMismatch: Code { Code(.memberMismatch) }
        /// No entry in the ledger has the given number.
        public static var unknownEntry: Code { Code(.unknownEntry) }
        /// The entry is not a penalty that can be reversed, or is a pending removal to decline instead.
        public static var notReversible: Code { Code(.notReversible) }
        /// The entry was already reversed.
        public static var alreadyReversed: Code { Code(.alreadyReversed) }
        /// There is no pending removal to approve or decline.
        public static var noPendingRemoval: Code { Code(.noPendingRemoval) }
        /// The instant is earlier than the ledger's latest entry.
        public static var outOfOrder: Code { Code(.outOfOrder) }

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
