import Foundation
import SupportEngine

/// How long and from which seed a simulation runs.
public struct SimulationOptions: Sendable, Hashable {
    /// How many days to simulate, from midnight of the first Monday of 2026 in the club's time zone.
    public var days: Int
    /// The seed of every random choice: the same seed gives the same run.
    public var seed: UInt64

    /// Creates options.
    ///
    /// - Parameters:
    ///   - days: How many days to simulate, 1 to 366.
    ///   - seed: The seed.
    public init(days: Int = 14, seed: UInt64 = 1) {
        self.days = days
        self.seed = seed
    }
}

/// What a simulation produced: the desk's metrics plus what only the simulation knows.
public struct SimulationResult: Sendable {
    /// The club's name.
    public var clubName: String
    /// The simulated period.
    public var period: DateInterval
    /// The club's time zone, for local times.
    public var timeZone: TimeZone
    /// The figures computed from the desk's event log.
    public var metrics: DeskMetrics
    /// The service levels the desk kept.
    public var sla: SLAPolicy
    /// The agents' display names.
    public var agentNames: [AgentID: String]
    /// New tickets per local hour of the week, Monday 00:00 first (168 values).
    public var arrivalsByHourOfWeek: [Int]
    /// Refund requests the members sent.
    public var refundRequests: Int
    /// Refund requests decided by the club's ``ClubConfiguration/refunds`` rules.
    public var refundsDecided: Int
    /// Refunds approved among those decided.
    public var refundsApproved: Int
    /// Refund requests the rules sent to the owner.
    public var refundsEscalated: Int
    /// Conduct steps applied, by action (`warning`, `finalWarning`, …).
    public var moderationSteps: [String: Int]
    /// Tickets from difficult members.
    public var difficultTickets: Int
    /// Conduct steps applied by the club's ``ClubConfiguration/moderation`` ladder to difficult members.
    public var moderationActions: Int
    /// Messages the desk sent on its channels.
    public var messagesSent: Int
}
