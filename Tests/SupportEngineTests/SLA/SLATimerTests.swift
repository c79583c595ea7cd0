import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Moscow wall time (UTC+3, no DST) as an instant: "2026-01-09 19:00".
private func moscow(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: text.replacingOccurrences(of: " ", with: "T") + ":00+03:00")!
}

/// Mon–Fri 09:00–13:00 and 14:00–18:00 in Moscow, Wednesday 2026-01-07 a holiday.
private func clubCalendar() throws -> BusinessCalendar {
    try BusinessCalendar(
        .init(
            timeZone: "Europe/Moscow",
            windows: [
                .init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "13:00"),
                .init(days: BusinessCalendar.Weekday.workdays, start: "14:00", end: "18:00"),
            ],
            holidays: [.init(date: "2026-01-07")]
        )
    )
}

private let hour: TimeInterval = 3600

private func policy(escalations: [SLAEscalation] = []) throws -> SLAPolicy {
    SLAPolicy(
        calendar: try clubCalendar(),
        targets: [
            .normal: .init(
                firstReply: .business(4 * hour),
                nextReply: .business(2 * hour),
                resolution: .business(16 * hour)
            ),
            .urgent: .init(
                firstReply: .business(1 * hour),
                nextReply: .business(1 * hour),
                resolution: .business(8 * hour)
            ),
        ],
        warningFraction: 0.75,
        escalations: escalations
    )
}

/// A desk on a manual clock with the club's SLA policy.
private struct SLAHarness {
    let clock: ManualClock
    let store: InMemoryTicketStore
    let desk: SupportDesk
    private var counter = 0

    init(at start: Date, escalations: [SLAEscalation] = [], store: InMemoryTicketStore = InMemoryTicketStore()) throws {
        clock = ManualClock(now: start)
        self.store = store
        desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(
                storeScanInterval: nil,  // alone on its store: the run-loop test checks each sleep
                sla: try policy(escalations: escalations),
                routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
            ),
            ids: SequentialIDGenerator()
        )
    }

    mutating func write(_ body: String, from member: MemberID = "anna", thread: String? = nil) async throws -> Ticket {
        counter += 1
        return try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "mail-\(member)-\(counter)-\(clock.now.timeIntervalSince1970)",
                sender: member,
                threadReference: thread,
                body: body,
                receivedAt: clock.now
            )
        ).ticket
    }

    func at(_ text: String) { clock.advance(to: moscow(text)) }

    func ticket(_ id: TicketID) async throws -> Ticket { try await desk.agentView(of: id).ticket }
}

@Suite("SLA clocks")
struct SLAClockTests {
    @Test(
        "first reply and resolution dues over evenings, weekends, holidays and lunch",
        arguments: [
            ("2026-01-09 19:00", "2026-01-12 13:00", "2026-01-12 12:00", "2026-01-13 18:00"),  // Friday evening
            ("2026-01-10 10:00", "2026-01-12 13:00", "2026-01-12 12:00", "2026-01-13 18:00"),  // Saturday
            ("2026-01-07 10:00", "2026-01-08 13:00", "2026-01-08 12:00", "2026-01-09 18:00"),  // holiday Wednesday
            ("2026-01-05 13:30", "2026-01-05 18:00", "2026-01-05 17:00", "2026-01-08 13:00"),  // lunch; Wed holiday
            ("2026-01-05 09:00", "2026-01-05 13:00", "2026-01-05 12:00", "2026-01-06 18:00"),  // opening
        ]
    )
    func dues(arrival: String, firstReply: String, warning: String, resolution: String) async throws {
        var harness = try SLAHarness(at: moscow(arrival))
        let ticket = try await harness.write("I cannot open the lesson")
        let first = try #require(ticket.sla.running[.firstReply])
        #expect(first.startedAt == moscow(arrival))
        #expect(first.dueAt == moscow(firstReply))
        #expect(first.warningAt == moscow(warning))
        #expect(ticket.sla.running[.resolution]?.dueAt == moscow(resolution))
        #expect(ticket.sla.running[.nextReply] == nil)
        #expect(try await harness.desk.agentView(of: ticket.id).dueAt == moscow(warning))
    }

