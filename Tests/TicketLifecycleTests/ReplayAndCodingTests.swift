import Foundation
import Testing
import TicketLifecycle

/// Replaying histories, and the JSON form of events and tickets.
@Suite("Replay and Codable")
struct ReplayAndCodingTests {
    /// A history that uses every kind of change.
    static func fullStory() throws -> Story {
        var story = try Story()
        try story.run(.automaticMessage(Fixture.draft("We got it")), by: .system)
        try story.run(.assign(Fixture.agentA), by: .system)
        try story.run(.setPriority(.high))
        try story.run(.setReason(.billing))
        try story.run(.addTags(["VIP", "billing"]))
        try story.run(.removeTags(["billing"]))
        try story.run(.internalNote(Fixture.draft("Card declined twice")))
        try story.run(
            .reply(
                MessageDraft(id: "r-1", body: "Please retry", channel: .email, externalID: "<x@y>"),
                status: .pending
            )
        )
        try story.run(.memberMessage(Fixture.draft("Done")), by: .requester)
        try story.run(
            .receiveMerge(
                from: Fixture.thirdTicketID,
                messages: [
                    TicketMessage(id: "t3-1", kind: .internalNote, author: .agentB, body: "old note", at: Fixture.start)
                ]
            )
        )
        try story.run(.reply(Fixture.draft("Great"), status: .solved), by: .clubOwner)
        try story.run(.setStatus(.closed), by: .system)
        return story
    }

