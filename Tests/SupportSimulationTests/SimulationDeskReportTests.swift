import Foundation
import SupportEngine
import SupportSimulation
import Testing

@Suite("The desk report of a simulated club")
struct SimulationDeskReportTests {
    @Test("the desk's report counts what the simulation counted, per agent and week, on the shared page")
    func reportMatchesTheRun() async throws {
        let club = try ClubConfiguration.defaultClub()
        let options = SimulationOptions(days: 3, seed: 7)
        let result = try await Simulation.run(club: club, options: options)
        let report = try await Simulation.deskReport(club: club, options: options)

        #expect(report.title == club.name)
        #expect(report.period.from == result.period.start)
        #expect(report.period.to == result.period.end)
        #expect(report.overall.tickets == result.metrics.ticketCount)
        #expect(report.overall.tickets > 0)
        #expect(report.overall.firstReplyMedian == result.metrics.firstReplyCalendar.p50)
        #expect(report.overall.ratings == result.metrics.satisfaction.count)
        #expect(report.overall.csat == result.metrics.satisfaction.satisfiedShare)
        #expect(report.byAgent.map(\.figures.tickets).reduce(0, +) == report.overall.tickets)
        #expect(report.byWeek.map(\.figures.tickets).reduce(0, +) == report.overall.tickets)
        #expect(report.byChannel.map(\.figures.tickets).reduce(0, +) == report.overall.tickets)
        let named = Set(club.desk.agents.map(\.displayName))
        #expect(report.byAgent.allSatisfy { $0.key.isEmpty || named.contains($0.label) })

        let page = report.html
        #expect(page.contains("<svg"))
        #expect(!page.contains("<script"))
        #expect(page.contains(ReportHTML.style), "the simulator's style sheet")
        #expect(HTMLReport(result).html.contains(ReportHTML.style))
    }

    @Test("days out of range are refused before anything runs")
    func days() async throws {
        await #expect(throws: ClubConfigurationError.self) {
            _ = try await Simulation.deskReport(club: try .defaultClub(), options: SimulationOptions(days: 0))
        }
    }
}
