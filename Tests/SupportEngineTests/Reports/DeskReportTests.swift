import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Monday 2026-01-05 in UTC, plus hours.
private func monday(_ hours: Double) -> Date {
    Date(timeIntervalSince1970: 1_767_571_200 + hours * 3600)
}

/// A store that hands out pages of two tickets at most, so that a reader must follow the cursor.
private struct SmallPagesStore: ForwardingTicketStore {
    let base: InMemoryTicketStore
    func tickets(matching query: TicketQuery) async throws -> TicketPage {
        var small = query
        small.limit = min(query.limit, 2)
        return try await base.tickets(matching: small)
    }
}

/// A desk on a manual clock: every day open, first reply promised within 1 h and resolution within 8 h
/// (calendar time), two agents, one of them with a name that is HTML.
private struct ReportHarness {
    static let hostileName = "Olga <script>alert(1)</script>"
    let clock: ManualClock
    let desk: SupportDesk
    private var counter = 0

    init(store: any TicketStore = InMemoryTicketStore()) throws {
        clock = ManualClock(now: monday(9))
        let calendar = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.allCases, start: "00:00", end: "24:00")]
            )
        )
        let targets = ResponseTargets(
            firstReply: .calendar(3600),
            nextReply: .calendar(3600),
            resolution: .calendar(8 * 3600)
        )
        desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [InMemoryChannel(kind: .email), InMemoryChannel(kind: .telegram)],
            configuration: DeskConfiguration(
                storeScanInterval: nil,
                agents: [
                    AgentProfile(id: "olga", displayName: Self.hostileName),
                    AgentProfile(id: "ivan", displayName: "Ivan"),
                ],
                sla: SLAPolicy(calendar: calendar, targets: [.normal: targets]),
                routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
            ),
            ids: SequentialIDGenerator()
        )
    }

    mutating func write(
        _ subject: String,
        from member: MemberID,
        on channel: ChannelKind = .email
    ) async throws
        -> Ticket
    {
        counter += 1
        return try await desk.receive(
            InboundMessage(
                channel: channel,
                externalID: "m-\(counter)",
                sender: member,
                threadReference: nil,
                subject: subject,
                body: "I cannot open the lesson",
                receivedAt: clock.now
            )
        ).ticket
    }

    /// Moves the clock, firing the desk's timers on the way.
    func at(_ instant: Date) async throws {
        clock.advance(to: instant)
        try await desk.processDueWork()
    }

    /// Two tickets on Monday (one answered on time by Olga, one late by Ivan, both solved and rated) and
    /// one the next Monday that nobody answers before its first-reply promise breaches.
    mutating func play() async throws -> (first: Ticket, second: Ticket, third: Ticket) {
        let first = try await write("<img src=x onerror=alert(1)>", from: "anna")
        let second = try await write("Payment twice", from: "boris", on: .telegram)
        try await desk.assign(first.id, to: "olga", by: .agent("olga"))
        try await desk.assign(second.id, to: "ivan", by: .agent("ivan"))
        try await at(monday(9.5))
        try await desk.reply(to: first.id, body: "Try again now", by: .agent("olga"))
        try await at(monday(10.5))
        try await desk.reply(to: second.id, body: "Refunded", by: .agent("ivan"))
        try await desk.solve(second.id, by: .agent("ivan"))
        try await at(monday(11))
        try await desk.solve(first.id, by: .agent("olga"))
        try await desk.ratings.rate(first.id, score: 5, by: "anna")
        try await desk.ratings.rate(second.id, score: 2, by: "boris")
        try await at(monday(24 * 7 + 9))
        let third = try await write("Where is my certificate?", from: "clara")
        try await at(monday(24 * 7 + 11))
        return (first, second, third)
    }
}