    @Test("replay gives exactly the snapshot, after every prefix")
    func replayEqualsSnapshot() throws {
        let story = try Self.fullStory()
        #expect(try Ticket.replay(story.events) == story.ticket)
        for count in 1...story.events.count {
            let prefix = Array(story.events.prefix(count))
            let ticket = try Ticket.replay(prefix)
            #expect(ticket.version == count)
            #expect(ticket.updatedAt == prefix.last?.at)
        }
        #expect(story.ticket.status == .closed)
        #expect(
            Set(story.events.map(\.change.name)) == [
                "created", "message_added", "status_changed", "assigned", "priority_changed", "reason_changed",
                "tags_changed", "merge_received",
            ]
        )
    }

    @Test("an empty history is refused")
    func emptyHistory() {
        expectRefused(.invalidHistory) { _ = try Ticket.replay([]) }
    }

    @Test("a history must start with creation numbered 1")
    func startsWithCreation() throws {
        let events = try Self.fullStory().events
        expectRefused(.invalidHistory, "no creation") { _ = try Ticket.replay(Array(events.dropFirst())) }
        let renumbered = TicketEvent(
            ticketID: events[0].ticketID,
            sequence: 2,
            at: events[0].at,
            actor: events[0].actor,
            change: events[0].change
        )
        expectRefused(.invalidHistory, "creation numbered 2") { _ = try Ticket.replay([renumbered]) }
        let notCreation = TicketEvent(
            ticketID: "T-1",
            sequence: 1,
            at: Fixture.start,
            actor: .system,
            change: .mergedInto("T-2")
        )
        expectRefused(.invalidHistory, "event 1 is not a creation") { _ = try Ticket.replay([notCreation]) }
    }

    @Test("a gap, a repeat or a second creation is refused", arguments: [1, 3, 5])
    func gaps(index: Int) throws {
        var events = try Self.fullStory().events
        var skipped = events
        skipped.remove(at: index)
        expectRefused(.invalidHistory, "event \(index + 1) missing") { _ = try Ticket.replay(skipped) }
        var repeated = events
        repeated.insert(events[index], at: index + 1)
        expectRefused(.invalidHistory, "event \(index + 1) twice") { _ = try Ticket.replay(repeated) }
        events.swapAt(index, index + 1)
        expectRefused(.invalidHistory, "events swapped") { _ = try Ticket.replay(events) }
        let second = TicketEvent(
            ticketID: "T-1",
            sequence: 2,
            at: Fixture.start,
            actor: .system,
            change: events[0].change
        )
        expectRefused(.invalidHistory, "second creation") { _ = try Ticket.replay([events[0], second]) }
    }

    @Test("an event of another ticket is refused")
    func otherTicket() throws {
        let events = try Self.fullStory().events
        let foreign = TicketEvent(
            ticketID: Fixture.otherTicketID,
            sequence: 2,
            at: events[1].at,
            actor: events[1].actor,
            change: events[1].change
        )
        expectRefused(.invalidHistory) { _ = try Ticket.replay([events[0], foreign]) }
        var ticket = try Ticket.replay([events[0]])
        expectRefused(.invalidHistory) { try ticket.apply(foreign) }
        #expect(ticket == (try Ticket.replay([events[0]])))
    }

    @Test("apply refuses an event out of sequence and leaves the ticket as it was")
    func applyOutOfSequence() throws {
        let story = try Self.fullStory()
        var ticket = try Ticket.replay(Array(story.events.prefix(3)))
        let before = ticket
        expectRefused(.invalidHistory) { try ticket.apply(story.events[4]) }
        expectRefused(.invalidHistory) { try ticket.apply(story.events[1]) }
        #expect(ticket == before)
    }

    static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        let decoded = try JSONDecoder().decode(T.self, from: data)
        #expect(try encoder.encode(decoded) == data, "encoding is stable")
        return decoded
    }

    @Test("every event survives a JSON round trip")
    func eventsRoundTrip() throws {
        let story = try Self.fullStory()
        var events = story.events
        events.append(try Story.merged().events.last!)
        #expect(events.contains { if case .mergedInto = $0.change { true } else { false } })
        for event in events {
            #expect(try Self.roundTrip(event) == event, "\(event.change.name)")
        }
        #expect(try Self.roundTrip(events) == events)
        #expect(try Ticket.replay(try Self.roundTrip(story.events)) == story.ticket)
    }

    @Test("tickets survive a JSON round trip, with fractional instants too")
    func ticketsRoundTrip() throws {
        var story = try Self.fullStory()
        #expect(try Self.roundTrip(story.ticket) == story.ticket)
        var open = try Story.at(.solved)
        let odd = Date(timeIntervalSince1970: 1_767_261_600.123_456)
        open.ticket = try TicketRules.execute(
            .internalNote(Fixture.draft("x")),
            on: open.ticket,
            by: .agentA,
            at: odd
        ).ticket
        #expect(try Self.roundTrip(open.ticket) == open.ticket)
        story.ticket = try Story.merged().ticket
        #expect(try Self.roundTrip(story.ticket) == story.ticket)
    }

    @Test("commands survive a JSON round trip", arguments: CommandKind.allCases)
    func commandsRoundTrip(kind: CommandKind) throws {
        #expect(try Self.roundTrip(kind.command) == kind.command)
        #expect(!kind.command.name.isEmpty)
    }

    @Test("statuses, kinds and actors encode as stable strings")
    func stableJSON() throws {
        let data = try JSONEncoder().encode([TicketStatus.onHold])
        #expect(String(decoding: data, as: UTF8.self) == #"["on_hold"]"#)
        let kinds = try JSONEncoder().encode(TicketMessage.Kind.allCases)
        #expect(
            String(decoding: kinds, as: UTF8.self) == #"["member_message","public_reply","internal_note","automatic"]"#
        )
    }

    @Test("command and change names")
    func names() {
        #expect(
            CommandKind.allCases.map(\.command.name) == [
                "member_message", "reply", "internal_note", "automatic_message", "set_status", "assign", "set_priority",
                "set_reason", "add_tags", "remove_tags", "merge", "receive_merge",
            ]
        )
        #expect(TicketChange.mergedInto("T-2").name == "merged_into")
        #expect(TicketChange.statusChanged(from: .new, to: .open).name == "status_changed")
    }
}
