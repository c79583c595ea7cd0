import Foundation

/// One entry of ``InMemoryTicketStore``'s event feed: a reference to a stored ticket event, whose
/// ``DeskEvent`` is built when it is read, or an event stored as it came (boxed, so that the common
/// entry stays two words).
enum InMemoryFeedItem {
    case ticketEvent(InMemoryTicketStore.Record, sequence: Int)
    indirect case notice(DeskEvent)
}

extension InMemoryTicketStore {
    /// Adds the feed entries of a commit that is being applied: the reported events of each write, then
    /// the notices the feed does not hold yet. Runs after validation, so it never fails.
    ///
    /// - Parameters:
    ///   - commit: The commit.
    ///   - records: The record of each write, in the order of the writes, as the commit left them.
    func appendFeed(of commit: TicketCommit, records: [Record?]) {
        for index in commit.writes.indices {
            guard let record = records[index] else { continue }
            for event in commit.writes[index].events where DeskEvent.isReported(event.change) {
                feed.append(.ticketEvent(record, sequence: event.sequence))
            }
        }
        for notice in commit.notices { appendNotice(notice) }
    }

    /// Adds an event unless the feed holds its key already.
    func appendNotice(_ notice: DeskEvent) {
        guard noticeKeys.insert(notice.key).inserted else { return }
        feed.append(.notice(notice))
    }

    /// The newest feed position; see ``TicketStore/latestDeskEventPosition()``.
    ///
    /// - Returns: How many entries the feed holds.
    public func latestDeskEventPosition() -> Int { feed.count }

    /// Reads the feed; see ``TicketStore/deskEvents(after:limit:)``.
    ///
    /// - Parameters:
    ///   - position: The last position read; `0` for the start.
    ///   - limit: The most to return, 1 to ``DeskFeedEntry/maximumPageSize``.
    /// - Returns: The entries after `position`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for bad arguments.
    public func deskEvents(after position: Int, limit: Int) throws -> [DeskFeedEntry] {
        try DeskFeedEntry.validateQuery(after: position, limit: limit)
        guard position < feed.count else { return [] }
        let end = min(feed.count, position + limit)
        // A page often holds several events of one ticket: rebuild each ticket's history once.
        var histories: [ObjectIdentifier: [TicketEvent]] = [:]
        var entries: [DeskFeedEntry] = []
        entries.reserveCapacity(end - position)
        for offset in position..<end {
            let event: DeskEvent?
            switch feed[offset] {
            case .notice(let notice):
                event = notice
            case .ticketEvent(let record, let sequence):
                let key = ObjectIdentifier(record)
                let history = histories[key] ?? record.log.events(of: record.ticket.id, snapshot: record.ticket)
                histories[key] = history
                event =
                    history.indices.contains(sequence - 1)
                    ? DeskEvent(history[sequence - 1], requester: record.ticket.requester) : nil
            }
            if let event { entries.append(DeskFeedEntry(position: offset + 1, event: event)) }
        }
        return entries
    }
}
