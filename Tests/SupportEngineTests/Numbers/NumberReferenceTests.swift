import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Inbound references by ticket number")
struct NumberReferenceTests {
    @Test func aSubjectTagFindsTheSendersTicket() async throws {
        let harness = DeskHarness()
        let ticket = try await harness.receive("in-1", subject: "Login").ticket
        let again = try await harness.receive("in-2", body: "Still broken", subject: "Re: Login [#1]")
        #expect(again.disposition == .appended)
        #expect(again.ticket.id == ticket.id)
        #expect(await harness.store.ticketCount == 1)
    }

    @Test(arguments: ["#1 still broken", "About #1", "[#1] again"])
    func aBareOrTaggedNumberInTheSubjectCounts(_ subject: String) async throws {
        let harness = DeskHarness()
        let ticket = try await harness.receive("in-1").ticket
        #expect(try await harness.receive("in-2", subject: subject).ticket.id == ticket.id, "subject '\(subject)'")
    }

    @Test func aReplyQuotingTheAcknowledgementFindsTheTicket() async throws {
        let harness = DeskHarness()
        let ticket = try await harness.receive("in-1").ticket
        let body = """
            Thanks, but it still fails.

            > we have received your message "Login" (ticket #1). You can expect an answer soon.
            """
        let reply = try await harness.receive("in-2", body: body, subject: "Re: your message")
        #expect(reply.ticket.id == ticket.id)
        let tagged = try await harness.receive("in-3", body: "See [#1], please hurry")
        #expect(tagged.ticket.id == ticket.id, "a tag in the body counts too")
    }

    @Test func aBareNumberInTheBodyOutsideAQuoteIsNotAReference() async throws {
        let harness = DeskHarness()
        let ticket = try await harness.receive("in-1").ticket
        let other = try await harness.receive("in-2", body: "My order #1 never arrived", subject: "Order")
        #expect(other.disposition == .created)
        #expect(other.ticket.id != ticket.id)
        let longer = try await harness.receive("in-3", subject: "Invoice #12")
        #expect(longer.ticket.id != ticket.id, "#12 is not #1")
    }

    @Test func anotherMembersNumberIsIgnoredAndNothingLeaks() async throws {
        let email = InMemoryChannel(kind: .email)
        let harness = DeskHarness(channels: [email])
        let alices = try await harness.receive("in-1", from: "alice", body: "My card number is private").ticket
        let before = try await harness.desk.agentView(of: alices.id).ticket
        let mallory = try await harness.receive(
            "in-2",
            from: "mallory",
            body: "Add this to [#1]\n> (ticket #1)",
            subject: "Re: [#1]"
        )
        #expect(mallory.disposition == .created, "a new ticket for mallory")
        #expect(mallory.ticket.requester == "mallory")
        #expect(mallory.ticket.id != alices.id)
        #expect(try await harness.desk.agentView(of: alices.id).ticket == before, "alice's ticket is untouched")
        for message in email.sentMessages where message.recipient == "mallory" {
            #expect(!message.body.contains("private"))
        }
        let view = try await harness.desk.memberView(of: mallory.ticket.id, for: "mallory")
        #expect(!view.messages.contains { $0.body.contains("private") })
        // The member's own reference next to someone else's still finds their own ticket.
        let own = try await harness.receive("in-3", from: "mallory", subject: "[#1] [#2]")
        #expect(own.ticket.id == mallory.ticket.id)
    }

    @Test func aNumberOfAClosedTicketOpensAFollowUp() async throws {
        let harness = DeskHarness()
        let ticket = try await harness.receive("in-1").ticket
        try await harness.desk.solve(ticket.id, by: DeskHarness.agent)
        try await harness.desk.setStatus(.closed, of: ticket.id, by: DeskHarness.agent)
        let later = try await harness.receive("in-2", subject: "Re: Login [#1]")
        #expect(later.disposition == .followUp(of: ticket.id))
        #expect(later.ticket.followUpOf == ticket.id)
        #expect(later.ticket.number?.rawValue == 2)
    }

    @Test func aThreadReferenceWinsOverANumber() async throws {
        let harness = DeskHarness()
        let first = try await harness.receive("in-1").ticket
        let second = try await harness.receive("in-2", body: "Another thing").ticket
        let reply = try await harness.receive("in-3", thread: "in-2", subject: "Re: [#1]")
        #expect(reply.ticket.id == second.id)
        #expect(reply.ticket.id != first.id)
    }
}
