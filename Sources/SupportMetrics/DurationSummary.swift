import Foundation

/// A distribution of durations: how many, the mean and the nearest-rank percentiles.
public struct DurationSummary: Sendable, Hashable, Codable {
    /// The samples, sorted ascending, in seconds.
    public let samples: [TimeInterval]

    /// Creates a summary of durations.
    ///
    /// - Parameter samples: The durations in seconds, in any order.
    public init(_ samples: [TimeInterval]) {
        self.samples = samples.sorted()
    }

    /// How many durations there are.
    public var count: Int { samples.count }

    /// The mean, or `nil` without samples.
    public var mean: TimeInterval? {
        samples.isEmpty ? nil : samples.reduce(0, +) / Double(samples.count)
    }

    /// The longest duration, or `nil` without samples.
    public var maximum: TimeInterval? { samples.last }

    /// The median.
    public var p50: TimeInterval? { percentile(50) }
    /// The 90th percentile.
    public var p90: TimeInterval? { percentile(90) }
    /// The 95th percentile.
    public var p95: TimeInterval? { percentile(95) }

    /// The nearest-rank percentile: the smallest sample with at least `percent` % of samples at or below it.
    ///
    /// - Parameter percent: 0 to 100; values outside are clamped to that range.
    /// - Returns: The sample, or `nil` without samples or when `percent` is not a number.
    public func percentile(_ percent: Double) -> TimeInterval? {
        guard !samples.isEmpty, !percent.isNaN else { return nil }
        let clamped = min(max(percent, 0), 100)
        let rank = Int((clamped / 100 * Double(samples.count)).rounded(.up))
        return samples[min(max(rank, 1), samples.count) - 1]
    }

    /// The share of samples at or below a limit, 0 to 1, or `nil` without samples.
    ///
    /// - Parameter limit: The limit in seconds.
    /// - Returns: The share.
    public func share(atMost limit: TimeInterval) -> Double? {
        guard !samples.isEmpty else { return nil }
        return Double(samples.count { $0 <= limit }) / Double(samples.count)
    }
}

/// How many service-level clock runs met their target.
public struct Attainment: Sendable, Hashable, Codable {
    /// The runs met on time.
    public var onTime: Int
    /// Every run with an outcome: met (on time or late) or breached and not yet met.
    public var total: Int

    /// Creates an attainment.
    ///
    /// - Parameters:
    ///   - onTime: The runs met on time.
    ///   - total: Every run with an outcome.
    public init(onTime: Int = 0, total: Int = 0) {
        self.onTime = onTime
        self.total = total
    }

    /// The share on time, 0 to 1, or `nil` when nothing was measured.
    public var rate: Double? { total == 0 ? nil : Double(onTime) / Double(total) }

    mutating func add(late: Bool) {
        total += 1
        if !late { onTime += 1 }
    }
}

/// The number of tickets waiting for the support side (neither solved nor closed) from an instant on.
public struct BacklogPoint: Sendable, Hashable, Codable {
    /// From when.
    public var at: Date
    /// How many tickets were open.
    public var open: Int

    /// Creates a point.
    ///
    /// - Parameters:
    ///   - at: From when.
    ///   - open: How many tickets were open.
    public init(at: Date, open: Int) {
        self.at = at
        self.open = open
    }
}

/// What one agent did, from the event log.
public struct AgentLoad: Sendable, Hashable, Codable {
    /// How many times a ticket was assigned to the agent.
    public var assigned: Int = 0
    /// How many public replies the agent wrote.
    public var replies: Int = 0
    /// How many times the agent solved a ticket.
    public var solved: Int = 0
    /// How many tickets are assigned to the agent and not solved or closed, in the latest snapshots.
    public var openNow: Int = 0

    /// Creates an empty load.
    public init() {}
}

/// Members' satisfaction ratings in brief.
public struct SatisfactionSummary: Sendable, Hashable, Codable {
    /// How many ratings.
    public var count: Int
    /// How many of each score: index 0 holds the 1s, index 4 the 5s.
    public var distribution: [Int]

    /// Creates a summary.
    ///
    /// - Parameter ratings: The ratings.
    public init(_ ratings: [Rating]) {
        var distribution = [0, 0, 0, 0, 0]
        for rating in ratings where (1...5).contains(rating.score) { distribution[rating.score - 1] += 1 }
        self.count = distribution.reduce(0, +)
        self.distribution = distribution
    }

    /// The mean score, or `nil` without ratings.
    public var average: Double? {
        guard count > 0 else { return nil }
        let sum = distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return Double(sum) / Double(count)
    }

    /// The CSAT score: the share of 4s and 5s, 0 to 1, or `nil` without ratings.
    public var satisfiedShare: Double? {
        count == 0 ? nil : Double(distribution[3] + distribution[4]) / Double(count)
    }
}
