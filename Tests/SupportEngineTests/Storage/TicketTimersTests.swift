import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// `InMemoryTicketStore` answers `ticketTimers(dueBefore:after:limit:)` from its due index; it must list
/// exactly what `tickets(matching:)` with the same due query lists, page by page, through random moves of
/// the due instants. The default implementation (any store that does not override it) must keep the
/// same contract.
@Suite("Ticket timers")
struct TicketTimersTests {
    private static let start = Date(timeIntervalSince1970: 1_767_603_600)

    private static func newTicket(_ index: Int) throws -> (Ticket, TicketEvent) {
        let member = MemberID("member-\(index % 7)")
        let message = TicketMessage(
            id: MessageID("m-\(index)"),
            kind: .memberMessage,
            author: .member(member),
            body: "Question \(index)",
            at: start,
            channel: .email,
            externalID: "x-\(index)"
        )
        let creation = TicketCreation(
            requester: member,
            subject: "Question",
            channel: .email,
            reason: .access,
            priority: .normal,
            firstMessage: message
        )
        return try TicketRules.create(creation, id: TicketID("T-\(index)"), by: .member(member), at: start)
    }

    @Test("the due index lists what a due query lists, through random moves")
    func indexMatchesQuery() async throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("TicketTimersTests seed \(seed)")
        var random = SplitMix64(seed: seed)
        // Through the protocol, as the desk calls it: on the concrete type the call resolves to the default.
        let store: any TicketStore = InMemoryTicketStore()
        var tickets: [Ticket] = []
        func randomDue() -> Date? {
            random.next() % 5 == 0 ? nil : Self.start.addingTimeInterval(Double(random.next() % 50) * 60)
        }
        for index in 0..<120 {
            let (ticket, event) = try Self.newTicket(index)
            try await store.commit(
                TicketCommit(writes: [
                    TicketWrite(ticket: ticket, expectedVersion: 0, events: [event], dueAt: randomDue())
                ])
            )
            tickets.append(ticket)
        }
        for round in 0..<40 {
            // Move a few instants (later, earlier, back to an earlier value, or to none).
            for step in 0..<10 {
                let position = Int(random.next() % UInt64(tickets.count))
                let (next, events) = try TicketRules.execute(
                    .addTags(["step-\(round)-\(step)"]),
                    on: tickets[position],
                    by: .agent("anna"),
                    at: Self.start
                )
                try await store.commit(
                    TicketCommit(
                        writes: [
                            TicketWrite(
                                ticket: next,
                                expectedVersion: tickets[position].version,
                                events: events,
                                dueAt: randomDue()
                            )
                        ]
                    )
                )
                tickets[position] = next
            }
            let horizon = Self.start.addingTimeInterval(Double(random.next() % 55) * 60)
            let limit = Int(random.next() % 40) + 1
            var expected: [TicketTimer] = []
            var queryCursor: TicketID?
            repeat {
                let page = try await store.tickets(
                    matching: TicketQuery(dueBefore: horizon, after: queryCursor, limit: limit)
                )
                expected += page.tickets.map { TicketTimer(ticketID: $0.ticket.id, dueAt: $0.dueAt ?? .distantPast) }
                queryCursor = page.nextCursor
            } while queryCursor != nil
            var listed: [TicketTimer] = []
            var cursor: TicketID?
            repeat {
                let page = try await store.ticketTimers(dueBefore: horizon, after: cursor, limit: limit)
                #expect(page.count <= limit)
                listed += page
                cursor = page.count == limit ? page.last?.ticketID : nil
            } while cursor != nil
            #expect(listed == expected, "round \(round), horizon \(horizon), limit \(limit), seed \(seed)")
        }
    }

    @Test("pages read between commits follow the commits")
    func pagesFollowCommits() async throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("TicketTimersTests.pagesFollowCommits seed \(seed)")
        var random = SplitMix64(seed: seed)
        // Through the protocol, as the desk calls it: on the concrete type the call resolves to the default.
        let store: any TicketStore = InMemoryTicketStore()
        var tickets: [Ticket] = []
        func randomDue() -> Date? {
            random.next() % 6 == 0 ? nil : Self.start.addingTimeInterval(Double(random.next() % 40) * 60)
        }
        for index in 0..<90 {
            let (ticket, event) = try Self.newTicket(index)
            try await store.commit(
                TicketCommit(writes: [
                    TicketWrite(ticket: ticket, expectedVersion: 0, events: [event], dueAt: randomDue())
                ])
            )
            tickets.append(ticket)
        }
        for round in 0..<30 {
            let horizon = Self.start.addingTimeInterval(Double(random.next() % 45) * 60)
            let limit = Int(random.next() % 12) + 1
            var cursor: TicketID?
            var pages = 0
            repeat {
                if pages > 0, random.next() % 2 == 0 {
                    // A commit between two pages: the next page must show it.
                    let position = Int(random.next() % UInt64(tickets.count))
                    let (next, events) = try TicketRules.execute(
                        .addTags(["page-\(round)-\(pages)"]),
                        on: tickets[position],
                        by: .agent("anna"),
                        at: Self.start
                    )
                    let write = TicketWrite(
                        ticket: next,
                        expectedVersion: tickets[position].version,
                        events: events,
                        dueAt: randomDue()
                    )
                    try await store.commit(TicketCommit(writes: [write]))
                    tickets[position] = next
                }
                let expected = try await store.tickets(
                    matching: TicketQuery(dueBefore: horizon, after: cursor, limit: limit)
                )
                .tickets.map { TicketTimer(ticketID: $0.ticket.id, dueAt: $0.dueAt ?? .distantPast) }
                let page = try await store.ticketTimers(dueBefore: horizon, after: cursor, limit: limit)
                #expect(page == expected, "round \(round), page \(pages), seed \(seed)")
                cursor = page.count == limit ? page.last?.ticketID : nil
                pages += 1
            } while cursor != nil
        }
    }

    @Test("the default implementation keeps the contract")
    func defaultImplementation() async throws {
        // The fault-injecting store (with no faults) does not override ticketTimers: it gets the default,
        // which reads tickets(matching:).
        let check = try #require(TicketStoreConformance.checks.first { $0.name.hasPrefix("timers:") })
        try await check.run(against: FaultInjectingTicketStore(wrapping: InMemoryTicketStore(), seed: 1, rate: 0))
    }
}
