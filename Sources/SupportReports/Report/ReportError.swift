import SupportCore

/// A report that cannot be made: a period that is not one, or a store that could not be read.
///
/// Switch on ``code``; ``message`` says what to change.
public struct ReportError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The period is empty or inverted, or longer than ``ReportPeriod/maximumDays`` days.
        public static var invalidPeriod: Code { Code(#function) }
        /// The report's tickets or ratings could not be read; no partial report is given.
        public static var storeFailed: Code { Code(#function) }
    }

    /// What went wrong.
    public let code: Code
    /// What went wrong, in words a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - message: What went wrong, in words a person can act on.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
