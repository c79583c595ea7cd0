import Foundation

/// The order a ticket query lists its tickets in.
///
/// Every order is total: tickets that agree on the order's key follow each other by ticket id, so a
/// ticket has one place in the order and paging with a ``TicketCursor`` never skips or repeats a
/// ticket that did not change between the pages.
///
/// | Order | Tickets first | Ties |
/// |---|---|---|
/// | ``id`` | the smallest id | — |
/// | ``due`` | the earliest ``StoredTicket/dueAt``; tickets without one last | id |
/// | ``updatedNewestFirst`` | the latest `Ticket.updatedAt` | id, largest first |
/// | ``updatedOldestFirst`` | the earliest `Ticket.updatedAt` | id |
/// | ``priority`` | the most urgent `Ticket.priority`, then the earliest due instant (none last) | id |
public enum TicketSort: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// By ticket id, smallest first: the order of ``TicketQuery/after`` paging.
    case id
    /// By the stored due instant, earliest first; tickets without one come last.
    case due
    /// By the time of the last change, newest first.
    case updatedNewestFirst = "updated"
    /// By the time of the last change, oldest first.
    case updatedOldestFirst = "updated_oldest"
    /// By priority, urgent first; within a priority by due instant (none last).
    case priority

    /// The order's stable name: `id`, `due`, `updated`, `updated_oldest` or `priority`.
    public var description: String { rawValue }

    /// Whether `first` comes before `second` in this order.
    ///
    /// Adapters that sort in memory can use it; SQL adapters translate the same order.
    ///
    /// - Parameters:
    ///   - first: A ticket.
    ///   - second: Another ticket.
    /// - Returns: `true` when `first` is listed before `second`.
    public func orders(_ first: StoredTicket, before second: StoredTicket) -> Bool {
        TicketSortKey(first, in: self) < TicketSortKey(second, in: self)
    }
}

/// A ticket's place in one ``TicketSort``: the values the order compares, ending with the ticket's id.
///
/// A ``TicketCursor`` carries the key of the last ticket of a page; the next page starts at the first
/// ticket whose key is greater. Keys of one order compare with `<` in listing order (so for
/// ``TicketSort/updatedNewestFirst`` a later update is the smaller key).
public struct TicketSortKey: Sendable, Hashable, Comparable {
    /// The order the key belongs to.
    public let sort: TicketSort
    /// The ticket's id: the last thing the order compares.
    public let id: TicketID
    /// The ticket's priority, in ``TicketSort/priority``; `nil` in the other orders.
    public let priority: Priority?
    /// The ticket's due instant, in ``TicketSort/due`` and ``TicketSort/priority``; `nil` there for a
    /// ticket without one, and in the other orders.
    public let dueAt: Date?
    /// The ticket's last change, in the two update orders; `nil` in the others.
    public let updatedAt: Date?

    /// The key of a stored ticket in an order.
    ///
    /// - Parameters:
    ///   - stored: The ticket.
    ///   - sort: The order.
    public init(_ stored: StoredTicket, in sort: TicketSort) {
        let ticket = stored.ticket
        switch sort {
        case .id:
            self.init(sort: sort, id: ticket.id)
        case .due:
            self.init(sort: sort, id: ticket.id, dueAt: stored.dueAt)
        case .updatedNewestFirst, .updatedOldestFirst:
            self.init(sort: sort, id: ticket.id, updatedAt: ticket.updatedAt)
        case .priority:
            self.init(sort: sort, id: ticket.id, priority: ticket.priority, dueAt: stored.dueAt)
        }
    }

    /// The key of the ticket `id` in the id order.
    ///
    /// - Parameter id: The ticket's id.
    public init(id: TicketID) {
        self.init(sort: .id, id: id)
    }

    init(sort: TicketSort, id: TicketID, priority: Priority? = nil, dueAt: Date? = nil, updatedAt: Date? = nil) {
        self.sort = sort
        self.id = id
        self.priority = sort == .priority ? (priority ?? .low) : nil
        self.dueAt = dueAt
        self.updatedAt = updatedAt
    }

    /// The due instant as the orders compare it: a ticket without one after every instant.
    var dueValue: Double { dueAt?.timeIntervalSinceReferenceDate ?? .infinity }

    /// The update instant as the update orders compare it.
    var updatedValue: Double { updatedAt?.timeIntervalSinceReferenceDate ?? 0 }

    /// Whether `lhs` comes before `rhs` in their order. Keys of different orders compare by order name
    /// first; a query never mixes them.
    public static func < (lhs: TicketSortKey, rhs: TicketSortKey) -> Bool {
        guard lhs.sort == rhs.sort else { return lhs.sort.rawValue < rhs.sort.rawValue }
        switch lhs.sort {
        case .id:
            return lhs.id < rhs.id
        case .due:
            return (lhs.dueValue, lhs.id) < (rhs.dueValue, rhs.id)
        case .updatedOldestFirst:
            return (lhs.updatedValue, lhs.id) < (rhs.updatedValue, rhs.id)
        case .updatedNewestFirst:
            return (rhs.updatedValue, rhs.id) < (lhs.updatedValue, lhs.id)
        case .priority:
            let left = lhs.priority?.rank ?? 0
            let right = rhs.priority?.rank ?? 0
            return (right, lhs.dueValue, lhs.id) < (left, rhs.dueValue, rhs.id)
        }
    }
}
