import Foundation
import SupportEngine

/// The sorting part of the contract: every order lists the same tickets in the same sequence, pages
/// of any size join up to the whole order, a change between pages never repeats or drops a ticket
/// that did not change, and a cursor that no page gave out for the order is refused.
extension TicketStoreConformance {
    /// One ticket of the sort corpus: its priority, the hour it was created (and last changed) and the
    /// hour it is due, from ``ConformanceFixtures/start``.
    struct SortCase {
        let id: String
        let priority: Priority
        let hour: Double
        let dueHour: Double?
    }

    /// Ten tickets whose priorities, update times and due instants tie in pairs and threes.
    static let sortCorpus: [SortCase] = [
        SortCase(id: "S-01", priority: .normal, hour: 5, dueHour: 10),
        SortCase(id: "S-02", priority: .urgent, hour: 3, dueHour: nil),
        SortCase(id: "S-03", priority: .low, hour: 5, dueHour: 2),
        SortCase(id: "S-04", priority: .urgent, hour: 1, dueHour: 4),
        SortCase(id: "S-05", priority: .high, hour: 2, dueHour: 10),
        SortCase(id: "S-06", priority: .normal, hour: 4, dueHour: nil),
        SortCase(id: "S-07", priority: .urgent, hour: 5, dueHour: 4),
        SortCase(id: "S-08", priority: .high, hour: 0, dueHour: nil),
        SortCase(id: "S-09", priority: .normal, hour: 3, dueHour: 10),
        SortCase(id: "S-10", priority: .low, hour: 1, dueHour: nil),
    ]

    /// The corpus in each order, worked out by hand.
    static let sortExpectations: [(TicketSort, [String])] = [
        (.id, ["S-01", "S-02", "S-03", "S-04", "S-05", "S-06", "S-07", "S-08", "S-09", "S-10"]),
        (.due, ["S-03", "S-04", "S-07", "S-01", "S-05", "S-09", "S-02", "S-06", "S-08", "S-10"]),
        (.updatedOldestFirst, ["S-08", "S-04", "S-10", "S-05", "S-02", "S-09", "S-06", "S-01", "S-03", "S-07"]),
        (.updatedNewestFirst, ["S-07", "S-03", "S-01", "S-06", "S-09", "S-02", "S-05", "S-10", "S-04", "S-08"]),
        (.priority, ["S-04", "S-07", "S-02", "S-05", "S-08", "S-01", "S-09", "S-06", "S-03", "S-10"]),
    ]

    static func hours(_ count: Double) -> Date { ConformanceFixtures.start.addingTimeInterval(count * 3600) }

    /// Commits tickets, each from its own member unless `member` is given.
    static func commitSortCorpus(_ corpus: [SortCase], member: String? = nil, to store: any TicketStore) async throws {
        for item in corpus {
            let (ticket, event) = try ConformanceFixtures.creation(
                of: item.id,
                member: member ?? "member-\(item.id)",
                priority: item.priority,
                at: hours(item.hour)
            )
            let write = TicketWrite(
                ticket: ticket,
                expectedVersion: 0,
                events: [event],
                externalKeys: [ExternalMessageKey(channel: .email, externalID: "\(item.id)-ext")],
                dueAt: item.dueHour.map(hours)
            )
            try await store.commit(TicketCommit(writes: [write]))
        }
    }

    /// The tickets a query lists, following ``TicketPage/next`` over every page.
    static func sortedPages(
        _ query: TicketQuery,
        in store: any TicketStore,
        _ expect: ConformanceExpect
    ) async throws -> [StoredTicket] {
        var query = query
        var found: [StoredTicket] = []
        for _ in 0..<1000 {
            let page = try await store.tickets(matching: query)
            try expect.that(
                page.tickets.count <= query.limit,
                "a page of limit \(query.limit) held \(page.tickets.count)"
            )
            found += page.tickets
            try expect.equal(
                page.nextCursor,
                page.next == nil ? nil : page.tickets.last?.ticket.id,
                "nextCursor of a \(query.sort) page"
            )
            guard let next = page.next else { return found }
            try expect.that(!page.tickets.isEmpty, "an empty \(query.sort) page gave a next cursor")
            query.cursor = next
        }
        throw ConformanceFailure(check: expect.check, message: "paging by \(query.sort) did not end in 1000 pages")
    }

    static let sortOrders = Check("each order lists tickets by its key, ties by id, over pages of any size") {
        store,
        expect in
        try await commitSortCorpus(sortCorpus, to: store)
        for (sort, expected) in sortExpectations {
            for limit in [1, 3, 4, 10, 1000] {
                let found = try await sortedPages(TicketQuery(text: nil, sort: sort, limit: limit), in: store, expect)
                try expect.equal(found.map(\.ticket.id.rawValue), expected, "order \(sort), pages of \(limit)")
            }
        }
        let filtered: [(String, TicketQuery, [String])] = [
            (
                "urgent and normal by due", TicketQuery(text: nil, priorities: [.urgent, .normal], sort: .due),
                ["S-04", "S-07", "S-01", "S-09", "S-02", "S-06"]
            ),
            (
                "text by priority", TicketQuery(text: "log in", sort: .priority),
                ["S-04", "S-07", "S-02", "S-05", "S-08", "S-01", "S-09", "S-06", "S-03", "S-10"]
            ),
            (
                "due before hour 5 by priority", TicketQuery(dueBefore: hours(5)).sorted(.priority),
                ["S-04", "S-07", "S-03"]
            ),
            (
                "updated from hour 3, newest first",
                TicketQuery(text: nil, updatedFrom: hours(3), sort: .updatedNewestFirst),
                ["S-07", "S-03", "S-01", "S-06", "S-09", "S-02"]
            ),
        ]
        for (what, query, expected) in filtered {
            for limit in [2, 100] {
                var paged = query
                paged.limit = limit
                let found = try await sortedPages(paged, in: store, expect)
                try expect.equal(found.map(\.ticket.id.rawValue), expected, "\(what), pages of \(limit)")
            }
        }
    }

