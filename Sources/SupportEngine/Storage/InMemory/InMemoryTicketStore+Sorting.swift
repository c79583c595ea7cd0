import Foundation

/// The orders other than by id: a sorted index per order, built by the first query in that order and
/// kept current by every commit after it.
extension InMemoryTicketStore {
    /// The orders kept in a ``TicketOrderIndex``; the two update orders share one, read both ways.
    enum IndexedOrder: Hashable {
        case due
        case updated
        case priority

        init?(_ sort: TicketSort) {
            switch sort {
            case .id: return nil
            case .due: self = .due
            case .updatedNewestFirst, .updatedOldestFirst: self = .updated
            case .priority: self = .priority
            }
        }

        /// A ticket's key in the order.
        func key(of ticket: Ticket, dueAt: Date?) -> TicketOrderIndex<Record>.Key {
            let due = dueAt?.timeIntervalSinceReferenceDate ?? .infinity
            switch self {
            case .due: return .init(primary: due, secondary: 0, id: ticket.id)
            case .updated:
                return .init(primary: ticket.updatedAt.timeIntervalSinceReferenceDate, secondary: 0, id: ticket.id)
            case .priority: return .init(primary: Double(-ticket.priority.rank), secondary: due, id: ticket.id)
            }
        }

        /// The key a query's start translates to.
        func key(of start: TicketSortKey) -> TicketOrderIndex<Record>.Key {
            switch self {
            case .due: return .init(primary: start.dueValue, secondary: 0, id: start.id)
            case .updated: return .init(primary: start.updatedValue, secondary: 0, id: start.id)
            case .priority:
                return .init(primary: Double(-(start.priority?.rank ?? 0)), secondary: start.dueValue, id: start.id)
            }
        }
    }

    /// Moves a committed ticket in every order index built so far.
    ///
    /// - Parameters:
    ///   - record: The ticket's record, already updated.
    ///   - old: The ticket and due instant before the commit; `nil` for a new ticket.
    func updateOrderIndexes(_ record: Record, from old: (ticket: Ticket, dueAt: Date?)?) {
        for order in Array(orderIndexes.keys) {
            let new = order.key(of: record.ticket, dueAt: record.dueAt)
            if let old {
                let previous = order.key(of: old.ticket, dueAt: old.dueAt)
                guard previous != new else { continue }
                orderIndexes[order]?.remove(at: previous)
            }
            orderIndexes[order]?.insert(record, at: new)
        }
    }

    /// A query in an order other than by id.
    ///
    /// A query whose text, assignee or due horizon narrows it to few tickets sorts just those; any other
    /// walks the order's index from the page's start, so a page costs its own tickets (and the ones the
    /// conditions pass over), not a sort of the store.
    func sortedTickets(matching query: TicketQuery, after start: TicketSortKey?) -> TicketPage {
        guard let order = IndexedOrder(query.sort) else { return TicketPage(tickets: [], nextCursor: nil) }
        var textMatches: Set<TicketID>?
        if let terms = query.textTerms {
            buildTextIndexIfNeeded()
            textMatches = textIndex?.ticketSet(holding: terms) ?? []
        }
        let accepts: (Record) -> Bool
        if let textMatches {
            accepts = { textMatches.contains($0.ticket.id) && query.matchesIgnoringText($0.stored) }
        } else {
            accepts = { query.matches($0.stored) }
        }
        if let candidates = narrowCandidates(for: query, textMatches: textMatches),
            Self.sortingIsCheaper(candidates: candidates.count, of: records.count, limit: query.limit)
        {
            return sortCandidates(candidates, matching: query, after: start, accepts: accepts)
        }
        if orderIndexes[order] == nil {
            orderIndexes[order] = TicketOrderIndex(
                records.all.map { (key: order.key(of: $0.ticket, dueAt: $0.dueAt), element: $0) }
            )
        }
        var page: [StoredTicket] = []
        var hasMore = false
        orderIndexes[order]?.forEach(
            after: start.map(order.key(of:)),
            descending: query.sort == .updatedNewestFirst
        ) { record in
            guard accepts(record) else { return true }
            guard page.count < query.limit else {
                hasMore = true
                return false
            }
            page.append(record.stored)
            return true
        }
        return TicketPage(tickets: page, hasMore: hasMore, in: query.sort)
    }

    /// The records a query's text, held-tickets or due condition narrows it to; `nil` when it has none.
    private func narrowCandidates(for query: TicketQuery, textMatches: Set<TicketID>?) -> [Record]? {
        if let textMatches { return textMatches.compactMap { records[$0] } }
        if let assignee = query.assignee, let statuses = query.statuses, statuses.isSubset(of: Self.heldStatuses) {
            return (held[assignee] ?? []).compactMap { records[$0] }
        }
        if let horizon = query.dueBefore {
            var seen = Set<ObjectIdentifier>()
            return dueIndex.elements(dueBefore: horizon, dueOf: { $0.dueAt }).filter {
                seen.insert(ObjectIdentifier($0)).inserted
            }
        }
        return nil
    }

    /// Whether sorting `candidates` tickets costs less than walking an order of `total` for `limit`
    /// of them, taking the candidates as spread evenly through the order.
    private static func sortingIsCheaper(candidates: Int, of total: Int, limit: Int) -> Bool {
        let sorting = Double(candidates) * (log2(Double(candidates) + 2) + 1)
        let walking = Double(limit + 1) * Double(total) / Double(max(candidates, 1))
        return sorting <= walking
    }

    private func sortCandidates(
        _ candidates: [Record],
        matching query: TicketQuery,
        after start: TicketSortKey?,
        accepts: (Record) -> Bool
    ) -> TicketPage {
        var found: [(key: TicketSortKey, stored: StoredTicket)] = []
        for record in candidates where accepts(record) {
            let stored = record.stored
            let key = TicketSortKey(stored, in: query.sort)
            if let start, !(start < key) { continue }
            found.append((key, stored))
        }
        found.sort { $0.key < $1.key }
        let hasMore = found.count > query.limit
        return TicketPage(tickets: found.prefix(query.limit).map(\.stored), hasMore: hasMore, in: query.sort)
    }

    /// Builds ``textIndex`` from every ticket, the first time a query needs it.
    func buildTextIndexIfNeeded() {
        guard textIndex == nil else { return }
        var index = TicketTextIndex()
        for record in records.all { index.update(record.ticket, from: nil) }
        textIndex = index
    }
}
