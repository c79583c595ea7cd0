import Foundation
import Testing
import TicketLifecycle

/// Who may do what, and that nothing at all happens to a closed ticket.
@Suite("Permissions and closed tickets")
struct PermissionTests {
    /// Whether each actor may run each command on an open ticket, in the order requester, another
    /// member, agent, owner, system.
    static let matrix: [(CommandKind, [Bool])] = [
        (.memberMessage, [true, false, false, false, true]),
        (.reply, [false, false, true, true, false]),
        (.internalNote, [false, false, true, true, true]),
        (.automaticMessage, [false, false, false, false, true]),
        (.setStatus, [false, false, true, true, true]),
        (.assign, [false, false, true, true, true]),
        (.setPriority, [false, false, true, true, true]),
        (.setReason, [false, false, true, true, true]),
        (.addTags, [false, false, true, true, true]),
        (.removeTags, [false, false, true, true, true]),
        (.merge, [false, false, true, true, false]),
        (.receiveMerge, [false, false, true, true, false]),
    ]

    static var permissionRows: [(CommandKind, ActorKind, Bool)] {
        matrix.flatMap { kind, allowed in zip(ActorKind.allCases, allowed).map { (kind, $0, $1) } }
    }

    @Test("the permission matrix", arguments: permissionRows)
    func permission(kind: CommandKind, actor: ActorKind, allowed: Bool) throws {
        let story = try Story.at(.open)
        if allowed {
            var copy = story
            let events = try copy.run(kind.command, by: actor.actor)
            #expect(!events.isEmpty)
            #expect(events.allSatisfy { $0.actor == actor.actor && $0.ticketID == Fixture.ticketID })
        } else {
            expectRefused(.notPermitted, "\(kind) by \(actor)") {
                _ = try TicketRules.handle(kind.command, on: story.ticket, by: actor.actor, at: story.nextInstant)
            }
        }
    }

    @Test("the matrix covers every command once")
    func matrixIsComplete() {
        #expect(Self.matrix.map(\.0) == CommandKind.allCases)
        #expect(Self.matrix.allSatisfy { $0.1.count == ActorKind.allCases.count })
    }

    @Test("a member cannot write on another member's ticket, even an empty body")
    func otherMembersTicket() throws {
        let story = try Story.at(.pending)
        for body in ["Hello", ""] {
            expectRefused(.notPermitted) {
                _ = try TicketRules.handle(
                    .memberMessage(Fixture.draft(body)),
                    on: story.ticket,
                    by: .otherMember,
                    at: story.nextInstant
                )
            }
        }
    }

    @Test(
        "every command by every actor is refused on a closed ticket",
        arguments: CommandKind.allCases,
        ActorKind.allCases
    )
    func closedRefusesEverything(kind: CommandKind, actor: ActorKind) throws {
        for story in [try Story.at(.closed), try Story.merged()] {
            #expect(story.ticket.status == .closed)
            expectRefused(.ticketClosed, "\(kind) by \(actor), merged: \(story.ticket.mergedInto != nil)") {
                _ = try TicketRules.handle(kind.command, on: story.ticket, by: actor.actor, at: story.nextInstant)
            }
        }
    }

    @Test("invalid commands on a closed ticket are refused as closed first")
    func closedComesFirst() throws {
        let story = try Story.merged()
        let commands: [TicketCommand] = [
            .memberMessage(Fixture.draft(" ")), .setStatus(.new), .addTags([""]), .merge(into: Fixture.ticketID),
            .assign(nil),
        ]
        for command in commands {
            expectRefused(.ticketClosed, command.name) {
                _ = try TicketRules.handle(command, on: story.ticket, by: .requester, at: story.nextInstant)
            }
        }
    }

    @Test("the message of a refusal on a merged ticket names the target")
    func mergedMessage() throws {
        let story = try Story.merged()
        let error = #expect(throws: LifecycleError.self) {
            try TicketRules.handle(
                .memberMessage(Fixture.draft("Hi")),
                on: story.ticket,
                by: .requester,
                at: story.nextInstant
            )
        }
        #expect(error?.message.contains("\(Fixture.otherTicketID)") == true)
        #expect(error?.description.hasPrefix("ticketClosed: ") == true)
    }

    static let creators: [(ActorKind, Outcome)] = [
        (.requester, .becomes(.new)),
        (.otherMember, .refused(.notPermitted)),
        (.agent, .becomes(.new)),
        (.owner, .becomes(.new)),
        (.system, .becomes(.new)),
    ]

    @Test("who may create a ticket for the requester", arguments: creators)
    func create(actor: ActorKind, outcome: Outcome) throws {
        let creation = Fixture.creation()
        switch outcome {
        case .becomes(let status):
            let (ticket, event) = try TicketRules.create(
                creation,
                id: Fixture.ticketID,
                by: actor.actor,
                at: Fixture.start
            )
            #expect(ticket.status == status)
            #expect(ticket.version == 1)
            #expect(ticket.requester == Fixture.requester)
            #expect(ticket.messages == [creation.firstMessage])
            #expect(ticket.createdAt == Fixture.start && ticket.updatedAt == Fixture.start)
            #expect(
                event
                    == TicketEvent(
                        ticketID: "T-1",
                        sequence: 1,
                        at: Fixture.start,
                        actor: actor.actor,
                        change: .created(creation)
                    )
            )
        case .refused(let code):
            expectRefused(code) {
                _ = try TicketRules.create(creation, id: Fixture.ticketID, by: actor.actor, at: Fixture.start)
            }
        }
    }

    @Test("a created ticket keeps what it started with")
    func creationFields() throws {
        var creation = Fixture.creation()
        creation.followUpOf = "T-0"
        creation.priority = .high
        let (ticket, _) = try TicketRules.create(creation, id: "T-9", by: .requester, at: Fixture.start)
        #expect(ticket.id == "T-9")
        #expect(ticket.followUpOf == "T-0")
        #expect(ticket.priority == .high)
        #expect(ticket.reason == .access)
        #expect(ticket.channel == .email)
        #expect(ticket.locale == .en)
        #expect(ticket.subject == "Login")
        #expect(ticket.assignee == nil && ticket.tags.isEmpty && ticket.mergedInto == nil)
        #expect(ticket.solvedAt == nil && ticket.closedAt == nil)
    }
}
