import Foundation
import SupportEngine
import SupportEngineTesting

/// `supportdesk demo`: one member's ticket from first message to closed, on a manual clock.
struct DemoCommand {
    let start = Date(timeIntervalSince1970: 1_767_603_600)  // Monday 2026-01-05 09:00 UTC

    func run() async throws {
        let clock = ManualClock(now: start)
        let email = InMemoryChannel(kind: .email)
        let store = InMemoryTicketStore()
        let hours = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(
                autoCloseAfter: 4 * 86_400,
                agents: [AgentProfile(id: "ivan", displayName: "Ivan from Support", languages: [.en, .ru])],
                sla: SLAPolicy.seedDefaults(calendar: hours),
                boundaries: try BoundariesPolicy.seedDefaults(hours: hours),
                rulesLink: "https://club.example/support"
            ),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([MemberProfile(id: "anna", displayName: "Anna", locale: .en)])
        )
        let member = MemberID("anna")
        let agent = SupportActor.agent("ivan")
        let printer = DemoPrinter(clock: clock)

        printer.title("support-engine demo: one member's ticket, first message to closed (manual clock, UTC)")

        printer.step("Anna writes to support by email")
        let first = try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "<mail-1@club.example>",
                sender: member,
                subject: "Cannot log in",
                body: "Hello! Since this morning I cannot log in to the club: the password reset link does not work.",
                receivedAt: clock.now,
                reason: .access,
                locale: .en
            )
        )
        let id = first.ticket.id
        printer.line(
            "ticket #\(first.ticket.number?.description ?? "?") (id \(id)) created: status \(first.ticket.status)"
        )
        for aspect in RoutingExplanation.Aspect.allCases {
            if let why = first.ticket.explanations[aspect] {
                printer.line("\(aspect): \(why.value) — \(why.because)")
            }
        }
        if let due = first.ticket.sla.running[.firstReply]?.dueAt {
            printer.line("SLA: first reply due \(printer.format(due))")
        }
        printer.line("acknowledgement sent by email:")
        for line in (email.sentMessages.last?.body ?? "").split(separator: "\n") { printer.line("  | \(line)") }

        printer.step("A repeated delivery of the same email is recognized")
        let again = try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "<mail-1@club.example>",
                sender: member,
                subject: "Cannot log in",
                body: "Hello! Since this morning I cannot log in to the club: the password reset link does not work.",
                receivedAt: clock.now
            )
        )
        printer.line("disposition \(again.disposition), still ticket #\(again.ticket.number?.description ?? "?")")

        clock.advance(by: 12 * 60)
        printer.step("Ivan comes online: the queue drains to him; he leaves an internal note")
        try await desk.agents.setPresence(.online, of: "ivan")
        let assigned = try await desk.agentView(of: id).ticket
        printer.line(
            "assigned to \(assigned.assignee?.rawValue ?? "nobody"): \(assigned.explanations[.assignee]?.because ?? "")"
        )
        try await desk.addInternalNote(
            to: id,
            body: "Reset tokens expired early after the deploy; see incident 42.",
            by: agent
        )
        printer.line("the internal note is for the support side only")

        clock.advance(by: 6 * 60)
        printer.step("Ivan replies publicly and waits for Anna (pending)")
        try await desk.reply(
            to: id,
            body: "Hi Anna, we fixed the reset link. Could you try again and tell us if it works?",
            by: agent,
            status: .pending
        )
        printer.line(
            "email channel sent \(email.sentMessages.count) message(s): \"\(email.sentMessages.last?.subject ?? "")\""
        )
        if let met = try await desk.agentView(of: id).ticket.sla.firstMeasurement(of: .firstReply) {
            printer.line(
                "SLA: first reply after \(Int(met.calendarSeconds / 60)) min, \(met.late ? "late" : "on time")"
            )
        }
        try await printer.views(desk: desk, ticket: id, member: member)

        clock.advance(by: 95 * 60)
        printer.step("Anna answers by replying to the email (thread reference): the ticket reopens")
        let reply = try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "<mail-2@club.example>",
                sender: member,
                threadReference: "<mail-1@club.example>",
                subject: "Re: Cannot log in",
                body: "It works now, thank you!",
                receivedAt: clock.now
            )
        )
        printer.line("disposition \(reply.disposition), status \(reply.ticket.status)")

        clock.advance(by: 5 * 60)
        printer.step("Ivan solves the ticket")
        let solved = try await desk.solve(id, by: agent)
        let due = try await desk.agentView(of: id).dueAt
        printer.line("status \(solved.status); auto-close due \(due.map(printer.format) ?? "never")")

        clock.advance(by: 4 * 86_400)
        printer.step("Four days later the desk's timer closes the ticket")
        let fired = try await desk.processDueWork()
        printer.line("timers fired: \(fired)")
        try await printer.views(desk: desk, ticket: id, member: member)

        clock.advance(by: 86_400)
        printer.step("Anna writes again on the old thread: a follow-up ticket linked to the closed one")
        let followUp = try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "<mail-3@club.example>",
                sender: member,
                threadReference: "<mail-1@club.example>",
                body: "Sorry, one more question: where do I find the recordings?",
                receivedAt: clock.now
            )
        )
        printer.line(
            "ticket #\(followUp.ticket.number?.description ?? "?") created, disposition \(followUp.disposition), "
                + "status \(followUp.ticket.status)"
        )

        printer.step("Someone else asks for Anna's ticket")
        do {
            _ = try await desk.memberView(of: id, for: "boris")
            printer.line("unexpected: Boris could read it")
        } catch let error as DeskError {
            printer.line("refused: \(error.message)")
        }
        printer.title("done: \(await store.ticketCount) tickets, \(email.sentMessages.count) email(s) sent")
    }
}
