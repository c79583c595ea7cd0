/// Which outbound messages to list, and which page: the operator's view of everything the desk sent or
/// will send, journey messages (which have no ticket) included.
///
/// Pages are ordered by ``OutboundMessage/id``; pass the last id of a page as ``after`` for the next.
public struct OutboxQuery: Sendable, Hashable {
    /// The most messages one page may ask for.
    public static let maximumLimit = 1000

    /// Only messages in these states; `nil` for every state.
    public var states: Set<OutboundMessage.State>?
    /// The last id of the previous page, or `nil` for the first page.
    public var after: OutboundID?
    /// The most messages to return, 1 … ``maximumLimit``.
    public var limit: Int

    /// Creates a query.
    ///
    /// - Parameters:
    ///   - states: Only messages in these states, or `nil` for all.
    ///   - after: The last id of the previous page, or `nil`.
    ///   - limit: The most messages to return, 1 … ``maximumLimit``.
    public init(states: Set<OutboundMessage.State>? = nil, after: OutboundID? = nil, limit: Int = 100) {
        self.states = states
        self.after = after
        self.limit = limit
    }

    /// Whether a message belongs in the result (its state and its place after ``after``; the limit is
    /// the caller's). Adapters that filter in memory can use this; SQL adapters translate it.
    ///
    /// - Parameter message: The stored message.
    /// - Returns: `true` when it belongs in the result.
    public func matches(_ message: OutboundMessage) -> Bool {
        if let states, !states.contains(message.state) { return false }
        if let after, message.id <= after { return false }
        return true
    }

    /// Throws unless ``limit`` is within 1 … ``maximumLimit``.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery``.
    public func validate() throws {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw StoreError(.invalidQuery, "an outbox query limit must be 1 to \(Self.maximumLimit), not \(limit)")
        }
    }
}

/// One page of the outbox.
public struct OutboxPage: Sendable, Hashable {
    /// The messages, ordered by id.
    public var messages: [OutboundMessage]
    /// Pass as ``OutboxQuery/after`` to read the next page; `nil` on the last page.
    public var nextCursor: OutboundID?

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - messages: The messages, ordered by id.
    ///   - nextCursor: The cursor of the next page, `nil` on the last.
    public init(messages: [OutboundMessage], nextCursor: OutboundID?) {
        self.messages = messages
        self.nextCursor = nextCursor
    }
}
