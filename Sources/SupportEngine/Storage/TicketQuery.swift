import Foundation

/// Which tickets to list, and which page.
///
/// Every condition set must hold. Results come in the order ``sort`` names, by ticket id unless it
/// says otherwise; pass the previous page's ``TicketPage/next`` as ``cursor`` to read on (in the id
/// order, its ``TicketPage/nextCursor`` as ``after`` works too).
///
/// ``text`` finds tickets by what was written in them: its words, folded and reduced to their stems by
/// ``SearchText``, must all be among the terms of the ticket's subject, number and messages (internal
/// notes included: search is for the support side). So `"Pagos"` finds "pago", `"ОПЛАТА"` finds
/// "оплаты", `"ёлка"` finds "елка".
///
/// ```swift
/// let page = try await store.tickets(matching: TicketQuery(
///     text: "refund twice", statuses: [.new, .open], priorities: [.urgent, .high],
///     createdFrom: monday, createdBefore: nextMonday))
/// let urgentFirst = try await store.tickets(matching: TicketQuery(
///     text: nil, statuses: [.new, .open], sort: .priority, limit: 50))
/// ```
public struct TicketQuery: Sendable, Hashable {
    /// The largest page a store returns.
    public static let maximumLimit = 1000
    /// The longest ``text`` a query may carry, in characters.
    public static let maximumTextLength = 500
    /// The most tags a query may ask for.
    public static let maximumTags = 20

    /// Only tickets whose subject, number or messages hold every word of this text, in any case,
    /// accents or word form (see ``SearchText``).
    public var text: String?
    /// Only tickets carrying every one of these tags.
    public var tags: Set<String>?
    /// Only tickets with one of these contact reasons.
    public var reasons: Set<ContactReason>?
    /// Only tickets that arrived on one of these channels.
    public var channels: Set<ChannelKind>?
    /// Only tickets of one of these priorities.
    public var priorities: Set<Priority>?
    /// Only tickets created at or after this instant.
    public var createdFrom: Date?
    /// Only tickets created before this instant.
    public var createdBefore: Date?
    /// Only tickets whose last change was at or after this instant.
    public var updatedFrom: Date?
    /// Only tickets whose last change was before this instant.
    public var updatedBefore: Date?

