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
/// The two cases take turns, so that both see the same load on a shared machine. The 10,000 tickets
/// of the smaller case are all fired by the end.
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
        let cases: [(name: String, openTickets: Int)] = [
            ("sla.sweep.per_due.10k", 10_000), ("sla.sweep.per_due.1m", 1_000_000),
        ]
        try await sweeps(cases.filter { benchmark.selects($0.name) }, benchmark)
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

    /// One desk with its open tickets, swept step by step.
    private final class SweepCase {
        let name: String
        let clock = ManualClock(now: SLABenchmarks.monday9)
        let desk: SupportDesk
        var firedSoFar = 0
        var best = Double.infinity
        var failed = false

        /// Creates the desk and its open tickets through `receive`, and prints how long that took.
        init(_ name: String, openTickets: Int, _ benchmark: Benchmark) async throws {
            self.name = name
            desk = try SupportDesk(
                store: InMemoryTicketStore(),
                clock: clock,
                configuration: DeskConfiguration(sla: try SLABenchmarks.policy()),
                ids: SequentialIDGenerator()
            )
            try await desk.processDueWork()  // loads the (empty) due queue, as `run()` would at start
            let start = ContinuousClock.now
            for index in 0..<openTickets {
                clock.advance(to: monday9.addingTimeInterval(TimeInterval(index / ticketsPerSecond)))
                try await desk.receive(inbound(index, at: clock.now))
            }
            benchmark.report(
                "\(name).setup_receive",
                seconds(ContinuousClock.now - start),
                "s",
                operation: "receiving all \(openTickets) ticket-opening messages on a desk with the SLA policy on"
            )
            benchmark.report(
                "\(name).setup_process_resident",
                Double(residentBytes()) / 1_048_576,
                "MiB",
                operation: "the process's resident memory once the \(openTickets) tickets are open"
            )
        }

        /// Moves the clock so that the next `count` warnings come due, fires them and returns the time per item.
        func sweep(_ count: Int) async throws -> Double? {
            guard !failed else { return nil }
            firedSoFar += count
            let lastSecond = firedSoFar / ticketsPerSecond - 1
            clock.advance(to: monday9.addingTimeInterval(TimeInterval(3 * 3600 + lastSecond)))
            let start = ContinuousClock.now
            let fired = try await desk.processDueWork()
            let elapsed = ContinuousClock.now - start
            guard fired == count else {
                print("\(name) failed: fired \(fired) due items, expected \(count)")
                failed = true
                return nil
            }
            return seconds(elapsed) * 1e9 / Double(fired)
        }
    }

    private static func sweeps(_ cases: [(name: String, openTickets: Int)], _ benchmark: Benchmark) async throws {
        var prepared: [SweepCase] = []
        for (name, open) in cases {
            prepared.append(try await SweepCase(name, openTickets: open, benchmark))
        }
        for sweepCase in prepared { _ = try await sweepCase.sweep(warmUpFired) }
        // The cases take turns so that they share whatever load the machine is under.
        for _ in 0..<3 {
            for sweepCase in prepared {
                if let perItem = try await sweepCase.sweep(firedPerSweep) {
                    sweepCase.best = min(sweepCase.best, perItem)
                }
            }
        }
        for sweepCase in prepared where !sweepCase.failed {
            benchmark.report(
                sweepCase.name,
                sweepCase.best,
                "ns/op",
                operation: "one SLA warning fired by processDueWork() (best of 3 sweeps of 3,000 warnings)"
            )
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
