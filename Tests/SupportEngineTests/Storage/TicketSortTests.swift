import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Sorted queries: the in-memory store's order indexes must answer exactly as a scan sorted with
/// `TicketSort.orders` does, built before or after the tickets and kept through every change; cursors
/// carry their key exactly and refuse anything else.
@Suite("Ticket sort")
struct TicketSortTests {
    static let start = Date(timeIntervalSince1970: 1_767_603_600)
    static let words = ["payment", "login", "webinar", "оплата", "canción"]

    @Test("the order indexes answer as a sorted scan does, through random creations and changes")
    func indexesMatchScan() async throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("TicketSortTests seed \(seed)")
        var random = SplitMix64(seed: seed)
        let store = InMemoryTicketStore()
        var tickets: [Ticket] = []
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        for step in 0..<400 {
            // Whole minutes, so that update times and due instants tie often.
            let at = Self.start.addingTimeInterval(Double(random.next() % 60) * 60)
            let due: Date? =
                random.next() % 4 == 0 ? nil : Self.start.addingTimeInterval(Double(random.next() % 20) * 600)
            if step == 150 {
                // The first sorted queries build the indexes part-way; later commits must keep them current.
                for sort in TicketSort.allCases {
                    _ = try await store.tickets(matching: TicketQuery(text: nil, sort: sort))
                }
            }
            if tickets.isEmpty || random.next() % 3 != 0 {
                let id = TicketID(String(format: "T-%03d", random.next() % 1000))
                guard !tickets.contains(where: { $0.id == id }) else { continue }
                let member = MemberID("member-\(random.next() % 5)")
                let creation = TicketCreation(
                    requester: member,
                    subject: pick(Self.words),
                    channel: .email,
                    reason: .access,
                    priority: pick(Priority.allCases),
                    firstMessage: TicketMessage(
                        id: MessageID("\(id)-m1"),
                        kind: .memberMessage,
                        author: .member(member),
                        body: pick(Self.words),
                        at: at,
                        channel: .email
                    )
                )
                let (ticket, event) = try TicketRules.create(creation, id: id, by: .member(member), at: at)
                try await store.commit(
                    TicketCommit(writes: [TicketWrite(ticket: ticket, expectedVersion: 0, events: [event], dueAt: due)])
                )
                tickets.append(ticket)
            } else {
                let index = Int(random.next() % UInt64(tickets.count))
                let commands: [TicketCommand] = [
                    .setPriority(pick(Priority.allCases)), .assign(pick(["anna", "ivan", nil])),
                    .setStatus(pick([.open, .pending, .solved])),
                    .internalNote(MessageDraft(id: MessageID("n-\(step)"), body: pick(Self.words))),
                ]
                guard
                    let (next, events) = try? TicketRules.execute(
                        pick(commands),
                        on: tickets[index],
                        by: .agent("olga"),
                        at: at
                    )
                else { continue }
                try await store.commit(
                    TicketCommit(
                        writes: [
                            TicketWrite(
                                ticket: next,
                                expectedVersion: tickets[index].version,
                                events: events,
                                dueAt: due
                            )
                        ]
                    )
                )
                tickets[index] = next
            }
        }
        let everything = try await store.tickets(matching: TicketQuery(limit: 1000)).tickets
        let queries: [TicketQuery] = [
            TicketQuery(text: nil), TicketQuery(text: nil, statuses: [.new, .open]),
            TicketQuery(text: nil, priorities: [.urgent, .low]), TicketQuery(text: "payment"),
            TicketQuery(text: "оплата", statuses: [.open]),
            TicketQuery(text: nil, statuses: [.new, .open], assignee: "anna"),
            TicketQuery(dueBefore: Self.start.addingTimeInterval(5000)), TicketQuery(text: nil, requester: "member-2"),
        ]
        for base in queries {
            for sort in TicketSort.allCases {
                for limit in [1, 7, 1000] {
                    var query = base
                    query.sort = sort
                    query.limit = limit
                    let scanned = everything.filter(query.matches).sorted { sort.orders($0, before: $1) }
                    var paged: [StoredTicket] = []
                    var pages = 0
                    repeat {
                        let page = try await store.tickets(matching: query)
                        paged += page.tickets
                        query.cursor = page.next
                        pages += 1
                    } while query.cursor != nil && pages < 2000
                    #expect(
                        paged.map(\.ticket.id) == scanned.map(\.ticket.id),
                        "seed \(seed): \(sort), limit \(limit), \(base)"
                    )
                }
            }
        }
    }

    @Test("a cursor carries its order and key exactly, whatever the id holds")
    func cursorRoundTrip() throws {
        let due = Date(timeIntervalSinceReferenceDate: 788_000_123.456_789_1)
        let ids: [TicketID] = ["T-1", "a|b|c", "ёлка/+=?", "T.2.3"]
        for id in ids {
            let keys = [
                TicketSortKey(id: id),
                TicketSortKey(try stored(id, priority: .high, due: due), in: .due),
                TicketSortKey(try stored(id, priority: .high, due: nil), in: .due),
                TicketSortKey(try stored(id, priority: .high, due: due), in: .updatedNewestFirst),
                TicketSortKey(try stored(id, priority: .high, due: due), in: .updatedOldestFirst),
                TicketSortKey(try stored(id, priority: .low, due: nil), in: .priority),
                TicketSortKey(try stored(id, priority: .urgent, due: due), in: .priority),
            ]
            for key in keys {
                let cursor = TicketCursor(after: key)
                #expect(try cursor.key() == key)
                #expect(cursor.rawValue.utf8.allSatisfy { $0 < 0x80 && !"+/=&?# ".utf8.contains($0) }, "\(cursor)")
                #expect(try TicketCursor(rawValue: cursor.rawValue).key() == key)
            }
        }
    }

    @Test("a cursor's error says what to do")
    func cursorErrors() throws {
        let cursor = TicketCursor(after: TicketSortKey(try stored("T-1", priority: .high, due: nil), in: .due))
        let edited = TicketCursor(rawValue: "x" + cursor.rawValue.dropFirst())
        let error = try #require(throws: StoreError.self) { try edited.key() }
        #expect(error.code == .invalidQuery)
        #expect(error.message.contains("unchanged"))
        let foreign = TicketQuery(text: nil, sort: .priority, cursor: cursor)
        let mismatch = try #require(throws: StoreError.self) { try foreign.validate() }
        #expect(mismatch.message.contains("'due'") && mismatch.message.contains("'priority'"))
    }

    @Test("an id-order page made the old way gives a cursor the id order takes")
    func oldPagesGiveCursors() async throws {
        let page = TicketPage(tickets: [], nextCursor: "T-7")
        let next = try #require(page.next)
        let query = TicketQuery(text: nil, cursor: next)
        #expect(try query.startKey() == TicketSortKey(id: "T-7"))
        #expect(TicketPage(tickets: [], nextCursor: nil).next == nil)
    }

    @Test(
        "the sort checks fail on a store that ignores the order",
        arguments: [
            "each order lists tickets by its key, ties by id, over pages of any size",
            "a ticket changed between pages never repeats or drops a ticket that did not change",
            "a cursor that is malformed, altered or of another order is refused",
        ]
    )
    func checksCanFail(_ name: String) async throws {
        let check = try #require(TicketStoreConformance.checks.first { $0.name == name })
        await #expect(throws: (any Error).self) {
            try await check.run(against: OrderIgnoringStore())
        }
    }

    private func stored(_ id: TicketID, priority: Priority, due: Date?) throws -> StoredTicket {
        let member = MemberID("m")
        let creation = TicketCreation(
            requester: member,
            subject: "Hello",
            channel: .email,
            reason: .access,
            priority: priority,
            firstMessage: TicketMessage(
                id: "m1",
                kind: .memberMessage,
                author: .member(member),
                body: "Hi",
                at: Self.start,
                channel: .email
            )
        )
        let ticket = try TicketRules.create(creation, id: id, by: .member(member), at: Self.start).0
        return StoredTicket(ticket: ticket, dueAt: due)
    }
}

/// A store that lists every query by id, whatever order it asks for, as a careless adapter might.
private actor OrderIgnoringStore: ForwardingTicketStore {
    let base = InMemoryTicketStore()

    func tickets(matching query: TicketQuery) async throws -> TicketPage {
        var byID = query
        byID.sort = .id
        byID.cursor = query.cursor.flatMap { try? $0.key() }.map { TicketCursor(after: TicketSortKey(id: $0.id)) }
        if query.cursor != nil { byID.after = nil }
        return try await base.tickets(matching: byID)
    }
}
