/// Why a satisfaction rating was refused.
///
/// Switch on ``code``; read ``message`` for what to do about it.
public struct RatingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in a form to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case scoreOutOfRange
            case notRequester
            case notSolved
            case alreadyRated
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The score is not 1 to 5.
        public static var scoreOutOfRange: Code { Code(.scoreOutOfRange) }
        /// Someone other than the ticket's requester tried to rate it.
        public static var notRequester: Code { Code(.notRequester) }
        /// The ticket is not solved or closed yet.
        public static var notSolved: Code { Code(.notSolved) }
        /// The ticket already has a rating.
        public static var alreadyRated: Code { Code(.alreadyRated) }

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

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
