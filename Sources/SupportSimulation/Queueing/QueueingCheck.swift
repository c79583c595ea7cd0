import Foundation
import SupportEngine

/// The simulator against queueing theory: a ``StationaryQueue`` played on the real desk, and the waits
/// the desk's event log shows next to what ``ErlangC`` predicts.
///
/// The wait of a ticket is the time from its creation to its first `assigned` event: with agents who
/// carry one ticket at once, that is when an agent starts on it. The first and last tenth of the run are
/// left out (the queue starts empty, and tickets near the end may not be assigned yet).
///
/// ```swift
/// let check = try await QueueingCheck.run(agents: 2, utilization: 0.8, meanHandlingTime: 600, days: 60, seed: 1)
/// print(check.simulatedMeanWait, check.theory.meanWait)
/// ```
public struct QueueingCheck: Sendable, Hashable {
    /// The waits compared, as multiples of the mean handling time.
    public static let thresholdsInHandlingTimes: [Double] = [0, 0.5, 1, 2]

    /// The model the run is compared with.
    public var theory: ErlangC
    /// The tickets measured (created in the middle eight tenths of the run).
    public var tickets: Int
    /// The mean wait for an agent the desk showed, in seconds.
    public var simulatedMeanWait: TimeInterval
    /// The waits compared, in seconds: ``thresholdsInHandlingTimes`` times the mean handling time.
    public var thresholds: [TimeInterval]
    /// The share of measured tickets that waited longer than each threshold.
    public var simulatedShareLonger: [Double]
    /// Erlang C's P(W > t) for each threshold.
    public var theoryShareLonger: [Double] { thresholds.map(theory.probabilityOfWaitingLonger(than:)) }

    /// Creates a check from its figures.
    ///
    /// - Parameters:
    ///   - theory: The model.
    ///   - tickets: The tickets measured.
    ///   - simulatedMeanWait: The measured mean wait.
    ///   - thresholds: The waits compared.
    ///   - simulatedShareLonger: The measured shares that waited longer.
    public init(
        theory: ErlangC,
        tickets: Int,
        simulatedMeanWait: TimeInterval,
        thresholds: [TimeInterval],
        simulatedShareLonger: [Double]
    ) {
        self.theory = theory
        self.tickets = tickets
        self.simulatedMeanWait = simulatedMeanWait
        self.thresholds = thresholds
        self.simulatedShareLonger = simulatedShareLonger
    }

    /// Plays the stationary queue with `agents` agents at utilization ρ on the desk and compares.
    ///
    /// - Parameters:
    ///   - agents: c, 1 to 26.
    ///   - utilization: ρ, above 0 and below 1.
    ///   - meanHandlingTime: The mean handling time in seconds.
    ///   - days: How many days to play, 1 to 366.
    ///   - seed: The seed.
    /// - Returns: The check.
    /// - Throws: ``ClubConfigurationError`` for values out of range; the desk's errors.
    public static func run(
        agents: Int,
        utilization: Double,
        meanHandlingTime: TimeInterval,
        days: Int,
        seed: UInt64
    ) async throws -> QueueingCheck {
        guard utilization > 0, utilization < 1 else {
            throw ClubConfigurationError(
                .invalidArgument,
                path: "utilization",
                "give a utilization above 0 and below 1, not \(utilization): the queue grows without end at 1"
            )
        }
        let queue = StationaryQueue.load(agents: agents, utilization: utilization, meanHandlingTime: meanHandlingTime)
        let result = try await Simulation.run(
            club: try .stationaryQueue(agents: agents),
            options: SimulationOptions(days: days, seed: seed, scenario: .stationaryQueue(queue))
        )
        return QueueingCheck(theory: ErlangC(queue, agents: agents), result: result)
    }

    /// Measures a stationary-queue run's result against a model.
    ///
    /// - Parameters:
    ///   - theory: The model.
    ///   - result: The run.
    public init(theory: ErlangC, result: SimulationResult) {
        let margin = result.period.duration / 10
        let from = result.period.start.addingTimeInterval(margin)
        let to = result.period.end.addingTimeInterval(-margin)
        let waits = result.outcomes.filter { $0.createdAt >= from && $0.createdAt < to }.map {
            $0.waitForAgent ?? result.period.end.timeIntervalSince($0.createdAt)
        }
        let thresholds = Self.thresholdsInHandlingTimes.map { $0 * theory.meanHandlingTime }
        let count = Double(max(1, waits.count))
        self.init(
            theory: theory,
            tickets: waits.count,
            simulatedMeanWait: waits.reduce(0, +) / count,
            thresholds: thresholds,
            simulatedShareLonger: thresholds.map { limit in Double(waits.count { $0 > limit }) / count }
        )
    }
}
