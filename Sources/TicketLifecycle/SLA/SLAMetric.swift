import Foundation

/// What a service-level clock measures.
public enum SLAMetric: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// From the ticket's creation to the first public reply.
    case firstReply = "first_reply"
    /// From the oldest member message not yet answered to the next public reply.
    case nextReply = "next_reply"
    /// From creation to solved; paused while the ticket is pending or on hold.
    case resolution

    /// The metric's stable name.
    public var description: String { rawValue }
}

/// One running service-level clock: when it started, when it is due, when it warns.
public struct SLAClock: Sendable, Hashable, Codable {
    // The one-byte and optional fields come last so that a clock takes 40 bytes, not 48.
    /// When the clock started.
    public var startedAt: Date
    /// When the target is breached.
    public var dueAt: Date
    /// The target time spent paused so far, in the target's own unit (business or calendar seconds).
    public var pausedFor: TimeInterval
    /// When the early warning fires, if the policy has one.
    public var warningAt: Date?
    /// What the clock measures.
    public var metric: SLAMetric

    /// Creates a clock.
    ///
    /// - Parameters:
    ///   - metric: What the clock measures.
    ///   - startedAt: When it started; with ``metric`` it identifies this run of the clock.
    ///   - dueAt: When the target is breached.
    ///   - warningAt: When the early warning fires.
    ///   - pausedFor: The target time spent paused so far.
    public init(metric: SLAMetric, startedAt: Date, dueAt: Date, warningAt: Date?, pausedFor: TimeInterval = 0) {
        self.metric = metric
        self.startedAt = startedAt
        self.dueAt = dueAt
        self.warningAt = warningAt
        self.pausedFor = pausedFor
    }
}

/// A step of a clock's alarm: the warning, the breach, then the escalation levels.
public enum SLAStep: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The target is close: the first (earliest) configured fraction has elapsed.
    case warning
    /// A later warning, when the policy sets several fractions (50 %, 75 %, 90 %): level 2 is the
    /// second fraction, and so on.
    case additionalWarning(level: Int)
    /// The target was missed.
    case breach
    /// An escalation level after the breach, from 1.
    case escalation(level: Int)

    /// `warning`, `warning N`, `breach` or `escalation N`.
    public var description: String {
        switch self {
        case .warning: "warning"
        case .additionalWarning(let level): "warning \(level)"
        case .breach: "breach"
        case .escalation(let level): "escalation \(level)"
        }
    }
}

/// A step that fired, with the instant it was due and the instant it fired.
///
/// A firing belongs to one run of a clock, identified by the clock's metric and start
/// (``clockStartedAt``), which a recomputation or a resume does not change; the desk never fires the
/// same (metric, step, clock run) twice, even after a restart.
public struct SLAFiring: Sendable, Hashable, Codable {
    // The instants come first so that a firing takes 40 bytes, not 48.
    /// The start of the clock run the step belongs to.
    public var clockStartedAt: Date
    /// When the step was due.
    public var dueAt: Date
    /// When it fired.
    public var firedAt: Date
    /// The step.
    public var step: SLAStep
    /// The clock's metric.
    public var metric: SLAMetric

    /// Creates a firing.
    ///
    /// - Parameters:
    ///   - metric: The clock's metric.
    ///   - step: The step.
    ///   - clockStartedAt: The start of the clock run.
    ///   - dueAt: When the step was due.
    ///   - firedAt: When it fired.
    public init(metric: SLAMetric, step: SLAStep, clockStartedAt: Date, dueAt: Date, firedAt: Date) {
        self.metric = metric
        self.step = step
        self.clockStartedAt = clockStartedAt
        self.dueAt = dueAt
        self.firedAt = firedAt
    }
}
