import Foundation
import SupportEngine
import Testing

/// The in-memory store keeps histories compactly (no ticket id or sequence per event, the creation
/// derived from the snapshot when it can be, SLA changes and explanations unboxed) and a ticket's own
/// thread key implicitly; what it returns must still be exactly what was committed.
@Suite("InMemoryTicketStore compact storage")
struct InMemoryTicketStoreCompactionTests {
    static let start = Date(timeIntervalSince1970: 1_767_603_600)

    static func creation(subject: String = "Login", reason: ContactReason = .access) -> TicketCreation {
        TicketCreation(
            requester: "member-1",
            subject: subject,
            channel: .email,
            reason: reason,
            priority: .normal,
            locale: .en,
            firstMessage: TicketMessage(
                id: "m-1",
                kind: .memberMessage,
                author: .member("member-1"),
                body: "I cannot log in to the club",
                at: start,
                channel: .email,
                externalID: "ext-1"
            )
        )
    }

    /// Runs commands on a ticket, commits them as one write, and returns the new snapshot and the events.
    @discardableResult
    static func commit(
        _ commands: [TicketCommand],
        on ticket: Ticket,
        to store: InMemoryTicketStore,
        minute: Int
    ) async throws -> (ticket: Ticket, events: [TicketEvent]) {
        var next = ticket
        var events: [TicketEvent] = []
        for command in commands {
            let actor: SupportActor = ["record_sla", "explain"].contains(command.name) ? .system : .agent("a")
            let result = try TicketRules.execute(
                command,
                on: next,
                by: actor,
                at: start.addingTimeInterval(TimeInterval(60 * minute))
            )
            next = result.ticket
            events += result.events
        }
        try await store.commit(
            TicketCommit(writes: [TicketWrite(ticket: next, expectedVersion: ticket.version, events: events)])
        )
        return (next, events)
    }

    static let clock = SLAClock(
        metric: .firstReply,
        startedAt: start,
        dueAt: start.addingTimeInterval(3600),
        warningAt: start.addingTimeInterval(2700)
    )

    @Test("a history comes back exactly as committed, over several commits that change reason and priority")
    func historyComesBackExactly() async throws {
        let store = InMemoryTicketStore()
        let created = try TicketRules.create(Self.creation(), id: "T-1", by: .member("member-1"), at: Self.start)
        try await store.commit(
            TicketCommit(writes: [TicketWrite(ticket: created.ticket, expectedVersion: 0, events: [created.event])])
        )
        var committed = [created.event]
        var ticket = created.ticket
        let steps: [[TicketCommand]] = [
            [
                .recordSLA([.started(Self.clock)]),
                .explain([RoutingExplanation(aspect: .reason, value: "access", because: "rule")]),
            ],
            [.setReason(.billing), .setPriority(.high)],
            [.setReason(.brokenFeature), .reply(MessageDraft(id: "r-1", body: "Try again"), status: .pending)],
            [.setPriority(.urgent), .addTags(["vip"])],
        ]
        for (offset, commands) in steps.enumerated() {
            let result = try await Self.commit(commands, on: ticket, to: store, minute: offset + 1)
            ticket = result.ticket
            committed += result.events
            #expect(await store.events(of: "T-1") == committed, "after commit \(offset + 2)")
        }
        let events = await store.events(of: "T-1")
        guard case .created(let creation) = events.first?.change else {
            Issue.record("the history does not start with the creation")
            return
        }
        #expect(creation.reason == .access && creation.priority == .normal, "the creation's own reason and priority")
        #expect(try Ticket.replay(events) == ticket)
        #expect(await store.ticket("T-1")?.ticket == ticket)
        #expect(await store.events(of: "T-404").isEmpty)
    }

    @Test("a creation that the snapshot does not match is kept in full")
    func mismatchedCreationKept() async throws {
        let store = InMemoryTicketStore()
        let real = try TicketRules.create(Self.creation(), id: "T-1", by: .member("member-1"), at: Self.start)
        let other = try TicketRules.create(
            Self.creation(subject: "Something else"),
            id: "T-1",
            by: .member("member-1"),
            at: Self.start
        )
        try await store.commit(
            TicketCommit(writes: [TicketWrite(ticket: other.ticket, expectedVersion: 0, events: [real.event])])
        )
        #expect(await store.events(of: "T-1") == [real.event])
        #expect(await store.ticket("T-1")?.ticket == other.ticket)
    }

