import Foundation
import Testing

@testable import SupportEngine

/// A new ticket's first commit (the creation, the clocks started and the routing explained at the same
/// instant) is kept by the in-memory store's log as nothing but who made it, and read back from the
/// snapshot; whatever the snapshot does not say in full is stored as before. Either way the log gives
/// back exactly the events committed.
@Suite("Compact event log: a new ticket's opening")
struct CompactEventLogOpeningTests {
    static let start = InMemoryTicketStoreCompactionTests.start

    static func at(_ minute: Int) -> Date { start.addingTimeInterval(TimeInterval(60 * minute)) }

    static func clock(_ metric: SLAMetric, minutes: Int) -> SLAClock {
        SLAClock(metric: metric, startedAt: start, dueAt: at(minutes), warningAt: at(minutes / 2))
    }

    static let explanations = [
        RoutingExplanation(aspect: .reason, value: "access", because: "rule 'login'"),
        RoutingExplanation(aspect: .assignee, value: "queue", because: "no agent is available now"),
    ]

    /// A step of a first commit: a command, who runs it, and the minute it runs at.
    typealias Step = (command: TicketCommand, actor: SupportActor, minute: Int)

    /// The creation followed by `steps`, as one first commit: the snapshot and the events.
    static func opening(_ steps: [Step]) throws -> (ticket: Ticket, events: [TicketEvent]) {
        let created = try TicketRules.create(
            InMemoryTicketStoreCompactionTests.creation(),
            id: "T-1",
            by: .member("member-1"),
            at: start
        )
        var ticket = created.ticket
        var events = [created.event]
        for step in steps {
            let result = try TicketRules.execute(step.command, on: ticket, by: step.actor, at: at(step.minute))
            ticket = result.ticket
            events += result.events
        }
        return (ticket, events)
    }

    /// What the desk commits for a new ticket with a first-reply and a resolution clock.
    static let deskOpening: [Step] = [
        (
            .recordSLA([.started(clock(.firstReply, minutes: 60)), .started(clock(.resolution, minutes: 600))]),
            .system, 0
        ),
        (.explain(explanations), .system, 0),
    ]

    @Test("the desk's first commit is kept as an opening, and read back exactly, before and after the next commit")
    func deskOpeningDerived() throws {
        let first = try Self.opening(Self.deskOpening)
        var log = CompactEventLog()
        log.append(first.events, from: nil, to: first.ticket)
        #expect(log.isDerivedFromSnapshot)
        #expect(log.count == 4)
        #expect(log.events(of: "T-1", snapshot: first.ticket) == first.events)

        // The next commit changes the clocks and the explanations the opening was read from.
        var ticket = first.ticket
        var later: [TicketEvent] = []
        let met = SLAMeasurement(
            metric: .firstReply,
            startedAt: Self.start,
            metAt: Self.at(3),
            businessSeconds: 180,
            calendarSeconds: 180,
            late: false
        )
        let steps: [(TicketCommand, SupportActor)] = [
            (.reply(MessageDraft(id: "r-1", body: "Try again"), status: .pending), .agent("a")),
            (.recordSLA([.met(met)]), .system),
            (.recordSLA([.started(Self.clock(.firstReply, minutes: 90))]), .system),
            (.explain([RoutingExplanation(aspect: .reason, value: "billing", because: "agent")]), .system),
        ]
        for (offset, (command, actor)) in steps.enumerated() {
            let result = try TicketRules.execute(command, on: ticket, by: actor, at: Self.at(3 + offset))
            ticket = result.ticket
            later += result.events
        }
        log.append(later, from: first.ticket, to: ticket)
        #expect(!log.isDerivedFromSnapshot)
        #expect(log.count == first.events.count + later.count)
        #expect(log.events(of: "T-1", snapshot: ticket) == first.events + later)
        #expect(try Ticket.replay(log.events(of: "T-1", snapshot: ticket)) == ticket)
    }

