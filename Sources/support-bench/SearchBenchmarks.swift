import Foundation
import SupportEngine

/// Search figures on an in-memory store of 100,000 tickets written in English, Spanish and Russian.
///
/// - `search.index.100k`: building the term index, which the first text query does (ms, once).
/// - `search.text.100k`: one text query's first page of 50, averaged over rare, common and absent
///   words, one and two at a time (µs per query).
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
        guard benchmark.selects("search.index.100k") || benchmark.selects("search.text.100k") else { return }
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
                priority: .normal,
                firstMessage: message
            )
            let id = TicketID(String(format: "T-%06d", index))
            let (ticket, event) = try TicketRules.create(creation, id: id, by: .member(member), at: at)
            try await store.commit(
                TicketCommit(writes: [TicketWrite(ticket: ticket, expectedVersion: 0, events: [event])])
            )
        }
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

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
