import Foundation
import SupportEngine

/// Plays a club's traffic against the real `SupportDesk` on a manual clock: members write, agents
/// answer during their shifts, members reply, tickets are solved and rated. The member journey runs too:
/// members join, are active, go quiet and cancel, most answer the exit survey, and two thirds into the run
/// the owner announces a fix for the most common exit reason (see `JourneyFigures`).
///
/// Everything random comes from one seeded generator and ids from a `SequentialIDGenerator`, so the
/// same club, options and seed always give the same result.
///
/// ```swift
/// let result = try await Simulation.run(club: try .defaultClub(), options: SimulationOptions(days: 7))
/// print(SimulationSummary(result).text)
/// ```
public enum Simulation {
    /// Runs a simulation.
    ///
    /// - Parameters:
    ///   - club: The club.
    ///   - options: How long and from which seed.
    ///   - progress: Called now and then with the share of simulated time done, 0 to 1.
    /// - Returns: The result.
    /// - Throws: ``ClubConfigurationError`` for options out of range or a club the desk cannot use;
    ///   the desk's errors if it fails.
    public static func run(
        club: ClubConfiguration,
        options: SimulationOptions,
        progress: (@Sendable (Double) -> Void)? = nil
    ) async throws -> SimulationResult {
        guard (1...366).contains(options.days) else {
            throw ClubConfigurationError(.invalidArgument, path: "--days", "give 1 to 366 days, not \(options.days)")
        }
        let run = try await SimulationRun(club: club, options: options)
        return try await run.play(progress: progress)
    }
}

/// The first Monday of 2026 at local midnight in a time zone.
func simulationStart(in timeZone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar.date(from: DateComponents(year: 2026, month: 1, day: 5))
        ?? Date(timeIntervalSince1970: 1_767_571_200)
}