    static let sortedPagingSurvivesChanges = Check(
        "a ticket changed between pages never repeats or drops a ticket that did not change"
    ) { store, expect in
        let priorities: [Priority] = [.low, .normal, .high, .urgent]
        let corpus = (0..<30).map { index in
            SortCase(
                id: "C-\(index < 10 ? "0" : "")\(index)",
                priority: priorities[(index * 7) % 4],
                hour: Double((index * 5) % 6),
                dueHour: index % 5 == 0 ? nil : Double((index * 3) % 8)
            )
        }
        // Each order reads its own copy of the corpus, told apart by the requester.
        for sort in TicketSort.allCases {
            let member = "member-\(sort)"
            let copy = corpus.map {
                SortCase(id: "\(sort)-\($0.id)", priority: $0.priority, hour: $0.hour, dueHour: $0.dueHour)
            }
            try await commitSortCorpus(copy, member: member, to: store)
            let query = TicketQuery(text: nil, requester: MemberID(member), sort: sort, limit: 7)
            let first = try await store.tickets(matching: query)
            let cursor = try expect.require(first.next, "the next cursor of the first \(sort) page")
            var second = query
            second.cursor = cursor
            // Move a ticket of the first page to the end of every order and a ticket of the second page
            // to the front, then add a ticket, all before the second page is read.
            let read = try expect.require(first.tickets.first, "a ticket on the first \(sort) page")
            let unread = try expect.require(
                try await store.tickets(matching: second).tickets.last,
                "a ticket on the second \(sort) page"
            )
            let moves: [(StoredTicket, Priority, Double, Double?)] = [(read, .low, 9, nil), (unread, .urgent, 8, -1)]
            var changed: Set<String> = []
            for (stored, priority, hour, due) in moves {
                let write = try ConformanceFixtures.change(
                    stored.ticket,
                    stored.ticket.priority == priority ? .addTags(["moved"]) : .setPriority(priority),
                    at: hours(hour),
                    dueAt: due.map(hours)
                )
                try await store.commit(TicketCommit(writes: [write]))
                changed.insert(stored.ticket.id.rawValue)
            }
            let added = SortCase(id: "\(sort)-C-99", priority: .high, hour: 2, dueHour: 3)
            try await commitSortCorpus([added], member: member, to: store)
            changed.insert(added.id)
            let later = try await sortedPages(second, in: store, expect)
            let unchanged = (first.tickets + later).filter { !changed.contains($0.ticket.id.rawValue) }
            let ids = unchanged.map(\.ticket.id.rawValue)
            try expect.equal(ids.count, Set(ids).count, "unchanged tickets listed twice in the \(sort) order")
            try expect.equal(ids.count, corpus.count - 2, "unchanged tickets listed in the \(sort) order")
            let inOrder = zip(unchanged, unchanged.dropFirst()).allSatisfy { sort.orders($0, before: $1) }
            try expect.that(inOrder, "unchanged tickets out of the \(sort) order: \(ids)")
        }
    }

    static let badCursorsRefused = Check("a cursor that is malformed, altered or of another order is refused") {
        store,
        expect in
        try await commitSortCorpus(sortCorpus, to: store)
        let page = try await store.tickets(matching: TicketQuery(text: nil, sort: .due, limit: 2))
        let cursor = try expect.require(page.next, "the next cursor of a due page")
        let text = cursor.rawValue
        var altered = Array(text.utf8)
        altered[altered.count / 3] =
            altered[altered.count / 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let refused: [(String, TicketQuery)] = [
            ("an empty cursor", TicketQuery(text: nil, sort: .due, cursor: TicketCursor(rawValue: ""))),
            ("a made-up cursor", TicketQuery(text: nil, sort: .due, cursor: TicketCursor(rawValue: "page-2"))),
            (
                "a cut cursor",
                TicketQuery(text: nil, sort: .due, cursor: TicketCursor(rawValue: String(text.dropLast(3))))
            ),
            (
                "an edited cursor",
                TicketQuery(
                    text: nil,
                    sort: .due,
                    cursor: TicketCursor(rawValue: String(decoding: altered, as: UTF8.self))
                )
            ),
            (
                "a huge cursor",
                TicketQuery(text: nil, sort: .due, cursor: TicketCursor(rawValue: String(repeating: "A", count: 5000)))
            ),
            ("a due cursor in the priority order", TicketQuery(text: nil, sort: .priority, cursor: cursor)),
            ("a due cursor in the id order", TicketQuery(text: nil, cursor: cursor)),
            ("`after` in the due order", TicketQuery(text: nil, after: "S-03", sort: .due)),
            ("`after` and a cursor", TicketQuery(text: nil, after: "S-03", sort: .due, cursor: cursor)),
        ]
        for (what, query) in refused {
            try await expect.storeError(.invalidQuery, what) { _ = try await store.tickets(matching: query) }
        }
        let next = try await store.tickets(matching: TicketQuery(text: nil, sort: .due, cursor: cursor, limit: 2))
        try expect.equal(next.tickets.map(\.ticket.id.rawValue), ["S-07", "S-01"], "the page after the cursor")
    }
}

extension TicketQuery {
    /// The query in another order.
    fileprivate func sorted(_ sort: TicketSort) -> TicketQuery {
        var query = self
        query.sort = sort
        return query
    }
}
