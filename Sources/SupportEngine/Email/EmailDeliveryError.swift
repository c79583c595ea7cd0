/// Why ``EmailChannel`` could not send a message to a member.
///
/// It is an ``UndeliverableError``: the desk records it on the message's attempt and falls back to the
/// member's next channel at once, since a retry would find no address either.
public struct EmailDeliveryError: CodedError, UndeliverableError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The recipient has no email address: the directory lists none, and the id is not a prospect's
        /// `email:<address>`.
        public static var noAddress: Code { Code(#function) }
        /// A file of the message is not in the attachment store, or the channel has no store.
        public static var missingAttachment: Code { Code(#function) }
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