    @Test("a reply meets first reply; a member's answer starts next reply from that message")
    func nextReply() async throws {
        var harness = try SLAHarness(at: moscow("2026-01-09 19:00"))
        let ticket = try await harness.write("Where is my certificate?")
        harness.at("2026-01-12 09:30")
        try await harness.desk.addInternalNote(to: ticket.id, body: "Checking with the school", by: .agent("olga"))
        #expect(try await harness.ticket(ticket.id).sla.running[.firstReply] != nil, "a note is not a reply")
        harness.at("2026-01-12 10:00")
        try await harness.desk.reply(to: ticket.id, body: "It is on its way", by: .agent("olga"), status: .pending)
        var current = try await harness.ticket(ticket.id)
        let measured = try #require(current.sla.firstMeasurement(of: .firstReply))
        #expect(measured.businessSeconds == hour)
        #expect(measured.calendarSeconds == 63 * hour)
        #expect(!measured.late)
        #expect(current.sla.running[.firstReply] == nil)

        harness.at("2026-01-12 11:00")
        _ = try await harness.write("Still nothing", thread: "ticket:\(ticket.id)")
        harness.at("2026-01-12 11:30")
        _ = try await harness.write("Hello?", thread: "ticket:\(ticket.id)")
        current = try await harness.ticket(ticket.id)
        let next = try #require(current.sla.running[.nextReply])
        #expect(next.startedAt == moscow("2026-01-12 11:00"), "counts from the oldest unanswered message")
        #expect(next.dueAt == moscow("2026-01-12 13:00"))
        harness.at("2026-01-12 14:30")
        try await harness.desk.reply(to: ticket.id, body: "Sent again", by: .agent("olga"))
        current = try await harness.ticket(ticket.id)
        let nextMeasured = try #require(current.sla.firstMeasurement(of: .nextReply))
        #expect(nextMeasured.late)
        #expect(nextMeasured.businessSeconds == 2.5 * hour)
    }

    @Test("pending pauses resolution over a weekend; resuming moves the due out by the paused time")
    func pauseAndResume() async throws {
        var harness = try SLAHarness(at: moscow("2026-01-08 09:00"))
        let ticket = try await harness.write("Refund of the second charge")
        #expect(ticket.sla.running[.resolution]?.dueAt == moscow("2026-01-09 18:00"))
        harness.at("2026-01-08 17:00")
        try await harness.desk.reply(to: ticket.id, body: "Which card?", by: .agent("olga"), status: .pending)
        var current = try await harness.ticket(ticket.id)
        let paused = try #require(current.sla.paused[.resolution])
        #expect(paused.remaining == 9 * hour)
        #expect(current.sla.running[.resolution] == nil)
        harness.at("2026-01-12 10:00")
        _ = try await harness.write("The Visa one", thread: "ticket:\(ticket.id)")
        current = try await harness.ticket(ticket.id)
        #expect(current.status == .open)
        let resumed = try #require(current.sla.running[.resolution])
        #expect(resumed.dueAt == moscow("2026-01-13 11:00"))
        #expect(resumed.startedAt == moscow("2026-01-08 09:00"))
        #expect(resumed.pausedFor == 10 * hour, "Thu 17–18, all of Friday and Mon 09–10 were paused")
        let names = try await harness.desk.agentView(of: ticket.id).events.map(\.change.name)
        #expect(names.contains("sla_paused") && names.contains("sla_resumed"))

        harness.at("2026-01-12 12:00")
        try await harness.desk.solve(ticket.id, by: .agent("olga"))
        current = try await harness.ticket(ticket.id)
        let resolution = try #require(current.sla.firstMeasurement(of: .resolution))
        #expect(resolution.businessSeconds == 9 * hour, "7 h before the pause and 2 h after it")
        #expect(!resolution.late)

        harness.at("2026-01-12 15:00")
        _ = try await harness.write("Actually it is still wrong", thread: "ticket:\(ticket.id)")
        current = try await harness.ticket(ticket.id)
        #expect(current.status == .open)
        #expect(current.sla.running[.resolution]?.startedAt == moscow("2026-01-12 15:00"), "reopening restarts it")
        #expect(current.sla.running[.nextReply]?.startedAt == moscow("2026-01-12 15:00"))
    }

