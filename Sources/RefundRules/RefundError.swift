/// An error from refund rules: invalid policy, inconsistent facts, a wrong request, or a wrong role.
///
/// Switch on ``code``; read ``message`` for what to do about it. Decisions that are part of the
/// policy (a denial outside the window, a disputed charge) are not errors: they come back as a
/// ``RefundDecision``. Errors are for input the library cannot decide on.
public struct RefundError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The policy is not usable; the message names the path, such as `plans.annual.guaranteeDays`.
        public static var invalidPolicy: Code { Code(#function) }
        /// The facts name a plan the policy has no terms for.
        public static var unknownPlan: Code { Code(#function) }
        /// The facts contradict themselves, such as a charge whose period ends before it was paid.
        public static var invalidFacts: Code { Code(#function) }
        /// The request names a charge the facts do not contain, or there is no charge at all.
        public static var unknownCharge: Code { Code(#function) }
        /// The request, the facts or the decision belong to different members.
        public static var memberMismatch: Code { Code(#function) }
        /// Two amounts in different currencies met: a requested amount, a charge or an issued refund.
        public static var currencyMismatch: Code { Code(#function) }
        /// A requested amount is zero or negative, or an amount in the facts is negative.
        public static var invalidAmount: Code { Code(#function) }
        /// The request is dated before the charge it asks about.
        public static var requestBeforeCharge: Code { Code(#function) }
        /// The actor's role may not take this step, such as an agent approving a goodwill refund.
        public static var notAuthorized: Code { Code(#function) }
        /// Only a decision escalated to the owner can be approved or declined.
        public static var notEscalated: Code { Code(#function) }
        /// An amount left the range of 64-bit minor units.
        public static var overflow: Code { Code(#function) }
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
