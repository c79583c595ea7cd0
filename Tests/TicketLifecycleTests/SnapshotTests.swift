import Foundation
import Testing
import TicketLifecycle

/// What the snapshot records: instants, versions, merges, and the member's view.
@Suite("Snapshot fields")
struct SnapshotTests {
    @Test("solvedAt is set on solve, kept on close, cleared on reopen")
    func solvedAt() throws {
        var story = try Story.at(.open)
        #expect(story.ticket.solvedAt == nil)
        try story.run(.setStatus(.solved))
        let solvedAt = Fixture.at(story.minute)
        #expect(story.ticket.solvedAt == solvedAt)
        try story.run(.memberMessage(Fixture.draft("Not fixed")), by: .requester)
        #expect(story.ticket.status == .open)
        #expect(story.ticket.solvedAt == nil)
        try story.run(.reply(Fixture.draft("Now it is"), status: .solved))
        let solvedAgain = Fixture.at(story.minute)
        #expect(story.ticket.solvedAt == solvedAgain)
        try story.run(.setStatus(.closed), by: .system)
        #expect(story.ticket.solvedAt == solvedAgain)
        #expect(story.ticket.closedAt == Fixture.at(story.minute))
        #expect(story.ticket.updatedAt == Fixture.at(story.minute))
    }

    @Test("leaving solved for any other status clears solvedAt", arguments: [TicketStatus.open, .pending, .onHold])
    func solvedAtCleared(to: TicketStatus) throws {
        var story = try Story.at(.solved)
        #expect(story.ticket.solvedAt != nil)
        try story.run(.setStatus(to))
        #expect(story.ticket.solvedAt == nil)
        #expect(story.ticket.closedAt == nil)
    }

    @Test("closedAt is only set by closing or merging")
    func closedAt() throws {
        var story = try Story.at(.solved)
        #expect(story.ticket.closedAt == nil)
        try story.run(.setStatus(.closed))
        #expect(story.ticket.closedAt == Fixture.at(story.minute))
        #expect(story.ticket.mergedInto == nil)
        let merged = try Story.merged()
        #expect(merged.ticket.closedAt == Fixture.at(merged.minute))
        #expect(merged.ticket.solvedAt == nil)
    }

    @Test("version and sequence grow by one per event")
    func versions() throws {
        var story = try Story()
        #expect(story.ticket.version == 1)
        let reply = try story.run(.reply(Fixture.draft("Hi"), status: nil))
        #expect(reply.map(\.sequence) == [2, 3])
        #expect(story.ticket.version == 3)
        let note = try story.run(.internalNote(Fixture.draft("Note")))
        #expect(note.map(\.sequence) == [4])
        try story.run(.setStatus(.pending))
        let reopen = try story.run(.memberMessage(Fixture.draft("Back")), by: .requester)
        #expect(reopen.map(\.sequence) == [6, 7])
        #expect(story.ticket.version == 7)
        #expect(story.events.map(\.sequence) == Array(1...7))
        #expect(story.events.dropFirst().allSatisfy { $0.at > Fixture.start })
    }

    @Test("handle numbers events after the version and does not change the ticket")
    func handleIsPure() throws {
        let story = try Story.at(.pending)
        let before = story.ticket
        let at = Fixture.at(500)
        let events = try TicketRules.handle(.memberMessage(Fixture.draft("Hi")), on: before, by: .requester, at: at)
        #expect(story.ticket == before)
        #expect(events.map(\.sequence) == [before.version + 1, before.version + 2])
        #expect(events.allSatisfy { $0.at == at && $0.actor == .requester && $0.ticketID == before.id })
        var folded = before
        for event in events { try folded.apply(event) }
        let executed = try TicketRules.execute(
            .memberMessage(Fixture.draft("Hi")),
            on: before,
            by: .requester,
            at: at
        )
        #expect(executed.ticket == folded)
        #expect(executed.events == events)
        #expect(try before.applying(events[0]).applying(events[1]) == folded)
    }

    @Test("a merge closes the source as merged; the target receives the messages")
    func merge() throws {
        var source = try Story.at(.pending)
        try source.run(.internalNote(Fixture.draft("Duplicate of T-2")))
        try source.run(.merge(into: Fixture.otherTicketID))
        #expect(source.ticket.status == .closed)
        #expect(source.ticket.mergedInto == Fixture.otherTicketID)
        expectRefused(.mergeIntoItself) {
            _ = try TicketRules.handle(
                .merge(into: Fixture.ticketID),
                on: Story.at(.open).ticket,
                by: .agentA,
                at: Fixture.at(1)
            )
        }

        var target = try Story.at(.open)
        let before = target.ticket.messages
        let events = try target.run(.receiveMerge(from: Fixture.otherTicketID, messages: source.ticket.messages))
        #expect(events.map(\.change) == [.mergeReceived(from: Fixture.otherTicketID, messages: source.ticket.messages)])
        #expect(target.ticket.messages == before + source.ticket.messages)
        #expect(target.ticket.status == .open)
        #expect(target.ticket.memberVisibleMessages.allSatisfy { $0.kind != .internalNote })
        expectRefused(.mergeIntoItself) {
            _ = try TicketRules.handle(
                .receiveMerge(from: Fixture.ticketID, messages: []),
                on: target.ticket,
                by: .agentA,
                at: target.nextInstant
            )
        }
    }

