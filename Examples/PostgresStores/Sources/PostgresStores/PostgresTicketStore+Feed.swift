import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Reads the desk-wide event feed; see ``TicketStore/deskEvents(after:limit:)``.
    ///
    /// Events are written without a position, in the transaction of the change they report. The first
    /// read after they commit gives them positions, continuing from the highest one, in the order they
    /// were written, in a short transaction under an advisory lock: a transaction still writing events
    /// holds no position, so no reader can see a later position before it and skip it when it commits.
    ///
    /// - Parameters:
    ///   - position: The last position read; `0` for the start.
    ///   - limit: The most to return, 1 to ``DeskFeedEntry/maximumPageSize``.
    /// - Returns: The entries after `position`, in position order.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for bad arguments,
    ///   ``StoreError/Code/unavailable`` when the database fails.
    public func deskEvents(after position: Int, limit: Int) async throws -> [DeskFeedEntry] {
        try DeskFeedEntry.validateQuery(after: position, limit: limit)
        try await positionNewEvents()
        let rows = try await read(
            """
            SELECT position, event::text FROM \(unescaped: table("desk_events"))
            WHERE position > \(position) ORDER BY position LIMIT \(limit)
            """,
            "reading the event feed after \(position)"
        )
        var entries: [DeskFeedEntry] = []
        for try await (stored, text) in rows.decode((Int, String).self) {
            entries.append(DeskFeedEntry(position: stored, event: try decode(DeskEvent.self, from: text)))
        }
        return entries
    }

    /// The newest feed position; see ``TicketStore/latestDeskEventPosition()``.
    ///
    /// Positions the committed events that have none first, so every event committed before the call
    /// is at or below the answer.
    ///
    /// - Returns: The highest position; `0` while the feed is empty.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func latestDeskEventPosition() async throws -> Int {
        try await positionNewEvents()
        let rows = try await read(
            "SELECT COALESCE(MAX(position), 0) FROM \(unescaped: table("desk_events"))",
            "reading the newest feed position"
        )
        var newest = 0
        for try await position in rows.decode(Int.self) { newest = position }
        return newest
    }

    /// Gives the committed events without a position theirs, when there are any.
    private func positionNewEvents() async throws {
        let events = table("desk_events")
        let waiting = try await read(
            "SELECT 1 FROM \(unescaped: events) WHERE position IS NULL LIMIT 1",
            "looking for new feed events"
        )
        guard try await count(waiting) > 0 else { return }
        try await transaction("positioning new feed events") { connection in
            // Each statement after the lock reads what every earlier positioning committed.
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(events)))", logger: logger)
            try await connection.query(
                """
                WITH head AS (SELECT COALESCE(MAX(position), 0) AS last FROM \(unescaped: events)),
                next AS (
                    SELECT key, ROW_NUMBER() OVER (ORDER BY written) AS n FROM \(unescaped: events)
                    WHERE position IS NULL ORDER BY written LIMIT 10000
                )
                UPDATE \(unescaped: events) AS e SET position = head.last + next.n
                FROM next, head WHERE e.key = next.key
                """,
                logger: logger
            )
        }
    }

    /// The feed events a commit writes: each write's reported ticket events, then its notices.
    static func feedEvents(of commit: TicketCommit) -> [DeskEvent] {
        var events: [DeskEvent] = []
        for write in commit.writes {
            for event in write.events {
                if let reported = DeskEvent(event, requester: write.ticket.requester) { events.append(reported) }
            }
        }
        return events + commit.notices
    }
}
