import Foundation
import SupportEngine

/// The event feed part of the contract: the feed is written with the change it reports, read in
/// position order, never shows a position while a lower one can still appear, and keeps a notice once.
extension TicketStoreConformance {
    static let feedFollowsCommits = Check("feed: commits' ticket events in order, pageable") { store, expect in
        try expect.equal(try await store.latestDeskEventPosition(), 0, "the newest position of an empty feed")
        let first = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [first]))
        let open = try ConformanceFixtures.change(first.ticket, .setStatus(.open))
        let assign = try ConformanceFixtures.change(open.ticket, .assign("agent-2"))
        try await store.commit(TicketCommit(writes: [open]))
        try await store.commit(TicketCommit(writes: [assign]))
        let feed = try await store.deskEvents(after: 0, limit: 100)
        try expect.equal(feed.map(\.position), [1, 2, 3], "positions")
        try expect.equal(
            feed.map(\.event.kind),
            [.ticketCreated, .statusChanged, .assigned],
            "kinds"
        )
        let expected = (first.events + open.events + assign.events).compactMap {
            DeskEvent($0, requester: "member-1")
        }
        try expect.equal(feed.map(\.event), expected, "events as DeskEvent(_:requester:) reports them")
        try expect.equal(feed[1].event.details["to"], "open", "status change details")
        try expect.equal(try await store.deskEvents(after: 1, limit: 1).map(\.position), [2], "after 1, limit 1")
        try expect.equal(try await store.deskEvents(after: 3, limit: 10).count, 0, "nothing after the last")
        try expect.equal(try await store.deskEvents(after: 99, limit: 10).count, 0, "nothing after a future position")
        try expect.equal(try await store.latestDeskEventPosition(), 3, "the newest position")
    }

    static let feedFilesEachWriteUnderItsTicket = Check(
        "feed: a commit of several writes reports each under its ticket"
    ) {
        store,
        expect in
        let first = try ConformanceFixtures.newWrite("T-1", member: "member-1")
        try await store.commit(TicketCommit(writes: [first]))
        // A change of a stored ticket and a new ticket in one commit, then the other way round.
        let assign = try ConformanceFixtures.change(first.ticket, .assign("agent-2"))
        let second = try ConformanceFixtures.newWrite("T-2", member: "member-2")
        try await store.commit(TicketCommit(writes: [assign, second]))
        let third = try ConformanceFixtures.newWrite("T-3", member: "member-3")
        let open = try ConformanceFixtures.change(second.ticket, .setStatus(.open))
        try await store.commit(TicketCommit(writes: [third, open]))
        let feed = try await store.deskEvents(after: 0, limit: 100)
        try expect.equal(feed.map(\.position), Array(1...5), "positions")
        // The writes of one commit may be stored in any order; each event must name its own ticket.
        var kindsByTicket: [String: [DeskEventKind]] = [:]
        for entry in feed {
            kindsByTicket[entry.event.ticket?.rawValue ?? "none", default: []].append(entry.event.kind)
        }
        try expect.equal(kindsByTicket["T-1"] ?? [], [.ticketCreated, .assigned], "the events of T-1")
        try expect.equal(kindsByTicket["T-2"] ?? [], [.ticketCreated, .statusChanged], "the events of T-2")
        try expect.equal(kindsByTicket["T-3"] ?? [], [.ticketCreated], "the events of T-3")
        try expect.equal(kindsByTicket["none"] ?? [], [], "events without a ticket")
        let members = feed.filter { $0.event.kind == .ticketCreated }.map {
            "\($0.event.ticket?.rawValue ?? "")=\($0.event.member?.rawValue ?? "")"
        }
        try expect.equal(Set(members), ["T-1=member-1", "T-2=member-2", "T-3=member-3"], "each creation's member")
    }

    static let feedFailedCommitsAddNothing = Check("feed: a refused commit adds no event") { store, expect in
        let first = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [first]))
        let winner = try ConformanceFixtures.change(first.ticket, .setStatus(.open))
        let loser = try ConformanceFixtures.change(first.ticket, .setPriority(.low))
        try await store.commit(TicketCommit(writes: [winner]))
        let notice = DeskEvent(key: "notice/lost", kind: .refundEscalated, at: ConformanceFixtures.start)
        try await expect.storeError(.versionConflict, "a stale commit with a notice") {
            try await store.commit(TicketCommit(writes: [loser], notices: [notice]))
        }
        let badKeys = [
            DeskEvent(key: "", kind: .ratingReceived, at: ConformanceFixtures.start),
            DeskEvent(key: String(repeating: "k", count: 301), kind: .ratingReceived, at: ConformanceFixtures.start),
            DeskEvent(key: "nul\u{0}", kind: .ratingReceived, at: ConformanceFixtures.start),
            DeskEvent(key: "ok", kind: .ratingReceived, at: ConformanceFixtures.start, details: ["a": "b\u{0}"]),
        ]
        for bad in badKeys {
            try await expect.storeError(.invalidCommit, "a notice with a bad key or a NUL") {
                try await store.commit(TicketCommit(writes: [], notices: [bad]))
            }
        }
        try await expect.storeError(.invalidCommit, "one notice twice in a commit") {
            try await store.commit(TicketCommit(writes: [], notices: [notice, notice]))
        }
        let feed = try await store.deskEvents(after: 0, limit: 100)
        try expect.equal(feed.map(\.event.kind), [.ticketCreated, .statusChanged], "the feed after refused commits")
    }

    static let feedNoticesKeptOnce = Check("feed: notices follow their commit's events and are kept once") {
        store,
        expect in
        let at = ConformanceFixtures.start
        let escalated = DeskEvent(
            key: "refund/member-1/R-1",
            kind: .refundEscalated,
            at: at,
            ticket: "T-1",
            member: "member-1",
            actor: .agent("agent-1"),
            details: ["request": "R-1", "amount": "10.00 EUR"]
        )
        let write = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [write], notices: [escalated]))
        let rating = DeskEvent(key: "rating/T-1", kind: .ratingReceived, at: at, ticket: "T-1", details: ["score": "5"])
        // The same refund notice again (a retried post) with a new one: only the new one is stored.
        try await store.commit(TicketCommit(writes: [], notices: [escalated, rating]))
        try await store.commit(TicketCommit(writes: [], notices: [rating]))
        let feed = try await store.deskEvents(after: 0, limit: 100)
        try expect.equal(feed.map(\.position), [1, 2, 3], "positions")
        try expect.equal(feed.map(\.event.key), ["ticket/T-1/1", escalated.key, rating.key], "keys in order")
        try expect.equal(feed[1].event, escalated, "the notice read back whole")
        try expect.equal(feed[2].event, rating, "the second notice read back whole")
    }

    static let feedReportsDeadLetters = Check("feed: a message moved to dead letters is reported once") {
        store,
        expect in
        let write = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(
            TicketCommit(writes: [write], outbound: [ConformanceFixtures.outbound("O-1", ticket: "T-1")])
        )
        var dead = try expect.require(try await store.outbound("O-1"), "outbound O-1")
        dead.attempts = 5
        dead.state = .deadLettered
        dead.history = [
            DeliveryAttempt(number: 5, channel: .email, at: dead.createdAt, outcome: .failed(reason: "x"))
        ]
        try await store.updateOutbound(dead)
        try await store.updateOutbound(dead)  // still dead: not reported again
        var requeued = dead
        requeued.state = .pending
        try await store.updateOutbound(requeued)
        requeued.state = .deadLettered
        requeued.attempts = 6
        try await store.updateOutbound(requeued)
        let feed = try await store.deskEvents(after: 0, limit: 100)
        try expect.equal(
            feed.map(\.event.kind),
            [.ticketCreated, .deadLettered, .deadLettered],
            "a dead letter, then the same message dead-lettered again after a re-queue"
        )
        try expect.equal(feed[1].event, DeskEvent.deadLettered(dead), "the dead letter's event")
        try expect.equal(feed[2].event.details["attempts"], "6", "the second dead letter's attempts")
    }

    static let feedQueriesValidated = Check("feed: a bad position or page size is refused") { store, expect in
        try await expect.storeError(.invalidQuery, "a negative position") {
            _ = try await store.deskEvents(after: -1, limit: 10)
        }
        for limit in [0, -5, DeskFeedEntry.maximumPageSize + 1] {
            try await expect.storeError(.invalidQuery, "a page of \(limit)") {
                _ = try await store.deskEvents(after: 0, limit: limit)
            }
        }
    }

    static let feedWithoutGapsAtOnce = Check("feed: a reader during concurrent commits never skips an event") {
        store,
        expect in
        let writers = 6
        let ticketsPerWriter = 8
        // Writers commit while a reader follows the feed page by page; it must end up with every event
        // exactly once, at positions 1, 2, 3, … with no position skipped.
        let read = try await withThrowingTaskGroup(of: [DeskFeedEntry].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<ticketsPerWriter {
                        let id = "T-\(writer)-\(index)"
                        let write = try ConformanceFixtures.newWrite(id, externalID: "\(id)-ext")
                        try await store.commit(TicketCommit(writes: [write]))
                        let open = try ConformanceFixtures.change(write.ticket, .setStatus(.open))
                        try await store.commit(TicketCommit(writes: [open]))
                    }
                    return []
                }
            }
            group.addTask {
                var seen: [DeskFeedEntry] = []
                let total = writers * ticketsPerWriter * 2
                var idleRounds = 0
                while seen.count < total && idleRounds < 10_000 {
                    let page = try await store.deskEvents(after: seen.last?.position ?? 0, limit: 7)
                    idleRounds = page.isEmpty ? idleRounds + 1 : 0
                    seen += page
                    await Task.yield()
                }
                return seen
            }
            var read: [DeskFeedEntry] = []
            for try await result in group where !result.isEmpty { read = result }
            return read
        }
        let total = writers * ticketsPerWriter * 2
        try expect.equal(read.map(\.position), Array(1...total), "positions the reader saw, in order")
        try expect.equal(Set(read.map(\.event.key)).count, total, "distinct events the reader saw")
        let all = try await store.deskEvents(after: 0, limit: 1000)
        try expect.equal(all, read, "a later full read equals what the reader saw")
    }
}
