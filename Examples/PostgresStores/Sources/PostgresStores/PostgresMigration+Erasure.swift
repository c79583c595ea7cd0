extension PostgresMigration {
    /// Step 9: member erasures. One row per erased member: the record the desk refuses contact by, and
    /// the erasures a desk must still finish (`finished_at IS NULL`). The redaction itself needs no schema
    /// change: the erased text lives in the JSON documents and `search_terms`.
    static func memberErasures(in schema: String) -> PostgresMigration {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        return PostgresMigration(
            version: 9,
            name: "member erasures",
            statements: [
                """
                CREATE TABLE IF NOT EXISTS \(t("member_erasures")) (
                    member TEXT COLLATE "C" PRIMARY KEY,
                    requested_at DOUBLE PRECISION NOT NULL,
                    finished_at DOUBLE PRECISION,
                    erasure JSONB NOT NULL
                )
                """,
                """
                CREATE INDEX IF NOT EXISTS member_erasures_unfinished ON \(t("member_erasures")) (requested_at, member)
                WHERE finished_at IS NULL
                """,
            ]
        )
    }
}
