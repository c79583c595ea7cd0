import Foundation
import SupportEngine
import SupportSimulation

/// `supportdesk report`: the desk's report — first reply, resolution, SLA attainment and CSAT per
/// agent, channel, reason and week — as `SupportDesk.report(from:to:title:)` computes it.
///
/// The command has no database to read, so it gives a desk something to report on: the club's
/// traffic (what `simulate` plays) runs through a real `SupportDesk` on an in-memory store and a
/// manual clock, and the report is then read back from that desk's store, as a host's server does
/// on its live desk.
struct ReportCommand {
    let arguments: ReportArguments

    func run() async throws {
        let club = try arguments.club()
        let bar = ProgressBar()
        let report = try await Simulation.deskReport(
            club: club,
            options: SimulationOptions(days: arguments.days, seed: arguments.seed),
            progress: { bar.update($0) }
        )
        bar.finish()
        print(Self.summary(of: report), terminator: "")
        if let html = arguments.html {
            try write(Data(report.html.utf8), to: html)
            print("report written to \(html)")
        }
        if let json = arguments.json {
            try write(try report.json(), to: json)
            print("report written to \(json)")
        }
    }

    private func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw ClubConfigurationError(.unreadableFile, path: path, "cannot write the report: \(error)")
        }
    }

    /// The report in a few lines: overall, then one line per agent and per week.
    static func summary(of report: DeskReport) -> String {
        func line(_ name: String, _ figures: ReportFigures) -> String {
            name.padding(toLength: 24, withPad: " ", startingAt: 0)
                + "\(figures.tickets) ticket(s), first reply p50 \(DurationFormat.short(figures.firstReplyMedian)) "
                + "p90 \(DurationFormat.short(figures.firstReplyP90)), resolution p50 "
                + "\(DurationFormat.short(figures.resolutionMedian)), SLA "
                + "\(DurationFormat.percent(figures.slaAttainment.rate)), CSAT \(DurationFormat.percent(figures.csat))"
        }
        var lines = ["== \(report.title): desk report, time zone \(report.timeZone)"]
        lines.append(line("overall", report.overall))
        lines += report.byAgent.map { line("  agent \($0.label)", $0.figures) }
        lines += report.byWeek.map { line("  week \($0.key)", $0.figures) }
        return lines.joined(separator: "\n") + "\n"
    }
}
