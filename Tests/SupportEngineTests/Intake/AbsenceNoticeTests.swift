import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Madrid wall time as an instant: "2026-01-15 10:00".
private func madrid(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text.replacingOccurrences(of: " ", with: "T") + ":00+01:00")!
}

/// A Madrid club: three agents, hours Monday to Friday 09:00–18:00.
private struct MadridClub {
    let email = InMemoryChannel(kind: .email)
    let clock: ManualClock
    let desk: SupportDesk

    init(at start: String, absences: [Absence]) throws {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "Europe/Madrid",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        clock = ManualClock(now: madrid(start))
        desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(
                agents: [
                    AgentProfile(id: "olga", displayName: "Olga"), AgentProfile(id: "ivan", displayName: "Iván"),
                    AgentProfile(id: "marta", displayName: "Marta"),
                ],
                boundaries: try BoundariesPolicy(
                    hours: hours,
                    channels: [ChannelPolicy(kind: .email)],
                    promises: [.normal: ResponseTargets(firstReply: .business(4 * 3600))],
                    absences: absences
                ),
                routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
            ),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([
                MemberProfile(id: "lucia", displayName: "Lucía", locale: .es),
                MemberProfile(id: "anna", displayName: "Anna"),
            ])
        )
    }

    func write(_ id: String, from member: MemberID, thread: TicketID? = nil) async throws -> Ticket {
        try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: id,
                sender: member,
                threadReference: thread.map { "ticket:\($0)" },
                body: "No puedo acceder",
                receivedAt: clock.now
            )
        ).ticket
    }
}

@Suite("Absence notices: when support answers again, and who is away")
struct AbsenceNoticeTests {
    @Test("a line-wide absence through Friday says Monday 09:00, not Saturday 00:00", arguments: [LocaleTag.en, .es])
    func lineAbsenceNamesTheReopening(locale: LocaleTag) async throws {
        let club = try MadridClub(
            at: "2026-01-15 10:00",
            absences: [Absence(from: "2026-01-15", through: "2026-01-16")]
        )
        let ticket = try await club.write("m1", from: locale == .es ? "lucia" : "anna")
        let notice = try #require(ticket.messages.first { $0.templateKey == "absence" })
        #expect(
            notice.body.contains(locale == .es ? "lunes 19 de enero, 09:00" : "Monday, January 19, 09:00"),
            "\(notice.body)"
        )
        #expect(!club.email.sentMessages.contains { $0.body.contains("00:00") }, "no midnight in any message")
    }

    @Test("one agent away Thursday–Friday: the line works, her member is told who answers and until when")
    func personalAbsence() async throws {
        let club = try MadridClub(
            at: "2026-01-14 10:00",
            absences: [Absence(from: "2026-01-15", through: "2026-01-16", substitute: "ivan", agent: "olga")]
        )
        for agent in ["olga", "ivan", "marta"] { try await club.desk.agents.setPresence(.online, of: AgentID(agent)) }
        // Wednesday, announced ahead: Olga still works and takes Lucía's ticket.
        let ticket = try await club.write("m1", from: "lucia")
        try await club.desk.assign(ticket.id, to: "olga", by: .agent("olga"))
        // Thursday: a new member's ticket is acknowledged with no "we are away", and never goes to Olga.
        club.clock.advance(to: madrid("2026-01-15 11:00"))
        let fresh = try await club.write("m2", from: "anna")
        #expect(fresh.assignee != "olga")
        #expect(fresh.messages.filter { $0.kind == .automatic }.map(\.templateKey) == ["acknowledgement"])
        // Lucía writes again: her ticket goes to Iván, and she is told so, in Spanish.
        let answered = try await club.write("m3", from: "lucia", thread: ticket.id)
        #expect(answered.assignee == "ivan")
        let notice = try #require(answered.messages.last { $0.templateKey == "absence.agent" })
        #expect(notice.body.contains("Olga está fuera hasta el lunes 19 de enero, 09:00"), "\(notice.body)")
        #expect(notice.body.contains("Iván se ocupará de tu mensaje"))
        // Monday: Olga is back and gets new tickets again.
        club.clock.advance(to: madrid("2026-01-19 09:30"))
        let states = try await club.desk.agents.states()
        #expect(states.first { $0.id == "olga" }?.isAbsent == false)
    }

    @Test("a personal absence must name an agent of the desk")
    func unknownAgentIsRefused() throws {
        let error = #expect(throws: DeskConfigurationError.self) {
            _ = try MadridClub(
                at: "2026-01-14 10:00",
                absences: [Absence(from: "2026-01-15", through: "2026-01-16", agent: "nobody")]
            )
        }
        #expect(error?.path == "boundaries.absences[0].agent")
    }
}
