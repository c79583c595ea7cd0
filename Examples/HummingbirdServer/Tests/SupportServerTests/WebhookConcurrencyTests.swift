import Foundation
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

@Suite("Webhook workers under faults")
struct WebhookConcurrencyTests {
    /// SplitMix64, so a failing run can be repeated from the printed seed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(
        "three workers on one ledger, a feed that fails at random and a receiver answering 500/429: every event once, in order"
    )
    func workersUnderFaults() async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        print("WebhookConcurrencyTests seed: \(seed)")
        var random = Seeded(state: seed)
        let store = FaultInjectingTicketStore(
            wrapping: InMemoryTicketStore(),
            seed: seed,
            rate: 0.3,
            operations: [.deskEvents],
            timings: [.beforeWrite]
        )
        store.setFaulting(false)
        let fixture = try WebhookFixture(store: store)
        try await fixture.openTickets(5)
        let keys = try await fixture.feedKeys()
        store.setFaulting(true)
        let answers = (0..<12).map { _ in [500, 429, 200, 200].randomElement(using: &random)! }
        let batchSizes = (0..<3).map { _ in Int.random(in: 1...4, using: &random) }
        let receiver = WebhookReceiver(secret: WebhookFixture.secret, answers: answers)
        let failures = try await receiver.serve { url in
            let endpoint = try WebhookEndpoint(name: "crm", url: url, secret: WebhookFixture.secret, selection: .all)
            return try await withThrowingTaskGroup(of: Int.self) { group in
                for size in batchSizes {
                    let dispatcher = fixture.dispatcher([endpoint], batchSize: size)
                    group.addTask { try await Self.work(dispatcher, endpoint, fixture, until: keys.count) }
                }
                return try await group.reduce(0, +)
            }
        }
        #expect(receiver.acceptedKeys == keys, "seed \(seed): every event once, in feed order")
        #expect(receiver.attempts.allSatisfy { $0.signatureValid })
        let log = try await fixture.ledger.deliveries(of: "crm", limit: 1000)
        #expect(log.count == receiver.attempts.count, "seed \(seed): every attempt logged")
        #expect(log.filter { $0.outcome == .retrying }.count == receiver.attempts.filter { $0.status != 200 }.count)
        print("seed \(seed): \(keys.count) events, \(receiver.attempts.count) attempts, \(failures) feed failures")
    }

    /// Turns until the endpoint's cursor reaches `total`, moving the clock to each retry; returns how
    /// many turns failed because the feed could not be read.
    static func work(
        _ dispatcher: WebhookDispatcher,
        _ endpoint: WebhookEndpoint,
        _ fixture: WebhookFixture,
        until total: Int
    ) async throws -> Int {
        var failures = 0
        var turns = 0
        // Turns skipped while another worker holds the cursor are cheap; a bound on both keeps a bug
        // from spinning for ever.
        for _ in 0..<1_000_000 where turns < 2000 {
            let cursor = try await fixture.ledger.cursor(of: endpoint.name)
            if cursor?.position == total { return failures }
            do {
                switch try await dispatcher.turn(for: endpoint)?.next {
                case .at(let instant):
                    turns += 1
                    fixture.clock.advance(to: instant)
                case .now, .poll: turns += 1
                case nil: await Task.yield()
                }
            } catch is StoreError {
                failures += 1
            }
        }
        Issue.record("the feed was not delivered within 2000 turns")
        return failures
    }
}
