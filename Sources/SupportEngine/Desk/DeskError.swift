/// An error from ``SupportDesk``.
///
/// Switch on ``code``; read ``message`` for what to do. Rule violations from the ticket lifecycle come
/// through as ``LifecycleError`` and storage failures as ``StoreError``.
public struct DeskError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// An input from outside was refused: an empty or oversized body, a malformed sender or id.
        public static var invalidInput: Code { Code(#function) }
        /// The ticket does not exist, or is not the asking member's.
        public static var notFound: Code { Code(#function) }
        /// The ticket kept changing under the desk; the retries ran out.
        public static var conflict: Code { Code(#function) }
        /// The actor may not do this.
        public static var notPermitted: Code { Code(#function) }
        /// An id the desk's ``IDGenerator`` made for a new ticket or outbound message already exists in
        /// the store, and fresh ids kept colliding: a generator that repeats ids, such as a
        /// ``SequentialIDGenerator`` started again on a store that kept its tickets. Nothing was stored.
        public static var duplicateID: Code { Code(#function) }
        /// The member's data was erased (``SupportDesk/erase(member:by:)``): the desk takes no message
        /// from them, writes nothing more on their tickets and never contacts them again.
        public static var memberErased: Code { Code(#function) }
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
