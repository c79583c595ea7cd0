/// Why ``EmailChannel`` could not send a message to a member.
///
/// The desk records the error on the message's attempt, retries, and then falls back to the member's
/// next channel.
public struct EmailDeliveryError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The recipient has no email address: the directory lists none, and the id is not a prospect's
        /// `email:<address>`.
        public static var noAddress: Code { Code(#function) }
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
