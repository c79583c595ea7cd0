import Foundation
import SupportEngine

/// The contract every `TicketStore` must keep, as checks an adapter runs from its own tests.
///
/// Each ``Check`` gets a fresh, empty store and throws a ``ConformanceFailure`` naming what the store
/// did wrong. With Swift Testing, run them one test case each:
///
/// ```swift
/// @Test(arguments: TicketStoreConformance.checks)
/// func conformance(_ check: TicketStoreConformance.Check) async throws {
///     try await check.run(against: MyPostgresStore(…))
/// }
/// ```
///
/// or all at once with ``run(against:)``.
public enum TicketStoreConformance {
    /// One named check of the contract.
    public typealias Check = ConformanceCheck<any TicketStore>

    /// Runs every check, each against a fresh store.
    ///
    /// - Parameter makeStore: Makes an empty store.
    /// - Throws: The first failure.
    public static func run(against makeStore: () async throws -> any TicketStore) async throws {
        for check in checks { try await check.run(against: try await makeStore()) }
    }

    /// Every check of the contract.
    public static let checks: [Check] = [
        commitThenRead, appendEvents, staleVersionConflicts, newTicketTwiceConflicts, multiTicketCommitIsAtomic,
        duplicateExternalMessage, externalMessageLookup, threadLookupFollowsLatestWrite, malformedCommitsRefused,
        queryByConditions, queryPaging, queryLimitValidated, outboxLifecycle, failedCommitLeavesOutboxUntouched,
        deliveryAuditAndDeadLetters, unknownIDs, outboxClaims, ticketlessOutbound, updateUnderCurrentClaim,
        updateUnderTakenOverClaim, updateUnderExpiredClaim, claimsAtOnce, updateWithoutClaim, commitClaims,
        outcomesTogether,
        ticketNumbersAtOnce, numberedTicketsAtOnce, lookupByNumber, takenNumberRefused, outboxListing,
        nulTextRefused, textSearch, searchFilters, searchFollowsChanges, searchQueriesValidated,
        feedFollowsCommits, feedFilesEachWriteUnderItsTicket, feedFailedCommitsAddNothing, feedNoticesKeptOnce,
        feedReportsDeadLetters, feedQueriesValidated, feedWithoutGapsAtOnce,
        sortOrders, sortedPagingSurvivesChanges, badCursorsRefused, assignedTicketIDs, inboundLookup,
        ticketTimers, batchRead,
    ]

