import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@testable import PostgresStores

/// What the store writes on every commit — tickets, their events, outbound messages, desk events and
/// policy ledgers a real desk made — streams without the fallback and means what `JSONEncoder` writes.
@Suite("JSONTextEncoder on the values a desk stores")
struct JSONTextDeskValueTests {
    @Test("every ticket, event, outbound message, desk event and ledger of a scripted day")
    func valuesOfAScriptedDay() async throws {
        let day = try await ScriptedDay.run()
        let tickets: any TicketStore = day.store
        let stored = try await tickets.tickets(matching: TicketQuery(limit: 1_000)).tickets
        #expect(stored.count >= 6)
        var names = Set<String>()
        var messages = 0
        for entry in stored {
            let ticket = entry.ticket
            try JSONTextEquivalence.expectSame(ticket, "ticket \(ticket.id)")
            let events = try await tickets.events(of: ticket.id)
            for event in events {
                try JSONTextEquivalence.expectSame(event, "event \(event.sequence) of \(ticket.id)")
                names.insert(event.change.name)
            }
            let outbound = try await tickets.outbound(ofTicket: ticket.id)
            for message in outbound {
                try JSONTextEquivalence.expectSame(message, "outbound \(message.id)")
            }
            messages += outbound.count
            // The commit document as the store sends it, around the same values.
            let commit = TicketCommit(
                writes: [TicketWrite(ticket: ticket, expectedVersion: 0, events: events, dueAt: entry.dueAt)],
                outbound: outbound
            )
            try commit.validateShape()
            let streamed = try CommitDocument(commit, encodingWith: { try Self.streamed($0) }).text
            let foundation = try CommitDocument(commit, encodingWith: { try Self.foundation($0) }).text
            #expect(
                try JSONTree(parsing: Data(streamed.utf8)) == JSONTree(parsing: Data(foundation.utf8)),
                "the commit document of \(ticket.id)"
            )
        }
        #expect(messages >= 8, "acknowledgements, a reply and the refunds' answers went out")
        let expected: Set = [
            "created", "message_added", "status_changed", "assigned", "priority_changed", "tags_changed",
            "merged_into", "merge_received", "sla_started", "sla_fired",
        ]
        #expect(expected.isSubset(of: names), "the day made \(names.sorted())")

        let feed = try await tickets.deskEvents(after: 0, limit: DeskFeedEntry.maximumPageSize)
        for entry in feed {
            try JSONTextEquivalence.expectSame(entry.event, "desk event \(entry.position)")
            try JSONTextEquivalence.expectSame(entry, "feed entry \(entry.position)")
        }
        let kinds = Set(feed.map(\.event.kind))
        #expect(kinds.isSuperset(of: [.ticketCreated, .ticketMerged, .refundDecided, .moderationRecorded]))

