import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Moscow wall time as an instant: "2026-01-09 19:00".
private func moscow(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text.replacingOccurrences(of: " ", with: "T") + ":00+03:00")!
}

@Suite("Acknowledgements and notices")
struct AcknowledgementTests {
    let email = InMemoryChannel(kind: .email)

    func desk(
        at start: String,
        absences: [Absence] = [],
        members: [MemberProfile],
        withSLA: Bool = false
    ) throws -> (SupportDesk, ManualClock) {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "Europe/Moscow",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        let boundaries = try BoundariesPolicy(
            hours: hours,
            channels: [ChannelPolicy(kind: .email)],
            promises: [.normal: ResponseTargets(firstReply: .business(4 * 3600))],
            scope: ScopePolicy(outOfScope: [OutOfScopeReason(reason: .personalConsultation, redirect: "book a call")]),
            absences: absences
        )
        let clock = ManualClock(now: moscow(start))
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(
                agents: [AgentProfile(id: "ivan", displayName: "Ivan")],
                sla: withSLA ? SLAPolicy(boundaries: boundaries) : nil,
                boundaries: boundaries,
                selfService: [
                    .cancelSubscription: [
                        SelfServiceLink(
                            titles: [.en: "Cancel here", .ru: "Отменить здесь"],
                            url: "https://club.example/cancel"
                        )
                    ]
                ],
                routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal)),
                rulesLink: "https://club.example/support-rules"
            ),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory(members)
        )
        return (desk, clock)
    }

    func inbound(
        _ id: String,
        from member: MemberID,
        at clock: ManualClock,
        subject: String = "Lesson 3"
    ) -> InboundMessage {
        InboundMessage(
            channel: .email,
            externalID: id,
            sender: member,
            subject: subject,
            body: "The video of lesson 3 does not play",
            receivedAt: clock.now
        )
    }

    @Test(
        "a Friday 19:00 message is acknowledged with Monday's time, in the member's language",
        arguments: [
            (LocaleTag.en, "Monday, January 12, 13:00 (Europe/Moscow)", "You can expect an answer by"),
            (LocaleTag.ru, "понедельник, 12 января, 13:00 (Europe/Moscow)", "Ответим не позднее"),
            (LocaleTag.es, "lunes 12 de enero, 13:00 (Europe/Moscow)", "Recibirás una respuesta"),
        ]
    )
    func acknowledgementStatesTheExpectedTime(locale: LocaleTag, time: String, phrase: String) async throws {
        let member = MemberProfile(id: "anna", displayName: "Anna", locale: locale)
        let (desk, clock) = try desk(at: "2026-01-09 19:00", members: [member])
        let ticket = try await desk.receive(inbound("m1", from: "anna", at: clock)).ticket
        let sent = email.sentMessages
        #expect(sent.count == 2, "an acknowledgement and an after-hours notice")
        let acknowledgement = try #require(sent.first)
        #expect(acknowledgement.body.contains(time), "\(acknowledgement.body)")
        #expect(acknowledgement.body.contains(phrase))
        #expect(acknowledgement.body.contains("Anna"))
        #expect(acknowledgement.body.contains("#\(try #require(ticket.number))"), "the ticket's number")
        #expect(!acknowledgement.body.contains(ticket.id.rawValue), "the internal id stays inside")
        #expect(sent[1].body.contains("09:00"), "the after-hours notice names the next opening: \(sent[1].body)")
        let view = try await desk.memberView(of: ticket.id, for: "anna")
        #expect(view.messages.filter { $0.author == .automatic }.count == 2)
        #expect(view.rulesLink == "https://club.example/support-rules")
        let current = try await desk.agentView(of: ticket.id).ticket
        #expect(current.status == .new, "an automatic message is not a reply")
        #expect(current.lastPublicReply == nil)
    }

    @Test func oneHundredDuplicateDeliveriesMakeOneTicketAndOneAcknowledgement() async throws {
        let (desk, clock) = try desk(at: "2026-01-12 10:00", members: [MemberProfile(id: "anna", displayName: "Anna")])
        let message = inbound("dup-1", from: "anna", at: clock)
        let tickets = try await withThrowingTaskGroup(of: TicketID.self) { group in
            for _ in 0..<100 { group.addTask { try await desk.receive(message).ticket.id } }
            return try await group.reduce(into: Set<TicketID>()) { $0.insert($1) }
        }
        #expect(tickets.count == 1)
        #expect(email.sentMessages.count == 1, "during open hours only the acknowledgement")
        #expect(email.sentMessages.first?.body.contains("14:00") == true, "Monday 10:00 + 4 business hours")
    }

    @Test func afterHoursNoticeAtMostOncePerConversationPerDay() async throws {
        let (desk, clock) = try desk(at: "2026-01-09 19:00", members: [MemberProfile(id: "anna", displayName: "Anna")])
        let ticket = try await desk.receive(inbound("m1", from: "anna", at: clock)).ticket
        clock.advance(by: 3600)
        var reply = inbound("m2", from: "anna", at: clock)
        reply.threadReference = "ticket:\(ticket.id)"
        try await desk.receive(reply)
        #expect(email.sentMessages.count == 2, "no second notice within the day")
        clock.advance(by: 86_400)
        reply.externalID = "m3"
        reply.receivedAt = clock.now
        try await desk.receive(reply)
        #expect(email.sentMessages.count == 3, "Sunday 20:00 gets a new notice")
        #expect(email.sentMessages.last?.body.contains("09:00") == true)
    }

    @Test func selfServiceLinksComeWithTheAcknowledgement() async throws {
        let member = MemberProfile(id: "anna", displayName: "Anna", locale: .ru)
        let (desk, clock) = try desk(at: "2026-01-12 10:00", members: [member])
        var message = inbound("m1", from: "anna", at: clock, subject: "Отмена")
        message.body = "Хочу отменить подписку"
        try await desk.receive(message)
        let body = try #require(email.sentMessages.first?.body)
        #expect(body.contains("Отменить здесь: https://club.example/cancel"), "\(body)")
    }

    @Test func outOfScopeRequestsGetTheRedirectInstead() async throws {
        let (desk, clock) = try desk(at: "2026-01-12 10:00", members: [MemberProfile(id: "anna", displayName: "Anna")])
        var message = inbound("m1", from: "anna", at: clock)
        message.reason = .personalConsultation
        try await desk.receive(message)
        #expect(email.sentMessages.count == 1)
        #expect(email.sentMessages.first?.body.contains("book a call") == true)
        #expect(email.sentMessages.first?.body.contains("expect an answer") == false)
    }

    @Test func absenceWithSubstituteRoutesAndSaysWho() async throws {
        let (desk, clock) = try desk(
            at: "2026-01-12 10:00",
            absences: [Absence(from: "2026-01-12", through: "2026-01-14", substitute: "ivan")],
            members: [MemberProfile(id: "anna", displayName: "Anna")]
        )
        let ticket = try await desk.receive(inbound("m1", from: "anna", at: clock)).ticket
        #expect(ticket.assignee == "ivan")
        #expect(email.sentMessages.contains { $0.body.contains("Ivan is looking after your message") })
    }

    @Test func memberTextIsNeverReadAsTemplateSyntax() async throws {
        let (desk, clock) = try desk(at: "2026-01-12 10:00", members: [MemberProfile(id: "anna", displayName: "Anna")])
        try await desk.receive(inbound("m1", from: "anna", at: clock, subject: "{{ticket_id}} {{member_name}} {{oops"))
        let body = try #require(email.sentMessages.first?.body)
        #expect(body.contains("\"{{ticket_id}} {{member_name}} {{oops\""), "\(body)")
    }

    @Test func macroRepliesFromATemplateSetsStatusAndTags() async throws {
        let (desk, clock) = try desk(
            at: "2026-01-12 10:00",
            members: [MemberProfile(id: "anna", displayName: "Anna", locale: .es)]
        )
        let ticket = try await desk.receive(inbound("m1", from: "anna", at: clock)).ticket
        let macro = Macro(name: "Reset", reply: .selfService, status: .pending, addTags: ["Access"])
        let after = try await desk.apply(macro, to: ticket.id, by: .agent("ivan"), values: ["links": "https://x"])
        #expect(after.status == .pending)
        #expect(after.tags == ["access"])
        #expect(after.lastPublicReply?.body.contains("https://x") == true)
        #expect(after.lastPublicReply?.templateKey == "self_service")
        await #expect(throws: TemplateError.self) {
            try await desk.apply(Macro(name: "Broken", reply: .afterHours), to: ticket.id, by: .agent("ivan"))
        }
        #expect(try await desk.agentView(of: ticket.id).ticket.version == after.version, "nothing stored on error")
    }
}

