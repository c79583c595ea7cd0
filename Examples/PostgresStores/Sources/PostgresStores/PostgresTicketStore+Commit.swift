import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Applies a commit in one transaction; see ``TicketStore/commit(_:)``.
    ///
    /// Tickets are written in id order and keys in sorted order, so two concurrent commits take their
    /// row locks in the same order and cannot deadlock each other.
    ///
    /// - Parameter commit: What to write.
    /// - Throws: ``StoreError``: ``StoreError/Code/versionConflict`` when a ticket changed since it was read
    ///   (or was created by someone else first), ``StoreError/Code/duplicateExternalMessage`` when an
    ///   inbound message key belongs to another ticket, ``StoreError/Code/invalidCommit`` for a malformed
    ///   commit or a new ticket whose number another ticket has, ``StoreError/Code/unavailable`` when the
    ///   database fails. Nothing is stored on error.
    public func commit(_ commit: TicketCommit) async throws {
        try commit.validateShape()
        let writes = commit.writes.sorted { $0.ticket.id < $1.ticket.id }
        try await transaction("committing \(commit.writes.map(\.ticket.id.rawValue))") { connection in
            for write in writes {
                try await self.write(write, on: connection)
            }
            for message in commit.outbound {
                try await self.insert(message, on: connection)
            }
            try await self.insertFeedEvents(Self.feedEvents(of: commit), on: connection)
        }
    }

    private func write(_ write: TicketWrite, on connection: PostgresConnection) async throws {
        let ticket = write.ticket
        let id = ticket.id.rawValue
        let snapshot = try json(ticket)
        let due = write.dueAt?.storedValue
        let terms = Self.searchTerms(of: ticket)
        let tickets = table("tickets")
        let written: Int
        if write.expectedVersion == 0 {
            written = try await count(
                connection.query(
                    """
                    INSERT INTO \(unescaped: tickets)
                        (id, version, status, assignee, requester, due_at, number, snapshot, search_terms)
                    VALUES (\(id), \(ticket.version), \(ticket.status.rawValue), \(ticket.assignee?.rawValue),
                            \(ticket.requester.rawValue), \(due), \(ticket.number?.rawValue), \(snapshot)::jsonb,
                            \(terms))
                    ON CONFLICT DO NOTHING
                    RETURNING 1
                    """,
                    logger: logger
                )
            )
        } else {
            written = try await count(
                connection.query(
                    """
                    UPDATE \(unescaped: tickets)
                    SET version = \(ticket.version), status = \(ticket.status.rawValue),
                        assignee = \(ticket.assignee?.rawValue), requester = \(ticket.requester.rawValue),
                        due_at = \(due), snapshot = \(snapshot)::jsonb, search_terms = \(terms)
                    WHERE id = \(id) AND version = \(write.expectedVersion)
                    RETURNING 1
                    """,
                    logger: logger
                )
            )
        }
        guard written == 1 else {
            let stored = try await storedVersion(of: id, on: connection)
            // A new ticket not inserted although its id is free: its number is another ticket's.
            if write.expectedVersion == 0, stored == 0, let number = ticket.number {
                throw StoreError(
                    .invalidCommit,
                    "ticket number \(number) already belongs to another ticket; take new numbers from nextTicketNumber()"
                )
            }
            throw StoreError(
                .versionConflict,
                "ticket \(id) is at version \(stored), not \(write.expectedVersion): reload it and try again"
            )
        }
        for event in write.events {
            try await connection.query(
                """
                INSERT INTO \(unescaped: table("events")) (ticket_id, sequence, event)
                VALUES (\(id), \(event.sequence), \(try json(event))::jsonb)
                """,
                logger: logger
            )
        }
        for key in Set(write.externalKeys).sorted(by: { $0.description < $1.description }) {
            try await claim(key, for: id, on: connection)
        }
        for key in Set(write.threadKeys).sorted(by: { $0.rawValue < $1.rawValue }) {
            try await connection.query(
                """
                INSERT INTO \(unescaped: table("thread_keys")) (key, ticket_id) VALUES (\(key.rawValue), \(id))
                ON CONFLICT (key) DO UPDATE SET ticket_id = EXCLUDED.ticket_id
                """,
                logger: logger
            )
        }
    }

    /// Maps an inbound message key to a ticket. A key already mapped to the same ticket is fine; one
    /// mapped to another ticket (committed by a concurrent transaction too: the insert waits for it)
    /// is a repeated delivery.
    private func claim(_ key: ExternalMessageKey, for id: String, on connection: PostgresConnection) async throws {
        let keys = table("external_keys")
        let inserted = try await count(
            connection.query(
                """
                INSERT INTO \(unescaped: keys) (channel, external_id, ticket_id)
                VALUES (\(key.channel.rawValue), \(key.externalID), \(id))
                ON CONFLICT (channel, external_id) DO NOTHING
                RETURNING 1
                """,
                logger: logger
            )
        )
        guard inserted == 0 else { return }
        let rows = try await connection.query(
            """
            SELECT ticket_id FROM \(unescaped: keys)
            WHERE channel = \(key.channel.rawValue) AND external_id = \(key.externalID)
            """,
            logger: logger
        )
        var owner: String?
        for try await (ticket) in rows.decode(String.self) { owner = ticket }
        guard let owner, owner == id else {
            throw StoreError(.duplicateExternalMessage, "message \(key) is already stored in ticket \(owner ?? "?")")
        }
    }

    private func insert(_ message: OutboundMessage, on connection: PostgresConnection) async throws {
        var message = message
        message.claim = nil  // a new message is nobody's yet
        let inserted = try await count(
            connection.query(
                """
                INSERT INTO \(unescaped: table("outbox")) (id, ticket_id, state, next_attempt_at, message)
                VALUES (\(message.id.rawValue), \(message.ticketID?.rawValue), \(message.state.rawValue),
                        \(message.nextAttemptAt.storedValue), \(try json(message))::jsonb)
                ON CONFLICT (id) DO NOTHING
                RETURNING 1
                """,
                logger: logger
            )
        )
        guard inserted == 1 else {
            throw StoreError(.invalidCommit, "outbound message \(message.id) is already in the outbox")
        }
    }

    private func storedVersion(of id: String, on connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query(
            "SELECT version FROM \(unescaped: table("tickets")) WHERE id = \(id)",
            logger: logger
        )
        var version = 0
        for try await (stored) in rows.decode(Int.self) { version = stored }
        return version
    }

    func count(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }
}
