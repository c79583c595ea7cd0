import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Reads a ticket.
    ///
    /// - Parameter id: The ticket's id.
    /// - Returns: The ticket, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func ticket(_ id: TicketID) async throws -> StoredTicket? {
        let found = try await access.prepared(
            "SELECT snapshot::text, due_at FROM \(unescaped: table("tickets")) WHERE id = \(id.rawValue)",
            "reading ticket \(id)"
        ) { rows in try rows.first.map { try $0.decode((String, Double?).self) } }
        return try found.map { text, due in
            StoredTicket(ticket: try decode(Ticket.self, from: text), dueAt: due.map(Date.init(storedValue:)))
        }
    }

    /// Reads a ticket's events in order.
    ///
    /// - Parameter id: The ticket's id.
    /// - Returns: The events; empty for an unknown ticket.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func events(of id: TicketID) async throws -> [TicketEvent] {
        let rows = try await read(
            """
            SELECT event::text FROM \(unescaped: table("events")) WHERE ticket_id = \(id.rawValue)
            ORDER BY sequence
            """,
            "reading the events of ticket \(id)"
        )
        var events: [TicketEvent] = []
        for try await (text) in rows.decode(String.self) { events.append(try decode(TicketEvent.self, from: text)) }
        return events
    }

    /// Finds the ticket an inbound message was stored in.
    ///
    /// - Parameter key: The message's key.
    /// - Returns: The ticket's id, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func ticketID(forExternalMessage key: ExternalMessageKey) async throws -> TicketID? {
        try await access.prepared(
            """
            SELECT ticket_id FROM \(unescaped: table("external_keys"))
            WHERE channel = \(key.channel.rawValue) AND external_id = \(key.externalID)
            """,
            "looking up message \(key)",
            Self.firstID
        )
    }

    /// Finds the ticket a thread key points at.
    ///
    /// - Parameter key: The thread key.
    /// - Returns: The ticket's id, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func ticketID(forThread key: ThreadKey) async throws -> TicketID? {
        try await access.prepared(
            "SELECT ticket_id FROM \(unescaped: table("thread_keys")) WHERE key = \(key.rawValue)",
            "looking up thread \(key)",
            Self.firstID
        )
    }

    /// Hands out the next ticket number from the schema's `ticket_numbers` sequence; see
    /// ``TicketStore/nextTicketNumber()``. Numbers are drawn a block at a time (the `ticketNumbersPerDraw`
    /// of ``init(client:schema:ticketNumbersPerDraw:logger:)``, one round trip per block) and handed out
    /// smallest first, so the numbers this store hands out increase. Servers sharing the database never
    /// get the same number; each hands out its own block, and a number drawn for a commit that failed,
    /// or not handed out before the server stopped, is skipped (a sequence never rolls back).
    ///
    /// - Returns: The number.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails or the
    ///   sequence has run past ``TicketNumber/maximum``.
    public func nextTicketNumber() async throws -> TicketNumber {
        try await numberBlock.take { [access] count in
            let sequence = access.table("ticket_numbers")
            let values = try await access.prepared(
                "SELECT nextval('\(unescaped: sequence)') FROM generate_series(1, \(count))",
                "drawing \(count) ticket numbers"
            ) { rows in try rows.map { try $0.decode(Int.self) } }
            return try values.map { value in
                guard let number = TicketNumber(rawValue: value) else {
                    throw StoreError(.unavailable, "the sequence \(sequence) gave \(value), not a ticket number")
                }
                return number
            }
        }
    }

    /// Finds the ticket with a number.
    ///
    /// - Parameter number: The ticket's number.
    /// - Returns: The ticket's id, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func ticketID(forNumber number: TicketNumber) async throws -> TicketID? {
        let rows = try await read(
            "SELECT id FROM \(unescaped: table("tickets")) WHERE number = \(number.rawValue)",
            "looking up ticket number \(number)"
        )
        return try await firstID(rows)
    }

    /// Lists tickets in the query's order, one page at a time: keyset paging from the cursor's key over
    /// the order's index (see ``PostgresMigration``, step 8).
    ///
    /// - Parameter query: The conditions and the page.
    /// - Returns: One page.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range or a cursor
    ///   that does not fit the order, ``StoreError/Code/unavailable`` when the database fails.
    public func tickets(matching query: TicketQuery) async throws -> TicketPage {
        try query.validate()
        let start = try query.startKey()
        var conditions: [String] = []
        var bindings = PostgresBindings()
        func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            bindings.append(value)
            return "$\(bindings.count)"
        }
        if let statuses = query.statuses {
            conditions.append("status = ANY(\(bind(statuses.map(\.rawValue).sorted())))")
        }
        if let assignee = query.assignee { conditions.append("assignee = \(bind(assignee.rawValue))") }
        if let requester = query.requester { conditions.append("requester = \(bind(requester.rawValue))") }
        if let dueBefore = query.dueBefore {
            conditions.append("due_at IS NOT NULL AND due_at < \(bind(dueBefore.storedValue))")
        }
        conditions += Self.searchConditions(for: query) { bind($0) }
        if let start { conditions.append(Self.keysetCondition(after: start) { bind($0) }) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT snapshot::text, due_at FROM \(table("tickets")) \(filter)
            ORDER BY \(Self.orderBy(query.sort)) LIMIT \(bind(query.limit + 1))
            """
        let rows = try await read(PostgresQuery(unsafeSQL: sql, binds: bindings), "listing tickets")
        var tickets = try await storedTickets(rows)
        let hasMore = tickets.count > query.limit
        if hasMore { tickets.removeLast() }
        return TicketPage(tickets: tickets, hasMore: hasMore, in: query.sort)
    }

    /// Lists pending outbound messages due by `instant`, oldest first.
    ///
    /// - Parameters:
    ///   - instant: The cut-off for the next attempt.
    ///   - limit: The most to return.
    /// - Returns: The due messages.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func pendingOutbound(dueBy instant: Date, limit: Int) async throws -> [OutboundMessage] {
        let rows = try await read(
            """
            SELECT \(unescaped: Self.outboundColumns) FROM \(unescaped: table("outbox"))
            WHERE state = 'pending' AND next_attempt_at <= \(instant.storedValue)
            ORDER BY next_attempt_at, id LIMIT \(max(0, limit))
            """,
            "listing the due outbox"
        )
        return try await outboundMessages(rows)
    }

    /// Claims a pending, due message for one delivery pass, in one `UPDATE`: of two desks claiming it
    /// at once, one gets it. The claim's token is a new UUID, kept in the `claim_token` column.
    ///
    /// - Parameters:
    ///   - id: The message's id.
    ///   - instant: Now.
    ///   - until: When the claim ends by itself.
    /// - Returns: The message carrying its new claim when claimed now, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) async throws -> OutboundMessage? {
        let token = UUID().uuidString
        let rows = try await access.prepared(
            """
            UPDATE \(unescaped: table("outbox")) SET claimed_until = \(until.storedValue), claim_token = \(token)
            WHERE id = \(id.rawValue) AND state = 'pending' AND next_attempt_at <= \(instant.storedValue)
              AND (claimed_until IS NULL OR claimed_until <= \(instant.storedValue))
            RETURNING \(unescaped: Self.outboundColumns)
            """,
            "claiming outbound message \(id)",
            outboundMessages
        )
        return rows.first
    }

    /// Stores an outbound message's new delivery state and ends any claim on it, in one `UPDATE` that
    /// matches the claim's token (`WHERE claim_token = token`) when the message carries a claim; see
    /// ``TicketStore/updateOutbound(_:)``.
    ///
    /// - Parameter message: The message with its updated state and the claim it was sent under.
    /// - Throws: ``StoreError`` with ``StoreError/Code/notFound`` for an unknown message,
    ///   ``StoreError/Code/claimLost`` when its claim is no longer the stored one,
    ///   ``StoreError/Code/unavailable`` when the database fails.
    public func updateOutbound(_ message: OutboundMessage) async throws {
        var unclaimed = message
        unclaimed.claim = nil
        let snapshot = try json(unclaimed)
        let token = message.claim?.token
        let updated: Int
        if message.state == .deadLettered {
            // A message moved into dead letters is reported in the feed by the same statement.
            let report = DeskEvent.deadLettered(unclaimed)
            updated = try await access.prepared(
                """
                WITH before AS (SELECT state FROM \(unescaped: table("outbox")) WHERE id = \(message.id.rawValue)),
                updated AS (
                    UPDATE \(unescaped: table("outbox"))
                    SET state = \(message.state.rawValue), next_attempt_at = \(message.nextAttemptAt.storedValue),
                        message = \(snapshot)::jsonb, claimed_until = NULL, claim_token = NULL
                    WHERE id = \(message.id.rawValue) AND (\(token)::text IS NULL OR claim_token = \(token))
                    RETURNING 1
                ),
                reported AS (
                    INSERT INTO \(unescaped: table("desk_events")) (key, kind, event)
                    SELECT \(report.key), \(report.kind.rawValue), \(try json(report))::jsonb
                    WHERE EXISTS (SELECT 1 FROM updated) AND (SELECT state FROM before) <> 'dead_lettered'
                    ON CONFLICT (key) DO NOTHING
                )
                SELECT 1 FROM updated
                """,
                "updating outbound message \(message.id)"
            ) { $0.count }
        } else {
            updated = try await access.prepared(
                """
                UPDATE \(unescaped: table("outbox"))
                SET state = \(message.state.rawValue), next_attempt_at = \(message.nextAttemptAt.storedValue),
                    message = \(snapshot)::jsonb, claimed_until = NULL, claim_token = NULL
                WHERE id = \(message.id.rawValue) AND (\(token)::text IS NULL OR claim_token = \(token))
                RETURNING 1
                """,
                "updating outbound message \(message.id)"
            ) { $0.count }
        }
        guard updated == 0 else { return }
        throw try await refusal(of: message)
    }

    /// Why an update of `message` matched no row: the message is unknown (``StoreError/Code/notFound``),
    /// or its claim is another's now (``StoreError/Code/claimLost``). Messages are never deleted, so one
    /// found now was there for the update too.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the message cannot be read.
    func refusal(of message: OutboundMessage) async throws -> StoreError {
        guard let stored = try await outbound(message.id) else {
            return StoreError(.notFound, "outbound message \(message.id) is not in the outbox")
        }
        let holder = stored.claim.map { "claim \($0.token) holds it now" } ?? "it was updated since"
        return StoreError(
            .claimLost,
            "outbound message \(message.id) is no longer held by claim \(message.claim?.token ?? "?") "
                + "(\(holder)): another delivery pass owns it; its outcome was not recorded"
        )
    }

    /// Reads one outbound message.
    ///
    /// - Parameter id: The message's id.
    /// - Returns: The message, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func outbound(_ id: OutboundID) async throws -> OutboundMessage? {
        try await access.prepared(
            "SELECT \(unescaped: Self.outboundColumns) FROM \(unescaped: table("outbox")) WHERE id = \(id.rawValue)",
            "reading outbound message \(id)",
            outboundMessages
        ).first
    }

    /// Reads every outbound message of a ticket in commit order.
    ///
    /// - Parameter ticket: The ticket's id.
    /// - Returns: The messages.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func outbound(ofTicket ticket: TicketID) async throws -> [OutboundMessage] {
        let rows = try await read(
            """
            SELECT \(unescaped: Self.outboundColumns) FROM \(unescaped: table("outbox"))
            WHERE ticket_id = \(ticket.rawValue)
            ORDER BY position
            """,
            "reading the outbox of ticket \(ticket)"
        )
        return try await outboundMessages(rows)
    }

    /// Lists dead-lettered messages ordered by id.
    ///
    /// - Parameters:
    ///   - after: The last id of the previous page, or `nil`.
    ///   - limit: The most to return.
    /// - Returns: The dead letters.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func deadLetteredOutbound(after: OutboundID?, limit: Int) async throws -> [OutboundMessage] {
        let rows = try await read(
            """
            SELECT \(unescaped: Self.outboundColumns) FROM \(unescaped: table("outbox"))
            WHERE state = 'dead_lettered' AND (\(after?.rawValue)::text IS NULL OR id > \(after?.rawValue))
            ORDER BY id LIMIT \(max(0, limit))
            """,
            "listing dead letters"
        )
        return try await outboundMessages(rows)
    }

    /// Lists outbound messages of every kind in the states asked for, ordered by id.
    ///
    /// - Parameter query: The states and the page.
    /// - Returns: One page, with the cursor of the next page (`nil` on the last).
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range,
    ///   ``StoreError/Code/unavailable`` when the database fails.
    public func outbound(matching query: OutboxQuery) async throws -> OutboxPage {
        try query.validate()
        var conditions: [String] = []
        var bindings = PostgresBindings()
        func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            bindings.append(value)
            return "$\(bindings.count)"
        }
        if let states = query.states { conditions.append("state = ANY(\(bind(states.map(\.rawValue).sorted())))") }
        if let after = query.after { conditions.append("id > \(bind(after.rawValue))") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql =
            "SELECT \(Self.outboundColumns) FROM \(table("outbox")) \(filter) ORDER BY id LIMIT \(bind(query.limit + 1))"
        let rows = try await read(PostgresQuery(unsafeSQL: sql, binds: bindings), "listing the outbox")
        var messages = try await outboundMessages(rows)
        let hasMore = messages.count > query.limit
        if hasMore { messages.removeLast() }
        return OutboxPage(messages: messages, nextCursor: hasMore ? messages.last?.id : nil)
    }

    private func storedTickets(_ rows: PostgresRowSequence) async throws -> [StoredTicket] {
        var tickets: [StoredTicket] = []
        for try await (text, due) in rows.decode((String, Double?).self) {
            tickets.append(
                StoredTicket(ticket: try decode(Ticket.self, from: text), dueAt: due.map(Date.init(storedValue:)))
            )
        }
        return tickets
    }

    /// The columns every outbound read selects: the message and its claim.
    static let outboundColumns = "message::text, claim_token, claimed_until"

    /// Decodes rows of ``outboundColumns``; the claim columns, not the JSON, say who holds a message.
    private func outboundMessages(_ rows: PostgresRowSequence) async throws -> [OutboundMessage] {
        var messages: [OutboundMessage] = []
        for try await row in rows { messages.append(try outboundMessage(row)) }
        return messages
    }

    /// Decodes read rows of ``outboundColumns``.
    private func outboundMessages(_ rows: [PostgresRow]) throws -> [OutboundMessage] {
        try rows.map(outboundMessage)
    }

    private func outboundMessage(_ row: PostgresRow) throws -> OutboundMessage {
        let (text, token, until) = try row.decode((String, String?, Double?).self)
        var message = try decode(OutboundMessage.self, from: text)
        if let token, let until { message.claim = DeliveryClaim(token: token, until: Date(storedValue: until)) }
        return message
    }

    /// The ticket id in the first row, if any.
    private static func firstID(_ rows: [PostgresRow]) throws -> TicketID? {
        try rows.first.map { TicketID(rawValue: try $0.decode(String.self)) }
    }

    private func firstID(_ rows: PostgresRowSequence) async throws -> TicketID? {
        var found: TicketID?
        for try await (id) in rows.decode(String.self) { found = TicketID(rawValue: id) }
        return found
    }
}