    @Test("a priority change recomputes the dues from the same start")
    func priorityChange() async throws {
        var harness = try SLAHarness(at: moscow("2026-01-05 09:00"))
        let ticket = try await harness.write("Payment failed twice")
        harness.at("2026-01-05 09:20")
        try await harness.desk.setPriority(.urgent, of: ticket.id, by: .agent("olga"))
        let current = try await harness.ticket(ticket.id)
        #expect(current.sla.running[.firstReply]?.dueAt == moscow("2026-01-05 10:00"))
        #expect(current.sla.running[.firstReply]?.warningAt == moscow("2026-01-05 09:45"))
        #expect(current.sla.running[.firstReply]?.startedAt == moscow("2026-01-05 09:00"))
        #expect(current.sla.running[.resolution]?.dueAt == moscow("2026-01-05 18:00"))
    }

    @Test("warning at 75 %, breach, then a three-level ladder, each at its instant")
    func warningBreachAndLadder() async throws {
        var harness = try SLAHarness(
            at: moscow("2026-01-05 09:00"),
            escalations: [
                SLAEscalation(after: hour, action: .notify("lead")),
                SLAEscalation(after: 2 * hour, action: .reassign("owner")),
                SLAEscalation(after: 4 * hour, action: .raisePriority),
            ]
        )
        let ticket = try await harness.write("I was charged but have no access")
        let expected: [(String, SLAStep)] = [
            ("2026-01-05 12:00", .warning), ("2026-01-05 13:00", .breach),
            ("2026-01-05 15:00", .escalation(level: 1)), ("2026-01-05 16:00", .escalation(level: 2)),
            ("2026-01-05 18:00", .escalation(level: 3)),
        ]
        for (instant, step) in expected {
            harness.clock.advance(to: moscow(instant).addingTimeInterval(-1))
            try await harness.desk.processDueWork()
            let before = try await harness.ticket(ticket.id).sla.firings.filter { $0.metric == .firstReply }
            #expect(!before.contains { $0.step == step }, "\(step) fired early")
            harness.clock.advance(to: moscow(instant).addingTimeInterval(30))
            #expect(try await harness.desk.processDueWork() == 1)
            let firing = try #require(
                try await harness.ticket(ticket.id).sla.firings.first { $0.metric == .firstReply && $0.step == step }
            )
            #expect(firing.dueAt == moscow(instant))
            #expect(firing.firedAt == moscow(instant).addingTimeInterval(30))
        }
        let current = try await harness.ticket(ticket.id)
        #expect(current.sla.breaches(of: .firstReply) == 1)
        #expect(current.assignee == "owner")
        #expect(current.priority == .high)
        #expect(current.messages.contains { $0.kind == .internalNote && $0.body.contains("notifying lead") })
        let escalationNote = try #require(current.messages.first { $0.body.contains("SLA escalation level 1") })
        #expect(
            escalationNote.body.contains("due Monday, January 5, 13:00 (Europe/Moscow)"),
            "the team reads the due time in the club's zone: \(escalationNote.body)"
        )
        #expect(!current.memberVisibleMessages.contains { $0.body.contains("escalation") })
        let firstReplyFirings = current.sla.firings.filter { $0.metric == .firstReply }
        #expect(firstReplyFirings.count == 5, "nothing fired twice: \(firstReplyFirings.map(\.step))")
        let slaEvents = try await harness.desk.events(limit: 1000).map(\.event).filter {
            [.slaWarning, .slaBreach, .slaEscalation].contains($0.kind) && $0.details["metric"] == "first_reply"
        }
        #expect(
            slaEvents.map(\.kind) == [.slaWarning, .slaBreach, .slaEscalation, .slaEscalation, .slaEscalation],
            "the feed reports each step once, in order"
        )
        #expect(
            slaEvents.map { $0.details["step"] } == [
                "warning", "breach", "escalation 1", "escalation 2", "escalation 3",
            ]
        )
        #expect(slaEvents[1].details["due_at"] == moscow("2026-01-05 13:00").ISO8601Format())
    }

    @Test("a restarted desk fires every due step exactly once")
    func restart() async throws {
        let store = InMemoryTicketStore()
        var first = try SLAHarness(at: moscow("2026-01-05 09:00"), store: store)
        var ids: [TicketID] = []
        for member in ["anna", "boris", "clara"] {
            ids.append(try await first.write("Help", from: MemberID(member)).id)
        }
        first.at("2026-01-05 12:30")
        #expect(try await first.desk.processDueWork() == 3, "three warnings")

        let second = try SLAHarness(at: moscow("2026-01-05 12:30"), store: store)
        second.at("2026-01-05 13:30")
        #expect(try await second.desk.processDueWork() == 3, "three breaches")
        #expect(try await second.desk.processDueWork() == 0)
        second.at("2026-01-05 17:59")
        #expect(try await second.desk.processDueWork() == 0)
        for id in ids {
            let firings = try await second.ticket(id).sla.firings
            #expect(firings.map(\.step) == [.warning, .breach])
        }
    }

    @Test("run() sleeps until the next SLA step and wakes early for an earlier one")
    func runLoop() async throws {
        var harness = try SLAHarness(at: moscow("2026-01-05 09:00"))
        let desk = harness.desk
        let runner = Task { try await desk.run() }
        #expect(await harness.clock.nextSleep() == .distantFuture)
        let ticket = try await harness.write("Where do I download the app?")
        #expect(await harness.clock.nextSleep() == moscow("2026-01-05 12:00"))
        harness.at("2026-01-05 12:00")
        #expect(await harness.clock.nextSleep() == moscow("2026-01-05 13:00"))
        #expect(try await harness.ticket(ticket.id).sla.firings.map(\.step) == [.warning])
        runner.cancel()
        await #expect(throws: CancellationError.self) { try await runner.value }
        #expect(harness.clock.sleeperCount == 0)
    }
}