/// Live chat that says whether anyone is on.
private struct LiveChat: Channel {
    let kind = ChannelKind.liveChat
    let staffed: Bool
    let sent = InMemoryChannel(kind: .liveChat)
    var isAvailable: Bool { staffed }
    func send(_ message: OutboundMessage) async throws -> DeliveryReceipt { try await sent.send(message) }
}

@Suite("Promises on live chat")
struct LiveChatPromiseTests {
    @Test(arguments: [(true, "10:20"), (false, "14:00")])
    func anUnstaffedChatPromisesNoInstantAnswer(staffed: Bool, expected: String) async throws {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "Europe/Moscow",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        let boundaries = try BoundariesPolicy(
            hours: hours,
            channels: [ChannelPolicy(kind: .liveChat, firstReply: .business(20 * 60))],
            promises: [.normal: ResponseTargets(firstReply: .business(4 * 3600))]
        )
        let chat = LiveChat(staffed: staffed)
        let email = InMemoryChannel(kind: .email)
        let clock = ManualClock(now: moscow("2026-01-12 10:00"))
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [chat, email],
            configuration: DeskConfiguration(
                boundaries: boundaries,
                routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
            ),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([
                MemberProfile(id: "anna", displayName: "Anna", contactChannels: [.liveChat, .email])
            ])
        )
        try await desk.receive(
            InboundMessage(channel: .liveChat, externalID: "c1", sender: "anna", body: "Hello?", receivedAt: clock.now)
        )
        let acknowledgement = try #require((chat.sent.sentMessages + email.sentMessages).first)
        #expect(acknowledgement.body.contains("January 12, \(expected)"), "\(acknowledgement.body)")
        #expect(acknowledgement.channel == (staffed ? .liveChat : .email), "an unstaffed chat falls back to email")
    }
}
