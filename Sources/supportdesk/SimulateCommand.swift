import Foundation
import SupportEngine
import SupportSimulation

/// `supportdesk simulate`: plays a club's traffic against the real desk and prints the summary.
struct SimulateCommand {
    let arguments: SimulateArguments

    func run() async throws {
        let club = try arguments.club()
        let bar = ProgressBar()
        let result = try await Simulation.run(
            club: club,
            options: SimulationOptions(days: arguments.days, seed: arguments.seed),
            progress: { bar.update($0) }
        )
        bar.finish()
        print(SimulationSummary(result).text, terminator: "")
        if let html = arguments.html {
            do {
                try Data(HTMLReport(result).html.utf8).write(to: URL(fileURLWithPath: html))
            } catch {
                throw ClubConfigurationError(.unreadableFile, path: html, "cannot write the report: \(error)")
            }
            print("report written to \(html)")
        }
    }
}
