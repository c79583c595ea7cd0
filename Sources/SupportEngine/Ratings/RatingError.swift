/// Why a satisfaction rating was refused.
///
/// Switch on ``code``; read ``message`` for what to do about it.
public struct RatingError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The score is not 1 to 5.
        public static var scoreOutOfRange: Code { Code(#function) }
        /// Someone other than the ticket's requester tried to rate it.
        public static var notRequester: Code { Code(#function) }
        /// The ticket is not solved or closed yet.
        public static var notSolved: Code { Code(#function) }
        /// The ticket already has a rating.
        public static var alreadyRated: Code { Code(#function) }
        /// The comment is longer than ``RatingDesk/maximumCommentLength``.
        public static var commentTooLong: Code { Code(#function) }
        /// The comment holds a NUL character (U+0000), which no store keeps.
        public static var invalidComment: Code { Code(#function) }
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