    @Test("autoCloseDue is solvedAt plus the delay, only while solved")
    func autoClose() throws {
        let delay: TimeInterval = 3 * 24 * 3600
        for status in [TicketStatus.new, .open, .pending, .onHold, .closed] {
            let story = try Story.at(status)
            #expect(TicketRules.autoCloseDue(for: story.ticket, after: delay) == nil, "\(status)")
        }
        var story = try Story.at(.solved)
        let solvedAt = try #require(story.ticket.solvedAt)
        #expect(TicketRules.autoCloseDue(for: story.ticket, after: delay) == solvedAt.addingTimeInterval(delay))
        #expect(TicketRules.autoCloseDue(for: story.ticket, after: 0) == solvedAt)
        try story.run(.internalNote(Fixture.draft("Waiting")))
        #expect(TicketRules.autoCloseDue(for: story.ticket, after: delay) == solvedAt.addingTimeInterval(delay))
        try story.run(.memberMessage(Fixture.draft("Wait, one more thing")), by: .requester)
        #expect(TicketRules.autoCloseDue(for: story.ticket, after: delay) == nil)
        try story.run(.setStatus(.solved))
        #expect(
            TicketRules.autoCloseDue(for: story.ticket, after: delay)
                == Fixture.at(story.minute).addingTimeInterval(delay)
        )
        try story.run(.setStatus(.closed), by: .system)
        #expect(TicketRules.autoCloseDue(for: story.ticket, after: delay) == nil)
    }

    @Test("memberVisibleMessages leaves out internal notes only")
    func memberVisible() throws {
        var story = try Story()
        try story.run(.automaticMessage(Fixture.draft("We got it")), by: .system)
        try story.run(.internalNote(Fixture.draft("secret: card ends 4242")))
        try story.run(.reply(Fixture.draft("Try this link"), status: .pending))
        try story.run(.internalNote(Fixture.draft("secret: owner knows")), by: .clubOwner)
        try story.run(.memberMessage(Fixture.draft("Worked")), by: .requester)
        let visible = story.ticket.memberVisibleMessages
        #expect(visible.map(\.body) == ["I cannot log in", "We got it", "Try this link", "Worked"])
        #expect(visible.allSatisfy { $0.isVisibleToMember })
        #expect(story.ticket.messages.count == 6)
        #expect(
            TicketMessage.Kind.allCases.filter { kind in
                TicketMessage(id: "x", kind: kind, author: .system, body: "b", at: Fixture.start).isVisibleToMember
            } == [.memberMessage, .publicReply, .automatic]
        )
    }

    @Test("unanswered member messages: since the last public reply, oldest first")
    func unanswered() throws {
        var story = try Story()
        #expect(story.ticket.unansweredMemberMessages.map(\.body) == ["I cannot log in"])
        try story.run(.memberMessage(Fixture.draft("Hello?")), by: .requester)
        try story.run(.automaticMessage(Fixture.draft("We got it")), by: .system)
        try story.run(.internalNote(Fixture.draft("On it")))
        #expect(story.ticket.unansweredMemberMessages.map(\.body) == ["I cannot log in", "Hello?"])
        #expect(story.ticket.lastPublicReply == nil)
        try story.run(.reply(Fixture.draft("Fixed"), status: .solved))
        #expect(story.ticket.unansweredMemberMessages.isEmpty)
        #expect(story.ticket.lastPublicReply?.body == "Fixed")
        try story.run(.memberMessage(Fixture.draft("Not really")), by: .requester)
        try story.run(.internalNote(Fixture.draft("Escalate")))
        #expect(story.ticket.unansweredMemberMessages.map(\.body) == ["Not really"])
        #expect(story.ticket.lastPublicReply?.body == "Fixed")
    }

    @Test("a ticket opened by an agent with a public reply has nothing unanswered")
    func agentOpened() throws {
        let creation = Fixture.creation(body: "We noticed a failed payment", author: .agentA, kind: .publicReply)
        let story = try Story(by: .agentA, creation: creation)
        #expect(story.ticket.unansweredMemberMessages.isEmpty)
        #expect(story.ticket.lastPublicReply?.body == "We noticed a failed payment")
        #expect(story.ticket.status == .new)
    }
}
