import Foundation
import Testing
import TicketLifecycle

/// Every status change, as tables: each (from-status, command) pair and what it must do.
@Suite("Status transitions")
struct StatusTransitionTests {
    /// `setStatus(to)` on a ticket in `from`, by the support side.
    static let setStatusTable: [(TicketStatus, TicketStatus, Outcome)] = [
        (.new, .new, .refused(.noChange)),
        (.new, .open, .becomes(.open)),
        (.new, .pending, .becomes(.pending)),
        (.new, .onHold, .becomes(.onHold)),
        (.new, .solved, .becomes(.solved)),
        (.new, .closed, .refused(.notSolved)),
        (.open, .new, .refused(.neverBackToNew)),
        (.open, .open, .refused(.noChange)),
        (.open, .pending, .becomes(.pending)),
        (.open, .onHold, .becomes(.onHold)),
        (.open, .solved, .becomes(.solved)),
        (.open, .closed, .refused(.notSolved)),
        (.pending, .new, .refused(.neverBackToNew)),
        (.pending, .open, .becomes(.open)),
        (.pending, .pending, .refused(.noChange)),
        (.pending, .onHold, .becomes(.onHold)),
        (.pending, .solved, .becomes(.solved)),
        (.pending, .closed, .refused(.notSolved)),
        (.onHold, .new, .refused(.neverBackToNew)),
        (.onHold, .open, .becomes(.open)),
        (.onHold, .pending, .becomes(.pending)),
        (.onHold, .onHold, .refused(.noChange)),
        (.onHold, .solved, .becomes(.solved)),
        (.onHold, .closed, .refused(.notSolved)),
        (.solved, .new, .refused(.neverBackToNew)),
        (.solved, .open, .becomes(.open)),
        (.solved, .pending, .becomes(.pending)),
        (.solved, .onHold, .becomes(.onHold)),
        (.solved, .solved, .refused(.noChange)),
        (.solved, .closed, .becomes(.closed)),
        (.closed, .new, .refused(.ticketClosed)),
        (.closed, .open, .refused(.ticketClosed)),
        (.closed, .pending, .refused(.ticketClosed)),
        (.closed, .onHold, .refused(.ticketClosed)),
        (.closed, .solved, .refused(.ticketClosed)),
        (.closed, .closed, .refused(.ticketClosed)),
    ]

    @Test("setStatus", arguments: setStatusTable)
    func setStatus(from: TicketStatus, to: TicketStatus, outcome: Outcome) throws {
        let story = try Story.at(from)
        for actor in [SupportActor.agentA, .clubOwner, .system] {
            check(.setStatus(to), by: actor, on: story, expecting: outcome)
        }
    }

    /// An agent's public reply on a ticket in `from`, with each requested status (`nil` first, then
    /// `new`, `open`, `pending`, `onHold`, `solved`, `closed`).
    static let replyTable: [(TicketStatus, [Outcome])] = [
        (
            .new,
            [
                .becomes(.open), .refused(.neverBackToNew), .becomes(.open), .becomes(.pending), .becomes(.onHold),
                .becomes(.solved), .refused(.notSolved),
            ]
        ),
        (
            .open,
            [
                .becomes(.open), .refused(.neverBackToNew), .becomes(.open), .becomes(.pending), .becomes(.onHold),
                .becomes(.solved), .refused(.notSolved),
            ]
        ),
        (
            .pending,
            [
                .becomes(.pending), .refused(.neverBackToNew), .becomes(.open), .becomes(.pending),
                .becomes(.onHold), .becomes(.solved), .refused(.notSolved),
            ]
        ),
        (
            .onHold,
            [
                .becomes(.onHold), .refused(.neverBackToNew), .becomes(.open), .becomes(.pending),
                .becomes(.onHold), .becomes(.solved), .refused(.notSolved),
            ]
        ),
        (
            .solved,
            [
                .becomes(.solved), .refused(.neverBackToNew), .becomes(.open), .becomes(.pending),
                .becomes(.onHold), .becomes(.solved), .becomes(.closed),
            ]
        ),
        (.closed, Array(repeating: .refused(.ticketClosed), count: 7)),
    ]