        let ledgers: any PolicyLedgerStore = day.ledgers
        let ledger = try #require(try await ledgers.moderationLedger(of: "ivan"))
        try JSONTextEquivalence.expectSame(ledger, "ivan's moderation ledger")
        let decisions = try await ledgers.refundDecisions(of: "anna").decisions
        #expect(!decisions.isEmpty)
        for decision in decisions {
            try JSONTextEquivalence.expectSame(decision, "refund decision \(decision.requestID)")
        }
    }

    /// The streamed text of one value, without the fallback: a desk's values must stream.
    static func streamed(_ value: any Encodable) throws -> String {
        String(decoding: try JSONTextEncoder.bytes(of: value), as: UTF8.self)
    }

    /// Foundation's text of one value.
    static func foundation(_ value: any Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

/// A desk's day on in-memory stores and a manual clock: messages in awkward text from four members,
/// replies, notes, assignments, priorities, tags, SLA timers firing, solving and reopening, a merge, a
/// refund and a moderation report, and the deliveries.
struct ScriptedDay {
    let store = InMemoryTicketStore()
    let ledgers = InMemoryPolicyLedgerStore()

    static let members = [
        MemberProfile(id: "anna", displayName: "Anna", locale: .en),
        MemberProfile(id: "ivan", displayName: "Иван", locale: .ru),
        MemberProfile(id: "lucia", displayName: "Lucía \"Lu\"", locale: .es),
        MemberProfile(id: "boris", displayName: "Boris", locale: .en, isPaying: false),
    ]

    static let bodies = [
        #"quotes " and a backslash \ and \" both"#,
        "a tab\there, a line\nbreak, a bell \u{7} and \u{1F}",
        "Кириллица, eñe, e\u{301}, emoji 🧾👩\u{200D}👩\u{200D}👧, a separator \u{2028} and \u{200F}",
        #"looks like JSON: {"id":"T-1"},[1,2] and </script>"#,
        "I want my money back, the class was cancelled",
        "Почему никто не отвечает?",
    ]

    /// Runs the day and returns its stores.
    static func run() async throws -> ScriptedDay {
        let day = ScriptedDay()
        let clock = ManualClock()
        let desk = try day.desk(clock)
        let agent = SupportActor.agent("pavel")
        try await desk.agents.setPresence(.online, of: "pavel")
        try await desk.agents.setPresence(.online, of: "marta")
        var tickets: [TicketID] = []
        for (index, body) in bodies.enumerated() {
            let member = members[index % members.count].id
            let outcome = try await desk.receive(
                InboundMessage(
                    channel: .email,
                    externalID: "<in-\(index)@club.example>",
                    sender: member,
                    subject: "Re: \"help\" \\ \(index)",
                    body: body,
                    receivedAt: clock.now
                )
            )
            tickets.append(outcome.ticket.id)
            clock.advance(by: 61.25)
        }
        try await desk.reply(to: tickets[0], body: "We are on it: \"soon\"", by: agent, status: .pending)
        _ = try await desk.addInternalNote(to: tickets[1], body: "check the\tlogs", by: agent)
        _ = try await desk.assign(tickets[2], to: "marta", by: agent)
        _ = try await desk.setPriority(.high, of: tickets[3], by: agent)
        _ = try await desk.execute(.addTags(["vip", #"billing-"x"\"#, "ж"]), on: tickets[3], by: agent)
        _ = try await desk.execute(.removeTags(["vip"]), on: tickets[3], by: agent)
        // The reply targets pass: the SLA timers fire.
        clock.advance(by: 7_200.5)
        _ = try await desk.processDueWork()
        _ = try await desk.solve(tickets[0], by: agent)
        _ = try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "<again@club.example>",
                sender: "anna",
                threadReference: "<in-0@club.example>",
                body: "It broke again",
                receivedAt: clock.now
            )
        )
        _ = try await desk.merge(tickets[4], into: tickets[0], by: agent)
        // Past the guarantee: escalated to the owner, who approves. Inside it: approved at once.
        let facts = refundFacts(for: "anna", paidDaysAgo: 20, at: clock.now)
        _ = try await desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "I forgot to cancel",
            on: tickets[0],
            by: .member("anna")
        )
        _ = try await desk.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("olga"))
        _ = try await desk.refunds.request(
            "rq-2",
            for: "lucia",
            facts: refundFacts(for: "lucia", paidDaysAgo: 2, at: clock.now),
            message: "No me gusta",
            by: .member("lucia")
        )
        let ivans = try await desk.agentView(of: tickets[1]).ticket
        let reported = try #require(ivans.messages.first { $0.kind == .memberMessage })
        _ = try await desk.moderation.report(
            on: ivans.id,
            message: reported.id,
            violation: Violation(.rudeness, note: "insulted the team"),
            by: agent
        )
        _ = try await desk.deliverPendingMessages()
        clock.advance(by: 5 * 86_400)
        _ = try await desk.processDueWork()
        return day
    }

    /// The desk of the day: SLA targets of an hour, two agents, acknowledgements, a refund policy.
    func desk(_ clock: ManualClock) throws -> SupportDesk {
        let targets = ResponseTargets(
            firstReply: .business(3_600),
            nextReply: .business(3_600),
            resolution: .business(86_400)
        )
        // Open round the clock, with the seeds' boundaries: every new message is acknowledged.
        let hours = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.allCases, start: "00:00", end: "24:00")]
            )
        )
        let plans: [PlanID: PlanRefundTerms] = [
            "monthly": PlanRefundTerms(guaranteeDays: 14, afterWindow: .goodwill(maxDaysAfterWindow: 30))
        ]
        return try SupportDesk(
            store: store,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(
                storeScanInterval: nil,
                agents: [
                    AgentProfile(id: "pavel", displayName: "Павел", languages: [.ru, .en]),
                    AgentProfile(id: "marta", displayName: "Marta \"M\"", languages: [.es, .en]),
                ],
                sla: SLAPolicy(
                    calendar: try .alwaysOpen(timeZone: "Europe/Madrid"),
                    targets: [.normal: targets, .low: targets, .high: targets, .urgent: targets]
                ),
                boundaries: try BoundariesPolicy.seedDefaults(hours: hours),
                refunds: RefundPolicy(plans: plans)
            ),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory(Self.members),
            ledgers: ledgers
        )
    }

    /// One charge of 19.00 EUR paid `daysAgo` days before `now`, for a month.
    static func refundFacts(for member: MemberID, paidDaysAgo daysAgo: Double, at now: Date) -> RefundFacts {
        let paid = now.addingTimeInterval(-daysAgo * 86_400)
        let charge = Charge(
            id: "ch-1",
            amount: Money(minorUnits: 1_900, currency: .eur),
            at: paid,
            periodEnd: paid.addingTimeInterval(31 * 86_400)
        )
        return RefundFacts(member: member, plan: "monthly", charges: [charge])
    }
}
