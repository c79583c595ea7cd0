import Foundation
import Testing
import TicketLifecycle

/// Ids, instants and drafts shared by the lifecycle tests.
enum Fixture {
    static let ticketID: TicketID = "T-1"
    static let otherTicketID: TicketID = "T-2"
    static let thirdTicketID: TicketID = "T-3"
    static let requester: MemberID = "m-1"
    static let otherMember: MemberID = "m-2"
    static let agentA: AgentID = "a-1"
    static let agentB: AgentID = "a-2"
    static let owner: AgentID = "o-1"

    /// 2026-01-01T10:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_767_261_600)

    /// The instant `minutes` after ``start``.
    static func at(_ minutes: Int) -> Date { start.addingTimeInterval(TimeInterval(minutes * 60)) }

    static func draft(_ body: String, id: MessageID = "msg-x") -> MessageDraft {
        MessageDraft(id: id, body: body, channel: .email)
    }

    static func creation(
        requester: MemberID = Fixture.requester,
        body: String = "I cannot log in",
        author: SupportActor = .requester,
        kind: TicketMessage.Kind = .memberMessage
    ) -> TicketCreation {
        TicketCreation(
            requester: requester,
            subject: "Login",
            channel: .email,
            reason: .access,
            priority: .normal,
            locale: .en,
            firstMessage: TicketMessage(
                id: "msg-0",
                kind: kind,
                author: author,
                body: body,
                at: start,
                channel: .email
            )
        )
    }
}

extension SupportActor {
    /// The member who opened the ticket.
    static var requester: SupportActor { .member(Fixture.requester) }
    /// A member who did not open the ticket.
    static var otherMember: SupportActor { .member(Fixture.otherMember) }
    /// An agent.
    static var agentA: SupportActor { .agent(Fixture.agentA) }
    /// Another agent.
    static var agentB: SupportActor { .agent(Fixture.agentB) }
    /// The club's owner.
    static var clubOwner: SupportActor { .owner(Fixture.owner) }
}

/// A ticket and its whole history, built by running commands through the lifecycle.
struct Story {
    var ticket: Ticket
    var events: [TicketEvent]
    var minute = 0

    init(by actor: SupportActor = .requester, creation: TicketCreation = Fixture.creation()) throws {
        let (ticket, event) = try TicketRules.create(creation, id: Fixture.ticketID, by: actor, at: Fixture.start)
        self.ticket = ticket
        self.events = [event]
    }

    /// Runs a command one minute after the previous one and records its events.
    @discardableResult
    mutating func run(_ command: TicketCommand, by actor: SupportActor = .agentA) throws -> [TicketEvent] {
        minute += 1
        let (next, events) = try TicketRules.execute(command, on: ticket, by: actor, at: Fixture.at(minute))
        ticket = next
        self.events += events
        return events
    }

    /// The instant the next command will run at.
    var nextInstant: Date { Fixture.at(minute + 1) }

    /// A ticket brought to `status` the ordinary way, with the tag `vip`.
    static func at(_ status: TicketStatus) throws -> Story {
        var story = try Story()
        try story.run(.addTags(["vip"]))
        switch status {
        case .new:
            break
        case .open:
            try story.run(.reply(Fixture.draft("Looking into it"), status: nil))
        case .pending, .onHold, .solved:
            try story.run(.setStatus(status))
        case .closed:
            try story.run(.setStatus(.solved))
            try story.run(.setStatus(.closed))
        }
        return story
    }

    /// A ticket closed by merging it into ``Fixture/otherTicketID``.
    static func merged() throws -> Story {
        var story = try Story.at(.open)
        try story.run(.merge(into: Fixture.otherTicketID))
        return story
    }
}

/// What a command should do to a ticket's status.
enum Outcome: Sendable, Hashable, CustomTestStringConvertible {
    case becomes(TicketStatus)
    case refused(LifecycleError.Code)

    var testDescription: String {
        switch self {
        case .becomes(let status): "becomes \(status)"
        case .refused(let code): "refused \(code)"
        }
    }
}

/// Expects `body` to throw a ``LifecycleError`` with `code` and a message that says something.
func expectRefused(
    _ code: LifecycleError.Code,
    _ comment: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(code) but it was accepted. \(comment())", sourceLocation: sourceLocation)
    } catch let error as LifecycleError {
        #expect(error.code == code, "got \(error). \(comment())", sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error). \(comment())", sourceLocation: sourceLocation)
    }
}

/// Runs `command` on a copy of `story` and checks it against `outcome`: the resulting status, or the
/// refusal with no events and the ticket unchanged.
func check(
    _ command: TicketCommand,
    by actor: SupportActor,
    on story: Story,
    expecting outcome: Outcome,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var copy = story
    switch outcome {
    case .becomes(let status):
        do {
            let events = try copy.run(command, by: actor)
            #expect(copy.ticket.status == status, sourceLocation: sourceLocation)
            #expect(!events.isEmpty, sourceLocation: sourceLocation)
            #expect(copy.ticket.version == story.ticket.version + events.count, sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(command.name) by \(actor) was refused: \(error)", sourceLocation: sourceLocation)
        }
    case .refused(let code):
        expectRefused(code, "\(command.name) by \(actor)", sourceLocation: sourceLocation) {
            _ = try TicketRules.handle(command, on: story.ticket, by: actor, at: story.nextInstant)
        }
    }
}
