import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// The due instant as the orders compare it: tickets without one after every instant. Migration
    /// step 8 indexes this very text; change neither alone.
    static let dueSortKey = "COALESCE(due_at, 'Infinity'::double precision)"
    /// The last change, from the snapshot (seconds since the reference date). Indexed by step 8.
    static let updatedSortKey = "(snapshot->>'updatedAt')::double precision"
    /// The priority as a number that grows as it gets less urgent: 0 for urgent to 3 for low. Indexed by
    /// step 8.
    static let urgencySortKey =
        "CASE snapshot->>'priority' WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END"

    /// The `ORDER BY` list of an order, each key ending with the id.
    static func orderBy(_ sort: TicketSort) -> String {
        switch sort {
        case .id: "id"
        case .due: "\(dueSortKey), id"
        case .updatedOldestFirst: "\(updatedSortKey), id"
        case .updatedNewestFirst: "\(updatedSortKey) DESC, id DESC"
        case .priority: "\(urgencySortKey), \(dueSortKey), id"
        }
    }

    /// The keyset condition that starts a page right after `start`: one row comparison over the order's
    /// index columns, so the database reads the index from the cursor's key on.
    ///
    /// - Parameters:
    ///   - start: The key of the previous page's last ticket.
    ///   - bind: Adds a value to the statement's bindings and returns its placeholder.
    /// - Returns: The condition.
    static func keysetCondition(
        after start: TicketSortKey,
        bind: (any PostgresDynamicTypeEncodable) -> String
    ) -> String {
        func due() -> String { "\(bind(start.dueAt?.storedValue ?? .infinity))::double precision" }
        func updated() -> String { "\(bind(start.updatedAt?.storedValue ?? 0))::double precision" }
        func id() -> String { bind(start.id.rawValue) }
        switch start.sort {
        case .id:
            return "id > \(id())"
        case .due:
            return "(\(dueSortKey), id) > (\(due()), \(id()))"
        case .updatedOldestFirst:
            return "(\(updatedSortKey), id) > (\(updated()), \(id()))"
        case .updatedNewestFirst:
            return "(\(updatedSortKey), id) < (\(updated()), \(id()))"
        case .priority:
            let urgency = "\(bind(3 - (start.priority ?? .low).rank))::integer"
            return "(\(urgencySortKey), \(dueSortKey), id) > (\(urgency), \(due()), \(id()))"
        }
    }
}
