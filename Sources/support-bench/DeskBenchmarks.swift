import Foundation
import SupportEngine
import SupportEngineTesting

#if canImport(Glibc)
import Glibc
#endif

/// Desk figures: memory per open ticket and inbound throughput, in memory, with the SLA policy on.
enum DeskBenchmarks {
    static func run(_ benchmark: Benchmark) async throws {
        // Memory first, before any other figure has grown the heap.
        if benchmark.selects("desk.bytes_per_open_ticket") { try await bytesPerOpenTicket(benchmark) }
        if benchmark.selects("desk.ingest") { try await ingest(benchmark) }
    }

    /// A desk on an in-memory store and a manual clock at Monday 09:00, keeping the SLA clocks.
    static func makeDesk() throws -> (desk: SupportDesk, clock: ManualClock) {
        let clock = ManualClock(now: SLABenchmarks.monday9)
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            configuration: DeskConfiguration(sla: try SLABenchmarks.policy()),
            ids: SequentialIDGenerator()
        )
        return (desk, clock)
    }

    /// Resident memory growth over 100,000 tickets, each opened by one 200-byte message.
    private static func bytesPerOpenTicket(_ benchmark: Benchmark) async throws {
        let count = 100_000
        let (desk, clock) = try makeDesk()
        try await desk.processDueWork()
        try await desk.receive(SLABenchmarks.inbound(-1, at: clock.now))
        let before = residentBytes()
        for index in 0..<count {
            try await desk.receive(SLABenchmarks.inbound(index, at: clock.now))
        }
        let after = residentBytes()
        benchmark.report(
            "desk.bytes_per_open_ticket",
            Double(after - before) / Double(count),
            "bytes",
            operation: "resident memory growth per open ticket over 100,000 tickets, each opened by a 200-byte message"
        )
        withExtendedLifetime(desk) {}
    }

    /// New-ticket messages per second through `receive`, from one task; the messages are built before timing.
    private static func ingest(_ benchmark: Benchmark) async throws {
        let warmUp = 10_000
        let count = 200_000
        let (desk, clock) = try makeDesk()
        try await desk.processDueWork()
        for index in 0..<warmUp {
            try await desk.receive(SLABenchmarks.inbound(index, at: clock.now))
        }
        let messages = (warmUp..<(warmUp + count)).map { SLABenchmarks.inbound($0, at: clock.now) }
        let start = ContinuousClock.now
        for (offset, message) in messages.enumerated() {
            if offset % 100 == 0 { clock.advance(by: 1) }
            try await desk.receive(message)
        }
        let elapsed = SLABenchmarks.seconds(ContinuousClock.now - start)
        benchmark.report(
            "desk.ingest",
            Double(count) / elapsed,
            "msg/s",
            operation: "receive(_:) of one ticket-opening message on the in-memory store, from one task"
        )
    }
}

/// The process's resident set size in bytes, from `/proc/self/statm`; 0 where it is not available.
func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    #if canImport(Glibc)
    return pages * sysconf(Int32(_SC_PAGESIZE))
    #else
    return pages * 4096
    #endif
}
