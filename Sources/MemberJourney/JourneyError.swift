/// An error from the member journey: an invalid policy or record, an exit survey answer that does not
/// fit, or a step that does not apply.
///
/// Switch on ``code``; read ``message`` for what to do about it.
public struct JourneyError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The policy is not usable; the message names the path, such as `quietMargin`.
        public static var invalidPolicy: Code { Code(#function) }
        /// A stored record does not hold together.
        public static var invalidRecord: Code { Code(#function) }
        /// The member's facts contradict each other, such as activity before joining.
        public static var invalidFacts: Code { Code(#function) }
        /// An exit survey answer names no reason, an unknown reason, or a comment that is too long.
        public static var invalidAnswer: Code { Code(#function) }
        /// The member has not left, so there is no exit survey to answer.
        public static var notLeaving: Code { Code(#function) }
        /// The member already answered the exit survey for this departure.
        public static var alreadyAnswered: Code { Code(#function) }
        /// A fix announcement has an empty id or note, or a note that is too long.
        public static var invalidFix: Code { Code(#function) }
        /// The record changed since it was read: reload it and try again.
        public static var conflict: Code { Code(#function) }
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
