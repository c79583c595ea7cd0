import Foundation

/// The Erlang C model of a queue: Poisson arrivals at rate λ, exponential handling times of mean 1/μ,
/// `agents` agents (c), one queue served first come, first served, nobody gives up.
///
/// With the offered load a = λ/μ and the utilization ρ = a/c < 1, the chance that a ticket waits at all
/// is C(c, a) = c·B / (c − a(1 − B)), where B is Erlang B computed by B₀ = 1, Bₖ = a·Bₖ₋₁ / (k + a·Bₖ₋₁);
/// the wait is then exponential: P(W > t) = C · e^(−(cμ − λ)t), and the mean wait is C / (cμ − λ).
///
/// ```swift
/// let model = ErlangC(agents: 2, arrivalsPerHour: 9.6, meanHandlingTime: 600)  // ρ = 0.8
/// model.probabilityOfWaiting  // 0.711
/// model.meanWait              // 1_066 s
/// ```
public struct ErlangC: Sendable, Hashable {
    /// The agents, c.
    public var agents: Int
    /// New tickets per hour, λ.
    public var arrivalsPerHour: Double
    /// The mean handling time in seconds, 1/μ.
    public var meanHandlingTime: TimeInterval

    /// Creates the model.
    ///
    /// - Parameters:
    ///   - agents: The agents, 1 or more.
    ///   - arrivalsPerHour: New tickets per hour.
    ///   - meanHandlingTime: The mean handling time in seconds.
    public init(agents: Int, arrivalsPerHour: Double, meanHandlingTime: TimeInterval) {
        self.agents = agents
        self.arrivalsPerHour = arrivalsPerHour
        self.meanHandlingTime = meanHandlingTime
    }

    /// The model of a stationary queue scenario with `agents` agents.
    ///
    /// - Parameters:
    ///   - queue: The scenario.
    ///   - agents: The agents.
    public init(_ queue: StationaryQueue, agents: Int) {
        self.init(agents: agents, arrivalsPerHour: queue.arrivalsPerHour, meanHandlingTime: queue.meanHandlingTime)
    }

    /// The offered load a = λ/μ, in agents.
    public var offeredLoad: Double { arrivalsPerHour / 3600 * meanHandlingTime }

    /// The utilization ρ = a/c; the queue is stable only below 1.
    public var utilization: Double { offeredLoad / Double(agents) }

    /// The chance that a ticket waits at all, C(c, a); 1 when the queue is not stable.
    public var probabilityOfWaiting: Double {
        guard agents > 0, utilization < 1 else { return 1 }
        let load = offeredLoad
        var erlangB = 1.0
        for k in 1...agents { erlangB = load * erlangB / (Double(k) + load * erlangB) }
        let c = Double(agents)
        return c * erlangB / (c - load * (1 - erlangB))
    }

    /// The rate at which the queue empties, cμ − λ, per second.
    private var drainRate: Double { Double(agents) / meanHandlingTime - arrivalsPerHour / 3600 }

    /// The chance that a ticket waits longer than `wait` for an agent: C · e^(−(cμ − λ)t).
    ///
    /// - Parameter wait: The wait in seconds, 0 or more.
    /// - Returns: The chance, 0 to 1; 1 when the queue is not stable.
    public func probabilityOfWaitingLonger(than wait: TimeInterval) -> Double {
        guard utilization < 1 else { return 1 }
        return probabilityOfWaiting * exp(-drainRate * max(0, wait))
    }

    /// The mean wait for an agent, C / (cμ − λ), in seconds; infinite when the queue is not stable.
    public var meanWait: TimeInterval {
        guard utilization < 1 else { return .infinity }
        return probabilityOfWaiting / drainRate
    }

    /// The share of tickets an agent takes within `wait`: the service level 1 − P(W > t).
    ///
    /// - Parameter wait: The wait in seconds.
    /// - Returns: The share, 0 to 1.
    public func serviceLevel(within wait: TimeInterval) -> Double {
        1 - probabilityOfWaitingLonger(than: wait)
    }
}
