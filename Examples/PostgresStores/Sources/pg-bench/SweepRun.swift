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
    /// The schema the sweep's tickets live in.
    static let schema = "desk_bench_sweep"

    /// Opens `tickets` tickets from `senders` concurrent senders, fires their first SLA step and returns
    /// the figures `pg.sweep.fired` and `pg.sweep.per_due`.
    static func run(
        client: PostgresClient,
        logger: Logger,
        tickets: Int,
        senders: Int,
        capacity: Int
    )
        async throws -> [String]
    {
        let stores = try PostgresDeskStores(client: client, schema: schema, logger: logger)
        try await stores.dropSchema()
        try await stores.migrate()
        let clock = ManualClock(now: Date())
        let desk = try BenchmarkRun.desk(on: stores, capacity: capacity, clock: clock)
        _ = try await desk.processDueWork()  // loads the (empty) timers, as `run()` does at start
        _ = try await BenchmarkRun.ingest(
            into: [desk],
            count: tickets,
            senders: senders,
            prefix: "sweep",
            receivedAt: { clock.now }
        )
        // The acknowledgements the messages queued are delivered before timing; nothing is due yet.
        _ = try await desk.processDueWork()
        // Past every ticket's first-reply target (one business hour, the desk open around the clock).
        clock.advance(by: 3601)
        let start = ContinuousClock.now
        let fired = try await desk.processDueWork()
        let seconds = BenchmarkRun.seconds(ContinuousClock.now - start)
        try await stores.dropSchema()
        return [
            BenchmarkRun.figure("pg.sweep.fired", Double(fired), "timers"),
            BenchmarkRun.figure("pg.sweep.per_due", fired > 0 ? 1e6 * seconds / Double(fired) : 0, "us"),
        ]
    }
}
