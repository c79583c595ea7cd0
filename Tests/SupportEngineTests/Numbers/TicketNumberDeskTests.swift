import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Ticket numbers at the desk")
struct TicketNumberDeskTests {
    @Test func newTicketsAreNumberedInOrderAndShownWithThePrefix() async throws {
        let email = InMemoryChannel(kind: .email)
        let harness = DeskHarness(channels: [email])
        let first = try await harness.receive("in-1", subject: "Login").ticket
        let second = try await harness.receive("in-2", from: "bob", subject: "Payment").ticket
        #expect(first.number?.rawValue == 1)
        #expect(second.number?.rawValue == 2)
        let view = try await harness.desk.memberView(of: first.id, for: "alice")
        #expect(view.number == first.number)
        #expect(view.reference == "#1")
        #expect(try await harness.desk.agentView(of: second.id).reference == "#2")
        try await harness.desk.reply(to: first.id, body: "Try again now", by: DeskHarness.agent)
        #expect(email.sentMessages.last?.subject == "Re: Login [#1]")
    }

    @Test func agentsFindATicketByNumberOrByWhatTheyType() async throws {
        let harness = DeskHarness()
        let ticket = try await harness.receive("in-1").ticket
        try await harness.receive("in-2", from: "bob")
        let number = try #require(ticket.number)
        #expect(try await harness.desk.agentView(ofNumber: number).ticket.id == ticket.id)
        for typed in ["#1", "1", " #1 ", ticket.id.rawValue] {
            #expect(try await harness.desk.lookUpTicket(typed)?.ticket.id == ticket.id, "looking up '\(typed)'")
        }
        #expect(try await harness.desk.lookUpTicket("#2")?.ticket.requester == "bob")
        #expect(try await harness.desk.lookUpTicket("#3") == nil)
        #expect(try await harness.desk.lookUpTicket("#1x") == nil)
        #expect(try await harness.desk.lookUpTicket("") == nil)
        let error = await expectDeskError(.notFound) {
            _ = try await harness.desk.agentView(ofNumber: try TicketNumber(9))
        }
        #expect(error?.message.contains("#9") == true, "\(error?.message ?? "")")
    }

    @Test func thePrefixIsConfigurable() async throws {
        let email = InMemoryChannel(kind: .email)
        let harness = DeskHarness(configuration: DeskConfiguration(ticketNumberPrefix: "REQ-"), channels: [email])
        let ticket = try await harness.receive("in-1", subject: "Login").ticket
        #expect(try await harness.desk.memberView(of: ticket.id, for: "alice").reference == "REQ-1")
        #expect(try await harness.desk.lookUpTicket("REQ-1")?.ticket.id == ticket.id)
        try await harness.desk.reply(to: ticket.id, body: "Done", by: DeskHarness.agent)
        #expect(email.sentMessages.last?.subject == "Re: Login [REQ-1]")
    }

    @Test(arguments: ["", "123456789", "R 1", "#7", "[#]", "\u{7}"])
    func aPrefixPeopleCouldNotReadBackIsRefusedWithItsPath(_ prefix: String) {
        let error = #expect(throws: DeskConfigurationError.self, "prefix '\(prefix)'") {
            try DeskConfiguration(ticketNumberPrefix: prefix).validate()
        }
        #expect(error?.path == "tickets.numberPrefix")
        #expect(error?.message.contains("DeskConfiguration.ticketNumberPrefix") == true)
    }

    @Test func thePrefixIsReadFromTheConfigurationDocument() throws {
        let configuration = try DeskConfiguration.decode(json: Data(#"{"tickets": {"numberPrefix": "N°"}}"#.utf8))
        #expect(configuration.ticketNumberPrefix == "N°")
        #expect(try DeskConfiguration.decode(json: Data("{}".utf8)).ticketNumberPrefix == "#")
        #expect(
            performing: { try DeskConfiguration.decode(json: Data(#"{"tickets": {"numberPrefix": "no 1"}}"#.utf8)) },
            throws: { ($0 as? DeskConfigurationError)?.path == "tickets.numberPrefix" }
        )
    }

    @Test func aTicketStoredBeforeNumbersExistedLoadsAndShowsNoNumber() async throws {
        let harness = DeskHarness()
        // A ticket written by an older desk: its creation carries no number.
        let message = TicketMessage(
            id: "old-m1",
            kind: .memberMessage,
            author: .member("alice"),
            body: "Old question",
            at: harness.clock.now,
            channel: .email,
            externalID: "old-1"
        )
        let creation = TicketCreation(requester: "alice", subject: "Old", channel: .email, firstMessage: message)
        let (ticket, event) = try TicketRules.create(creation, id: "T-old", by: .member("alice"), at: harness.clock.now)
        try await harness.store.commit(
            TicketCommit(writes: [
                TicketWrite(ticket: ticket, expectedVersion: 0, events: [event], threadKeys: [.ticket("T-old")])
            ])
        )
        let view = try await harness.desk.memberView(of: "T-old", for: "alice")
        #expect(view.number == nil)
        #expect(view.reference == nil)
        #expect(try await harness.desk.agentView(of: "T-old").reference == nil)
        // New tickets are numbered all the same, and the old one keeps taking replies by its thread.
        #expect(try await harness.receive("in-1").ticket.number?.rawValue == 1)
        let reply = try await harness.receive("in-2", thread: ThreadKey.ticket("T-old").rawValue)
        #expect(reply.ticket.id == "T-old")
    }
}
