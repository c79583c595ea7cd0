import Foundation

/// An inverted index of tickets' ``Ticket/searchTerms``: for each term, the tickets that hold it.
///
/// ``InMemoryTicketStore`` builds it on the first text query and keeps it current on every commit after
/// that, so a store that is never searched spends no memory on it.
struct TicketTextIndex {
    /// The tickets holding each term. A ticket's own terms are not kept: when it changes, its old
    /// snapshot gives them again.
    private var postings: [String: Set<TicketID>] = [:]

    /// The number of distinct terms indexed.
    var termCount: Int { postings.count }

    /// Indexes a ticket, or re-indexes it when its subject or messages changed since `old`.
    ///
    /// - Parameters:
    ///   - ticket: The ticket as it is now.
    ///   - old: The ticket as it was indexed, `nil` for a ticket not indexed yet. Every ticket of the store
    ///     is indexed from the moment the index exists, so its previous snapshot is what was indexed.
    mutating func update(_ ticket: Ticket, from old: Ticket?) {
        if let old, old.hasSameSubject(as: ticket), old.number == ticket.number, old.messages == ticket.messages {
            return
        }
        let terms = ticket.searchTerms
        guard let old else {
            for term in terms { postings[term, default: []].insert(ticket.id) }
            return
        }
        let previous = old.searchTerms
        for term in previous where !terms.contains(term) {
            postings[term]?.remove(ticket.id)
            if postings[term]?.isEmpty == true { postings[term] = nil }
        }
        for term in terms where !previous.contains(term) {
            postings[term, default: []].insert(ticket.id)
        }
    }

    /// The tickets holding every one of `terms`, in no order.
    ///
    /// - Parameter terms: The query's terms; not empty.
    /// - Returns: The ids.
    func ticketSet(holding terms: Set<String>) -> Set<TicketID> {
        var lists: [Set<TicketID>] = []
        for term in terms {
            guard let list = postings[term] else { return [] }
            lists.append(list)
        }
        lists.sort { $0.count < $1.count }
        guard var found = lists.first else { return [] }
        for list in lists.dropFirst() {
            found.formIntersection(list)
            if found.isEmpty { return [] }
        }
        return found
    }

    /// The tickets holding every one of `terms`, in id order.
    ///
    /// - Parameter terms: The query's terms; not empty.
    /// - Returns: The ids, ascending.
    func tickets(holding terms: Set<String>) -> [TicketID] {
        ticketSet(holding: terms).sorted()
    }
}
