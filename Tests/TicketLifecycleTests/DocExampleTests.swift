import Foundation
import Testing
import TicketLifecycle

/// The code in the DocC catalog, run for real so the documentation cannot drift from the library.
@Suite("Documentation examples")
struct DocExampleTests {
    @Test("the module page example")
    func modulePage() throws {
        let now = Date(timeIntervalSince1970: 1_767_261_600)
        let later = now.addingTimeInterval(600)
        let first = TicketMessage(
            id: "msg-1",
            kind: .memberMessage,
            author: .member("m-7"),
            body: "I cannot log in",
            at: now
        )
        let creation = TicketCreation(requester: "m-7", subject: "Login", channel: .email, firstMessage: first)
        let (ticket, created) = try TicketRules.create(creation, id: "T-42", by: .member("m-7"), at: now)

        let reply = TicketCommand.reply(MessageDraft(id: "msg-2", body: "Try this link"), status: .pending)
        let (answered, events) = try TicketRules.execute(reply, on: ticket, by: .agent("a-1"), at: later)
        #expect(answered.status == .pending && answered.version == 3)
        #expect(events.map(\.sequence) == [2, 3])
        let rebuilt = try Ticket.replay([created] + events)
        #expect(rebuilt == answered)
    }

    @Test("the lifecycle article example")
    func article() throws {
        let now = Date(timeIntervalSince1970: 1_767_261_600)
        let member = SupportActor.member("m-7")
        let agent = SupportActor.agent("a-1")

        let first = TicketMessage(
            id: "msg-1",
            kind: .memberMessage,
            author: member,
            body: "I cannot log in",
            at: now
        )
        let creation = TicketCreation(
            requester: "m-7",
            subject: "Login",
            channel: .email,
            reason: .access,
            firstMessage: first
        )
        let start = try TicketRules.create(creation, id: "T-42", by: member, at: now)
        var ticket = start.ticket
        var history = [start.event]

        func run(_ command: TicketCommand, by actor: SupportActor, minutes: Double) throws {
            let result = try TicketRules.execute(
                command,
                on: ticket,
                by: actor,
                at: now.addingTimeInterval(minutes * 60)
            )
            ticket = result.ticket
            history += result.events
        }

        try run(.internalNote(MessageDraft(id: "msg-2", body: "Password reset mail bounced")), by: agent, minutes: 5)
        try run(.reply(MessageDraft(id: "msg-3", body: "Try this link"), status: .solved), by: agent, minutes: 6)
        try run(.memberMessage(MessageDraft(id: "msg-4", body: "Still no mail")), by: member, minutes: 30)
        #expect(ticket.status == .open)
        #expect(ticket.solvedAt == nil)

        var refused = false
        do {
            try run(.setStatus(.closed), by: agent, minutes: 31)
        } catch let error as LifecycleError where error.code == .notSolved {
            refused = true
        }
        #expect(refused)

        #expect(!ticket.memberVisibleMessages.contains { $0.kind == .internalNote })
        let rebuilt = try Ticket.replay(history)
        #expect(rebuilt == ticket)
        #expect(history.count == 6)
    }
}