    @Test("commits that leave the opening's clocks and explanations alone are stored after it")
    func openingKeptAcrossAFiredWarning() throws {
        let first = try Self.opening(Self.deskOpening)
        var log = CompactEventLog()
        log.append(first.events, from: nil, to: first.ticket)
        let firing = SLAFiring(
            metric: .firstReply,
            step: .warning,
            clockStartedAt: Self.start,
            dueAt: Self.at(60),
            firedAt: Self.at(30)
        )
        let fired = try TicketRules.execute(
            .recordSLA([.fired(firing)]),
            on: first.ticket,
            by: .system,
            at: Self.at(30)
        )
        log.append(fired.events, from: first.ticket, to: fired.ticket)
        #expect(log.isDerivedFromSnapshot, "a fired warning changes no clock and no explanation")
        #expect(log.count == 5)
        #expect(log.events(of: "T-1", snapshot: fired.ticket) == first.events + fired.events)
        let retagged = try TicketRules.execute(.setReason(.billing), on: fired.ticket, by: .agent("a"), at: Self.at(31))
        log.append(retagged.events, from: fired.ticket, to: retagged.ticket)
        #expect(log.isDerivedFromSnapshot, "the creation's reason is the first change's 'from'")
        #expect(log.events(of: "T-1", snapshot: retagged.ticket) == first.events + fired.events + retagged.events)
        // Explaining again changes what the opening reads: it is written out from the snapshot before.
        let explained = try TicketRules.execute(
            .explain([RoutingExplanation(aspect: .reason, value: "billing", because: "agent")]),
            on: retagged.ticket,
            by: .system,
            at: Self.at(32)
        )
        log.append(explained.events, from: retagged.ticket, to: explained.ticket)
        #expect(!log.isDerivedFromSnapshot)
        let all = first.events + fired.events + retagged.events + explained.events
        #expect(log.count == all.count)
        #expect(log.events(of: "T-1", snapshot: explained.ticket) == all)
        #expect(try Ticket.replay(log.events(of: "T-1", snapshot: explained.ticket)) == explained.ticket)
        // A second reason change, after the opening was written out in front of the first: the creation
        // still reads its reason from the first change, which moved back by the opening's events.
        let again = try TicketRules.execute(.setReason(.access), on: explained.ticket, by: .agent("a"), at: Self.at(33))
        log.append(again.events, from: explained.ticket, to: again.ticket)
        #expect(log.events(of: "T-1", snapshot: again.ticket) == all + again.events)
        #expect(try Ticket.replay(log.events(of: "T-1", snapshot: again.ticket)) == again.ticket)
    }

    @Test("a creation alone is an opening too")
    func creationAlone() throws {
        let first = try Self.opening([])
        var log = CompactEventLog()
        log.append(first.events, from: nil, to: first.ticket)
        #expect(log.isDerivedFromSnapshot && log.count == 1)
        #expect(log.events(of: "T-1", snapshot: first.ticket) == first.events)
    }

