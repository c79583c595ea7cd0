/// An error from routing configuration: classification rules, priority rules and agents.
///
/// Switch on ``code``; read ``message`` for what to fix. Messages name the path of the bad value
/// inside the configuration, such as `rules[3].patterns[1]`.
public struct RoutingError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// A classification rule is malformed: an empty id, a duplicate id, a bad weight or pattern.
        public static var invalidClassificationRule: Code { Code(#function) }
        /// A priority rule is malformed: an empty or duplicate name, an empty condition list, a bad keyword.
        public static var invalidPriorityRule: Code { Code(#function) }
        /// An agent's state is malformed: a duplicate id, a negative capacity or load.
        public static var invalidAgent: Code { Code(#function) }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence a person can act on, naming the path of the bad value.
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