    /// Only tickets in one of these statuses.
    public var statuses: Set<TicketStatus>?
    /// Only tickets assigned to this agent.
    public var assignee: AgentID?
    /// Only tickets of this member.
    public var requester: MemberID?
    /// Only tickets whose due instant is before this one.
    public var dueBefore: Date?
    /// Only tickets whose id sorts after this one: the previous page's ``TicketPage/nextCursor``, in the
    /// id order only (use ``cursor`` in the others).
    public var after: TicketID?
    /// The order of the tickets; ``TicketSort/id`` unless set.
    public var sort: TicketSort
    /// Where the page starts: the previous page's ``TicketPage/next``, taken with the same ``sort``.
    public var cursor: TicketCursor?
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
        self.init(
            text: nil,
            statuses: statuses,
            assignee: assignee,
            requester: requester,
            dueBefore: dueBefore,
            after: after,
            limit: limit
        )
    }

    /// Creates a query that may search by text, tags, reason, channel, priority and dates.
    ///
    /// - Parameters:
    ///   - text: Words every ticket found holds, in any case, accents or word form.
    ///   - tags: Tags every ticket found carries.
    ///   - reasons: The contact reasons to keep.
    ///   - channels: The channels to keep.
    ///   - priorities: The priorities to keep.
    ///   - statuses: Only tickets in one of these statuses.
    ///   - assignee: Only tickets assigned to this agent.
    ///   - requester: Only tickets of this member.
    ///   - createdFrom: Only tickets created at or after this instant.
    ///   - createdBefore: Only tickets created before this instant.
    ///   - updatedFrom: Only tickets last changed at or after this instant.
    ///   - updatedBefore: Only tickets last changed before this instant.
    ///   - dueBefore: Only tickets due before this instant.
    ///   - after: The previous page's ``TicketPage/nextCursor``, in the id order.
    ///   - sort: The order of the tickets.
    ///   - cursor: The previous page's ``TicketPage/next``, in any order.
    ///   - limit: The most tickets to return, 1 to ``maximumLimit``.
    public init(
        text: String?,
        tags: Set<String>? = nil,
        reasons: Set<ContactReason>? = nil,
        channels: Set<ChannelKind>? = nil,
        priorities: Set<Priority>? = nil,
        statuses: Set<TicketStatus>? = nil,
        assignee: AgentID? = nil,
        requester: MemberID? = nil,
        createdFrom: Date? = nil,
        createdBefore: Date? = nil,
        updatedFrom: Date? = nil,
        updatedBefore: Date? = nil,
        dueBefore: Date? = nil,
        after: TicketID? = nil,
        sort: TicketSort = .id,
        cursor: TicketCursor? = nil,
        limit: Int = 100
    ) {
        self.text = text
        self.tags = tags
        self.reasons = reasons
        self.channels = channels
        self.priorities = priorities
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
        self.updatedFrom = updatedFrom
        self.updatedBefore = updatedBefore
        self.statuses = statuses
        self.assignee = assignee
        self.requester = requester
        self.dueBefore = dueBefore
        self.after = after
        self.sort = sort
        self.cursor = cursor
        self.limit = limit
    }

    /// Whether a stored ticket meets every condition (the cursor and limit aside).
    ///
    /// Adapters that filter in memory can use this; SQL adapters translate the same conditions.
    ///
    /// - Parameter stored: The ticket.
    /// - Returns: `true` when it belongs in the result.
    public func matches(_ stored: StoredTicket) -> Bool {
        if let terms = textTerms, !terms.isSubset(of: stored.ticket.searchTerms) { return false }
        return matchesIgnoringText(stored)
    }

    /// Whether a stored ticket meets every condition but ``text`` (and the cursor and limit).
    ///
    /// For adapters that found the text's tickets through an index of ``Ticket/searchTerms``.
    ///
    /// - Parameter stored: The ticket.
    /// - Returns: `true` when it belongs in the result, as far as the other conditions go.
    public func matchesIgnoringText(_ stored: StoredTicket) -> Bool {
        let ticket = stored.ticket
        if let tags, !tags.allSatisfy(ticket.tags.contains) { return false }
        if let reasons, !reasons.contains(ticket.reason) { return false }
        if let channels, !channels.contains(ticket.channel) { return false }
        if let priorities, !priorities.contains(ticket.priority) { return false }
        if let createdFrom, ticket.createdAt < createdFrom { return false }
        if let createdBefore, ticket.createdAt >= createdBefore { return false }
        if let updatedFrom, ticket.updatedAt < updatedFrom { return false }
        if let updatedBefore, ticket.updatedAt >= updatedBefore { return false }
        if let statuses, !statuses.contains(stored.ticket.status) { return false }
        if let assignee, stored.ticket.assignee != assignee { return false }
        if let requester, stored.ticket.requester != requester { return false }
        if let dueBefore {
            guard let due = stored.dueAt, due < dueBefore else { return false }
        }
        return true
    }

    /// The search terms of ``text``: its words folded and stemmed; `nil` without a text.
    public var textTerms: Set<String>? {
        text.map(SearchText.termSet)
    }

    /// Throws unless the query can be answered: ``limit`` within 1 … ``maximumLimit``, a ``text`` with at
    /// least one word and at most ``maximumTextLength`` characters, at most ``maximumTags`` tags, date
    /// ranges that are not empty, and a page start that fits the order: a ``cursor`` some page gave out
    /// for this ``sort``, or ``after`` in the id order, not both.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery``.
    public func validate() throws {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw StoreError(.invalidQuery, "a query limit must be 1 to \(Self.maximumLimit), not \(limit)")
        }
        if let text {
            guard text.count <= Self.maximumTextLength else {
                throw StoreError(
                    .invalidQuery,
                    "a search text may be at most \(Self.maximumTextLength) characters, not \(text.count)"
                )
            }
            guard !SearchText.terms(text).isEmpty else {
                throw StoreError(.invalidQuery, "the search text '\(text)' has no words to look for")
            }
        }
        if let tags, tags.count > Self.maximumTags {
            throw StoreError(.invalidQuery, "a query may ask for at most \(Self.maximumTags) tags, not \(tags.count)")
        }
        try Self.checkRange(createdFrom, createdBefore, "created")
        try Self.checkRange(updatedFrom, updatedBefore, "updated")
        _ = try startKey()
    }

    /// The key of the ticket the page starts after (from ``cursor`` or ``after``), `nil` for the first
    /// page. A store lists only tickets whose ``TicketSortKey`` in ``sort`` is greater: in memory,
    /// `start < TicketSortKey(stored, in: query.sort)`.
    ///
    /// - Returns: The key, in ``sort``.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a cursor no page gave out, a
    ///   cursor of another order, ``after`` outside the id order, or both.
    public func startKey() throws -> TicketSortKey? {
        if let cursor {
            guard after == nil else {
                throw StoreError(
                    .invalidQuery,
                    "a query takes either `after` (a ticket id, in the id order) or `cursor`, not both: drop `after`"
                )
            }
            let key = try cursor.key()
            guard key.sort == sort else {
                throw StoreError(
                    .invalidQuery,
                    "the cursor belongs to the '\(key.sort)' order, but the query sorts by '\(sort)': ask with "
                        + "sort '\(key.sort)' to read on, or start the '\(sort)' order again without a cursor"
                )
            }
            return key
        }
        guard let after else { return nil }
        guard sort == .id else {
            throw StoreError(
                .invalidQuery,
                "`after` pages the id order only, but the query sorts by '\(sort)': pass the previous page's "
                    + "`next` cursor as `cursor` instead"
            )
        }
        return TicketSortKey(id: after)
    }

    private static func checkRange(_ from: Date?, _ before: Date?, _ what: String) throws {
        guard let from, let before, from >= before else { return }
        throw StoreError(
            .invalidQuery,
            "the \(what) range is empty: \(what)From (\(from)) must be before \(what)Before (\(before))"
        )
    }
}

