import Foundation

/// The ticket queries: by id, through the term index, the held-tickets index and the due index; the
/// other orders in `InMemoryTicketStore+Sorting.swift`.
extension InMemoryTicketStore {
    /// Lists tickets in the query's order.
    ///
    /// - Parameter query: The conditions and the page.
    /// - Returns: One page.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range or a cursor
    ///   that does not fit the order (see ``TicketQuery/validate()``).
    public func tickets(matching query: TicketQuery) throws -> TicketPage {
        try query.validate()
        let startKey = try query.startKey()
        guard query.sort == .id else { return sortedTickets(matching: query, after: startKey) }
        var query = query
        query.cursor = nil
        query.after = startKey?.id
        if let terms = query.textTerms {
            return textSearch(for: terms, matching: query)
        }
        if let assignee = query.assignee, let statuses = query.statuses, statuses.isSubset(of: Self.heldStatuses) {
            return heldTickets(of: assignee, matching: query)
        }
        if let horizon = query.dueBefore { return dueTickets(before: horizon, matching: query) }
        let ordered = records.inIDOrder()
        var start = ordered.startIndex
        if let after = query.after {
            start = Self.firstIndex(in: ordered, after: after)
        }
        var page: [StoredTicket] = []
        var index = start
        while index < ordered.endIndex, page.count < query.limit {
            let stored = ordered[index].stored
            if query.matches(stored) { page.append(stored) }
            index += 1
        }
        var hasMore = false
        while index < ordered.endIndex {
            if query.matches(ordered[index].stored) {
                hasMore = true
                break
            }
            index += 1
        }
        return TicketPage(tickets: page, nextCursor: hasMore ? page.last?.ticket.id : nil)
    }

    /// A query with a text, answered from ``textIndex`` (built now if this is the first) in id order.
    private func textSearch(for terms: Set<String>, matching query: TicketQuery) -> TicketPage {
        buildTextIndexIfNeeded()
        var ids = textIndex?.tickets(holding: terms) ?? []
        if let after = query.after { ids.removeAll { $0 <= after } }
        var page: [StoredTicket] = []
        var hasMore = false
        for id in ids {
            guard let stored = records[id]?.stored, query.matchesIgnoringText(stored) else { continue }
            if page.count == query.limit {
                hasMore = true
                break
            }
            page.append(stored)
        }
        return TicketPage(tickets: page, nextCursor: hasMore ? page.last?.ticket.id : nil)
    }

    /// A query for the tickets an agent holds, answered from ``held`` in id order.
    private func heldTickets(of agent: AgentID, matching query: TicketQuery) -> TicketPage {
        var ids = held[agent].map { Array($0) } ?? []
        if let after = query.after { ids.removeAll { $0 <= after } }
        ids.sort()
        var page: [StoredTicket] = []
        var hasMore = false
        for id in ids {
            guard let stored = records[id]?.stored, query.matches(stored) else { continue }
            if page.count == query.limit {
                hasMore = true
                break
            }
            page.append(stored)
        }
        return TicketPage(tickets: page, nextCursor: hasMore ? page.last?.ticket.id : nil)
    }

    /// A query for the tickets due before an instant, answered from the due index in id order.
    private func dueTickets(before horizon: Date, matching query: TicketQuery) -> TicketPage {
        // Each id is read once, and only those after the cursor are sorted.
        var due: [(id: TicketID, record: Record)] = []
        for record in dueIndex.elements(dueBefore: horizon, dueOf: { $0.dueAt }) {
            let id = record.ticket.id
            if let after = query.after, id <= after { continue }
            due.append((id, record))
        }
        due.sort { $0.id < $1.id }
        var page: [StoredTicket] = []
        var hasMore = false
        var previous: TicketID?
        for (id, record) in due {
            guard id != previous else { continue }  // listed twice
            previous = id
            let stored = record.stored
            guard query.matches(stored) else { continue }
            if page.count == query.limit {
                hasMore = true
                break
            }
            page.append(stored)
        }
        return TicketPage(tickets: page, nextCursor: hasMore ? page.last?.ticket.id : nil)
    }

    /// The ids and due instants of the tickets due before `horizon`, read from the store's due index without
    /// copying a ticket; see ``TicketStore/ticketTimers(dueBefore:after:limit:)``.
    ///
    /// A first page (no cursor) walks the due index and sorts what it finds; the listing is kept for the
    /// next pages of the same horizon until a commit changes the store or the last page is read, so a
    /// listing of `n` timers costs one walk and one sort, whatever the page size.
    ///
    /// - Parameters:
    ///   - horizon: Only tickets whose due instant is before this instant.
    ///   - cursor: The last id of the previous page, or `nil` for the first.
    ///   - limit: The most entries to return, 1 to ``TicketQuery/maximumLimit``.
    /// - Returns: The entries, in id order.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    public func ticketTimers(dueBefore horizon: Date, after cursor: TicketID?, limit: Int) throws -> [TicketTimer] {
        try TicketQuery(dueBefore: horizon, after: cursor, limit: limit).validate()
        let listing: TimerListing
        if cursor != nil, let kept = timerListing, kept.horizon == horizon {
            listing = kept
        } else {
            listing = TimerListing(horizon: horizon, timers: dueTimers(before: horizon))
        }
        var start = 0
        if let cursor {
            // The first entry after the cursor, by binary search.
            var high = listing.timers.count
            while start < high {
                let middle = (start + high) / 2
                if listing.timers[middle].ticketID <= cursor { start = middle + 1 } else { high = middle }
            }
        }
        let end = min(listing.timers.count, start + limit)
        // Kept while pages come full: the caller may ask for the next.
        timerListing = end - start == limit ? listing : nil
        return Array(listing.timers[start..<end])
    }

    /// Every ticket due before `horizon` with its due instant, in id order, each once.
    private func dueTimers(before horizon: Date) -> [TicketTimer] {
        // Sorted by the ids' first bytes as integers where they differ (``TicketIDSortKey``): comparing the
        // ids' text was about half of a scan.
        var due: [(key: TicketIDSortKey, dueAt: Date)] = []
        for record in dueIndex.elements(dueBefore: horizon, dueOf: { $0.dueAt }) {
            guard let at = record.dueAt else { continue }
            due.append((TicketIDSortKey(record.ticket.id), at))
        }
        due.sort { $0.key < $1.key }
        var unique: [TicketTimer] = []
        unique.reserveCapacity(due.count)
        for index in due.indices where due[index].key.id != unique.last?.ticketID {
            unique.append(TicketTimer(ticketID: due[index].key.id, dueAt: due[index].dueAt))  // listed twice: kept once
        }
        return unique
    }

    private static func firstIndex(in records: [Record], after cursor: TicketID) -> Int {
        var low = 0
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            if records[middle].ticket.id <= cursor { low = middle + 1 } else { high = middle }
        }
        return low
    }

}