    @Test(
        "a first commit the snapshot does not say in full is stored as committed",
        arguments: [
            "an explanation later", "actors differ", "a clock started twice", "a message in it", "a clock paused",
            "explained twice", "created by an agent",
        ]
    )
    func notAnOpening(_ variant: String) throws {
        let explain = (TicketCommand.explain(Self.explanations), SupportActor.system, 0)
        let start = (TicketCommand.recordSLA([.started(Self.clock(.firstReply, minutes: 60))]), SupportActor.system, 0)
        let steps: [Step]
        switch variant {
        case "an explanation later": steps = [start, (explain.0, .system, 1)]
        case "actors differ": steps = [start, explain]
        case "a clock started twice":
            steps = [start, (.recordSLA([.started(Self.clock(.firstReply, minutes: 90))]), .system, 0)]
        case "a message in it": steps = [(.automaticMessage(MessageDraft(id: "auto", body: "Got it")), .system, 0)]
        case "a clock paused":
            steps = [start, (.recordSLA([.paused(metric: .firstReply, at: Self.start, remaining: 60)]), .system, 0)]
        case "created by an agent": steps = [start, explain]
        default: steps = [explain, explain]
        }
        var first = try Self.opening(steps)
        if variant == "created by an agent" {
            // The support side may open a ticket for a member; such an opening is stored in full.
            let creation = first.events[0]
            first.events[0] = TicketEvent(
                ticketID: creation.ticketID,
                sequence: 1,
                at: creation.at,
                actor: .agent("a"),
                change: creation.change
            )
        }
        if variant == "actors differ", let last = first.events.popLast() {
            // Only the system explains through the lifecycle; a store takes the event from anyone.
            first.events.append(
                TicketEvent(
                    ticketID: last.ticketID,
                    sequence: last.sequence,
                    at: last.at,
                    actor: .agent("a"),
                    change: last.change
                )
            )
        }
        var log = CompactEventLog()
        log.append(first.events, from: nil, to: first.ticket)
        #expect(!log.isDerivedFromSnapshot)
        #expect(log.events(of: "T-1", snapshot: first.ticket) == first.events)
    }

    @Test(
        "a creation event that differs from the snapshot in one field is stored as committed",
        arguments: [
            "requester", "subject of the same length", "subject kept as a piece", "channel", "reason", "priority",
            "locale", "follow-up", "number", "first message",
        ]
    )
    func creationDiffersInOneField(_ field: String) throws {
        // The snapshot opens with the body's first line as its subject (kept as a piece of the body), or
        // with a short subject kept as text.
        var creation = InMemoryTicketStoreCompactionTests.creation(
            subject: field == "subject kept as a piece" ? "I cannot log in to the club" : "Login"
        )
        creation.number = TicketNumber(rawValue: 41)
        let created = try TicketRules.create(creation, id: "T-1", by: .member("member-1"), at: Self.start)
        let started = try TicketRules.execute(
            .recordSLA([.started(Self.clock(.firstReply, minutes: 60))]),
            on: created.ticket,
            by: .system,
            at: Self.start
        )
        #expect(started.ticket.subject == creation.subject)
        var other = creation
        switch field {
        case "requester": other.requester = "member-2"
        case "subject of the same length": other.subject = "Logon"
        case "subject kept as a piece": other.subject = "I cannot log in to the clue"
        case "channel": other.channel = .webForm
        case "reason": other.reason = .billing
        case "priority": other.priority = .high
        case "locale": other.locale = nil
        case "follow-up": other.followUpOf = "T-0"
        case "number": other.number = TicketNumber(rawValue: 42)
        default:
            other.firstMessage = TicketMessage(
                id: "m-2",
                kind: .memberMessage,
                author: .member("member-1"),
                body: creation.firstMessage.body,
                at: Self.start,
                channel: .email,
                externalID: "ext-1"
            )
        }
        let events =
            [
                TicketEvent(
                    ticketID: "T-1",
                    sequence: 1,
                    at: Self.start,
                    actor: .member("member-1"),
                    change: .created(other)
                )
            ] + started.events
        var log = CompactEventLog()
        log.append(events, from: nil, to: started.ticket)
        #expect(!log.isDerivedFromSnapshot, "\(field)")
        #expect(log.events(of: "T-1", snapshot: started.ticket) == events, "\(field)")
        // The same events with the creation the snapshot says are an opening.
        var same = CompactEventLog()
        same.append([created.event] + started.events, from: nil, to: started.ticket)
        #expect(same.isDerivedFromSnapshot, "\(field)")
    }

    @Test("a snapshot from another history than the events is not read for them")
    func mismatchedSnapshot() throws {
        let first = try Self.opening(Self.deskOpening)
        let other = try Self.opening([
            (.recordSLA([.started(Self.clock(.firstReply, minutes: 30))]), .system, 0),
            (.explain(Array(Self.explanations.prefix(1))), .system, 0),
        ])
        var log = CompactEventLog()
        log.append(first.events, from: nil, to: other.ticket)
        #expect(!log.isDerivedFromSnapshot)
        #expect(log.events(of: "T-1", snapshot: other.ticket) == first.events)
    }

