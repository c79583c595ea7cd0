import Foundation

extension PostgresMigration {
    /// Step 1: tickets, their events, the outbox, inbound message and thread keys, ticket numbers.
    ///
    /// The DDL of the ticket store from before migrations were versioned: every statement is idempotent
    /// (`IF NOT EXISTS`), so a schema made by that version is brought up to date and recorded as step 1.
    /// Ids use the "C" collation so that SQL sorts them byte by byte, as Swift does.
    static func tickets(in schema: String) -> PostgresMigration {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        return PostgresMigration(
            version: 1,
            name: "tickets and outbox",
            statements: [
                """
                CREATE TABLE IF NOT EXISTS \(t("tickets")) (
                    id TEXT COLLATE "C" PRIMARY KEY,
                    version INTEGER NOT NULL CHECK (version > 0),
                    status TEXT NOT NULL,
                    assignee TEXT,
                    requester TEXT NOT NULL,
                    due_at DOUBLE PRECISION,
                    snapshot JSONB NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS tickets_status ON \(t("tickets")) (status, id)",
                "CREATE INDEX IF NOT EXISTS tickets_assignee ON \(t("tickets")) (assignee, id) WHERE assignee IS NOT NULL",
                "CREATE INDEX IF NOT EXISTS tickets_requester ON \(t("tickets")) (requester, id)",
                "CREATE INDEX IF NOT EXISTS tickets_due ON \(t("tickets")) (due_at) WHERE due_at IS NOT NULL",
                """
                CREATE TABLE IF NOT EXISTS \(t("events")) (
                    ticket_id TEXT COLLATE "C" NOT NULL REFERENCES \(t("tickets")) (id),
                    sequence INTEGER NOT NULL,
                    event JSONB NOT NULL,
                    PRIMARY KEY (ticket_id, sequence)
                )
                """,
                """
                CREATE TABLE IF NOT EXISTS \(t("external_keys")) (
                    channel TEXT NOT NULL,
                    external_id TEXT NOT NULL,
                    ticket_id TEXT COLLATE "C" NOT NULL,
                    PRIMARY KEY (channel, external_id)
                )
                """,
                """
                CREATE TABLE IF NOT EXISTS \(t("thread_keys")) (
                    key TEXT PRIMARY KEY,
                    ticket_id TEXT COLLATE "C" NOT NULL
                )
                """,
                """
                CREATE TABLE IF NOT EXISTS \(t("outbox")) (
                    id TEXT COLLATE "C" PRIMARY KEY,
                    position BIGSERIAL NOT NULL,
                    ticket_id TEXT COLLATE "C",
                    state TEXT NOT NULL,
                    next_attempt_at DOUBLE PRECISION NOT NULL,
                    claimed_until DOUBLE PRECISION,
                    claim_token TEXT,
                    message JSONB NOT NULL
                )
                """,
                "ALTER TABLE \(t("outbox")) ADD COLUMN IF NOT EXISTS claimed_until DOUBLE PRECISION",
                // The claim's token, checked by updateOutbound: a schema from before it gains the column.
                "ALTER TABLE \(t("outbox")) ADD COLUMN IF NOT EXISTS claim_token TEXT",
                "CREATE INDEX IF NOT EXISTS outbox_pending ON \(t("outbox")) (next_attempt_at, id) WHERE state = 'pending'",
                "CREATE INDEX IF NOT EXISTS outbox_ticket ON \(t("outbox")) (ticket_id, position)",
                "CREATE INDEX IF NOT EXISTS outbox_dead ON \(t("outbox")) (id) WHERE state = 'dead_lettered'",
                // Ticket numbers: the store's own sequence hands them out, so that servers sharing the database
                // never give two tickets one number; a schema from before numbers gains the column (its old
                // tickets keep none) and the sequence. A sequence never rolls back: a number drawn for a commit
                // that failed is skipped, a gap.
                "CREATE SEQUENCE IF NOT EXISTS \(t("ticket_numbers")) AS BIGINT MINVALUE 1 START 1",
                "ALTER TABLE \(t("tickets")) ADD COLUMN IF NOT EXISTS number BIGINT",
                "CREATE UNIQUE INDEX IF NOT EXISTS tickets_number ON \(t("tickets")) (number) WHERE number IS NOT NULL",
                ticketNumberRepair(in: schema),
            ]
        )
    }

    /// Moves the `ticket_numbers` sequence past the largest stored number when it is behind (a restored
    /// dump, numbers written by hand), so it never hands out a number a ticket has. Part of step 1, and
    /// run again by ``PostgresTicketStore/migrate()`` at every start, as it was before steps were
    /// versioned.
    static func ticketNumberRepair(in schema: String) -> String {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        return """
            SELECT setval('\(t("ticket_numbers"))', stored.largest)
            FROM (SELECT MAX(number) AS largest FROM \(t("tickets"))) AS stored,
                 \(t("ticket_numbers")) AS numbers
            WHERE stored.largest IS NOT NULL
              AND stored.largest > (CASE WHEN numbers.is_called THEN numbers.last_value ELSE 0 END)
            """
    }

    /// Step 2: moderation ledgers, refund decisions with each member's refund version, and the ticket
    /// posts those changes still owe.
    static func policyLedgers(in schema: String) -> PostgresMigration {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        return PostgresMigration(
            version: 2,
            name: "moderation ledgers, refund decisions, pending policy posts",
            statements: [
                """
                CREATE TABLE IF NOT EXISTS \(t("moderation_ledgers")) (
                    member TEXT COLLATE "C" PRIMARY KEY,
                    version INTEGER NOT NULL CHECK (version >= 0),
                    ledger JSONB NOT NULL
                )
                """,
                // One row per member with refund decisions: the version every decision is recorded over,
                // and the row a writer locks (`FOR UPDATE`) to serialize the member's decisions.
                """
                CREATE TABLE IF NOT EXISTS \(t("refund_members")) (
                    member TEXT COLLATE "C" PRIMARY KEY,
                    version INTEGER NOT NULL CHECK (version >= 0)
                )
                """,
                """
                CREATE TABLE IF NOT EXISTS \(t("refund_decisions")) (
                    member TEXT COLLATE "C" NOT NULL REFERENCES \(t("refund_members")) (member),
                    request_id TEXT COLLATE "C" NOT NULL,
                    position INTEGER NOT NULL,
                    verdict TEXT NOT NULL,
                    decision JSONB NOT NULL,
                    PRIMARY KEY (member, request_id)
                )
                """,
                "CREATE UNIQUE INDEX IF NOT EXISTS refund_decisions_order ON \(t("refund_decisions")) (member, position)",
                """
                CREATE TABLE IF NOT EXISTS \(t("pending_policy_posts")) (
                    id TEXT COLLATE "C" PRIMARY KEY,
                    member TEXT COLLATE "C" NOT NULL,
                    at DOUBLE PRECISION NOT NULL,
                    payload BYTEA NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS pending_policy_posts_order ON \(t("pending_policy_posts")) (at, id)",
                """
                CREATE INDEX IF NOT EXISTS pending_policy_posts_member
                ON \(t("pending_policy_posts")) (member, at, id)
                """,
            ]
        )
    }

    /// Step 3: members' journeys, with the instant a step falls due and the reasons of the current
    /// departure's exit answer (a `GIN`-indexed array, for win-backs), and the owner's fix
    /// announcements.
    static func journeys(in schema: String) -> PostgresMigration {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        return PostgresMigration(
            version: 3,
            name: "member journeys and fix announcements",
            statements: [
                """
                CREATE TABLE IF NOT EXISTS \(t("journeys")) (
                    member TEXT COLLATE "C" PRIMARY KEY,
                    version INTEGER NOT NULL CHECK (version >= 0),
                    due_at DOUBLE PRECISION,
                    exit_reasons TEXT[] NOT NULL,
                    record JSONB NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS journeys_due ON \(t("journeys")) (due_at) WHERE due_at IS NOT NULL",
                "CREATE INDEX IF NOT EXISTS journeys_exit_reasons ON \(t("journeys")) USING GIN (exit_reasons)",
                """
                CREATE TABLE IF NOT EXISTS \(t("fix_announcements")) (
                    id TEXT COLLATE "C" PRIMARY KEY,
                    announcement JSONB NOT NULL
                )
                """,
            ]
        )
    }

    /// Step 4: satisfaction ratings, one per ticket, listed in the order they were saved.
    static func ratings(in schema: String) -> PostgresMigration {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        return PostgresMigration(
            version: 4,
            name: "ratings",
            statements: [
                """
                CREATE TABLE IF NOT EXISTS \(t("ratings")) (
                    ticket TEXT COLLATE "C" PRIMARY KEY,
                    position BIGSERIAL NOT NULL,
                    member TEXT COLLATE "C" NOT NULL,
                    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                    comment TEXT,
                    at DOUBLE PRECISION NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX IF NOT EXISTS ratings_order ON \(t("ratings")) (position)",
            ]
        )
    }

    /// Step 5: agents' presence, absence and shift state, one row per agent, saved over its version.
    static func agentStatuses(in schema: String) -> PostgresMigration {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        return PostgresMigration(
            version: 5,
            name: "agent statuses",
            statements: [
                """
                CREATE TABLE IF NOT EXISTS \(t("agent_statuses")) (
                    agent TEXT COLLATE "C" PRIMARY KEY,
                    presence TEXT NOT NULL CHECK (presence IN ('online', 'away', 'offline')),
                    is_absent BOOLEAN NOT NULL,
                    shift_was_open BOOLEAN,
                    updated_at DOUBLE PRECISION NOT NULL,
                    version INTEGER NOT NULL CHECK (version > 0)
                )
                """
            ]
        )
    }
}
