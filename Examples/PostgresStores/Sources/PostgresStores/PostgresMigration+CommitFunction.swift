extension PostgresMigration {
    /// The SQLSTATE the commit function raises for a ticket changed since it was read.
    static let commitVersionConflict = "SE001"
    /// The SQLSTATE the commit function raises for a malformed commit (a taken number or outbox id).
    static let commitInvalid = "SE002"
    /// The SQLSTATE the commit function raises for an inbound message key another ticket holds.
    static let commitDuplicateMessage = "SE003"

    /// Step 10: the commit function. ``PostgresTicketStore/commit(_:)`` sends a whole commit as one JSON
    /// document to `commit_tickets(jsonb)`, which writes it in the one statement's transaction: one round
    /// trip for the tickets, their events, message and thread keys, the outbox and the feed, instead of
    /// one per row kind between `BEGIN` and `COMMIT`. A refusal raises one of the SQLSTATEs
    /// ``commitVersionConflict``, ``commitInvalid``, ``commitDuplicateMessage`` with a readable message,
    /// and nothing of the commit stays.
    static func commitFunction(in schema: String) -> PostgresMigration {
        PostgresMigration(
            version: 10,
            name: "commit function",
            statements: [commitFunctionText(in: schema, keepingClaims: false)]
        )
    }

    /// Step 11: `commit_tickets_keeping_claims(jsonb)`, the commit function that also keeps the claim an
    /// outbound message is committed with (`claimToken`, `claimedUntil` in its entry of the document), so
    /// the committing desk sends it without claiming it again
    /// (``PostgresTicketStore/storesClaimsOnCommit``). A function of its own rather than a new body for
    /// `commit_tickets`: a server of this release on a schema not migrated yet fails with a missing
    /// function instead of dropping claims silently, and a server of an earlier release goes on calling
    /// `commit_tickets` during a rolling upgrade.
    static func commitClaims(in schema: String) -> PostgresMigration {
        PostgresMigration(
            version: 11,
            name: "commit function keeps claims",
            statements: [commitFunctionText(in: schema, keepingClaims: true)]
        )
    }

    /// The function a commit goes to: `commit_tickets_keeping_claims` since step 11.
    static let commitFunctionName = "commit_tickets_keeping_claims"

    /// The `commit_tickets` function; with `keepingClaims`, ``commitFunctionName``, which also stores the
    /// claim each outbound message's entry carries.
    private static func commitFunctionText(in schema: String, keepingClaims: Bool) -> String {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        let name = keepingClaims ? commitFunctionName : "commit_tickets"
        let outboxColumns = keepingClaims ? ", claim_token, claimed_until" : ""
        let outboxValues =
            keepingClaims
            ? ",\n                               m.value->>'claimToken', (m.value->>'claimedUntil')::DOUBLE PRECISION"
            : ""
        return """
            CREATE OR REPLACE FUNCTION \(t(name))(document JSONB) RETURNS INTEGER
            LANGUAGE plpgsql AS $commit$
            DECLARE
                w JSONB;
                k JSONB;
                written INTEGER;
                stored INTEGER;
                owner TEXT;
                expected INTEGER;
                inserted_ids TEXT[];
            BEGIN
                -- Tickets in id order and keys in sorted order (the client sorts them): two commits take
                -- their row locks in the same order and cannot deadlock each other.
                FOR w IN SELECT value FROM jsonb_array_elements(document->'writes') LOOP
                    expected := (w->>'expectedVersion')::INTEGER;
                    IF expected = 0 THEN
                        INSERT INTO \(t("tickets"))
                            (id, version, status, assignee, requester, due_at, number, snapshot, search_terms)
                        VALUES (w->>'id', (w->>'version')::INTEGER, w->>'status', w->>'assignee',
                                w->>'requester', (w->>'dueAt')::DOUBLE PRECISION, (w->>'number')::BIGINT,
                                w->'snapshot', ARRAY(SELECT jsonb_array_elements_text(w->'searchTerms')))
                        ON CONFLICT DO NOTHING;
                    ELSE
                        UPDATE \(t("tickets"))
                        SET version = (w->>'version')::INTEGER, status = w->>'status',
                            assignee = w->>'assignee', requester = w->>'requester',
                            due_at = (w->>'dueAt')::DOUBLE PRECISION, snapshot = w->'snapshot',
                            search_terms = ARRAY(SELECT jsonb_array_elements_text(w->'searchTerms'))
                        WHERE id = w->>'id' AND version = expected;
                    END IF;
                    GET DIAGNOSTICS written = ROW_COUNT;
                    IF written <> 1 THEN
                        SELECT version INTO stored FROM \(t("tickets")) WHERE id = w->>'id';
                        IF expected = 0 AND stored IS NULL AND w->>'number' IS NOT NULL THEN
                            RAISE EXCEPTION USING ERRCODE = '\(commitInvalid)', MESSAGE = format(
                                'ticket number %s already belongs to another ticket; take new numbers from nextTicketNumber()',
                                w->>'number');
                        END IF;
                        RAISE EXCEPTION USING ERRCODE = '\(commitVersionConflict)', MESSAGE = format(
                            'ticket %s is at version %s, not %s: reload it and try again',
                            w->>'id', COALESCE(stored, 0), expected);
                    END IF;
                    INSERT INTO \(t("events")) (ticket_id, sequence, event)
                    SELECT w->>'id', (e.value->>'sequence')::INTEGER, e.value->'event'
                    FROM jsonb_array_elements(w->'events') AS e;
                    FOR k IN SELECT value FROM jsonb_array_elements(w->'externalKeys') LOOP
                        INSERT INTO \(t("external_keys")) (channel, external_id, ticket_id)
                        VALUES (k->>'channel', k->>'externalID', w->>'id')
                        ON CONFLICT (channel, external_id) DO NOTHING;
                        GET DIAGNOSTICS written = ROW_COUNT;
                        IF written = 0 THEN
                            SELECT ticket_id INTO owner FROM \(t("external_keys"))
                            WHERE channel = k->>'channel' AND external_id = k->>'externalID';
                            IF owner IS DISTINCT FROM w->>'id' THEN
                                RAISE EXCEPTION USING ERRCODE = '\(commitDuplicateMessage)', MESSAGE = format(
                                    'message %s is already stored in ticket %s', k->>'description',
                                    COALESCE(owner, '?'));
                            END IF;
                        END IF;
                    END LOOP;
                    INSERT INTO \(t("thread_keys")) (key, ticket_id)
                    SELECT key, w->>'id' FROM jsonb_array_elements_text(w->'threadKeys') AS key
                    ON CONFLICT (key) DO UPDATE SET ticket_id = EXCLUDED.ticket_id;
                END LOOP;
                -- Outbound messages in the commit's order: the outbox's position follows it.
                WITH inserted AS (
                    INSERT INTO \(t("outbox")) (id, ticket_id, state, next_attempt_at, message\(outboxColumns))
                    SELECT m.value->>'id', m.value->>'ticketID', m.value->>'state',
                           (m.value->>'nextAttemptAt')::DOUBLE PRECISION, m.value->'message'\(outboxValues)
                    FROM jsonb_array_elements(document->'outbound') WITH ORDINALITY AS m(value, n)
                    ORDER BY m.n
                    ON CONFLICT (id) DO NOTHING
                    RETURNING id
                )
                SELECT COALESCE(array_agg(id), '{}') INTO inserted_ids FROM inserted;
                IF cardinality(inserted_ids) <> jsonb_array_length(document->'outbound') THEN
                    -- Stored before, or given twice in this commit.
                    SELECT COALESCE(
                        (SELECT m.value->>'id' FROM jsonb_array_elements(document->'outbound')
                            WITH ORDINALITY AS m(value, n)
                         WHERE NOT (m.value->>'id' = ANY(inserted_ids)) ORDER BY m.n LIMIT 1),
                        (SELECT m.value->>'id' FROM jsonb_array_elements(document->'outbound') AS m
                         GROUP BY m.value->>'id' HAVING count(*) > 1 LIMIT 1))
                    INTO owner;
                    RAISE EXCEPTION USING ERRCODE = '\(commitInvalid)', MESSAGE = format(
                        'outbound message %s is already in the outbox', owner);
                END IF;
                INSERT INTO \(t("desk_events")) (key, kind, event)
                SELECT f.value->>'key', f.value->>'kind', f.value->'event'
                FROM jsonb_array_elements(document->'feed') WITH ORDINALITY AS f(value, n)
                ORDER BY f.n
                ON CONFLICT (key) DO NOTHING;
                RETURN 1;
            END;
            $commit$
            """
    }
}
