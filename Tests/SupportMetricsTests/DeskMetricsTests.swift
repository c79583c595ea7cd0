import Foundation
import SupportMetrics
import SupportTemplates
import Testing
import TicketLifecycle

/// Builds one ticket's event log by hand, numbering the events.
private struct LogBuilder {
    let id: TicketID
    let createdAt: Date
    var events: [TicketEvent] = []

    init(_ id: TicketID, at: Date, priority: Priority, channel: ChannelKind, reason: ContactReason) {
        self.id = id
        self.createdAt = at
        let first = TicketMessage(
            id: MessageID("M-\(id)-1"),
            kind: .memberMessage,
            author: .member("m1"),
            body: "Help",
            at: at
        )
        let creation = TicketCreation(
            requester: "m1",
            subject: "Help",
            channel: channel,
            reason: reason,
            priority: priority,
            firstMessage: first
        )
        add(.created(creation), at: 0, by: .member("m1"))
    }

    mutating func add(_ change: TicketChange, at offset: TimeInterval, by actor: SupportActor = .system) {
        events.append(
            TicketEvent(
                ticketID: id,
                sequence: events.count + 1,
                at: createdAt.addingTimeInterval(offset),
                actor: actor,
                change: change
            )
        )
    }

    mutating func message(
        _ kind: TicketMessage.Kind,
        at offset: TimeInterval,
        by actor: SupportActor,
        key: String? = nil
    ) {
        let message = TicketMessage(
            id: MessageID("M-\(id)-\(events.count + 1)"),
            kind: kind,
            author: actor,
            body: "text",
            at: createdAt.addingTimeInterval(offset),
            templateKey: key
        )
        add(.messageAdded(message), at: offset, by: actor)
    }

    mutating func met(_ metric: SLAMetric, at offset: TimeInterval, business: TimeInterval, late: Bool) {
        let measurement = SLAMeasurement(
            metric: metric,
            startedAt: createdAt,
            metAt: createdAt.addingTimeInterval(offset),
            businessSeconds: business,
            calendarSeconds: offset,
            late: late
        )
        add(.sla(.met(measurement)), at: offset)
    }

    mutating func fired(_ step: SLAStep, at offset: TimeInterval) {
        let firing = SLAFiring(
            metric: .firstReply,
            step: step,
            clockStartedAt: createdAt,
            dueAt: createdAt.addingTimeInterval(offset),
            firedAt: createdAt.addingTimeInterval(offset)
        )
        add(.sla(.fired(firing)), at: offset)
    }

    func ticket() throws -> Ticket { try Ticket.replay(events) }
}

@Suite("Metrics from a hand-built event log")
struct DeskMetricsTests {
    let start = Date(timeIntervalSince1970: 1_767_603_600)

    /// Three tickets: A answered in 10 minutes and solved in an hour; B answered late after a breach and an
    /// escalation; C never answered, breached.
    func log() throws -> (tickets: [Ticket], events: [TicketEvent]) {
        var a = LogBuilder("T-A", at: start, priority: .urgent, channel: .email, reason: .access)
        a.message(.automatic, at: 0, by: .system, key: "acknowledgement")
        a.add(.assigned(from: nil, to: "anna"), at: 60)
        a.message(.publicReply, at: 600, by: .agent("anna"))
        a.add(.statusChanged(from: .new, to: .open), at: 600, by: .agent("anna"))
        a.met(.firstReply, at: 600, business: 600, late: false)
        a.add(.statusChanged(from: .open, to: .solved), at: 3600, by: .agent("anna"))
        a.met(.resolution, at: 3600, business: 3000, late: false)

        var b = LogBuilder(
            "T-B",
            at: start.addingTimeInterval(1800),
            priority: .normal,
            channel: .webForm,
            reason: .billing
        )
        b.message(.automatic, at: 5, by: .system, key: "acknowledgement")
        b.add(.assigned(from: nil, to: "ivan"), at: 0)
        b.fired(.breach, at: 86_400)
        b.fired(.escalation(level: 1), at: 88_000)
        b.message(.publicReply, at: 90_000, by: .agent("ivan"))
        b.add(.statusChanged(from: .new, to: .open), at: 90_000, by: .agent("ivan"))
        b.met(.firstReply, at: 90_000, business: 32_400, late: true)

        var c = LogBuilder(
            "T-C",
            at: start.addingTimeInterval(7200),
            priority: .normal,
            channel: .email,
            reason: .feedback
        )
        c.fired(.breach, at: 86_400)

        let builders = [a, b, c]
        return (try builders.map { try $0.ticket() }, builders.flatMap(\.events).reversed())
    }

    @Test func durationsAndPercentiles() throws {
        let (tickets, events) = try log()
        let metrics = DeskMetrics.compute(tickets: tickets, events: events)
        #expect(metrics.ticketCount == 3)
        #expect(metrics.resolvedCount == 1)
        #expect(metrics.firstReplyCalendar.samples == [600, 90_000])
        #expect(metrics.firstReplyCalendar.p50 == 600)
        #expect(metrics.firstReplyCalendar.p90 == 90_000)
        #expect(metrics.firstReplyBusiness.samples == [600, 32_400])
        #expect(metrics.resolutionCalendar.samples == [3600])
        #expect(metrics.resolutionBusiness.samples == [3000])
        #expect(metrics.acknowledgementLatency.samples == [0, 5])
        #expect(metrics.deadLetters == 0)
    }

