import Foundation
import Logging
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// A ticket's ``Ticket/searchTerms``, sorted, as the `search_terms` column keeps them.
    static func searchTerms(of ticket: Ticket) -> [String] {
        ticket.searchTerms.sorted()
    }

    /// The SQL conditions for a query's text, tags, reasons, channels, priorities and date ranges.
    ///
    /// The text goes through the `search_terms` column (GIN index); the other fields are read from the
    /// snapshot, whose dates are seconds since the reference date as ``Date/storedValue`` writes them.
    ///
    /// - Parameters:
    ///   - query: The query.
    ///   - bind: Adds a value to the statement's bindings and returns its placeholder.
    /// - Returns: The conditions, each to be joined with `AND`.
    static func searchConditions(
        for query: TicketQuery,
        bind: (any PostgresDynamicTypeEncodable) -> String
    ) -> [String] {
        var conditions: [String] = []
        if let terms = query.textTerms {
            conditions.append("search_terms @> \(bind(terms.sorted()))::text[]")
        }
        if let tags = query.tags, !tags.isEmpty {
            conditions.append("snapshot->'tags' @> \(bind(jsonArray(tags.sorted())))::jsonb")
        }
        if let reasons = query.reasons {
            conditions.append("snapshot->>'reason' = ANY(\(bind(reasons.map(\.rawValue).sorted())))")
        }
        if let channels = query.channels {
            conditions.append("snapshot->>'channel' = ANY(\(bind(channels.map(\.rawValue).sorted())))")
        }
        if let priorities = query.priorities {
            conditions.append("snapshot->>'priority' = ANY(\(bind(priorities.map(\.rawValue).sorted())))")
        }
        let created = "(snapshot->>'createdAt')::double precision"
        let updated = "(snapshot->>'updatedAt')::double precision"
        if let from = query.createdFrom { conditions.append("\(created) >= \(bind(from.storedValue))") }
        if let before = query.createdBefore { conditions.append("\(created) < \(bind(before.storedValue))") }
        if let from = query.updatedFrom { conditions.append("\(updated) >= \(bind(from.storedValue))") }
        if let before = query.updatedBefore { conditions.append("\(updated) < \(bind(before.storedValue))") }
        return conditions
    }

    /// Strings as a JSON array, for a `jsonb` containment test.
    private static func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map(CommitDocument.quoted).joined(separator: ",") + "]"
    }

    /// Gives every ticket stored before the search step its `search_terms`, a page at a time. A ticket
    /// written meanwhile keeps the terms its commit wrote: the update only fills a row still at the
    /// version read.
    ///
    /// - Returns: How many tickets got their terms.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    @discardableResult
    func indexUnsearchedTickets() async throws -> Int {
        var indexed = 0
        while true {
            let rows = try await read(
                """
                SELECT snapshot::text FROM \(unescaped: table("tickets"))
                WHERE search_terms IS NULL ORDER BY id LIMIT 200
                """,
                "reading tickets without search terms"
            )
            var tickets: [Ticket] = []
            for try await (text) in rows.decode(String.self) {
                tickets.append(try decode(Ticket.self, from: text))
            }
            guard !tickets.isEmpty else { return indexed }
            try await transaction("giving \(tickets.count) tickets their search terms") { connection in
                for ticket in tickets {
                    try await connection.query(
                        """
                        UPDATE \(unescaped: table("tickets")) SET search_terms = \(Self.searchTerms(of: ticket))
                        WHERE id = \(ticket.id.rawValue) AND version = \(ticket.version) AND search_terms IS NULL
                        """,
                        logger: logger
                    )
                }
            }
            indexed += tickets.count
        }
    }
}
