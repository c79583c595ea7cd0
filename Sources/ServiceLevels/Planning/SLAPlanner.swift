import Foundation
import SupportBoundaries
import SupportCore
import TicketLifecycle

/// Turns ticket changes into service-level clock changes, and says which alarm steps are due.
///
/// Pure: it reads the policy's calendar and the instants it is given, never the clock. The rules:
/// - creation starts the first-reply and resolution clocks;
/// - a public reply meets the running first-reply and next-reply clocks (internal notes and automatic
///   messages never count);
/// - a member message after the first public reply starts the next-reply clock unless one is running
///   (it counts from the oldest unanswered message);
/// - pending and on-hold pause the resolution clock; leaving them resumes it with its due instant
///   moved out by the paused time;
/// - solving meets the resolution clock and stops the reply clocks; reopening starts a new resolution
///   clock; closing or merging cancels every clock;
/// - a priority change recomputes the running clocks from the same start points.
///
/// ```swift
/// let planner = SLAPlanner(policy: .seedDefaults(calendar: hours))
/// let changes = try planner.changes(before: nil, after: ticket, events: events, at: now)
/// let due = planner.dueSteps(of: ticket, at: now)
/// ```
public struct SLAPlanner: Sendable {
    /// The policy and what the planner derives from it, in one immutable box: a planner is copied
    /// wherever a desk plans (every command, every fired timer), and a copy of the box is one reference
    /// count instead of one per array, dictionary and calendar table of the policy.
    private final class Storage: Sendable {
        let policy: SLAPolicy
        /// Whether every escalation comes at or after the breach, so that none is due before an unfired breach.
        let escalationsFollowBreach: Bool
        /// The policy's targets by ``Priority/rank``: read for every clock of every write and fired timer,
        /// without hashing the priority's name as a dictionary lookup would.
        let targetsByRank: [ResponseTargets?]

        init(policy: SLAPolicy) {
            self.policy = policy
            self.escalationsFollowBreach = policy.escalations.allSatisfy { $0.after >= 0 }
            var targets = [ResponseTargets?](repeating: nil, count: Priority.allCases.count)
            for priority in Priority.allCases { targets[priority.rank] = policy.targets[priority] }
            self.targetsByRank = targets
        }
    }

    private let storage: Storage

    /// The service levels the planner keeps.
    public var policy: SLAPolicy { storage.policy }

    /// Whether every escalation comes at or after the breach, so that none is due before an unfired breach.
    private var escalationsFollowBreach: Bool { storage.escalationsFollowBreach }

    /// The policy's target for a metric at a priority, if it sets one.
    private func target(for metric: SLAMetric, _ priority: Priority) -> BusinessDuration? {
        storage.targetsByRank[priority.rank]?.target(for: metric)
    }

    /// Creates a planner.
    ///
    /// - Parameter policy: The service levels to keep.
    public init(policy: SLAPolicy) {
        self.storage = Storage(policy: policy)
    }

    // MARK: - Clock changes

    /// Whether a ticket has a public reply, read by index so that no message is copied.
    private static func hasPublicReply(_ ticket: Ticket?) -> Bool {
        guard let messages = ticket?.messages else { return false }
        for index in messages.indices where messages[index].kind == .publicReply { return true }
        return false
    }

