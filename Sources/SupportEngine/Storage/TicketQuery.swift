import Foundation

/// Which tickets to list, and which page.
///
/// Every condition set must hold. Results come ordered by ticket id; pass the previous page's
/// ``TicketPage/nextCursor`` as ``after`` to read on.
public struct TicketQuery: Sendable, Hashable {
    /// The largest page a store returns.
    public static let maximumLimit = 1000

    /// Only tickets in one of these statuses.
    public var statuses: Set<TicketStatus>?
    /// Only tickets assigned to this agent.
    public var assignee: AgentID?
    /// Only tickets of this member.
    public var requester: MemberID?
    /// Only tickets whose due instant is before this one.
    public var dueBefore: Date?
    /// Only tickets whose id sorts after this one: the previous page's cursor.
    public var after: TicketID?
    /// The most tickets to return, 1 to ``maximumLimit``.
    public var limit: Int

    /// Creates a query.
    ///
    /// - Parameters:
    ///   - statuses: Only tickets in one of these statuses.
    ///   - assignee: Only tickets assigned to this agent.
    ///   - requester: Only tickets of this member.
    ///   - dueBefore: Only tickets due before this instant.
    ///   - after: The previous page's cursor.
    ///   - limit: The most tickets to return, 1 to ``maximumLimit``.
    public init(
        statuses: Set<TicketStatus>? = nil,
        assignee: AgentID? = nil,
        requester: MemberID? = nil,
        dueBefore: Date? = nil,
        after: TicketID? = nil,
        limit: Int = 100
    ) {
        self.statuses = statuses
        self.assignee = assignee
        self.requester = requester
        self.dueBefore = dueBefore
        self.after = after
        self.limit = limit
    }

    /// Whether a stored ticket meets every condition (the cursor and limit aside).
    ///
    /// Adapters that filter in memory can use this; SQL adapters translate the same conditions.
    ///
    /// - Parameter stored: The ticket.
    /// - Returns: `true` when it belongs in the result.
    public func matches(_ stored: StoredTicket) -> Bool {
        if let statuses, !statuses.contains(stored.ticket.status) { return false }
        if let assignee, stored.ticket.assignee != assignee { return false }
        if let requester, stored.ticket.requester != requester { return false }
        if let dueBefore {
            guard let due = stored.dueAt, due < dueBefore else { return false }
        }
        return true
    }

    /// Throws unless ``limit`` is within 1 … ``maximumLimit``.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery``.
    public func validate() throws {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw StoreError(.invalidQuery, "a query limit must be 1 to \(Self.maximumLimit), not \(limit)")
        }
    }
}

/// One page of a ticket query.
public struct TicketPage: Sendable, Hashable {
    /// The tickets, ordered by id.
    public var tickets: [StoredTicket]
    /// Pass as ``TicketQuery/after`` to read the next page; `nil` on the last page.
    public var nextCursor: TicketID?

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - tickets: The tickets, ordered by id.
    ///   - nextCursor: The cursor of the next page, `nil` on the last.
    public init(tickets: [StoredTicket], nextCursor: TicketID?) {
        self.tickets = tickets
        self.nextCursor = nextCursor
    }
}