@Suite("Reports from the live desk")
struct DeskReportTests {
    @Test("first reply, resolution, SLA attainment and CSAT overall and per agent, channel and week")
    func figures() async throws {
        var harness = try ReportHarness()
        _ = try await harness.play()
        let report = try await harness.desk.report(from: monday(0), to: monday(24 * 14), title: "Chess Club")

        #expect(report.overall.tickets == 3)
        #expect(report.overall.resolved == 2)
        #expect(report.overall.firstReplyMedian == 1800, "30 min and 90 min: the nearest-rank median is 30 min")
        #expect(report.overall.firstReplyP90 == 5400)
        #expect(report.overall.resolutionMedian == 5400, "solved after 90 min and after 2 h")
        #expect(report.overall.resolutionP90 == 7200)
        #expect(report.overall.firstReplyAttainment == Attainment(onTime: 1, total: 3), "one late, one breached")
        #expect(report.overall.resolutionAttainment == Attainment(onTime: 2, total: 2))
        #expect(report.overall.slaAttainment == Attainment(onTime: 3, total: 5))
        #expect(report.overall.ratings == 2)
        #expect(report.overall.csat == 0.5)
        #expect(report.overall.averageRating == 3.5)

        #expect(report.byAgent.map(\.label) == ["Ivan", ReportHarness.hostileName, "unassigned"])
        let olga = try #require(report.byAgent.first { $0.key == "olga" })
        #expect(olga.figures.firstReplyMedian == 1800)
        #expect(olga.figures.slaAttainment == Attainment(onTime: 2, total: 2))
        #expect(olga.figures.csat == 1)
        let ivan = try #require(report.byAgent.first { $0.key == "ivan" })
        #expect(ivan.figures.slaAttainment == Attainment(onTime: 1, total: 2), "the late first reply counts")
        #expect(ivan.figures.csat == 0)

        #expect(report.byChannel.map(\.key) == ["email", "telegram"])
        #expect(report.byChannel.map(\.figures.tickets) == [2, 1])
        #expect(report.byWeek.map(\.key) == ["2026-01-05", "2026-01-12"])
        #expect(report.byWeek.map(\.figures.tickets) == [2, 1])
        #expect(report.byWeek[1].figures.firstReplyAttainment == Attainment(onTime: 0, total: 1))
        #expect(report.byReason.map(\.figures.tickets).reduce(0, +) == 3)
        #expect(TimeZone(identifier: report.timeZone)?.secondsFromGMT() == 0, "the SLA calendar's zone")
        #expect(report.firstReplyTarget == 3600)
    }

    @Test("only tickets created in the period count")
    func period() async throws {
        var harness = try ReportHarness()
        _ = try await harness.play()
        let firstWeek = try await harness.desk.report(from: monday(0), to: monday(24 * 7))
        #expect(firstWeek.overall.tickets == 2)
        #expect(firstWeek.byWeek.map(\.key) == ["2026-01-05"])
        #expect(firstWeek.title == "Support desk")
        await #expect(throws: ReportError.self) {
            _ = try await harness.desk.report(from: monday(5), to: monday(5))
        }
    }

    @Test("every page of the store is read, not only the first")
    func allPages() async throws {
        var harness = try ReportHarness(store: SmallPagesStore(base: InMemoryTicketStore()))
        _ = try await harness.play()
        let report = try await harness.desk.report(from: monday(0), to: monday(24 * 14))
        #expect(report.overall.tickets == 3)
    }

    @Test("the page escapes agents' names and the title and carries SVG charts and no script")
    func html() async throws {
        var harness = try ReportHarness()
        _ = try await harness.play()
        let report = try await harness.desk.report(from: monday(0), to: monday(24 * 14), title: "Chess & <b>Club</b>")
        let html = report.html
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(html.contains("Olga &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Chess &amp; &lt;b&gt;Club&lt;/b&gt; — support report"))
        #expect(!html.contains("<b>Club"))
        let decoded = try JSONDecoder.iso8601.decode(DeskReport.self, from: try report.json())
        #expect(decoded == report)
    }

    @Test("a store that fails gives a typed error, not a partial report")
    func failingStore() async throws {
        let store = FaultInjectingTicketStore(wrapping: InMemoryTicketStore())
        var harness = try ReportHarness(store: store)
        _ = try await harness.play()
        store.failNext(.tickets, .beforeWrite)
        let error = await #expect(throws: ReportError.self) {
            _ = try await harness.desk.report(from: monday(0), to: monday(24 * 14))
        }
        #expect(error?.code == .storeFailed)
        let report = try await harness.desk.report(from: monday(0), to: monday(24 * 14))
        #expect(report.overall.tickets == 3, "the store recovered: the whole report again")
    }
}

extension JSONDecoder {
    fileprivate static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
