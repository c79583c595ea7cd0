/// A command or event the ticket lifecycle refused.
///
/// Switch on ``code``; ``message`` says which transition was refused and why.
public struct LifecycleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in a form to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case ticketClosed
            case neverBackToNew
            case notSolved
            case noChange
            case notPermitted
            case invalidMessage
            case invalidTag
            case mergeIntoItself
            case invalidHistory
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The ticket is closed; nothing more can happen to it (a new message makes a follow-up).
        public static var ticketClosed: Code { Code(.ticketClosed) }
        /// A ticket can never go back to ``TicketStatus/new``.
        public static var neverBackToNew: Code { Code(.neverBackToNew) }
        /// Only a solved ticket can be closed.
        public static var notSolved: Code { Code(.notSolved) }
        /// The command would change nothing (the status, assignee, priority or tags are already so).
        public static var noChange: Code { Code(.noChange) }
        /// The actor's role may not do this (a member adding an internal note, say).
        public static var notPermitted: Code { Code(.notPermitted) }
        /// A message body is empty or only white space.
        public static var invalidMessage: Code { Code(.invalidMessage) }
        /// A tag is empty, too long, or has white space in it.
        public static var invalidTag: Code { Code(.invalidTag) }
        /// A ticket cannot be merged into itself.
        public static var mergeIntoItself: Code { Code(.mergeIntoItself) }
        /// A history cannot be replayed: it does not start with creation, or its sequence has a gap.
        public static var invalidHistory: Code { Code(.invalidHistory) }

        /// The code's name.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Which transition was refused and why, in words a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - message: Which transition was refused and why.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message, prefixed by the code.
    public var description: String { "\(code): \(message)" }
}