@Suite("Driving the timers by hand")
struct ProcessUntilTests {
    @Test func processDueWorkUntilFiresOnlyWhatIsDueByTheCutOff() async throws {
        let clock = ManualClock(now: moscow("2026-01-05 09:00"))
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            configuration: DeskConfiguration(
                sla: try policy(),
                routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
            ),
            ids: SequentialIDGenerator()
        )
        let ticket = try await desk.receive(
            InboundMessage(channel: .email, externalID: "m1", sender: "anna", body: "Help", receivedAt: clock.now)
        ).ticket
        clock.advance(to: moscow("2026-01-05 14:00"))
        #expect(try await desk.processDueWork(until: moscow("2026-01-05 12:30")) == 1)
        var firings = try await desk.agentView(of: ticket.id).ticket.sla.firings
        #expect(firings.map(\.step) == [.warning])
        #expect(firings.first?.firedAt == moscow("2026-01-05 12:30"))
        #expect(try await desk.processDueWork(until: .distantFuture) == 1, "clamped to the clock: the breach")
        firings = try await desk.agentView(of: ticket.id).ticket.sla.firings
        #expect(firings.map(\.step) == [.warning, .breach])
        #expect(firings.last?.firedAt == moscow("2026-01-05 14:00"))
    }
}

@Suite("SLA clocks across a merge")
struct SLAMergeTests {
    @Test("merging a ticket whose clocks run closes it, cancels its clocks and keeps the survivor's")
    func mergeCancelsTheClosedTicketsClocks() async throws {
        var harness = try SLAHarness(at: moscow("2026-01-05 09:00"))
        let first = try await harness.write("I was charged twice")
        let second = try await harness.write("Also, the course does not open")
        #expect(first.id != second.id, "two tickets to merge")
        #expect(!(try await harness.ticket(first.id)).sla.running.isEmpty)

        let merged = try await harness.desk.merge(first.id, into: second.id, by: .agent("olga"))
        #expect(merged.id == second.id)
        let closed = try await harness.ticket(first.id)
        #expect(closed.status == .closed && closed.mergedInto == second.id)
        #expect(closed.sla.running.isEmpty, "the closed ticket's clocks are cancelled")
        #expect(!merged.sla.running.isEmpty, "the survivor's clocks go on")
        // Nothing more happens to the closed ticket: its old due time fires nothing.
        harness.at("2026-01-05 18:00")
        try await harness.desk.processDueWork()
        #expect(try await harness.ticket(first.id).sla.firings.isEmpty)
    }
}
