/// An error from SupportBoundaries: an invalid calendar or policy, or a question the calendar cannot answer.
///
/// Switch on ``code``; read ``message`` for what to do about it. Errors about configuration carry the
/// ``path`` of the offending value, such as `calendar.windows[3].end`.
public struct BoundariesError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// A time of day is not `HH:mm` or `HH:mm:ss` between `00:00` and `24:00` (`24:00` only as an end).
        public static var invalidTime: Code { Code(#function) }
        /// A date is not a real `yyyy-MM-dd` date between 1950 and 2199.
        public static var invalidDate: Code { Code(#function) }
        /// A window ends at the time it starts.
        public static var emptyWindow: Code { Code(#function) }
        /// Two windows of one day (or of one special day) overlap.
        public static var overlappingWindows: Code { Code(#function) }
        /// The time zone is not a known IANA identifier.
        public static var unknownTimeZone: Code { Code(#function) }
        /// A range ends before it starts (a holiday range, a closure, an absence).
        public static var reversedRange: Code { Code(#function) }
        /// Two settings contradict each other, such as an always-open calendar that also lists windows.
        public static var conflictingSettings: Code { Code(#function) }
        /// Configuration is malformed: unreadable JSON, a missing or duplicated entry, a value out of range.
        public static var invalidConfiguration: Code { Code(#function) }
        /// The calendar has no open time at all, or none after the instant asked about within the horizon.
        public static var noOpenTime: Code { Code(#function) }
        /// The answer lies outside the instants the calendar supports (1950 to 2199).
        public static var beyondHorizon: Code { Code(#function) }
        /// A duration is not a finite number of seconds.
        public static var invalidDuration: Code { Code(#function) }
    }

    /// What went wrong.
    public let code: Code
    /// The configuration path of the offending value, such as `calendar.windows[3].end`, when there is one.
    public let path: String?
    /// A sentence a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The configuration path of the offending value, if any.
    ///   - message: A sentence a person can act on.
    public init(_ code: Code, path: String? = nil, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// The code, the path when there is one, and the message.
    public var description: String {
        if let path { return "\(code) at \(path): \(message)" }
        return "\(code): \(message)"
    }
}
