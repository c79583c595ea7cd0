extension PostgresMigration {
    /// Step 7: the desk-wide event feed. Each ``DeskEvent`` is a row keyed by its ``DeskEvent/key`` (so a
    /// notice stored twice is kept once), written in the transaction of the change it reports, in
    /// `written` order. Its `position` is given when the feed is first read after it committed, under a
    /// lock, so that writers never wait on each other and a reader never sees a position while a lower one
    /// can still appear (see ``PostgresTicketStore/deskEvents(after:limit:)``).
    static func deskEvents(in schema: String) -> PostgresMigration {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        return PostgresMigration(
            version: 7,
            name: "desk_events",
            statements: [
                """
                CREATE TABLE IF NOT EXISTS \(t("desk_events")) (
                    key TEXT PRIMARY KEY,
                    written BIGSERIAL NOT NULL,
                    position BIGINT UNIQUE,
                    kind TEXT NOT NULL,
                    event JSONB NOT NULL
                )
                """,
                """
                CREATE INDEX IF NOT EXISTS desk_events_unpositioned ON \(t("desk_events")) (written)
                WHERE position IS NULL
                """,
            ]
        )
    }
}
