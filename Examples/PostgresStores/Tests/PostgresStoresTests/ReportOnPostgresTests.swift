import Foundation
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

/// The same desk history played on the in-memory stores and on PostgreSQL gives the same report.
@Suite("Reports from a desk on PostgreSQL")
struct ReportOnPostgresTests {
    /// Monday 2026-01-05 in UTC, plus hours.
    static func monday(_ hours: Double) -> Date {
        Date(timeIntervalSince1970: 1_767_571_200 + hours * 3600)
    }

    /// Every day open in UTC; first reply promised within 1 h, resolution within 8 h; two agents.
    static func configuration() throws -> DeskConfiguration {
        let calendar = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.allCases, start: "00:00", end: "24:00")]
            )
        )
        return DeskConfiguration(
            storeScanInterval: nil,
            agents: [AgentProfile(id: "olga", displayName: "Olga"), AgentProfile(id: "ivan", displayName: "Ivan")],
            sla: SLAPolicy(
                calendar: calendar,
                targets: [
                    .normal: ResponseTargets(
                        firstReply: .calendar(3600),
                        nextReply: .calendar(3600),
                        resolution: .calendar(8 * 3600)
                    )
                ]
            ),
            routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
        )
    }

    /// Two tickets answered on Monday (one on time, one late), both solved and rated; one the next
    /// Monday whose first reply breaches; then `bulk` more that nobody has answered yet.
    static func play(on desk: SupportDesk, clock: ManualClock, bulk: Int) async throws {
        func write(_ id: String, from member: MemberID) async throws -> TicketID {
            try await desk.receive(
                InboundMessage(
                    channel: .email,
                    externalID: "<\(id)@club.example>",
                    sender: member,
                    subject: "Question \(id)",
                    body: "I cannot open the lesson",
                    receivedAt: clock.now
                )
            ).ticket.id
        }
        func at(_ hours: Double) async throws {
            clock.advance(to: monday(hours))
            try await desk.processDueWork()
        }
        let first = try await write("first", from: "anna")
        let second = try await write("second", from: "boris")
        try await desk.assign(first, to: "olga", by: .agent("olga"))
        try await desk.assign(second, to: "ivan", by: .agent("ivan"))
        try await at(9.5)
        try await desk.reply(to: first, body: "Try again now", by: .agent("olga"))
        try await at(10.5)
        try await desk.reply(to: second, body: "Refunded", by: .agent("ivan"))
        try await desk.solve(second, by: .agent("ivan"))
        try await at(11)
        try await desk.solve(first, by: .agent("olga"))
        try await desk.ratings.rate(first, score: 5, by: "anna")
        try await desk.ratings.rate(second, score: 2, by: "boris")
        try await at(24 * 7 + 9)
        _ = try await write("third", from: "clara")
        try await at(24 * 7 + 11)
        for index in 0..<bulk { _ = try await write("bulk-\(index)", from: MemberID("member-\(index)")) }
    }

    @Test("figures per agent, channel and week; every page of the store read; the same as in memory")
    func sameAsInMemory() async throws {
        let bulk = 1_001
        let memoryClock = ManualClock(now: Self.monday(9))
        let memoryDesk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: memoryClock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: try Self.configuration(),
            ids: SequentialIDGenerator()
        )
        try await Self.play(on: memoryDesk, clock: memoryClock, bulk: bulk)
        let expected = try await memoryDesk.report(from: Self.monday(0), to: Self.monday(24 * 14), title: "Club")

        #expect(expected.overall.tickets == 3 + bulk)
        #expect(expected.overall.firstReplyMedian == 1800)
        #expect(expected.overall.firstReplyAttainment == Attainment(onTime: 1, total: 3))
        #expect(expected.overall.resolutionAttainment == Attainment(onTime: 2, total: 2))
        #expect(expected.overall.csat == 0.5)
        #expect(expected.byWeek.map(\.figures.tickets) == [2, 1 + bulk])

        try await TestDatabase.withStores(schema: "desk_report") { stores in
            let clock = ManualClock(now: Self.monday(9))
            let desk = try SupportDesk(
                store: stores.tickets,
                clock: clock,
                channels: [InMemoryChannel(kind: .email)],
                configuration: try Self.configuration(),
                ids: SequentialIDGenerator(),
                ledgers: stores.policyLedgers,
                journeys: stores.journeys,
                ratings: stores.ratings,
                agentStatuses: stores.agentStatuses
            )
            try await Self.play(on: desk, clock: clock, bulk: bulk)
            let report = try await desk.report(from: Self.monday(0), to: Self.monday(24 * 14), title: "Club")
            #expect(report == expected)
        }
    }
}
