import Foundation
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

/// A commit travels to PostgreSQL as one JSON document written by hand around the encoder's output:
/// every character a member can send, and every bit of an instant, comes back as it went in.
@Suite("The commit document")
struct CommitDocumentTests {
    static let awkward = [
        #"quotes " and a backslash \ and \" both"#,
        "a tab\there, a line\nbreak, a carriage\rreturn and a bell \u{7} and \u{1F}",
        "Кириллица, eñe, emoji 🧾, a right-to-left mark \u{200F} and a line separator \u{2028}",
        #"looks like JSON: {"id":"T-1"},[1,2] and </script>"#,
    ]

    @Test("awkward text in bodies, subjects, message ids and thread references round-trips exactly")
    func awkwardTextRoundTrips() async throws {
        try await TestDatabase.withStore(schema: "commit_document") { store in
            let clock = ManualClock()
            let desk = try SupportDesk(store: store, clock: clock, channels: [InMemoryChannel(kind: .email)])
            for (index, text) in Self.awkward.enumerated() {
                let message = InboundMessage(
                    channel: .email,
                    externalID: #"<\#(index)"quoted"\back\slash{"id":1}@club.example>"#,
                    sender: MemberID("member-\(index)"),
                    subject: #"Re: "refund" \ Кириллица 🧾 \u0000 \#(index)"#,
                    body: text,
                    receivedAt: clock.now
                )
                let outcome = try await desk.receive(message)
                let stored = try #require(try await store.ticket(outcome.ticket.id))
                #expect(stored.ticket == outcome.ticket, "the ticket as the desk made it, text \(index)")
                #expect(stored.ticket.messages.first?.body == text)
                #expect(try await store.ticketID(forExternalMessage: message.key) == outcome.ticket.id)
                #expect(
                    try await store.ticketID(forThread: ThreadKey(rawValue: message.externalID)) == outcome.ticket.id
                )
                let again = try await desk.receive(message)
                #expect(again.disposition == .duplicate, "the key was stored as sent, text \(index)")
            }
        }
    }

    @Test("a due instant with every bit of its fraction comes back equal")
    func dueInstantsKeepEveryBit() async throws {
        try await TestDatabase.withStore(schema: "commit_document_due") { store in
            // Not a round number of seconds: the fraction needs all 52 bits.
            let clock = ManualClock(now: Date(timeIntervalSinceReferenceDate: 786_543_210.123_456_789_1))
            let document = """
                {"hours": {"timeZone": "UTC", "alwaysOpen": true},
                 "sla": {"targets": {"normal": {"firstReply": {"business": 1234.567890123}}}}}
                """
            let desk = try SupportDesk(
                store: store,
                clock: clock,
                channels: [InMemoryChannel(kind: .email)],
                configuration: try DeskConfiguration.decode(json: Data(document.utf8))
            )
            let outcome = try await desk.receive(
                InboundMessage(
                    channel: .email,
                    externalID: "due-1",
                    sender: "anna",
                    body: "When will you answer?",
                    receivedAt: clock.now
                )
            )
            let stored = try #require(try await store.ticket(outcome.ticket.id))
            let due = try #require(stored.dueAt)
            #expect(due.timeIntervalSinceReferenceDate.bitPattern != 0)
            let page = try await store.tickets(matching: TicketQuery(dueBefore: due.addingTimeInterval(1e-6)))
            #expect(page.tickets.map(\.ticket.id) == [outcome.ticket.id])
            let exact = try await store.tickets(matching: TicketQuery(dueBefore: due))
            #expect(exact.tickets.isEmpty, "due_at is exactly the instant the desk computed, not rounded up")
            #expect(stored.ticket == outcome.ticket)
        }
    }
}

/// A refused commit hands its connection back: far more refusals than the pool has connections leave
/// the store as usable as before.
@Suite("Refused commits and the connection pool")
struct RefusedCommitPoolTests {
    @Test("forty refused commits on a pool of six, then every kind of call still answers")
    func refusalsReturnTheirConnections() async throws {
        try await TestDatabase.withStore(schema: "refused_commits") { store in
            let clock = ManualClock()
            let desk = try SupportDesk(store: store, clock: clock, channels: [InMemoryChannel(kind: .email)])
            let outcome = try await desk.receive(
                InboundMessage(channel: .email, externalID: "m-1", sender: "anna", body: "Hello", receivedAt: clock.now)
            )
            let stale = try #require(try await store.ticket(outcome.ticket.id)).ticket
            let (changed, events) = try TicketRules.execute(.setPriority(.low), on: stale, by: .system, at: clock.now)
            try await store.commit(
                TicketCommit(writes: [TicketWrite(ticket: changed, expectedVersion: stale.version, events: events)])
            )
            for attempt in 0..<40 {
                let refused = TicketCommit(writes: [
                    TicketWrite(ticket: changed, expectedVersion: stale.version, events: events)
                ])
                await #expect(throws: StoreError.self, "attempt \(attempt)") { try await store.commit(refused) }
            }
            // The same, all at once, racing real changes to other tickets.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for attempt in 0..<40 {
                    group.addTask {
                        let refused = TicketCommit(
                            writes: [TicketWrite(ticket: changed, expectedVersion: stale.version, events: events)]
                        )
                        await #expect(throws: StoreError.self, "concurrent attempt \(attempt)") {
                            try await store.commit(refused)
                        }
                    }
                    group.addTask {
                        try await desk.receive(
                            InboundMessage(
                                channel: .email,
                                externalID: "m-\(attempt + 2)",
                                sender: "anna",
                                body: "Hello again",
                                receivedAt: clock.now
                            )
                        )
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.ticket(outcome.ticket.id)?.ticket.version ?? 0 >= changed.version)
            #expect(try await store.tickets(matching: TicketQuery(limit: 100)).tickets.count >= 1)
            #expect(try await store.latestDeskEventPosition() > 0)
        }
    }
}