    @Test("through the store: random first commits and later commits come back exactly (seeded)")
    func randomHistoriesThroughTheStore() async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        print("CompactEventLogOpeningTests seed: \(seed)")
        var random = SplitMix64(seed: seed)
        let store = InMemoryTicketStore()
        let firstSteps: [Step] = [
            (.recordSLA([.started(Self.clock(.firstReply, minutes: 60))]), .system, 0),
            (.recordSLA([.started(Self.clock(.resolution, minutes: 600))]), .system, 0),
            (.recordSLA([.started(Self.clock(.nextReply, minutes: 120))]), .system, 0),
            (.explain(Self.explanations), .system, 0),
            (.explain([RoutingExplanation(aspect: .priority, value: "high", because: "paid")]), .system, 0),
            (.automaticMessage(MessageDraft(id: "auto", body: "We got it")), .system, 0),
            (.recordSLA([.started(Self.clock(.firstReply, minutes: 30))]), .system, 0),
            (.explain(Self.explanations), .system, 1),
        ]
        let laterCommands: [(TicketCommand, SupportActor)] = [
            (.reply(MessageDraft(id: "r", body: "Try again"), status: .pending), .agent("a")),
            (.memberMessage(MessageDraft(id: "m", body: "Still broken")), .member("member-1")),
            (.setPriority(.high), .agent("a")), (.setReason(.billing), .agent("a")), (.addTags(["vip"]), .agent("a")),
            (.recordSLA([.started(Self.clock(.firstReply, minutes: 45))]), .system),
            (.recordSLA([.cancelled(metric: .resolution, at: Self.start)]), .system),
            (.explain([RoutingExplanation(aspect: .assignee, value: "a", because: "least busy")]), .system),
            (
                .recordSLA([
                    .fired(
                        SLAFiring(
                            metric: .firstReply,
                            step: .warning,
                            clockStartedAt: Self.start,
                            dueAt: Self.at(60),
                            firedAt: Self.at(30)
                        )
                    )
                ]),
                .system
            ),
        ]
        for index in 0..<60 {
            let id = TicketID(rawValue: "T-\(index)")
            var steps: [Step] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                steps.append(firstSteps[Int.random(in: 0..<firstSteps.count, using: &random)])
            }
            let first = try Self.opening(steps)
            let ticket0 = try Ticket.replay(
                first.events.map {
                    TicketEvent(ticketID: id, sequence: $0.sequence, at: $0.at, actor: $0.actor, change: $0.change)
                }
            )
            let events0 = first.events.map {
                TicketEvent(ticketID: id, sequence: $0.sequence, at: $0.at, actor: $0.actor, change: $0.change)
            }
            try await store.commit(
                TicketCommit(writes: [TicketWrite(ticket: ticket0, expectedVersion: 0, events: events0)])
            )
            #expect(await store.events(of: id) == events0, "seed \(seed), ticket \(index), first commit")
            var ticket = ticket0
            var committed = events0
            for commit in 0..<Int.random(in: 0...5, using: &random) {
                let (command, actor) = laterCommands[Int.random(in: 0..<laterCommands.count, using: &random)]
                // A command the lifecycle refuses here (a priority the ticket already has) is skipped.
                guard let result = try? TicketRules.execute(command, on: ticket, by: actor, at: Self.at(2 + commit))
                else { continue }
                try await store.commit(
                    TicketCommit(
                        writes: [
                            TicketWrite(ticket: result.ticket, expectedVersion: ticket.version, events: result.events)
                        ]
                    )
                )
                ticket = result.ticket
                committed += result.events
                #expect(await store.events(of: id) == committed, "seed \(seed), ticket \(index), commit \(commit + 2)")
            }
            #expect(try Ticket.replay(await store.events(of: id)) == ticket, "seed \(seed), ticket \(index)")
        }
    }
}
