import Foundation
import SupportEngine

extension Simulation {
    /// Plays a club's traffic against the real desk, as ``run(club:options:progress:)`` does, then asks
    /// that desk for its report over the simulated period: `SupportDesk.report(from:to:title:)` reads
    /// the tickets back from the desk's store and the ratings the desk holds, exactly as it would on a
    /// live desk.
    ///
    /// ```swift
    /// let report = try await Simulation.deskReport(club: try .defaultClub(), options: SimulationOptions(days: 7))
    /// try Data(report.html.utf8).write(to: url)
    /// ```
    ///
    /// - Parameters:
    ///   - club: The club.
    ///   - options: How long and from which seed.
    ///   - progress: Called now and then with the share of simulated time done, 0 to 1.
    /// - Returns: The desk's report, titled with the club's name.
    /// - Throws: ``ClubConfigurationError`` for options out of range or a club the desk cannot use;
    ///   `ReportError` when the report cannot be made; the desk's errors if it fails.
    public static func deskReport(
        club: ClubConfiguration,
        options: SimulationOptions,
        progress: (@Sendable (Double) -> Void)? = nil
    ) async throws -> DeskReport {
        guard (1...366).contains(options.days) else {
            throw ClubConfigurationError(.invalidArgument, path: "--days", "give 1 to 366 days, not \(options.days)")
        }
        let run = try await SimulationRun(club: club, options: options)
        _ = try await run.play(progress: progress)
        return try await run.desk.report(from: run.period.start, to: run.period.end, title: club.name)
    }
}
