/// Why a file was not kept: one of ``AttachmentLimits``' rules, or a desk without an attachment store.
///
/// For a member's message, a refused file is recorded on the ticket (an internal note naming the file
/// and this error's message) and in ``ReceiveOutcome/refusedAttachments``, and the message itself is
/// received. An agent's reply or note with a refused file is refused whole with this error.
public struct AttachmentError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The file is larger than ``AttachmentLimits/maximumFileBytes``.
        public static var fileTooLarge: Code { Code(#function) }
        /// The message has more files than ``AttachmentLimits/maximumCount``.
        public static var tooManyFiles: Code { Code(#function) }
        /// The message's files add up to more than ``AttachmentLimits/maximumTotalBytes``.
        public static var totalTooLarge: Code { Code(#function) }
        /// The file's media type or name ending is one the desk blocks (a program, a script).
        public static var blockedType: Code { Code(#function) }
        /// The file's media type is not among ``AttachmentLimits/allowedMediaTypes``.
        public static var typeNotAllowed: Code { Code(#function) }
        /// The file name holds control characters or is too long.
        public static var invalidName: Code { Code(#function) }
        /// The media type is not of the form `type/subtype`.
        public static var invalidMediaType: Code { Code(#function) }
        /// The desk was made without an ``AttachmentStore``, so it keeps no files.
        public static var noAttachmentStore: Code { Code(#function) }
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
