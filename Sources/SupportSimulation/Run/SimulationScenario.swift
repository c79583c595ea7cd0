import Foundation
import SupportEngine

/// What a simulation plays against the desk.
public enum SimulationScenario: Sendable, Hashable {
    /// The club's traffic: its weekly pattern, reasons, languages, replies, ratings and member journey.
    case club
    /// A stationary queue, the model of queueing theory: see ``StationaryQueue``.
    case stationaryQueue(StationaryQueue)
}

/// The M/M/c queue as a scenario of the simulator: tickets arrive as a Poisson process at a constant
/// rate, around the clock; every agent is online all the time and carries one ticket at once; handling
/// times are exponential; each ticket is solved with the agent's first reply; members never write back.
///
/// The desk does the rest as it always does: it classifies every ticket (all get the same text, so the
/// same priority), queues the ones no agent can take, and assigns the oldest first when an agent's
/// ticket is solved. The wait for an agent is then the wait of the M/M/c model, which
/// ``ErlangC`` predicts. Play it on ``ClubConfiguration/stationaryQueue(agents:)``.
public struct StationaryQueue: Sendable, Hashable {
    /// New tickets per hour.
    public var arrivalsPerHour: Double
    /// The mean handling time of a ticket, in seconds.
    public var meanHandlingTime: TimeInterval

    /// Creates the scenario.
    ///
    /// - Parameters:
    ///   - arrivalsPerHour: New tickets per hour, more than 0.
    ///   - meanHandlingTime: The mean handling time in seconds, more than 0.
    public init(arrivalsPerHour: Double, meanHandlingTime: TimeInterval) {
        self.arrivalsPerHour = arrivalsPerHour
        self.meanHandlingTime = meanHandlingTime
    }

    /// The scenario for `agents` agents kept busy `utilization` of the time (ρ = λ / (c μ)).
    ///
    /// - Parameters:
    ///   - agents: The agents, c.
    ///   - utilization: ρ, between 0 and 1.
    ///   - meanHandlingTime: The mean handling time in seconds.
    /// - Returns: The scenario with λ = ρ c / mean handling time.
    public static func load(
        agents: Int,
        utilization: Double,
        meanHandlingTime: TimeInterval
    ) -> StationaryQueue {
        StationaryQueue(
            arrivalsPerHour: utilization * Double(agents) * 3600 / meanHandlingTime,
            meanHandlingTime: meanHandlingTime
        )
    }

    /// Checks the values.
    func validate() throws {
        guard arrivalsPerHour > 0, arrivalsPerHour.isFinite, arrivalsPerHour <= 100_000 else {
            throw ClubConfigurationError(
                .invalidArgument,
                path: "arrivalsPerHour",
                "give more than 0 and at most 100,000 tickets an hour, not \(arrivalsPerHour)"
            )
        }
        guard meanHandlingTime >= 1, meanHandlingTime <= 86_400 else {
            throw ClubConfigurationError(
                .invalidArgument,
                path: "meanHandlingTime",
                "give a mean handling time from 1 second to 1 day, not \(meanHandlingTime) s"
            )
        }
    }
}

extension ClubConfiguration {
    /// The club of the ``StationaryQueue`` scenario: open around the clock in UTC, `agents` agents who
    /// carry one ticket at once, no promises, no acknowledgement, no ratings, one language.
    ///
    /// - Parameter agents: c, 1 to 26.
    /// - Returns: The club.
    /// - Throws: ``ClubConfigurationError`` for an agent count out of range.
    public static func stationaryQueue(agents: Int) throws -> ClubConfiguration {
        guard (1...26).contains(agents) else {
            throw ClubConfigurationError(.invalidArgument, path: "agents", "give 1 to 26 agents, not \(agents)")
        }
        let hours = try BusinessCalendar(.init(timeZone: "UTC", alwaysOpen: true))
        let profiles = (0..<agents).map { index in
            AgentProfile(
                id: AgentID("agent\(index + 1)"),
                displayName: "Agent \(index + 1)",
                languages: [.en],
                capacity: 1
            )
        }
        let desk = DeskConfiguration(agents: profiles, requestsRatings: false, hours: hours)
        var club = ClubConfiguration(
            name: "Stationary queue (M/M/\(agents))",
            members: 1000,
            desk: desk,
            traffic: TrafficModel(
                reasons: ["content_question": 1],
                languages: ["en": 1],
                channels: ["email": 1],
                refundRequestsPerWeek: 0,
                difficultMembers: 0
            )
        )
        club.traffic.ratingShare = 0
        try club.validate()
        return club
    }
}
