import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Search by text and fields: the in-memory store's term index must answer exactly as a scan with
/// `TicketQuery.matches` does, built before or after the tickets, through new messages and merges.
@Suite("Ticket search")
struct TicketSearchTests {
    static let words = [
        "payment", "payments", "Pago", "pagos", "оплата", "оплаты", "ёлка", "елки", "login", "canción", "cancion",
        "refund", "twice", "webinar", "вебинар", "suscripción",
    ]

    @Test("the term index answers as a scan does, through random messages, tags and status changes")
    func indexMatchesScan() async throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("TicketSearchTests seed \(seed)")
        var random = SplitMix64(seed: seed)
        let store = InMemoryTicketStore()
        let clock = ManualClock()
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(storeScanInterval: nil, routing: RoutingSettings(autoAssign: false)),
            ids: SequentialIDGenerator()
        )
        func phrase() -> String {
            (0..<(1 + Int(random.next() % 3))).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }
                .joined(separator: " ")
        }
        var tickets: [TicketID] = []
        for step in 0..<240 {
            clock.advance(by: 60)
            if step == 120 {
                // The first text query builds the index half-way; later commits must keep it current.
                _ = try await store.tickets(matching: TicketQuery(text: "payment"))
            }
            switch random.next() % 4 {
            case 0 where !tickets.isEmpty:
                let id = tickets[Int(random.next() % UInt64(tickets.count))]
                _ = try? await desk.addInternalNote(to: id, body: phrase(), by: .agent("olga"))
            case 1 where !tickets.isEmpty:
                let id = tickets[Int(random.next() % UInt64(tickets.count))]
                let status: TicketStatus = [.open, .pending, .solved][Int(random.next() % 3)]
                _ = try? await desk.setStatus(status, of: id, by: .agent("olga"))
            default:
                let outcome = try await desk.receive(
                    InboundMessage(
                        channel: .email,
                        externalID: "m-\(step)",
                        sender: MemberID("member-\(step % 30)"),
                        subject: phrase(),
                        body: phrase(),
                        receivedAt: clock.now
                    )
                )
                if !tickets.contains(outcome.ticket.id) { tickets.append(outcome.ticket.id) }
            }
        }
        let everything = try await store.tickets(matching: TicketQuery(limit: 1000)).tickets
        for word in Self.words + ["payment cancion", "оплата елка", "Login"] {
            for statuses in [nil, [.new, .open]] as [Set<TicketStatus>?] {
                let query = TicketQuery(text: word, statuses: statuses, limit: 4)
                let scanned = everything.filter(query.matches).map(\.ticket.id)
                var paged: [TicketID] = []
                var cursor: TicketID?
                repeat {
                    var next = query
                    next.after = cursor
                    let page = try await store.tickets(matching: next)
                    paged += page.tickets.map(\.ticket.id)
                    cursor = page.nextCursor
                } while cursor != nil
                #expect(paged == scanned, "seed \(seed): '\(word)' in \(String(describing: statuses))")
            }
        }
        let payments = everything.filter(TicketQuery(text: "PAYMENTS").matches).count
        #expect(payments == everything.filter(TicketQuery(text: "payment").matches).count, "seed \(seed)")
    }

    @Test("an internal note is found by search; the ticket number is a search term")
    func notesAndNumbers() async throws {
        let harness = DeskHarness()
        let outcome = try await harness.desk.receive(harness.message("m-1", body: "Hello, my login is broken"))
        _ = try await harness.desk.addInternalNote(
            to: outcome.ticket.id,
            body: "Provider says the double charge is refunded",
            by: DeskHarness.agent
        )
        let byNote = try await harness.desk.tickets(matching: TicketQuery(text: "charges refunded"))
        #expect(byNote.tickets.map(\.ticket.id) == [outcome.ticket.id])
        let number = try #require(outcome.ticket.number)
        let byNumber = try await harness.desk.tickets(matching: TicketQuery(text: "#\(number.rawValue)"))
        #expect(byNumber.tickets.map(\.ticket.id) == [outcome.ticket.id])
    }

    @Test(
        "the search checks fail on a store that ignores the text",
        arguments: [
            "text search folds case, accents and ё, and matches word forms",
            "search combines text with tags, reasons, channels, priorities and dates",
            "a search sees a ticket's new messages and forgets edited-away tags",
            "a search with no words, too long a text or an empty range is refused",
        ]
    )
    func checksCanFail(_ name: String) async throws {
        let check = try #require(TicketStoreConformance.checks.first { $0.name == name })
        await #expect(throws: (any Error).self) {
            try await check.run(against: TextIgnoringStore())
        }
    }
}

/// A store that drops a query's text and field conditions, as a careless adapter might.
private actor TextIgnoringStore: ForwardingTicketStore {
    let base = InMemoryTicketStore()

    func tickets(matching query: TicketQuery) async throws -> TicketPage {
        try await base.tickets(
            matching: TicketQuery(
                statuses: query.statuses,
                assignee: query.assignee,
                requester: query.requester,
                dueBefore: query.dueBefore,
                after: query.after,
                limit: min(max(query.limit, 1), TicketQuery.maximumLimit)
            )
        )
    }
}
