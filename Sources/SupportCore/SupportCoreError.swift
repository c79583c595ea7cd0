/// An error from the shared vocabulary: money arithmetic and value validation.
///
/// Switch on ``code``; read ``message`` for what to do about it.
public struct SupportCoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in a form to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case negativeMoney
            case currencyMismatch
            case overflow
            case invalidValue
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// An amount of money from outside was negative.
        public static var negativeMoney: Code { Code(.negativeMoney) }
        /// Two amounts in different currencies were combined.
        public static var currencyMismatch: Code { Code(.currencyMismatch) }
        /// Money arithmetic left the range of 64-bit minor units.
        public static var overflow: Code { Code(.overflow) }
        /// A value did not have the required form.
        public static var invalidValue: Code { Code(.invalidValue) }

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