    @Test("a later snapshot that no longer matches the creation does not change the stored creation")
    func laterSnapshotMismatch() async throws {
        let store = InMemoryTicketStore()
        let real = try TicketRules.create(Self.creation(), id: "T-1", by: .member("member-1"), at: Self.start)
        try await store.commit(
            TicketCommit(writes: [TicketWrite(ticket: real.ticket, expectedVersion: 0, events: [real.event])])
        )
        // The next snapshot comes from another history: another subject, and a reason set without an event.
        let other = try TicketRules.create(
            Self.creation(subject: "Something else", reason: .billing),
            id: "T-1",
            by: .member("member-1"),
            at: Self.start
        )
        let next = try TicketRules.execute(.addTags(["x"]), on: other.ticket, by: .agent("a"), at: Self.start)
        try await store.commit(
            TicketCommit(writes: [TicketWrite(ticket: next.ticket, expectedVersion: 1, events: next.events)])
        )
        #expect(await store.events(of: "T-1") == [real.event] + next.events)
        #expect(await store.ticket("T-1")?.ticket == next.ticket)
        // And once more, back to a snapshot that would derive the original creation again.
        let back = try TicketRules.execute(.addTags(["y"]), on: real.ticket, by: .agent("a"), at: Self.start)
        let renumbered = back.events.map {
            TicketEvent(ticketID: $0.ticketID, sequence: 3, at: $0.at, actor: $0.actor, change: $0.change)
        }
        let snapshot = try Ticket.replay([real.event] + next.events + renumbered)
        try await store.commit(
            TicketCommit(writes: [TicketWrite(ticket: snapshot, expectedVersion: 2, events: renumbered)])
        )
        #expect(await store.events(of: "T-1") == [real.event] + next.events + renumbered)
    }

    @Test("a ticket's own thread key finds it, moves to a follow-up, and comes back")
    func ownThreadKey() async throws {
        let store = InMemoryTicketStore()
        let own = ThreadKey.ticket("T-1")
        #expect(await store.ticketID(forThread: own) == nil)
        let first = try TicketRules.create(Self.creation(), id: "T-1", by: .member("member-1"), at: Self.start)
        // Committed without its own key, the ticket is not found by it.
        try await store.commit(
            TicketCommit(writes: [TicketWrite(ticket: first.ticket, expectedVersion: 0, events: [first.event])])
        )
        #expect(await store.ticketID(forThread: own) == nil)
        let tagged = try TicketRules.execute(.addTags(["a"]), on: first.ticket, by: .agent("a"), at: Self.start)
        try await store.commit(
            TicketCommit(
                writes: [
                    TicketWrite(ticket: tagged.ticket, expectedVersion: 1, events: tagged.events, threadKeys: [own])
                ]
            )
        )
        #expect(await store.ticketID(forThread: own) == "T-1")
        #expect(await store.ticketID(forThread: ThreadKey(rawValue: "ticket:")) == nil)
        #expect(await store.ticketID(forThread: ThreadKey(rawValue: "ticket:T-404")) == nil)
        #expect(await store.ticketID(forThread: ThreadKey(rawValue: "ticket:T-1 ")) == nil)

        // A follow-up takes the key over.
        let follow = try TicketRules.create(Self.creation(), id: "T-2", by: .member("member-1"), at: Self.start)
        try await store.commit(
            TicketCommit(
                writes: [
                    TicketWrite(
                        ticket: follow.ticket,
                        expectedVersion: 0,
                        events: [follow.event],
                        externalKeys: [],
                        threadKeys: [own, .ticket("T-2")]
                    )
                ]
            )
        )
        #expect(await store.ticketID(forThread: own) == "T-2")
        #expect(await store.ticketID(forThread: .ticket("T-2")) == "T-2")

        // The first ticket claims its key again.
        let again = try TicketRules.execute(.addTags(["b"]), on: tagged.ticket, by: .agent("a"), at: Self.start)
        try await store.commit(
            TicketCommit(
                writes: [TicketWrite(ticket: again.ticket, expectedVersion: 2, events: again.events, threadKeys: [own])]
            )
        )
        #expect(await store.ticketID(forThread: own) == "T-1")
        #expect(await store.ticketID(forThread: .ticket("T-2")) == "T-2")
    }

    @Test("a ticket's key given to another ticket before it exists stays with that ticket")
    func ownKeyClaimedEarlier() async throws {
        let store = InMemoryTicketStore()
        let other = try TicketRules.create(Self.creation(), id: "T-2", by: .member("member-1"), at: Self.start)
        try await store.commit(
            TicketCommit(
                writes: [
                    TicketWrite(
                        ticket: other.ticket,
                        expectedVersion: 0,
                        events: [other.event],
                        threadKeys: [.ticket("T-1")]
                    )
                ]
            )
        )
        #expect(await store.ticketID(forThread: .ticket("T-1")) == "T-2")
        let first = try TicketRules.create(Self.creation(), id: "T-1", by: .member("member-1"), at: Self.start)
        try await store.commit(
            TicketCommit(
                writes: [
                    TicketWrite(
                        ticket: first.ticket,
                        expectedVersion: 0,
                        events: [first.event],
                        externalKeys: [ExternalMessageKey(channel: .email, externalID: "other")]
                    )
                ]
            )
        )
        #expect(await store.ticketID(forThread: .ticket("T-1")) == "T-2")
    }
}
