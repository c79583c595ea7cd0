/// An error from reading or writing email: a message past a limit, an address that does not parse,
/// a header value that would inject another header.
///
/// Switch on ``code``; read ``message`` for what to do about it. Malformed mail that can still be read
/// (a missing boundary, an unknown charset) is not an error: the parser falls back and notes it in
/// ``ParsedEmail/warnings``.
public struct EmailError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The message is larger than ``EmailParsingLimits/maxMessageBytes``.
        public static var messageTooLarge: Code { Code(#function) }
        /// One header field is longer than ``EmailParsingLimits/maxHeaderFieldBytes``, or a part has more
        /// header bytes than ``EmailParsingLimits/maxHeaderSectionBytes``.
        public static var headerTooLong: Code { Code(#function) }
        /// Multiparts are nested deeper than ``EmailParsingLimits/maxDepth``.
        public static var nestingTooDeep: Code { Code(#function) }
        /// The message has more MIME parts than ``EmailParsingLimits/maxParts``.
        public static var tooManyParts: Code { Code(#function) }
        /// The message has no header section at all.
        public static var notAMessage: Code { Code(#function) }
        /// The message has no `From` (or `Sender`) mailbox that parses.
        public static var missingSender: Code { Code(#function) }
        /// An email address or mailbox list does not parse.
        public static var invalidAddress: Code { Code(#function) }
        /// A header value for an outgoing message holds a CR or LF (header injection) or another control
        /// character.
        public static var headerInjection: Code { Code(#function) }
        /// A `Message-ID` for an outgoing message is not of the form `left@right`.
        public static var invalidMessageID: Code { Code(#function) }
        /// An outgoing message has no recipient.
        public static var missingRecipient: Code { Code(#function) }
        /// A policy or limit value is out of range.
        public static var invalidPolicy: Code { Code(#function) }
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
