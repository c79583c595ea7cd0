import Foundation
import SupportEngine

/// Search figures on an in-memory store of 100,000 tickets written in English, Spanish and Russian.
///
/// - `search.index.100k`: building the term index, which the first text query does (ms, once).
/// - `search.text.100k`: one text query's first page of 50, averaged over rare, common and absent
///   words, one and two at a time (µs per query).
/// - `search.sorted.index.100k`: building the priority order's index, which the first query in that
///   order does (ms, once).
/// - `search.sorted.100k`: the first page of 50 open tickets, urgent first then by due time (µs per
///   query).
enum SearchBenchmarks {
    static let vocabulary: [String] = {
        let stems = [
            "payment", "refund", "login", "password", "webinar", "recording", "course", "module", "invoice",
            "subscription", "card", "charge", "access", "account", "lesson", "video", "certificate", "renewal",
            "pago", "suscripción", "canción", "módulo", "factura", "contraseña", "acceso", "cuenta", "clase",
            "оплата", "подписка", "вебинар", "запись", "курс", "доступ", "пароль", "урок", "счёт", "возврат",
        ]
        var words = stems
        for index in 0..<1500 { words.append("word\(index)") }
        return words
    }()

    static func run(_ benchmark: Benchmark) async throws {
        guard ["search.index.100k", "search.text.100k", "search.sorted"].contains(where: benchmark.selects) else {
            return
        }
        let store = InMemoryTicketStore()
        var random = SplitMix64(seed: 42)
        let start = Date(timeIntervalSince1970: 1_767_603_600)
        for index in 0..<100_000 {
            // Zipf-like: low word indexes are common, the tail is rare.
            func word() -> String {
                let pick = Int(Double(vocabulary.count) * pow(Double(random.next() % 10_000) / 10_000, 3))
                return vocabulary[pick]
            }
            let body = (0..<24).map { _ in word() }.joined(separator: " ")
            let member = MemberID("member-\(index % 5000)")
            let at = start.addingTimeInterval(Double(index))
            let message = TicketMessage(
                id: MessageID("m-\(index)"),
                kind: .memberMessage,
                author: .member(member),
                body: body,
                at: at,
                channel: .email
            )
            let creation = TicketCreation(
                requester: member,
                subject: "\(word()) \(word())",
                channel: .email,
                reason: .access,
                priority: Priority.allCases[Int(random.next() % 4)],
                firstMessage: message
            )
            let id = TicketID(String(format: "T-%06d", index))
            let (ticket, event) = try TicketRules.create(creation, id: id, by: .member(member), at: at)
            // A due instant within a day for most tickets, none for every tenth.
            let due = random.next() % 10 == 0 ? nil : at.addingTimeInterval(Double(random.next() % 86_400))
            try await store.commit(
                TicketCommit(writes: [TicketWrite(ticket: ticket, expectedVersion: 0, events: [event], dueAt: due)])
            )
        }
        try await runSorted(benchmark, on: store)
        let clock = ContinuousClock()
        let buildStart = clock.now
        _ = try await store.tickets(matching: TicketQuery(text: "payment", limit: 1))
        if benchmark.selects("search.index.100k") {
            benchmark.report(
                "search.index.100k",
                milliseconds(clock.now - buildStart),
                "ms",
                operation: "building the term index of 100,000 tickets (subject and a 24-word message each)"
            )
        }
        guard benchmark.selects("search.text.100k") else { return }
        let queries = [
            "payment", "оплата", "suscripcion", "word1400", "word700 word20", "refund login", "nothing-here",
            "ОПЛАТЫ возврат", "pagos factura", "word3 word4",
        ]
        let rounds = 20
        var best = Double.infinity
        for _ in 0..<3 {
            let roundStart = clock.now
            for _ in 0..<rounds {
                for text in queries {
                    blackHole(try await store.tickets(matching: TicketQuery(text: text, limit: 50)))
                }
            }
            best = min(best, milliseconds(clock.now - roundStart) * 1000 / Double(rounds * queries.count))
        }
        benchmark.report(
            "search.text.100k",
            best,
            "µs",
            operation: "one text query's first page of 50 over 100,000 tickets, rare, common and absent words"
        )
    }

    /// The priority order's figures, on the store of 100,000 tickets.
    private static func runSorted(_ benchmark: Benchmark, on store: InMemoryTicketStore) async throws {
        guard benchmark.selects("search.sorted") else { return }
        let clock = ContinuousClock()
        let query = TicketQuery(text: nil, statuses: [.new, .open], sort: .priority, limit: 50)
        let buildStart = clock.now
        let first = try await store.tickets(matching: query)
        let build = milliseconds(clock.now - buildStart)
        guard first.tickets.count == 50, first.tickets.allSatisfy({ $0.ticket.priority == .urgent }) else {
            throw StoreError(.unavailable, "the priority order's first page is not 50 urgent tickets")
        }
        if benchmark.selects("search.sorted.index.100k") {
            benchmark.report(
                "search.sorted.index.100k",
                build,
                "ms",
                operation: "the first priority-ordered query over 100,000 tickets, which builds the order's index"
            )
        }
        guard benchmark.selects("search.sorted.100k") else { return }
        let rounds = 2000
        var best = Double.infinity
        for _ in 0..<3 {
            let roundStart = clock.now
            for _ in 0..<rounds { blackHole(try await store.tickets(matching: query)) }
            best = min(best, milliseconds(clock.now - roundStart) * 1000 / Double(rounds))
        }
        benchmark.report(
            "search.sorted.100k",
            best,
            "µs",
            operation: "the first page of 50 open tickets over 100,000, urgent first, then by due time"
        )
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
