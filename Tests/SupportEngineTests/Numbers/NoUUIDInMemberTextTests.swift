import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("What members read never shows an internal id")
struct NoUUIDInMemberTextTests {
    /// Whether the text holds something shaped like a UUID.
    static func hasUUID(_ text: String) -> Bool {
        text.firstMatch(of: /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/) != nil
    }

    @Test func typicalTrafficOnUUIDIdsSendsNoUUIDToMembers() async throws {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "Europe/Moscow",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        let boundaries = try BoundariesPolicy(
            hours: hours,
            channels: [ChannelPolicy(kind: .email)],
            promises: [.normal: ResponseTargets(firstReply: .business(4 * 3600))]
        )
        // Friday 2026-01-09 17:00 in Moscow: open, and later after hours.
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_767_967_200))
        let email = InMemoryChannel(kind: .email)
        let store = InMemoryTicketStore()
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(
                agents: [AgentProfile(id: "ivan", displayName: "Ivan")],
                boundaries: boundaries,
                rulesLink: "https://club.example/support-rules",
                requestsRatings: true
            ),
            ids: UUIDGenerator(),
            members: InMemoryMemberDirectory([
                MemberProfile(id: "anna", displayName: "Anna", locale: .en),
                MemberProfile(id: "boris", displayName: "Борис", locale: .ru),
                MemberProfile(id: "lucia", displayName: "Lucía", locale: .es),
            ])
        )
        func message(_ id: String, from member: MemberID, subject: String?, body: String) -> InboundMessage {
            InboundMessage(
                channel: .email,
                externalID: id,
                sender: member,
                subject: subject,
                body: body,
                receivedAt: clock.now
            )
        }
        var tickets: [(TicketID, MemberID)] = []
        for (index, member) in (["anna", "boris", "lucia"] as [MemberID]).enumerated() {
            let outcome = try await desk.receive(
                message("in-\(index)", from: member, subject: "Lesson \(index)", body: "The video does not play")
            )
            tickets.append((outcome.ticket.id, member))
        }
        let (annas, _) = tickets[0]
        try await desk.reply(to: annas, body: "Please try again now", by: .agent("ivan"))
        let reply = try #require(email.sentMessages.last)
        // Anna answers the reply by email: its subject carries the ticket's number.
        let answered = try await desk.receive(
            message("in-a2", from: "anna", subject: reply.subject, body: "Still broken")
        )
        #expect(answered.ticket.id == annas)
        try await desk.reply(to: annas, body: "Fixed for good", by: .agent("ivan"), status: .solved)
        // After hours, the next message gets a notice; a week later the solved ticket closes, and a new
        // message quoting it opens a follow-up with its own acknowledgement.
        clock.advance(by: 3 * 3600)
        try await desk.receive(message("in-b2", from: "boris", subject: "Re: Lesson 1 [#2]", body: "Ещё вопрос"))
        clock.advance(by: 7 * 86_400)
        try await desk.processDueWork()
        let followUp = try await desk.receive(message("in-a3", from: "anna", subject: reply.subject, body: "Again"))
        #expect(followUp.disposition == .followUp(of: annas))
        tickets.append((followUp.ticket.id, "anna"))
        try await desk.deliverPendingMessages()

        let sent = email.sentMessages
        #expect(sent.count >= 8, "acknowledgements, replies, a rating request, notices: \(sent.count)")
        for outbound in sent {
            #expect(!Self.hasUUID(outbound.subject), "subject: \(outbound.subject)")
            #expect(!Self.hasUUID(outbound.body), "body: \(outbound.body)")
        }
        #expect(sent.contains { $0.body.contains("#1") }, "the acknowledgement names the number")
        for (id, member) in tickets {
            let view = try await desk.memberView(of: id, for: member)
            #expect(view.reference?.wholeMatch(of: /#[0-9]+/) != nil)
            #expect(!Self.hasUUID(view.subject))
            for shown in view.messages {
                #expect(!Self.hasUUID(shown.body), "\(shown.body)")
            }
        }
    }
}
