extension PostgresMigration {
    /// Step 6: ticket search. Each ticket's ``Ticket/searchTerms`` in a `TEXT[]` column under a GIN index,
    /// so that a text query is `search_terms @> $terms`. Tickets stored before the step get their terms
    /// from ``PostgresTicketStore/migrate()`` (SQL cannot compute them: the folding and stemming are the
    /// library's).
    static func ticketSearch(in schema: String) -> PostgresMigration {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        return PostgresMigration(
            version: 6,
            name: "ticket_search",
            statements: [
                "ALTER TABLE \(t("tickets")) ADD COLUMN IF NOT EXISTS search_terms TEXT[]",
                "CREATE INDEX IF NOT EXISTS tickets_search_terms ON \(t("tickets")) USING GIN (search_terms)",
                """
                CREATE INDEX IF NOT EXISTS tickets_unsearched ON \(t("tickets")) (id) WHERE search_terms IS NULL
                """,
            ]
        )
    }
}
