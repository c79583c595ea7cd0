/// An error from the shared vocabulary: money arithmetic and value validation.
///
/// Switch on ``code``; read ``message`` for what to do about it.
public struct SupportCoreError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// An amount of money from outside was negative.
        public static var negativeMoney: Code { Code(#function) }
        /// Two amounts in different currencies were combined.
        public static var currencyMismatch: Code { Code(#function) }
        /// Money arithmetic left the range of 64-bit minor units.
        public static var overflow: Code { Code(#function) }
        /// A value did not have the required form.
        public static var invalidValue: Code { Code(#function) }
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
