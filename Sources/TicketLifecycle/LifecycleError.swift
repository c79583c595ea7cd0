/// A command or event the ticket lifecycle refused.
///
/// Switch on ``code``; ``message`` says which transition was refused and why.
public struct LifecycleError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The ticket is closed; nothing more can happen to it (a new message makes a follow-up).
        public static var ticketClosed: Code { Code(#function) }
        /// A ticket can never go back to ``TicketStatus/new``.
        public static var neverBackToNew: Code { Code(#function) }
        /// Only a solved ticket can be closed.
        public static var notSolved: Code { Code(#function) }
        /// The command would change nothing (the status, assignee, priority or tags are already so).
        public static var noChange: Code { Code(#function) }
        /// The actor's role may not do this (a member adding an internal note, say).
        public static var notPermitted: Code { Code(#function) }
        /// A message body is empty or only white space.
        public static var invalidMessage: Code { Code(#function) }
        /// A tag is empty, too long, or has white space in it.
        public static var invalidTag: Code { Code(#function) }
        /// A ticket cannot be merged into itself.
        public static var mergeIntoItself: Code { Code(#function) }
        /// A history cannot be replayed: it does not start with creation, or its sequence has a gap.
        public static var invalidHistory: Code { Code(#function) }
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
}
