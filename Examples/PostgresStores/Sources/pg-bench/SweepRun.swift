import Foundation
import Logging
import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting

/// The SLA sweep on PostgreSQL: a desk on a manual clock opens tickets, the clock moves past their first
/// SLA step, and one `processDueWork()` fires every timer; the figure is the time per fired timer. Runs
/// on a schema of its own, dropped afterwards.
enum SweepRun {
    static let schema = "desk_bench_sweep"

    static func run(
        client: PostgresClient,
        logger: Logger,
        tickets: Int,
        senders: Int,
        capacity: Int
    ) async throws
        -> [String]
    {
        let stores = try PostgresDeskStores(client: client, schema: schema, logger: logger)
        try await stores.dropSchema()
        try await stores.migrate()
        let clock = ManualClock(now: Date())
        let desk = try BenchmarkRun.desk(on: stores, capacity: capacity, clock: clock)
        _ = try await desk.processDueWork()  // loads the (empty) timers, as `run()` does at start
        try await withThrowingTaskGroup(of: Void.self) { group in
            for sender in 0..<senders {
                group.addTask {
                    var index = sender
                    while index < tickets {
                        let message = InboundMessage(
                            channel: .email,
                            externalID: "<sweep-\(index)@bench.example>",
                            sender: MemberID("member-sweep-\(index)@bench.example"),
                            subject: "Cannot open the course page",
                            body: "Hello, the course page shows an error when I open lesson \(index).",
                            receivedAt: clock.now
                        )
                        try await desk.receive(message)
                        index += senders
                    }
                }
            }
            try await group.waitForAll()
        }
        // The acknowledgements the messages queued are delivered before timing; nothing is due yet.
        _ = try await desk.processDueWork()
        // Past every ticket's first-reply target (one business hour, the desk open around the clock).
        clock.advance(by: 3601)
        let start = ContinuousClock.now
        let fired = try await desk.processDueWork()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        try await stores.dropSchema()
        return [
            BenchmarkRun.figure("pg.sweep.fired", Double(fired), "timers"),
            BenchmarkRun.figure("pg.sweep.per_due", fired > 0 ? 1e6 * seconds / Double(fired) : 0, "us"),
        ]
    }
}