    @Test func attainmentBreachesAndEscalations() throws {
        let (tickets, events) = try log()
        let metrics = DeskMetrics.compute(tickets: tickets, events: events)
        #expect(metrics.attainment[.firstReply] == Attainment(onTime: 1, total: 3), "B late after a breach, C breached")
        #expect(metrics.attainment[.resolution] == Attainment(onTime: 1, total: 1))
        #expect(metrics.attainmentByPriority[.firstReply]?[.urgent] == Attainment(onTime: 1, total: 1))
        #expect(metrics.attainmentByPriority[.firstReply]?[.normal] == Attainment(onTime: 0, total: 2))
        #expect(metrics.attainmentByChannel[.firstReply]?[.email] == Attainment(onTime: 1, total: 2))
        #expect(metrics.attainmentByChannel[.firstReply]?[.webForm] == Attainment(onTime: 0, total: 1))
        #expect(metrics.attainmentByReason[.firstReply]?[.billing]?.rate == 0)
        #expect(metrics.breaches[.firstReply] == 2)
        #expect(metrics.breaches[.resolution] == nil)
        #expect(metrics.escalations == 1)
    }

    @Test func backlogAndAgents() throws {
        let (tickets, events) = try log()
        let metrics = DeskMetrics.compute(tickets: tickets, events: events)
        let expected: [(TimeInterval, Int)] = [(0, 1), (1800, 2), (3600, 1), (7200, 2)]
        #expect(metrics.backlog.map(\.open) == expected.map(\.1))
        #expect(metrics.backlog.map { $0.at.timeIntervalSince(start) } == expected.map(\.0))
        #expect(metrics.backlogPeak == 2)
        #expect(metrics.agents["anna"]?.assigned == 1)
        #expect(metrics.agents["anna"]?.replies == 1)
        #expect(metrics.agents["anna"]?.solved == 1)
        #expect(metrics.agents["anna"]?.openNow == 0)
        #expect(metrics.agents["ivan"]?.solved == 0)
        #expect(metrics.agents["ivan"]?.openNow == 1)
    }

    @Test func satisfactionFromRatings() throws {
        let (tickets, events) = try log()
        let ratings = [5, 4, 2].enumerated().map { index, score in
            Rating(ticket: TicketID("T-\(index)"), member: "m1", score: score, at: start)
        }
        let metrics = DeskMetrics.compute(tickets: tickets, events: events, ratings: ratings)
        #expect(metrics.satisfaction.count == 3)
        #expect(metrics.satisfaction.distribution == [0, 1, 0, 1, 1])
        #expect(abs((metrics.satisfaction.average ?? 0) - 11.0 / 3) < 1e-9)
        #expect(abs((metrics.satisfaction.satisfiedShare ?? 0) - 2.0 / 3) < 1e-9)
        #expect(DeskMetrics.compute(tickets: [], events: []).satisfaction.average == nil)
    }

    @Test func attainmentCountsAgainstThePriorityPromisedWhenTheClockStarted() throws {
        var d = LogBuilder("T-D", at: start, priority: .normal, channel: .email, reason: .access)
        let clock = SLAClock(
            metric: .firstReply,
            startedAt: start,
            dueAt: start.addingTimeInterval(86_400),
            warningAt: nil
        )
        d.add(.sla(.started(clock)), at: 0)
        d.fired(.breach, at: 86_400)
        d.add(.priorityChanged(from: .normal, to: .high), at: 86_400)
        var recomputed = clock
        recomputed.dueAt = start.addingTimeInterval(3600)
        d.add(.sla(.started(recomputed)), at: 86_400)
        d.message(.publicReply, at: 90_000, by: .agent("anna"))
        d.met(.firstReply, at: 90_000, business: 9000, late: true)
        let ticket = try d.ticket()
        #expect(ticket.priority == .high)
        let metrics = DeskMetrics.compute(tickets: [ticket], events: d.events)
        #expect(metrics.attainmentByPriority[.firstReply]?[.normal] == Attainment(onTime: 0, total: 1))
        #expect(metrics.attainmentByPriority[.firstReply]?[.high] == nil, "the escalation does not move the breach")
    }

    @Test(arguments: [(50.0, 5.0), (90.0, 9.0), (95.0, 10.0), (10.0, 1.0), (100.0, 10.0)])
    func nearestRankPercentiles(percent: Double, expected: Double) {
        let summary = DurationSummary((1...10).reversed().map(Double.init))
        #expect(summary.percentile(percent) == expected)
        #expect(summary.mean == 5.5)
        #expect(summary.share(atMost: 3) == 0.3)
        #expect(DurationSummary([]).p50 == nil)
    }

    /// A percentile asked for with a value that is not a number used to trap (`Int(.nan)`).
    @Test func percentilesOutsideTheRangeAreClampedAndNaNHasNone() {
        let summary = DurationSummary([1, 2, 3, 4])
        #expect(summary.percentile(.nan) == nil)
        #expect(summary.percentile(-5) == 1)
        #expect(summary.percentile(250) == 4)
        #expect(summary.percentile(.infinity) == 4)
        #expect(summary.percentile(-.infinity) == 1)
    }
}