/// One page of a ticket query.
public struct TicketPage: Sendable, Hashable {
    /// The tickets, in the query's ``TicketQuery/sort``.
    public var tickets: [StoredTicket]
    /// The id of the page's last ticket when more follow, `nil` on the last page. In the id order, pass it
    /// as ``TicketQuery/after`` to read the next page; in any order, ``next`` does that.
    public var nextCursor: TicketID?
    /// Pass as ``TicketQuery/cursor`` (with the same order and conditions) to read the next page; `nil`
    /// on the last page.
    public var next: TicketCursor?

    /// Creates a page of the id order.
    ///
    /// - Parameters:
    ///   - tickets: The tickets, ordered by id.
    ///   - nextCursor: The id of the last ticket when more follow, `nil` on the last page.
    public init(tickets: [StoredTicket], nextCursor: TicketID?) {
        self.tickets = tickets
        self.nextCursor = nextCursor
        self.next = nextCursor.map { TicketCursor(after: TicketSortKey(id: $0)) }
    }

    /// Creates a page of any order, with the cursors that start the next page after its last ticket.
    ///
    /// - Parameters:
    ///   - tickets: The tickets, in `sort`.
    ///   - hasMore: Whether more tickets follow the last one.
    ///   - sort: The query's order.
    public init(tickets: [StoredTicket], hasMore: Bool, in sort: TicketSort) {
        self.tickets = tickets
        let last = hasMore ? tickets.last : nil
        self.nextCursor = last?.ticket.id
        self.next = last.map { TicketCursor(after: TicketSortKey($0, in: sort)) }
    }
}
