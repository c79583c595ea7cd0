import Foundation
import SupportEngine
import SupportEngineTesting

/// SLA sweep figures: the cost of each fired alarm step as the number of open tickets grows.
///
/// Open tickets are created through ``SupportDesk/receive(_:)`` on a ``ManualClock``, a hundred per second
/// from Monday 09:00 (Mon–Fri 09:00–18:00 in Moscow), so their first-reply warnings (3 business hours
/// later) come due a hundred per second from 12:00. After a warm-up sweep of ``warmUpFired`` warnings,
/// the clock moves three times so that exactly ``firedPerSweep`` warnings come due each time;
/// `processDueWork()` is timed and divided by the number it fired, and the best sweep is reported.
/// The 10,000 tickets of the smaller case are all fired by the end.
enum SLABenchmarks {
    /// How many warnings fire before timing starts.
    static let warmUpFired = 1_000
    /// How many warnings each timed sweep fires, whatever the number of open tickets.
    static let firedPerSweep = 3_000
    /// Tickets created per simulated second.
    static let ticketsPerSecond = 100
    /// Monday 2026-01-05 09:00 in Moscow (06:00 UTC).
    static let monday9 = Date(timeIntervalSince1970: 1_767_592_800)

    static func run(_ benchmark: Benchmark) async throws {
        for (name, open) in [("sla.sweep.per_due.10k", 10_000), ("sla.sweep.per_due.1m", 1_000_000)]
        where benchmark.selects(name) {
            try await sweep(name, openTickets: open, benchmark)
        }
    }

    /// Mon–Fri 09:00–18:00 in Moscow.
    static func calendar() throws -> BusinessCalendar {
        try BusinessCalendar(
            .init(
                timeZone: "Europe/Moscow",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
    }

    /// Business-time targets for every priority, the warning at 75 % and a two-level ladder.
    static func policy() throws -> SLAPolicy {
        let hour: TimeInterval = 3600
        let targets = ResponseTargets(
            firstReply: .business(4 * hour),
            nextReply: .business(4 * hour),
            resolution: .business(16 * hour)
        )
        return SLAPolicy(
            calendar: try calendar(),
            targets: Dictionary(uniqueKeysWithValues: Priority.allCases.map { ($0, targets) }),
            warningFraction: 0.75,
            escalations: [
                SLAEscalation(after: hour, action: .notify("lead")),
                SLAEscalation(after: 2 * hour, action: .raisePriority),
            ]
        )
    }

    /// A member's message of exactly 200 UTF-8 bytes, different for every `index`.
    static func body(_ index: Int) -> String {
        let head = "Message \(index): I paid for the annual membership but the course library still says locked. "
        return head + String(repeating: "x", count: 200 - head.utf8.count)
    }

    /// A new member message that opens a ticket.
    static func inbound(_ index: Int, at instant: Date) -> InboundMessage {
        InboundMessage(
            channel: .email,
            externalID: "mail-\(index)",
            sender: MemberID("member-\(index % 50_000)"),
            body: body(index),
            receivedAt: instant
        )
    }

    private static func sweep(_ name: String, openTickets: Int, _ benchmark: Benchmark) async throws {
        let clock = ManualClock(now: monday9)
        let desk = SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            configuration: DeskConfiguration(sla: try policy()),
            ids: SequentialIDGenerator()
        )
        try await desk.processDueWork()  // loads the (empty) due queue, as `run()` would at start
        let setupStart = ContinuousClock.now
        for index in 0..<openTickets {
            clock.advance(to: monday9.addingTimeInterval(TimeInterval(index / ticketsPerSecond)))
            try await desk.receive(inbound(index, at: clock.now))
        }
        let setup = ContinuousClock.now - setupStart
        benchmark.report("\(name).setup_receive", seconds(setup), "s")
        benchmark.report("\(name).setup_resident", Double(residentBytes()) / 1_048_576, "MiB")

        // Warm up on the first warnings, then time three sweeps and keep the best, as `Benchmark.measure` does.
        var firedSoFar = 0
        func sweepTo(_ count: Int) async throws -> Double? {
            firedSoFar += count
            let lastSecond = firedSoFar / ticketsPerSecond - 1
            clock.advance(to: monday9.addingTimeInterval(TimeInterval(3 * 3600 + lastSecond)))
            let start = ContinuousClock.now
            let fired = try await desk.processDueWork()
            let elapsed = ContinuousClock.now - start
            guard fired == count else {
                print("\(name) failed: fired \(fired) due items, expected \(count)")
                return nil
            }
            return seconds(elapsed) * 1e9 / Double(fired)
        }
        guard try await sweepTo(warmUpFired) != nil else { return }
        var best = Double.infinity
        for _ in 0..<3 {
            guard let perItem = try await sweepTo(firedPerSweep) else { return }
            best = min(best, perItem)
        }
        benchmark.report(name, best, "ns/op")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
