import Foundation
import SupportEngine
import SupportSimulation
import Testing

@Suite("Simulation")
struct SimulationTests {
    @Test(arguments: [UInt64(1), 42])
    func sameSeedSameSummary(seed: UInt64) async throws {
        let club = try ClubConfiguration.defaultClub()
        let options = SimulationOptions(days: 3, seed: seed)
        let first = SimulationSummary(try await Simulation.run(club: club, options: options)).text
        let second = SimulationSummary(try await Simulation.run(club: club, options: options)).text
        #expect(first == second, "seed \(seed)")
        let other = SimulationSummary(
            try await Simulation.run(club: club, options: SimulationOptions(days: 3, seed: seed + 1))
        )
        #expect(other.text != first, "seed \(seed) and \(seed + 1) gave the same run")
    }

    @Test func aWeekPlaysTheDailyAndWeeklyPattern() async throws {
        let result = try await Simulation.run(club: try .defaultClub(), options: SimulationOptions(days: 7, seed: 7))
        let metrics = result.metrics
        #expect(metrics.ticketCount > 100 && metrics.ticketCount < 250, "about 30 a weekday for 1,500 members")
        #expect(result.arrivalsByHourOfWeek.count == 168)
        let monday = result.arrivalsByHourOfWeek[0..<24].reduce(0, +)
        let sunday = result.arrivalsByHourOfWeek[144..<168].reduce(0, +)
        #expect(monday > sunday, "Monday is busier than Sunday")
        let nights = (0..<7).map { result.arrivalsByHourOfWeek[$0 * 24 + 3] }.reduce(0, +)
        let mornings = (0..<7).map { result.arrivalsByHourOfWeek[$0 * 24 + 10] }.reduce(0, +)
        #expect(mornings > nights)
        #expect(metrics.firstReplyCalendar.count > 0)
        #expect(metrics.acknowledgementLatency.count == metrics.ticketCount, "every ticket acknowledged")
        #expect(Set(metrics.agents.keys) == ["anna", "ivan"])
        #expect(metrics.satisfaction.count > 0)
        #expect(result.refundRequests > 0)
        #expect(result.moderationActions > 0)
        #expect(metrics.backlogPeak >= metrics.backlog.last?.open ?? 0)
    }

    @Test func moreAgentsAnswerFaster() async throws {
        let options = SimulationOptions(days: 5, seed: 3)
        let one = try await Simulation.run(club: try .defaultClub(agents: 1, members: 3000), options: options)
        let four = try await Simulation.run(club: try .defaultClub(agents: 4, members: 3000), options: options)
        let slow = try #require(one.metrics.firstReplyBusiness.p90)
        let fast = try #require(four.metrics.firstReplyBusiness.p90)
        #expect(fast < slow, "p90 business first reply: 4 agents \(fast) s, 1 agent \(slow) s")
    }

    @Test func summaryAndReportShowTheFigures() async throws {
        let result = try await Simulation.run(club: try .defaultClub(), options: SimulationOptions(days: 2, seed: 5))
        let text = SimulationSummary(result).text
        for part in [
            "tickets", "first reply", "resolution", "urgent", "breaches", "queue peak", "Anna", "refunds",
            "moderation",
        ] {
            #expect(text.contains(part), "summary lacks \(part)")
        }
        let html = HTMLReport(result).html
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4, "four charts")
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"), "self-contained")
        // Tickets are named by the number members saw, never by an internal id.
        #expect(html.contains("Slowest first replies"))
        let first = try #require(result.slowestFirstReplies.first)
        #expect(first.reference.wholeMatch(of: /#[0-9]+/) != nil, "\(first.reference)")
        #expect(html.contains("<td>\(first.reference)</td>"))
        #expect(result.slowestFirstReplies.count <= 10)
        #expect(
            zip(result.slowestFirstReplies, result.slowestFirstReplies.dropFirst()).allSatisfy { $0.wait >= $1.wait }
        )
        #expect(html.firstMatch(of: /T-[0-9]{6}/) == nil, "no internal ticket id in the report")
    }

    @Test func refundsFollowTheClubsRules() async throws {
        let options = SimulationOptions(days: 7, seed: 11)
        let ruled = try await Simulation.run(club: try .defaultClub(), options: options)
        #expect(ruled.refundsDecided > 0 && ruled.refundsDecided <= ruled.refundRequests, "late ones may wait")
        #expect(ruled.refundsApproved > 0, "a 14- or 30-day guarantee approves recent charges")
        var without = try ClubConfiguration.defaultClub()
        without.desk.refunds = nil
        let none = try await Simulation.run(club: without, options: options)
        #expect(none.refundsDecided == ruled.refundsDecided)
        #expect(none.refundsApproved == 0, "without a policy every request is refused")
        #expect(ruled.moderationSteps.values.reduce(0, +) == ruled.moderationActions)
        #expect(ruled.moderationSteps["warning"] == 1, "the ladder starts with a warning")
    }

    @Test func badOptionsAreRefused() async throws {
        await #expect(throws: ClubConfigurationError.self) {
            try await Simulation.run(club: try .defaultClub(), options: SimulationOptions(days: 0))
        }
    }
}
