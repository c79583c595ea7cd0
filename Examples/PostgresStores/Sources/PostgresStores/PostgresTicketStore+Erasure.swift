import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Erases a member's personal data in one transaction; see ``TicketStore/eraseMember(_:redaction:)``.
    ///
    /// The member's tickets are locked in id order (as commits lock them), and each snapshot, its
    /// `search_terms` and its stored events are rewritten redacted; then every outbound message to the
    /// member or about one of their tickets is rewritten redacted, a pending one to the member becoming
    /// `withheld`. Versions, numbers, statuses and the event feed are left as they are. No schema change
    /// is needed: the text lives in the JSON documents.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: How many tickets, messages and outbound messages were redacted.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails; nothing
    ///   changes then.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        try await access.transaction("erasing the data of member \(member)") { connection in
            var counts = ErasureCounts()
            let tickets = try await connection.query(
                """
                SELECT id, snapshot::text FROM \(unescaped: table("tickets"))
                WHERE requester = \(member.rawValue) ORDER BY id FOR UPDATE
                """,
                logger: logger
            )
            var stored: [(String, Ticket)] = []
            for try await (id, text) in tickets.decode((String, String).self) {
                stored.append((id, try decode(Ticket.self, from: text)))
            }
            for (id, ticket) in stored {
                let redacted = ticket.redacted(with: redaction)
                guard redacted != ticket else { continue }
                try await connection.query(
                    """
                    UPDATE \(unescaped: table("tickets"))
                    SET snapshot = \(try json(redacted))::jsonb, search_terms = \(Self.searchTerms(of: redacted))
                    WHERE id = \(id)
                    """,
                    logger: logger
                )
                try await redactEvents(of: id, with: redaction, on: connection)
                counts.tickets += 1
                counts.messages += zip(ticket.messages, redacted.messages).filter { $0 != $1 }.count
            }
            counts.outboundMessages = try await redactOutbox(
                of: member,
                tickets: stored.map(\.0),
                with: redaction,
                on: connection
            )
            return counts
        }
    }

    private func redactEvents(of id: String, with redaction: String, on connection: PostgresConnection) async throws {
        let rows = try await connection.query(
            """
            SELECT sequence, event::text FROM \(unescaped: table("events"))
            WHERE ticket_id = \(id) ORDER BY sequence
            """,
            logger: logger
        )
        var events: [(Int, TicketEvent)] = []
        for try await (sequence, text) in rows.decode((Int, String).self) {
            events.append((sequence, try decode(TicketEvent.self, from: text)))
        }
        for (sequence, event) in events {
            let redacted = event.redacted(with: redaction)
            guard redacted != event else { continue }
            try await connection.query(
                """
                UPDATE \(unescaped: table("events")) SET event = \(try json(redacted))::jsonb
                WHERE ticket_id = \(id) AND sequence = \(sequence)
                """,
                logger: logger
            )
        }
    }

    /// Redacts the outbound messages to the member or about their tickets; returns how many changed.
    private func redactOutbox(
        of member: MemberID,
        tickets: [String],
        with redaction: String,
        on connection: PostgresConnection
    ) async throws -> Int {
        let rows = try await connection.query(
            """
            SELECT id, message::text FROM \(unescaped: table("outbox"))
            WHERE message->>'recipient' = \(member.rawValue) OR ticket_id = ANY(\(tickets)::text[])
            ORDER BY id FOR UPDATE
            """,
            logger: logger
        )
        var messages: [(String, OutboundMessage)] = []
        for try await (id, text) in rows.decode((String, String).self) {
            messages.append((id, try decode(OutboundMessage.self, from: text)))
        }
        var changed = 0
        for (id, message) in messages {
            let redacted = message.redacted(with: redaction)
            guard redacted != message else { continue }
            try await connection.query(
                """
                UPDATE \(unescaped: table("outbox"))
                SET state = \(redacted.state.rawValue), message = \(try json(redacted))::jsonb,
                    claim_token = NULL, claimed_until = NULL
                WHERE id = \(id)
                """,
                logger: logger
            )
            changed += 1
        }
        return changed
    }
}
