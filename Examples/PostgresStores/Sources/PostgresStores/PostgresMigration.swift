/// One versioned step of the database schema: the statements that make the tables of one store.
///
/// ``PostgresMigrator`` runs the steps a schema has not had yet, in version order, and records each in
/// the schema's `schema_migrations` table (`version`, `name`, `applied_at`). A step's statements run in
/// one transaction: a step is applied entirely or not at all. Steps are only ever added at the end;
/// a step that shipped is never changed, so every database that recorded it has the same tables.
///
/// | Version | Name | Tables |
/// |---|---|---|
/// | 1 | tickets and outbox | `tickets`, `events`, `external_keys`, `thread_keys`, `outbox`, `ticket_numbers` |
/// | 2 | moderation ledgers, refund decisions, pending policy posts | `moderation_ledgers`, `refund_members`, `refund_decisions`, `pending_policy_posts` |
/// | 3 | member journeys and fix announcements | `journeys`, `fix_announcements` |
/// | 4 | ratings | `ratings` |
/// | 5 | agent statuses | `agent_statuses` |
/// | 6 | ticket search | `tickets.search_terms` and its GIN index |
/// | 7 | desk events | the desk-wide event feed |
/// | 8 | ticket sort | indexes of `tickets` for the due, update and priority orders |
/// | 9 | member erasures | `member_erasures` |
/// | 10 | commit function | `commit_tickets(jsonb)`, which writes a whole commit in one statement |
/// | 11 | commit function keeps claims | `commit_tickets_keeping_claims(jsonb)`, the same keeping the claims of a commit's outbound messages |
public struct PostgresMigration: Sendable, Hashable {
    /// The step's number: steps run from 1 upwards, with no gaps.
    public let version: Int
    /// What the step makes, as recorded in `schema_migrations.name`.
    public let name: String
    /// The SQL the step runs, in order, with the schema written in.
    public let statements: [String]

    /// Creates a step.
    ///
    /// - Parameters:
    ///   - version: The step's number, from 1.
    ///   - name: What the step makes.
    ///   - statements: The SQL to run, in order.
    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// Every step of the package's schema, in version order, for the tables in `schema`.
    ///
    /// - Parameter schema: The schema the tables live in; a plain identifier (the stores and
    ///   ``PostgresMigrator`` check it).
    /// - Returns: The steps, version 1 first.
    public static func all(in schema: String) -> [PostgresMigration] {
        [
            tickets(in: schema), policyLedgers(in: schema), journeys(in: schema), ratings(in: schema),
            agentStatuses(in: schema),
            ticketSearch(in: schema), deskEvents(in: schema), ticketSort(in: schema), memberErasures(in: schema),
            commitFunction(in: schema), commitClaims(in: schema),
        ]
    }
}
