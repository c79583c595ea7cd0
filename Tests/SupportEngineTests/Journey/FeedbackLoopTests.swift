import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Feedback loop: rating requests and 'you said, we did'")
struct FeedbackLoopTests {
    func open(_ harness: JourneyHarness, _ member: MemberID, _ subject: String, id: String) async throws -> TicketID {
        try await harness.desk.receive(
            InboundMessage(
                channel: .email,
                externalID: id,
                sender: member,
                subject: subject,
                body: "Please add this",
                receivedAt: harness.clock.now
            )
        ).ticket.id
    }

    @Test func solvingATicketAsksForARatingOnce() async throws {
        let harness = JourneyHarness(requestsRatings: true)
        let desk = harness.desk
        let ticket = try await open(harness, "ivan", "Экспорт календаря", id: "in-1")
        try await desk.reply(to: ticket, body: "Готово", by: .agent("olga"), status: .solved)
        var requests = harness.email.sentMessages.filter {
            $0.subject == "Re: Экспорт календаря [#1]" && $0.body.contains("от 1")
        }
        #expect(requests.count == 1)
        #expect(requests.first?.body.contains("«Экспорт календаря»") == true)
        let solved = try await desk.agentView(of: ticket).ticket
        #expect(solved.status == .solved)
        #expect(solved.messages.last?.templateKey == TemplateKey.ratingRequest.rawValue)

        // Reopened by the member and solved again: no second request.
        try await desk.execute(
            .memberMessage(MessageDraft(id: "m-again", body: "Ещё вопрос")),
            on: ticket,
            by: .member("ivan")
        )
        #expect(try await desk.agentView(of: ticket).ticket.status == .open)
        try await desk.solve(ticket, by: .agent("olga"))
        requests = harness.email.sentMessages.filter { $0.body.contains("от 1") }
        #expect(requests.count == 1)
    }

    @Test func noRatingRequestUnlessAsked() async throws {
        let harness = JourneyHarness()
        let ticket = try await open(harness, "anna", "Export", id: "in-1")
        try await harness.desk.solve(ticket, by: .agent("olga"))
        #expect(try await harness.desk.agentView(of: ticket).ticket.messages.allSatisfy { $0.kind != .automatic })
    }

    @Test func youSaidWeDidReachesEachMemberOnce() async throws {
        let harness = JourneyHarness()
        let desk = harness.desk
        let one = try await open(harness, "anna", "Please add a calendar export", id: "in-1")
        let two = try await open(harness, "anna", "Calendar export, again", id: "in-2")
        let three = try await open(harness, "lucia", "Exportar el calendario", id: "in-3")
        let sent = try await desk.journey.publishYouSaidWeDid(
            "calendar-export",
            note: "Calendar export is live.",
            answering: [one, two, three],
            by: .owner("olga")
        )
        #expect(sent == ["anna", "lucia"])
        let toAnna = harness.email.sentMessages.filter { $0.recipient == "anna" && $0.subject == "You said, we did" }
        #expect(toAnna.count == 1)
        #expect(toAnna.first?.body.contains("you said: \"Please add a calendar export\"") == true)
        #expect(toAnna.first?.body.contains("Calendar export is live.") == true)
        let toLucia = harness.email.sentMessages.filter {
            $0.recipient == "lucia" && $0.subject == "Lo dijiste y lo hicimos"
        }
        #expect(toLucia.count == 1)

        let again = try await desk.journey.publishYouSaidWeDid(
            "calendar-export",
            note: "Calendar export is live.",
            answering: [one, three],
            by: .owner("olga")
        )
        #expect(again.isEmpty)
        await #expect(throws: DeskError.self) {
            try await desk.journey.publishYouSaidWeDid("x", note: "Done", answering: [one], by: .agent("pavel"))
        }
        await #expect(throws: DeskError.self) {
            try await desk.journey.publishYouSaidWeDid(
                "y",
                note: "Done",
                answering: [one, "T-404"],
                by: .owner("olga")
            )
        }
        #expect(!harness.email.sentMessages.contains { $0.id.rawValue.hasPrefix("feedback/y/") })
    }

    @Test func aStopBetweenOutboxAndRecordSendsOnce() async throws {
        // The welcome's message is in the outbox but the record was never saved (the desk stopped).
        let harness = JourneyHarness()
        var record = try JourneyRecord(member: "anna").updating(
            MemberFacts(joinedAt: harness.clock.now, lastActivityAt: harness.clock.now, subscription: .active),
            policy: JourneyPolicy(),
            at: harness.clock.now
        )
        try await harness.journeys.saveJourney(record, expectedVersion: 0, dueAt: harness.clock.now)
        let early = OutboundMessage(
            id: SupportDesk.journeyOutboundID(.welcome, of: record),
            ticketID: nil,
            messageID: nil,
            recipient: "anna",
            channel: .email,
            subject: "Welcome, Anna!",
            body: "earlier run",
            createdAt: harness.clock.now
        )
        try await harness.store.commit(TicketCommit(writes: [], outbound: [early]))
        try await harness.desk.processDueWork()
        let welcomes = harness.email.sentMessages.filter { $0.subject == "Welcome, Anna!" }
        #expect(welcomes.map(\.body) == ["earlier run"])
        record = try #require(try await harness.desk.journey.record(of: "anna"))
        #expect(record.hasTaken(.welcome))
    }
}