    /// The clock changes a write brings: clocks started, paused, resumed, met or cancelled.
    ///
    /// - Parameters:
    ///   - before: The ticket before the write, or `nil` for a new ticket.
    ///   - after: The ticket after the write.
    ///   - events: The events of the write, in order.
    ///   - now: The instant of the write.
    /// - Returns: The changes, in order, to record as `sla` events.
    /// - Throws: `BoundariesError` when a due instant lies beyond the calendar's horizon.
    public func changes(before: Ticket?, after: Ticket, events: [TicketEvent], at now: Date) throws -> [SLAChange] {
        var running = after.sla.running
        var paused = after.sla.paused
        var changes: [SLAChange] = []
        var priority = before?.priority ?? after.priority
        // Whether any reply was public: looked up only when a member's message asks (most changes add
        // none), by index so that no message is copied out.
        var hadPublicReply: Bool?

        func record(_ change: SLAChange) {
            changes.append(change)
            switch change {
            case .started(let clock), .resumed(let clock):
                running[clock.metric] = clock
                paused[clock.metric] = nil
            case .paused(let metric, let at, let remaining):
                if let clock = running.removeValue(forKey: metric) {
                    paused[metric] = PausedSLAClock(clock: clock, pausedAt: at, remaining: remaining)
                }
            case .met(let measurement):
                running[measurement.metric] = nil
                paused[measurement.metric] = nil
            case .cancelled(let metric, _):
                running[metric] = nil
                paused[metric] = nil
            case .fired:
                break
            }
        }

        func start(_ metric: SLAMetric, at instant: Date) throws {
            guard let target = target(for: metric, priority) else { return }
            record(.started(try clock(metric, target: target, startedAt: instant, pausedFor: 0)))
        }

        for event in events {
            switch event.change {
            case .created(let creation):
                priority = creation.priority
                try start(.firstReply, at: event.at)
                try start(.resolution, at: event.at)

            case .messageAdded(let message):
                switch message.kind {
                case .publicReply:
                    for metric in [SLAMetric.firstReply, .nextReply] {
                        if let clock = running[metric] { record(.met(measure(clock, metAt: event.at, priority))) }
                    }
                    hadPublicReply = true
                case .memberMessage:
                    if running[.nextReply] == nil, running[.firstReply] == nil,
                        hadPublicReply ?? Self.hasPublicReply(before)
                    {
                        try start(.nextReply, at: message.at)
                    }
                case .internalNote, .automatic:
                    break
                }

            case .statusChanged(let from, let to):
                if to == .closed {
                    for metric in Set(running.keys).union(paused.keys).sorted(by: { $0.rawValue < $1.rawValue }) {
                        record(.cancelled(metric: metric, at: event.at))
                    }
                } else if to == .solved {
                    if let clock = running[.resolution] {
                        record(.met(measure(clock, metAt: event.at, priority)))
                    } else if let pausedClock = paused[.resolution] {
                        var clock = pausedClock.clock
                        clock.pausedFor += elapsed(clock.metric, priority, from: pausedClock.pausedAt, to: event.at)
                        record(.met(measure(clock, metAt: event.at, priority)))
                    }
                    for metric in [SLAMetric.firstReply, .nextReply] where running[metric] != nil {
                        record(.cancelled(metric: metric, at: event.at))
                    }
                } else if from == .solved {
                    try start(.resolution, at: event.at)
                    if to.pausesResolutionClock, let clock = running[.resolution] {
                        record(
                            .paused(
                                metric: .resolution,
                                at: event.at,
                                remaining: remaining(clock, priority, at: event.at)
                            )
                        )
                    }
                } else if to.pausesResolutionClock && !from.pausesResolutionClock {
                    if let clock = running[.resolution] {
                        record(
                            .paused(
                                metric: .resolution,
                                at: event.at,
                                remaining: remaining(clock, priority, at: event.at)
                            )
                        )
                    }
                } else if from.pausesResolutionClock && !to.pausesResolutionClock, let pausedClock = paused[.resolution]
                {
                    record(.resumed(try resume(pausedClock, priority, at: event.at)))
                }

            case .priorityChanged(_, let to):
                priority = to
                for (metric, clock) in running.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    if let target = target(for: metric, to) {
                        record(
                            .started(
                                try self.clock(
                                    metric,
                                    target: target,
                                    startedAt: clock.startedAt,
                                    pausedFor: clock.pausedFor
                                )
                            )
                        )
                    } else {
                        record(.cancelled(metric: metric, at: event.at))
                    }
                }

            case .mergedInto:
                for metric in Set(running.keys).union(paused.keys).sorted(by: { $0.rawValue < $1.rawValue }) {
                    record(.cancelled(metric: metric, at: event.at))
                }

            case .assigned, .reasonChanged, .tagsChanged, .mergeReceived, .sla, .explained:
                break
            }
        }
        return changes
    }

    // MARK: - Alarm steps

    /// Every alarm step of a running clock with its instant: the warnings, the breach, the escalations.
    ///
    /// A calendar-time target's warnings and escalations that fall outside the calendar's open hours are
    /// held until its next opening, unless ``SLAPolicy/alertsOutsideHours``; the breach keeps its instant.
    ///
    /// - Parameters:
    ///   - clock: The running clock.
    ///   - priority: The ticket's priority, which says whether the target counts business time.
    /// - Returns: The steps and their instants.
    public func steps(of clock: SLAClock, priority: Priority) -> [(step: SLAStep, at: Date)] {
        var steps: [(step: SLAStep, at: Date)] = []
        forEachWarning(of: clock, priority: priority) { steps.append(($0, $1)) }
        steps.append((.breach, clock.dueAt))
        let business = target(for: clock.metric, priority)?.isBusinessTime ?? true
        for (index, escalation) in storage.policy.escalations.enumerated() {
            let instant =
                business
                ? (try? storage.policy.calendar.adding(escalation.after, to: clock.dueAt))
                : clock.dueAt.addingTimeInterval(escalation.after)
            if let instant { steps.append((.escalation(level: index + 1), heldForHours(instant, business: business))) }
        }
        return steps
    }

    /// Calls `body` with each warning of a running clock, in order, without building a list (the desk
    /// asks for a ticket's next step on every write and every fired timer): the first from the clock's
    /// ``SLAClock/warningAt``, the later ones at their fractions of the target, counted like the target
    /// and moved by the time paused. A warning held for open hours until the breach or later is
    /// dropped: the breach says more.
    private func forEachWarning(of clock: SLAClock, priority: Priority, _ body: (SLAStep, Date) -> Void) {
        guard let first = clock.warningAt else { return }
        let target = target(for: clock.metric, priority)
        let business = target?.isBusinessTime ?? true
        func offer(_ step: SLAStep, _ instant: Date) {
            let held = heldForHours(instant, business: business)
            if held < clock.dueAt { body(step, held) }
        }
        offer(.warning, first)
        guard let target else { return }
        let fractions = storage.policy.warningFractions
        var index = 1
        while index < fractions.count {
            if let instant = try? advance(
                target,
                by: target.seconds * fractions[index] + clock.pausedFor,
                from: clock.startedAt
            ) {
                offer(.additionalWarning(level: index + 1), instant)
            }
            index += 1
        }
    }

    /// The instant itself, or — for a calendar-time target when alerts wait for open hours — the
    /// calendar's next opening when the instant falls while it is closed.
    private func heldForHours(_ instant: Date, business: Bool) -> Date {
        guard !business, !storage.policy.alertsOutsideHours else { return instant }
        guard !storage.policy.calendar.isOpen(at: instant) else { return instant }
        return (try? storage.policy.calendar.nextOpening(after: instant)) ?? instant
    }

    /// The earliest step of the ticket's running clocks that has not fired.
    ///
    /// - Parameter ticket: The ticket.
    /// - Returns: The instant of that step, or `nil` when nothing is left to fire.
    public func nextStep(of ticket: Ticket) -> Date? {
        var earliest: Date?
        for clock in ticket.sla.running.values {
            if escalationsFollowBreach, !ticket.sla.hasFired(.breach, of: clock) {
                // The escalations come at or after the breach, so only the warning can come first; this
                // spares the calendar arithmetic of the ladder for every write of a ticket on time.
                var next = clock.dueAt
                forEachWarning(of: clock, priority: ticket.priority) { step, at in
                    if at < next && !ticket.sla.hasFired(step, of: clock) { next = at }
                }
                if earliest.map({ next < $0 }) ?? true { earliest = next }
                continue
            }
            for (step, at) in steps(of: clock, priority: ticket.priority) where !ticket.sla.hasFired(step, of: clock) {
                if earliest.map({ at < $0 }) ?? true { earliest = at }
            }
        }
        return earliest
    }

    /// The steps that are due at `now` and have not fired, oldest first.
    ///
    /// - Parameters:
    ///   - ticket: The ticket.
    ///   - now: The instant to check at.
    /// - Returns: Each due step with its clock and instant.
    public func dueSteps(of ticket: Ticket, at now: Date) -> [(clock: SLAClock, step: SLAStep, at: Date)] {
        var due: [(SLAClock, SLAStep, Date)] = []
        for clock in ticket.sla.running.values {
            // The escalations come at or after the breach: while the breach is not due, only warnings can
            // be, and the calendar arithmetic of the ladder is spared (as in `nextStep(of:)`).
            if escalationsFollowBreach && clock.dueAt > now {
                forEachWarning(of: clock, priority: ticket.priority) { step, at in
                    if at <= now && !ticket.sla.hasFired(step, of: clock) { due.append((clock, step, at)) }
                }
                continue
            }
            for (step, at) in steps(of: clock, priority: ticket.priority)
            where at <= now && !ticket.sla.hasFired(step, of: clock) {
                due.append((clock, step, at))
            }
        }
        return due.sorted { ($0.2, $0.0.metric.rawValue) < ($1.2, $1.0.metric.rawValue) }
    }

    // MARK: - Arithmetic

    private func clock(
        _ metric: SLAMetric,
        target: BusinessDuration,
        startedAt: Date,
        pausedFor: TimeInterval
    ) throws -> SLAClock {
        let due = try advance(target, by: target.seconds + pausedFor, from: startedAt)
        let warning = try storage.policy.warningFraction.map {
            try advance(target, by: target.seconds * $0 + pausedFor, from: startedAt)
        }
        return SLAClock(metric: metric, startedAt: startedAt, dueAt: due, warningAt: warning, pausedFor: pausedFor)
    }

    private func resume(_ paused: PausedSLAClock, _ priority: Priority, at now: Date) throws -> SLAClock {
        var clock = paused.clock
        guard let target = target(for: clock.metric, priority) else { return clock }
        clock.pausedFor += elapsed(clock.metric, priority, from: paused.pausedAt, to: now)
        clock.dueAt = try advance(target, by: paused.remaining, from: now)
        if let fraction = storage.policy.warningFraction, let warning = clock.warningAt {
            let beforeWarning = paused.remaining - target.seconds * (1 - fraction)
            clock.warningAt = beforeWarning > 0 ? try advance(target, by: beforeWarning, from: now) : warning
        }
        return clock
    }

    private func remaining(_ clock: SLAClock, _ priority: Priority, at now: Date) -> TimeInterval {
        max(0, elapsed(clock.metric, priority, from: now, to: clock.dueAt))
    }

    private func measure(_ clock: SLAClock, metAt: Date, _ priority: Priority) -> SLAMeasurement {
        let business = target(for: clock.metric, priority)?.isBusinessTime ?? true
        let businessSeconds = storage.policy.calendar.businessTime(from: clock.startedAt, to: metAt)
        let calendarSeconds = max(0, metAt.timeIntervalSince(clock.startedAt))
        return SLAMeasurement(
            metric: clock.metric,
            startedAt: clock.startedAt,
            metAt: metAt,
            businessSeconds: max(0, businessSeconds - (business ? clock.pausedFor : 0)),
            calendarSeconds: max(0, calendarSeconds - (business ? 0 : clock.pausedFor)),
            late: metAt > clock.dueAt
        )
    }

    /// Target time between two instants, in the unit of the metric's target at `priority`.
    private func elapsed(_ metric: SLAMetric, _ priority: Priority, from: Date, to: Date) -> TimeInterval {
        let business = target(for: metric, priority)?.isBusinessTime ?? true
        return business ? storage.policy.calendar.businessTime(from: from, to: to) : max(0, to.timeIntervalSince(from))
    }

    private func advance(_ kind: BusinessDuration, by seconds: TimeInterval, from start: Date) throws -> Date {
        kind.isBusinessTime
            ? try storage.policy.calendar.adding(seconds, to: start) : start.addingTimeInterval(seconds)
    }
}