    static let commitThenRead = Check("commit then read back") { store, expect in
        let write = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [write]))
        let stored = try await store.ticket("T-1")
        try expect.equal(stored?.ticket, write.ticket, "snapshot read back")
        try expect.equal(try await store.events(of: "T-1"), write.events, "events read back")
    }

    static let appendEvents = Check("events append in order") { store, expect in
        let first = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [first]))
        let second = try ConformanceFixtures.change(first.ticket, .setStatus(.open))
        try await store.commit(TicketCommit(writes: [second]))
        let third = try ConformanceFixtures.change(second.ticket, .setStatus(.pending))
        try await store.commit(TicketCommit(writes: [third]))
        let events = try await store.events(of: "T-1")
        try expect.equal(events.map(\.sequence), [1, 2, 3], "event sequence")
        try expect.equal(events, first.events + second.events + third.events, "events")
        try expect.equal(try await store.ticket("T-1")?.ticket, third.ticket, "latest snapshot")
        try expect.equal(try Ticket.replay(events), third.ticket, "replay of stored events")
    }

    static let staleVersionConflicts = Check("stale version conflicts and changes nothing") { store, expect in
        let first = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [first]))
        let winner = try ConformanceFixtures.change(first.ticket, .setStatus(.open))
        let loser = try ConformanceFixtures.change(first.ticket, .setPriority(.low))
        try await store.commit(TicketCommit(writes: [winner]))
        try await expect.storeError(.versionConflict, "commit on a stale version") {
            try await store.commit(
                TicketCommit(writes: [loser], outbound: [ConformanceFixtures.outbound("O-1", ticket: "T-1")])
            )
        }
        try expect.equal(try await store.ticket("T-1")?.ticket, winner.ticket, "snapshot after the conflict")
        try expect.equal(try await store.events(of: "T-1").count, 2, "event count after the conflict")
        try expect.that(try await store.outbound("O-1") == nil, "the losing commit's outbound message was stored")
    }

    static let newTicketTwiceConflicts = Check("creating an existing ticket conflicts") { store, expect in
        let write = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [write]))
        var again = try ConformanceFixtures.newWrite("T-1", externalID: "other")
        again.externalKeys = []
        try await expect.storeError(.versionConflict, "second creation of T-1") {
            try await store.commit(TicketCommit(writes: [again]))
        }
        try expect.equal(try await store.events(of: "T-1").count, 1, "events after the refused creation")
    }

    static let multiTicketCommitIsAtomic = Check("a commit of several tickets is all or nothing") { store, expect in
        let source = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [source]))
        let stale = try ConformanceFixtures.change(source.ticket, .setStatus(.open))
        try await store.commit(TicketCommit(writes: [stale]))
        let fresh = try ConformanceFixtures.newWrite("T-2", externalID: "T-2-ext")
        let conflicting = try ConformanceFixtures.change(source.ticket, .setPriority(.low))
        try await expect.storeError(.versionConflict, "commit with one stale write") {
            try await store.commit(TicketCommit(writes: [fresh, conflicting]))
        }
        try expect.that(try await store.ticket("T-2") == nil, "T-2 was stored although its commit failed")
        try expect.that(
            try await store.ticketID(forExternalMessage: ExternalMessageKey(channel: .email, externalID: "T-2-ext"))
                == nil,
            "T-2's external key was stored although its commit failed"
        )
    }

    static let duplicateExternalMessage = Check("an external message key belongs to one ticket") { store, expect in
        try await store.commit(TicketCommit(writes: [try ConformanceFixtures.newWrite("T-1", externalID: "same")]))
        let duplicate = try ConformanceFixtures.newWrite("T-2", externalID: "same")
        try await expect.storeError(.duplicateExternalMessage, "second ticket with the same external id") {
            try await store.commit(TicketCommit(writes: [duplicate]))
        }
        try expect.that(try await store.ticket("T-2") == nil, "the duplicate ticket was stored")
    }

    static let externalMessageLookup = Check("lookup by external message key") { store, expect in
        try await store.commit(TicketCommit(writes: [try ConformanceFixtures.newWrite("T-1", externalID: "abc")]))
        let found = try await store.ticketID(forExternalMessage: ExternalMessageKey(channel: .email, externalID: "abc"))
        try expect.equal(found, TicketID("T-1"), "ticket for email/abc")
        let otherChannel = try await store.ticketID(
            forExternalMessage: ExternalMessageKey(channel: .telegram, externalID: "abc")
        )
        try expect.equal(otherChannel, nil, "the same id on another channel")
    }

    static let threadLookupFollowsLatestWrite = Check("thread keys point at the latest ticket") { store, expect in
        try await store.commit(TicketCommit(writes: [try ConformanceFixtures.newWrite("T-1", thread: "conv-9")]))
        try expect.equal(try await store.ticketID(forThread: ThreadKey(rawValue: "conv-9")), "T-1", "thread conv-9")
        try await store.commit(TicketCommit(writes: [try ConformanceFixtures.newWrite("T-2", thread: "conv-9")]))
        try expect.equal(try await store.ticketID(forThread: ThreadKey(rawValue: "conv-9")), "T-2", "moved thread")
        try expect.equal(try await store.ticketID(forThread: ThreadKey(rawValue: "nope")), nil, "unknown thread")
    }

    static let malformedCommitsRefused = Check("malformed commits are refused") { store, expect in
        let write = try ConformanceFixtures.newWrite("T-1")
        var gap = try ConformanceFixtures.change(write.ticket, .setStatus(.open))
        try await store.commit(TicketCommit(writes: [write]))
        gap.events = gap.events.map {
            TicketEvent(ticketID: $0.ticketID, sequence: $0.sequence + 1, at: $0.at, actor: $0.actor, change: $0.change)
        }
        try await expect.storeError(.invalidCommit, "events with a gap") {
            try await store.commit(TicketCommit(writes: [gap]))
        }
        var noCreation = try ConformanceFixtures.change(write.ticket, .setStatus(.open))
        noCreation.expectedVersion = 0
        try await expect.storeError(.invalidCommit, "a new ticket without its creation event") {
            var fresh = noCreation
            fresh.ticket = try ConformanceFixtures.creation(of: "T-9").0
            try await store.commit(TicketCommit(writes: [fresh]))
        }
        try expect.equal(try await store.events(of: "T-1").count, 1, "events after refused commits")
    }

    static let queryByConditions = Check("queries by status, assignee, requester and due") { store, expect in
        let due = ConformanceFixtures.start.addingTimeInterval(3600)
        let a = try ConformanceFixtures.newWrite("T-1", member: "alice", dueAt: due)
        let b = try ConformanceFixtures.newWrite("T-2", member: "bob", dueAt: due.addingTimeInterval(7200))
        let c = try ConformanceFixtures.newWrite("T-3", member: "alice")
        try await store.commit(TicketCommit(writes: [a, b, c]))
        let assigned = try ConformanceFixtures.change(b.ticket, .assign("agent-7"), dueAt: b.dueAt)
        try await store.commit(TicketCommit(writes: [assigned]))
        let opened = try ConformanceFixtures.change(c.ticket, .setStatus(.open))
        try await store.commit(TicketCommit(writes: [opened]))

        func ids(_ query: TicketQuery) async throws -> [String] {
            try await store.tickets(matching: query).tickets.map(\.ticket.id.rawValue)
        }
        try expect.equal(try await ids(TicketQuery(statuses: [.new])), ["T-1", "T-2"], "status new")
        try expect.equal(try await ids(TicketQuery(statuses: [.open, .pending])), ["T-3"], "status open/pending")
        try expect.equal(try await ids(TicketQuery(assignee: "agent-7")), ["T-2"], "assignee")
        try expect.equal(try await ids(TicketQuery(requester: "alice")), ["T-1", "T-3"], "requester")
        try expect.equal(try await ids(TicketQuery(dueBefore: due.addingTimeInterval(1))), ["T-1"], "due before")
        try expect.equal(try await ids(TicketQuery(dueBefore: .distantFuture)), ["T-1", "T-2"], "any due")
        try expect.equal(
            try await ids(TicketQuery(statuses: [.new], requester: "alice")),
            ["T-1"],
            "status and requester together"
        )
    }

    static let queryPaging = Check("paging returns every ticket once, in id order") { store, expect in
        var expected: [String] = []
        for number in (1...25).reversed() {
            let id = "T-\(number < 10 ? "0" : "")\(number)"
            expected.append(id)
            try await store.commit(TicketCommit(writes: [try ConformanceFixtures.newWrite(id)]))
        }
        var seen: [String] = []
        var cursor: TicketID?
        var pages = 0
        repeat {
            let page = try await store.tickets(matching: TicketQuery(after: cursor, limit: 7))
            try expect.that(page.tickets.count <= 7, "a page held \(page.tickets.count) tickets for limit 7")
            seen += page.tickets.map(\.ticket.id.rawValue)
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < 100
        try expect.equal(seen, expected.sorted(), "tickets over all pages")
        try expect.equal(pages, 4, "pages for 25 tickets at 7 a page")
    }

    static let queryLimitValidated = Check("a query limit out of range is refused") { store, expect in
        try await expect.storeError(.invalidQuery, "limit 0") { _ = try await store.tickets(matching: .init(limit: 0)) }
        try await expect.storeError(.invalidQuery, "limit above the maximum") {
            _ = try await store.tickets(matching: .init(limit: TicketQuery.maximumLimit + 1))
        }
    }

    static let outboxLifecycle = Check("outbox: pending, due, delivered") { store, expect in
        let later = ConformanceFixtures.start.addingTimeInterval(600)
        let write = try ConformanceFixtures.newWrite("T-1")
        let first = ConformanceFixtures.outbound("O-1", ticket: "T-1")
        let second = ConformanceFixtures.outbound("O-2", ticket: "T-1", at: later)
        try await store.commit(TicketCommit(writes: [write], outbound: [first, second]))
        let dueNow = try await store.pendingOutbound(dueBy: ConformanceFixtures.start, limit: 10)
        try expect.equal(dueNow.map(\.id), ["O-1"], "due at the start")
        let dueLater = try await store.pendingOutbound(dueBy: later, limit: 10)
        try expect.equal(dueLater.map(\.id), ["O-1", "O-2"], "due later, oldest first")
        try expect.equal(try await store.pendingOutbound(dueBy: later, limit: 1).map(\.id), ["O-1"], "limit 1")
        var delivered = first
        delivered.attempts = 1
        delivered.state = .delivered
        delivered.receipt = DeliveryReceipt(externalID: "smtp-1", at: ConformanceFixtures.start)
        try await store.updateOutbound(delivered)
        try expect.equal(try await store.outbound("O-1"), delivered, "delivered message read back")
        try expect.equal(try await store.pendingOutbound(dueBy: later, limit: 10).map(\.id), ["O-2"], "still pending")
        try await expect.storeError(.notFound, "updating an unknown message") {
            try await store.updateOutbound(ConformanceFixtures.outbound("O-404", ticket: "T-1"))
        }
    }

    static let ticketlessOutbound = Check("outbox: a message without a ticket commits on its own") {
        store,
        expect in
        let message = OutboundMessage(
            id: "O-journey",
            ticketID: nil,
            messageID: nil,
            recipient: "member-1",
            channel: .email,
            subject: "Welcome",
            body: "Glad you are here",
            createdAt: ConformanceFixtures.start
        )
        try await store.commit(TicketCommit(writes: [], outbound: [message]))
        try expect.equal(try await store.outbound("O-journey"), message, "ticketless message read back")
        let due = try await store.pendingOutbound(dueBy: ConformanceFixtures.start, limit: 10)
        try expect.equal(due.map(\.id), ["O-journey"], "ticketless message is due")
        try await expect.storeError(.invalidCommit, "the same message id again") {
            try await store.commit(TicketCommit(writes: [], outbound: [message]))
        }
    }

    static let failedCommitLeavesOutboxUntouched = Check("a failed commit stores no outbound message") {
        store,
        expect in
        try await store.commit(TicketCommit(writes: [try ConformanceFixtures.newWrite("T-1", externalID: "x")]))
        let duplicate = try ConformanceFixtures.newWrite("T-2", externalID: "x")
        try await expect.storeError(.duplicateExternalMessage, "duplicate with an outbound message") {
            try await store.commit(
                TicketCommit(writes: [duplicate], outbound: [ConformanceFixtures.outbound("O-1", ticket: "T-2")])
            )
        }
        try expect.that(try await store.outbound("O-1") == nil, "outbound message of a failed commit was stored")
        try expect.that(
            try await store.pendingOutbound(dueBy: .distantFuture, limit: 10).isEmpty,
            "pending outbox not empty after a failed commit"
        )
    }

    static let deliveryAuditAndDeadLetters = Check("delivery audit per ticket and dead letters") { store, expect in
        let one = try ConformanceFixtures.newWrite("T-1")
        let two = try ConformanceFixtures.newWrite("T-2", externalID: "T-2-ext")
        let messages = [
            ConformanceFixtures.outbound("O-3", ticket: "T-1"),
            ConformanceFixtures.outbound("O-1", ticket: "T-2"),
            ConformanceFixtures.outbound("O-2", ticket: "T-1"),
        ]
        try await store.commit(TicketCommit(writes: [one, two], outbound: messages))
        try expect.equal(
            try await store.outbound(ofTicket: "T-1").map(\.id),
            ["O-3", "O-2"],
            "T-1's outbound in order"
        )
        try expect.equal(try await store.outbound(ofTicket: "T-404").map(\.id), [], "unknown ticket's outbound")
        try expect.equal(try await store.deadLetteredOutbound(after: nil, limit: 10).map(\.id), [], "no dead letters")
        for id in ["O-3", "O-1"] {
            var dead = try expect.require(try await store.outbound(OutboundID(id)), "outbound \(id)")
            dead.attempts = 5
            dead.state = .deadLettered
            dead.history = [
                DeliveryAttempt(number: 5, channel: .email, at: dead.createdAt, outcome: .failed(reason: "x"))
            ]
            try await store.updateOutbound(dead)
        }
        let dead = try await store.deadLetteredOutbound(after: nil, limit: 10)
        try expect.equal(dead.map(\.id), ["O-1", "O-3"], "dead letters ordered by id")
        try expect.equal(dead.first?.history.count, 1, "attempt history kept")
        try expect.equal(try await store.deadLetteredOutbound(after: "O-1", limit: 10).map(\.id), ["O-3"], "after O-1")
        try expect.equal(try await store.deadLetteredOutbound(after: nil, limit: 1).map(\.id), ["O-1"], "limit 1")
        try expect.that(
            try await store.pendingOutbound(dueBy: .distantFuture, limit: 10).map(\.id) == ["O-2"],
            "dead letters must leave the pending list"
        )
    }

    static let unknownIDs = Check("unknown ids read as nothing") { store, expect in
        try expect.that(try await store.ticket("T-404") == nil, "an unknown ticket was found")
        try expect.that(try await store.events(of: "T-404").isEmpty, "an unknown ticket has events")
        try expect.that(try await store.outbound("O-404") == nil, "an unknown outbound message was found")
    }
}
