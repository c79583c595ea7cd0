import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// A ``RatingStore`` in PostgreSQL: one row of `ratings` per ticket, shared by every server on the
/// database.
///
/// The ticket id is the primary key, so of two desks saving a rating of one ticket at once one insert
/// stands and the other gets ``RatingError/Code/alreadyRated``. `position` (a `BIGSERIAL`) keeps the
/// order ratings were saved in. A rating no store keeps (a score outside 1…5, a comment with a NUL
/// character) is refused before the database sees it, as ``Rating/validateForStorage()`` says.
///
/// Make the table with ``PostgresMigrator`` (or ``PostgresDeskStores/migrate()``).
public struct PostgresRatingStore: RatingStore {
    let access: PostgresAccess

    /// The schema holding the store's table.
    public var schema: String { access.schema }

    /// Creates a store on a running client.
    ///
    /// - Parameters:
    ///   - client: A client whose `run()` is running.
    ///   - schema: The schema of the table: lower-case letters, digits and `_`, starting with a letter.
    ///   - logger: Where queries are logged.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema name that is not a plain
    ///   identifier.
    public init(client: PostgresClient, schema: String = "support", logger: Logger) throws {
        self.access = try PostgresAccess(client: client, schema: schema, logger: logger)
    }

    init(access: PostgresAccess) {
        self.access = access
    }

    /// Saves a rating, unless the ticket has one.
    ///
    /// - Parameter rating: The rating.
    /// - Throws: ``RatingError`` with ``RatingError/Code/alreadyRated`` when the ticket has one,
    ///   ``RatingError/Code/scoreOutOfRange`` or ``RatingError/Code/invalidComment`` for a rating no store
    ///   keeps; ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func save(_ rating: Rating) async throws {
        try rating.validateForStorage()
        let inserted = try await access.transaction("saving the rating of ticket \(rating.ticket)") { connection in
            try await PostgresAccess.count(
                connection.query(
                    """
                    INSERT INTO \(unescaped: access.table("ratings")) (ticket, member, score, comment, at)
                    VALUES (\(rating.ticket.rawValue), \(rating.member.rawValue), \(rating.score), \(rating.comment),
                            \(rating.at.storedValue))
                    ON CONFLICT (ticket) DO NOTHING
                    RETURNING 1
                    """,
                    logger: access.logger
                )
            )
        }
        guard inserted == 1 else {
            throw RatingError(.alreadyRated, "ticket \(rating.ticket) is already rated: a ticket takes one rating")
        }
    }

    /// The rating of a ticket, if any.
    ///
    /// - Parameter ticket: The ticket.
    /// - Returns: The rating.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func rating(of ticket: TicketID) async throws -> Rating? {
        try await ratings(
            """
            SELECT ticket, member, score, comment, at FROM \(unescaped: access.table("ratings"))
            WHERE ticket = \(ticket.rawValue)
            """,
            "reading the rating of ticket \(ticket)"
        ).first
    }

    /// Every rating, in the order they were saved.
    ///
    /// - Returns: The ratings.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func allRatings() async throws -> [Rating] {
        try await ratings(
            "SELECT ticket, member, score, comment, at FROM \(unescaped: access.table("ratings")) ORDER BY position",
            "reading every rating"
        )
    }

    private func ratings(_ query: PostgresQuery, _ what: String) async throws -> [Rating] {
        try await access.read(query, what) { rows in
            var ratings: [Rating] = []
            for try await (ticket, member, score, comment, at) in rows.decode(
                (String, String, Int, String?, Double).self
            ) {
                ratings.append(
                    Rating(
                        ticket: TicketID(ticket),
                        member: MemberID(member),
                        score: score,
                        comment: comment,
                        at: Date(storedValue: at)
                    )
                )
            }
            return ratings
        }
    }
}
