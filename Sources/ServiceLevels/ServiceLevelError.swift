import SupportCore

/// An error from ServiceLevels: an SLA policy that cannot be used, or JSON that does not describe one.
///
/// Switch on ``code``; read ``message`` for what to do about it. The ``path`` names the offending
/// value in the policy's JSON form, such as `targets.urgent.firstReply` or `escalations[1].after`.
public struct ServiceLevelError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The policy is not usable or its JSON is malformed: a target that is not above zero, a warning
        /// fraction outside (0, 1), an escalation ladder out of order, an unknown key or priority.
        public static var invalidPolicy: Code { Code(#function) }
    }

    /// What went wrong.
    public let code: Code
    /// The JSON path of the offending value, such as `targets.urgent.firstReply`, when there is one.
    public let path: String?
    /// A sentence a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The JSON path of the offending value, if any.
    ///   - message: A sentence a person can act on.
    public init(_ code: Code, path: String? = nil, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// The path and the message, such as `targets.urgent.firstReply: must be above zero`.
    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }
}
