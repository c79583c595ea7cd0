import Foundation

extension SupportDesk {
    /// Reads the desk-wide event feed: ticket changes, SLA warnings, breaches and escalations, refunds and
    /// removals waiting for the owner or decided, dead letters, journey messages and ratings, of every
    /// desk sharing the store, in the order they were stored.
    ///
    /// Keep the last ``DeskFeedEntry/position`` you handled (in your own database, with what you did)
    /// and pass it back to resume: nothing is skipped or repeated, across restarts and desks.
    ///
    /// - Parameters:
    ///   - position: The last position handled; `0` for the start of the feed.
    ///   - limit: The most to return, 1 to ``DeskFeedEntry/maximumPageSize``.
    /// - Returns: The entries after `position`, oldest first; empty when there is nothing new.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a negative position or a limit
    ///   out of range; a ``StoreError`` when the store cannot be read.
    public nonisolated func events(after position: Int = 0, limit: Int = 100) async throws -> [DeskFeedEntry] {
        try await store.deskEvents(after: position, limit: limit)
    }

    /// The position of the newest entry of the feed, `0` while it is empty: where a consumer that
    /// should see only what happens from now on starts (pass it as `after`).
    ///
    /// - Returns: The newest position.
    /// - Throws: A ``StoreError`` when the store cannot be read.
    public nonisolated func latestEventPosition() async throws -> Int {
        try await store.latestDeskEventPosition()
    }

    /// The event feed as a live sequence: the entries after `position`, then each new one as it is
    /// stored, by this desk or another sharing the store.
    ///
    /// The sequence reads a page at a time when it is asked for the next entry, so a slow consumer is
    /// never buffered for; when the feed has nothing new it waits `pollInterval` on the desk's clock and
    /// reads again. It ends when the consuming task is cancelled, and throws when the store fails: resume
    /// with a new sequence after the last position handled.
    ///
    /// ```swift
    /// for try await entry in try desk.eventStream(after: lastHandled) {
    ///     if entry.event.kind.isAlert { try await pager.send(entry.event) }
    ///     lastHandled = entry.position
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - position: The last position handled; `0` for the start.
    ///   - pollInterval: How long to wait before reading again when nothing is new, more than 0 and at
    ///     most an hour; half a second by default, so a breach reaches a consumer within a second.
    ///   - pageSize: How many entries to read at once, 1 to ``DeskFeedEntry/maximumPageSize``.
    /// - Returns: The sequence.
    /// - Throws: ``DeskError`` with ``DeskError/Code/invalidInput`` for an argument out of range.
    public nonisolated func eventStream(
        after position: Int = 0,
        pollInterval: TimeInterval = 0.5,
        pageSize: Int = 100
    ) throws -> DeskEventStream {
        guard pollInterval > 0, pollInterval <= 3600 else {
            throw DeskError(
                .invalidInput,
                "a feed's poll interval is more than 0 and at most 3600 s, not \(pollInterval)"
            )
        }
        do {
            try DeskFeedEntry.validateQuery(after: position, limit: pageSize)
        } catch let error as StoreError {
            throw DeskError(.invalidInput, error.message)
        }
        return DeskEventStream(
            store: store,
            clock: clock,
            position: position,
            pollInterval: pollInterval,
            pageSize: pageSize
        )
    }

    /// Stores feed events that report a change made outside the ticket store (a rating), as a commit of
    /// notices only. An event whose key the feed holds already is skipped.
    func report(_ events: DeskEvent...) async throws {
        try await store.commit(TicketCommit(writes: [], notices: events))
    }
}

/// The desk's event feed as an `AsyncSequence`; see ``SupportDesk/eventStream(after:pollInterval:pageSize:)``.
public struct DeskEventStream: AsyncSequence, Sendable {
    /// What the sequence yields.
    public typealias Element = DeskFeedEntry

    let store: any TicketStore
    let clock: any SupportClock
    let position: Int
    let pollInterval: TimeInterval
    let pageSize: Int

    /// Creates the iterator, which starts after the position the sequence was made with.
    ///
    /// - Returns: The iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(stream: self, position: position)
    }

    /// Reads the feed a page at a time and waits on the clock when nothing is new.
    public struct Iterator: AsyncIteratorProtocol {
        let stream: DeskEventStream
        var position: Int
        var buffered: [DeskFeedEntry] = []
        var next = 0

        init(stream: DeskEventStream, position: Int) {
            self.stream = stream
            self.position = position
        }

        /// The next entry, waiting for one when the feed has nothing new.
        ///
        /// - Returns: The entry, or `nil` once the task is cancelled.
        /// - Throws: What the store throws.
        public mutating func next() async throws -> DeskFeedEntry? {
            while next == buffered.count {
                if Task.isCancelled { return nil }
                buffered = try await stream.store.deskEvents(after: position, limit: stream.pageSize)
                next = 0
                if buffered.isEmpty {
                    do {
                        try await stream.clock.sleep(until: stream.clock.now.addingTimeInterval(stream.pollInterval))
                    } catch is CancellationError {
                        return nil
                    }
                }
            }
            let entry = buffered[next]
            next += 1
            position = entry.position
            return entry
        }
    }
}
