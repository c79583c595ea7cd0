extension PostgresMigration {
    /// Step 8: sorted ticket queries. One index per order of ``TicketSort`` besides the id, on the very
    /// expressions ``PostgresTicketStore`` sorts and pages by (`PostgresTicketStore.dueSortKey`,
    /// `updatedSortKey`, `urgencySortKey`), each ending with
    /// the id, so that a page is a range scan from the cursor's key: `(key, id) > ($1, $2)`. No column
    /// changes: the keys come from `due_at` and the snapshot, so tickets stored before the step are
    /// indexed as they are.
    static func ticketSort(in schema: String) -> PostgresMigration {
        func t(_ name: String) -> String { "\(schema).\(name)" }
        let due = PostgresTicketStore.dueSortKey
        let updated = PostgresTicketStore.updatedSortKey
        let urgency = PostgresTicketStore.urgencySortKey
        return PostgresMigration(
            version: 8,
            name: "ticket_sort",
            statements: [
                "CREATE INDEX IF NOT EXISTS tickets_sort_due ON \(t("tickets")) ((\(due)), id)",
                "CREATE INDEX IF NOT EXISTS tickets_sort_updated ON \(t("tickets")) ((\(updated)), id)",
                "CREATE INDEX IF NOT EXISTS tickets_sort_priority ON \(t("tickets")) ((\(urgency)), (\(due)), id)",
            ]
        )
    }
}
