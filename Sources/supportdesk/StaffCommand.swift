import Foundation
import SupportEngine
import SupportSimulation

/// `supportdesk staff`: the smallest schedule that keeps the club's first-reply promises, or with
/// `--check-theory` the simulator against Erlang C.
struct StaffCommand {
    let arguments: StaffArguments

    /// The utilizations of the theory table.
    static let loads = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]

    func run() async throws {
        if arguments.checkTheory { return try await checkTheory() }
        let club = try arguments.club()
        let plan = try await StaffingPlanner.plan(club: club, options: arguments.options) { runs in
            FileHandle.standardError.write(Data("staff: \(runs) schedule(s) simulated\n".utf8))
        }
        print(plan.text, terminator: "")
        if let html = arguments.html {
            do {
                try Data(StaffingReport(plan).html.utf8).write(to: URL(fileURLWithPath: html))
            } catch {
                throw ClubConfigurationError(.unreadableFile, path: html, "cannot write the report: \(error)")
            }
            print("report written to \(html)")
        }
    }

    /// Plays the stationary queue with two agents and a 10-minute mean handling time at several loads.
    func checkTheory() async throws {
        let days = arguments.days ?? 120
        let seed = arguments.seed
        let checks = try await withThrowingTaskGroup(of: (Int, QueueingCheck).self) { group in
            for (index, load) in Self.loads.enumerated() {
                group.addTask {
                    (
                        index,
                        try await QueueingCheck.run(
                            agents: 2,
                            utilization: load,
                            meanHandlingTime: 600,
                            days: days,
                            seed: seed
                        )
                    )
                }
            }
            var checks: [(Int, QueueingCheck)] = []
            for try await check in group { checks.append(check) }
            return checks.sorted { $0.0 < $1.0 }.map(\.1)
        }
        print("M/M/2, mean handling 10 min, \(days) days per load, seed \(seed): simulated (Erlang C)")
        print("rho   tickets  P(W>0)          P(W>10m)        mean wait")
        for check in checks {
            let shares = zip(check.simulatedShareLonger, check.theoryShareLonger).map { simulated, theory in
                String(format: "%.3f (%.3f)", simulated, theory)
            }
            print(
                String(format: "%.2f  %7d  ", check.theory.utilization, check.tickets)
                    + shares[0] + "   " + shares[2] + "   "
                    + String(format: "%.0fs (%.0fs)", check.simulatedMeanWait, check.theory.meanWait)
            )
        }
    }
}
