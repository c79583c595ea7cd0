import Foundation

/// A change to a ticket's service-level clocks, recorded as an event so that replay rebuilds them.
///
/// The engine computes due instants on its business calendar and records them; the lifecycle only
/// keeps the record (``SLARecord``).
public enum SLAChange: Sendable, Hashable, Codable {
    /// A clock started, or was recomputed (a priority change); it replaces the metric's running clock.
    case started(SLAClock)
    /// A clock paused with this much target time left (the resolution clock while pending or on hold).
    case paused(metric: SLAMetric, at: Date, remaining: TimeInterval)
    /// A paused clock resumed with its due instant moved out by the paused time.
    case resumed(SLAClock)
    /// A clock's target was met (or the clock was stopped by a reply or a solve).
    case met(SLAMeasurement)
    /// An alarm step fired.
    case fired(SLAFiring)
    /// A clock stopped without being met (its ticket closed by merge, say).
    case cancelled(metric: SLAMetric, at: Date)
}

/// How long a clock ran until it was met, for reporting.
public struct SLAMeasurement: Sendable, Hashable, Codable {
    // The one-byte fields come last so that a measurement takes 40 bytes, not 48.
    /// When the clock started.
    public var startedAt: Date
    /// When it was met.
    public var metAt: Date
    /// Elapsed business seconds (pauses excluded).
    public var businessSeconds: TimeInterval
    /// Elapsed calendar seconds (pauses included).
    public var calendarSeconds: TimeInterval
    /// The metric.
    public var metric: SLAMetric
    /// Whether it was met after its due instant.
    public var late: Bool

    /// Creates a measurement.
    ///
    /// - Parameters:
    ///   - metric: The metric.
    ///   - startedAt: When the clock started.
    ///   - metAt: When it was met.
    ///   - businessSeconds: Elapsed business seconds.
    ///   - calendarSeconds: Elapsed calendar seconds.
    ///   - late: Whether it was met after its due instant.
    public init(
        metric: SLAMetric,
        startedAt: Date,
        metAt: Date,
        businessSeconds: TimeInterval,
        calendarSeconds: TimeInterval,
        late: Bool
    ) {
        self.metric = metric
        self.startedAt = startedAt
        self.metAt = metAt
        self.businessSeconds = businessSeconds
        self.calendarSeconds = calendarSeconds
        self.late = late
    }
}

/// A paused clock: what is left of its target.
public struct PausedSLAClock: Sendable, Hashable, Codable {
    /// The clock as it was when paused.
    public var clock: SLAClock
    /// When it paused.
    public var pausedAt: Date
    /// The target time left, in the clock's own unit (business or calendar seconds).
    public var remaining: TimeInterval

    /// Creates a paused clock.
    ///
    /// - Parameters:
    ///   - clock: The clock as it was.
    ///   - pausedAt: When it paused.
    ///   - remaining: The target time left.
    public init(clock: SLAClock, pausedAt: Date, remaining: TimeInterval) {
        self.clock = clock
        self.pausedAt = pausedAt
        self.remaining = remaining
    }
}

/// A ticket's service-level clocks and what they recorded.
public struct SLARecord: Sendable, Hashable, Codable {
    // The fixed-size table comes last, so that its tail padding can hold the next small fields of a ticket.
    /// The paused clocks by metric.
    public var paused: [SLAMetric: PausedSLAClock] = [:]
    /// Every alarm step that fired, in order.
    public var firings: [SLAFiring] = []
    /// Every clock that was met, in order.
    public var measurements: [SLAMeasurement] = []
    /// The running clocks by metric, one fixed slot per metric.
    public var running = SLAClockTable()

    /// Creates an empty record.
    public init() {}

    /// The first measurement of a metric (the first reply, the first resolution).
    ///
    /// - Parameter metric: The metric.
    /// - Returns: The measurement, if the metric was ever met.
    public func firstMeasurement(of metric: SLAMetric) -> SLAMeasurement? {
        measurements.first { $0.metric == metric }
    }

    /// How many times a metric was breached.
    ///
    /// - Parameter metric: The metric.
    /// - Returns: The number of breach firings.
    public func breaches(of metric: SLAMetric) -> Int {
        firings.count { $0.metric == metric && $0.step == .breach }
    }

    /// Whether a step already fired for a clock run.
    ///
    /// - Parameters:
    ///   - step: The step.
    ///   - clock: The clock run.
    /// - Returns: `true` when it fired.
    public func hasFired(_ step: SLAStep, of clock: SLAClock) -> Bool {
        firings.contains { $0.metric == clock.metric && $0.step == step && $0.clockStartedAt == clock.startedAt }
    }

    mutating func apply(_ change: SLAChange) {
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
            measurements.append(measurement)
        case .fired(let firing):
            firings.append(firing)
        case .cancelled(let metric, _):
            running[metric] = nil
            paused[metric] = nil
        }
    }
}