    static let requestedStatuses: [TicketStatus?] = [nil] + TicketStatus.allCases

    static var replyRows: [(TicketStatus, TicketStatus?, Outcome)] {
        replyTable.flatMap { from, outcomes in
            zip(requestedStatuses, outcomes).map { (from, $0, $1) }
        }
    }

    @Test("reply, with and without a status", arguments: replyRows)
    func reply(from: TicketStatus, requested: TicketStatus?, outcome: Outcome) throws {
        let story = try Story.at(from)
        for actor in [SupportActor.agentA, .clubOwner] {
            check(.reply(Fixture.draft("Answer"), status: requested), by: actor, on: story, expecting: outcome)
        }
        guard case .becomes = outcome else { return }
        var copy = story
        let events = try copy.run(.reply(Fixture.draft("Answer"), status: requested))
        let message = try #require(copy.ticket.messages.last)
        #expect(message.kind == .publicReply)
        #expect(message.author == .agentA)
        #expect(message.body == "Answer")
        #expect(events.first.map { $0.change.name } == "message_added")
        #expect(events.count == (copy.ticket.status == from ? 1 : 2))
    }

    /// The requester writing on a ticket in `from`.
    static let memberMessageTable: [(TicketStatus, Outcome)] = [
        (.new, .becomes(.new)),
        (.open, .becomes(.open)),
        (.pending, .becomes(.open)),
        (.onHold, .becomes(.onHold)),
        (.solved, .becomes(.open)),
        (.closed, .refused(.ticketClosed)),
    ]

    @Test("member message", arguments: memberMessageTable)
    func memberMessage(from: TicketStatus, outcome: Outcome) throws {
        let story = try Story.at(from)
        check(.memberMessage(Fixture.draft("Still broken")), by: .requester, on: story, expecting: outcome)
        guard case .becomes(let status) = outcome else { return }
        var copy = story
        let events = try copy.run(.memberMessage(Fixture.draft("Still broken")), by: .requester)
        #expect(copy.ticket.messages.last?.kind == .memberMessage)
        #expect(copy.ticket.messages.last?.author == .requester)
        if status == from {
            #expect(events.map(\.change.name) == ["message_added"])
        } else {
            #expect(events.count == 2)
            #expect(events.last?.change == .statusChanged(from: from, to: .open))
        }
    }

    static let commandsThatKeepStatus: [CommandKind] = [
        .internalNote, .automaticMessage, .assign, .setPriority, .setReason, .addTags, .removeTags, .receiveMerge,
    ]

    @Test(
        "other commands never change the status",
        arguments: commandsThatKeepStatus,
        [TicketStatus.new, .open, .pending, .onHold, .solved]
    )
    func keepsStatus(kind: CommandKind, from: TicketStatus) throws {
        let story = try Story.at(from)
        let actor: SupportActor = kind == .automaticMessage ? .system : .agentA
        check(kind.command, by: actor, on: story, expecting: .becomes(from))
    }

    @Test(
        "a merge closes the source from every open status",
        arguments: [TicketStatus.new, .open, .pending, .onHold, .solved]
    )
    func mergeCloses(from: TicketStatus) throws {
        var story = try Story.at(from)
        let events = try story.run(.merge(into: Fixture.otherTicketID))
        #expect(events.map(\.change) == [.mergedInto(Fixture.otherTicketID)])
        #expect(story.ticket.status == .closed)
        #expect(story.ticket.mergedInto == Fixture.otherTicketID)
        #expect(story.ticket.closedAt == Fixture.at(story.minute))
    }

    @Test("the status helpers", arguments: TicketStatus.allCases)
    func helpers(status: TicketStatus) {
        #expect(status.pausesResolutionClock == [.pending, .onHold].contains(status))
        #expect(status.needsAttention == [.new, .open].contains(status))
        #expect(status.memberFacing == (status == .onHold ? .open : status))
        #expect(status.description == status.rawValue)
        #expect(TicketStatus(rawValue: status.rawValue) == status)
    }

    @Test func statusRawValuesAreStable() {
        #expect(TicketStatus.allCases.map(\.rawValue) == ["new", "open", "pending", "on_hold", "solved", "closed"])
    }
}
