/// An error from the member journey: an invalid policy or record, an exit survey answer that does not
/// fit, or a step that does not apply.
///
/// Switch on ``code``; read ``message`` for what to do about it.
public struct JourneyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in a form to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case invalidPolicy
            case invalidRecord
            case invalidFacts
            case invalidAnswer
            case notLeaving
            case alreadyAnswered
            case invalidFix
            case conflict
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The policy is not usable; the message names the path, such as `quietMargin`.
        public static var invalidPolicy: Code { Code(.invalidPolicy) }
        /// A stored record does not hold together.
        public static var invalidRecord: Code { Code(.invalidRecord) }
        /// The member's facts contradict each other, such as activity before joining.
        public static var invalidFacts: Code { Code(.invalidFacts) }
        /// An exit survey answer names no reason, an unknown reason, or a comment that is too long.
        public static var invalidAnswer: Code { Code(.invalidAnswer) }
        /// The member has not left, so there is no exit survey to answer.
        public static var notLeaving: Code { Code(.notLeaving) }
        /// The member already answered the exit survey for this departure.
        public static var alreadyAnswered: Code { Code(.alreadyAnswered) }
        /// A fix announcement has an empty id or note, or a note that is too long.
        public static var invalidFix: Code { Code(.invalidFix) }
        /// The record changed since it was read: reload it and try again.
        public static var conflict: Code { Code(.conflict) }

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
