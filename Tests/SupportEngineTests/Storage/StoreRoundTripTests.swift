import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Every read is a round trip to a database server: receiving a message asks the stores as few times
/// as the rules allow (issue #16). The doubles below count what the desk asks.
@Suite("Receiving a message asks the stores as few times as it can")
struct StoreRoundTripTests {
    @Test("a new message: one read of the sender's records, one of its keys, one erasure check after the commit")
    func newMessage() async throws {
        let tickets = CountingTicketStore()
        let ledgers = CountingLedgerStore()
        let email = InMemoryChannel(kind: .email)
        let clock = ManualClock()
        let desk = try Self.desk(tickets, ledgers, email, clock)

        let outcome = try await desk.receive(Self.message("mail-1", at: clock.now))

        #expect(outcome.disposition == .created)
        #expect(email.sentMessages.count == 1, "the acknowledgement was sent")
        #expect(await ledgers.counts == ["policyRecords": 1, "erasure": 1], "records before, erasure after")
        #expect(await tickets.counts["lookUpInbound"] == 1)
        #expect(await tickets.counts["ticketID(forExternalMessage:)"] == nil)
        #expect(await tickets.counts["ticketID(forThread:)"] == nil)
    }

    @Test("a reply quoting its thread: the message and both thread keys in one lookup")
    func reply() async throws {
        let tickets = CountingTicketStore()
        let ledgers = CountingLedgerStore()
        let clock = ManualClock()
        let desk = try Self.desk(tickets, ledgers, InMemoryChannel(kind: .email), clock)
        let first = try await desk.receive(Self.message("mail-1", at: clock.now))
        await tickets.reset()
        await ledgers.reset()

        let second = try await desk.receive(Self.message("mail-2", thread: "mail-1", at: clock.now))

        #expect(second.disposition == .appended)
        #expect(second.ticket.id == first.ticket.id)
        #expect(await tickets.counts["lookUpInbound"] == 1)
        #expect(
            await tickets.counts["ticketID(forExternalMessage:)"] == 1,
            "only the check for a repeated delivery under the ticket's lock"
        )
        #expect(await tickets.counts["ticketID(forThread:)"] == nil)
        #expect(await ledgers.counts["policyRecords"] == 1)
        #expect(await ledgers.counts["moderationLedger"] == nil, "the ledger came with the records")
    }

    @Test("concurrent messages from twenty members: one erasure read each after its commit, whoever sends")
    func concurrentMessages() async throws {
        let tickets = CountingTicketStore()
        let ledgers = CountingLedgerStore()
        let email = InMemoryChannel(kind: .email)
        let clock = ManualClock()
        let desk = try Self.desk(tickets, ledgers, email, clock)
        let senders = (1...20).map { MemberID("member-\($0)") }

        try await withThrowingTaskGroup(of: Void.self) { group in
            for sender in senders {
                group.addTask {
                    var message = Self.message("mail-\(sender)", at: clock.now)
                    message.sender = sender
                    try await desk.receive(message)
                }
            }
            try await group.waitForAll()
        }

        #expect(email.sentMessages.count == 20, "every acknowledgement was sent")
        #expect(Set(email.sentMessages.map(\.recipient)) == Set(senders))
        #expect(await ledgers.counts["policyRecords"] == 20)
        #expect(
            await ledgers.counts["erasure"] == 20,
            "one read after each commit serves the check and the send, whichever call makes it"
        )
    }

    @Test("a message from a member erased meanwhile is not sent, whatever the delivery skips")
    func erasedAfterTheFirstRead() async throws {
        let tickets = CountingTicketStore()
        let ledgers = CountingLedgerStore()
        let email = InMemoryChannel(kind: .email)
        let clock = ManualClock()
        let desk = try Self.desk(tickets, ledgers, email, clock)
        // The erasure lands between the first read of the records and the check after the commit.
        await ledgers.eraseAfterFirstRead(
            MemberErasure(member: "alice", requestedBy: .member("alice"), requestedAt: clock.now)
        )

        await #expect(throws: DeskError.self) { try await desk.receive(Self.message("mail-1", at: clock.now)) }

        #expect(email.sentMessages.isEmpty, "nothing was sent to the erased member")
    }

    /// A desk with the seeds' boundaries (so a new message is acknowledged), open at the clock's start.
    static func desk(
        _ tickets: some TicketStore,
        _ ledgers: some PolicyLedgerStore,
        _ email: InMemoryChannel,
        _ clock: ManualClock
    ) throws -> SupportDesk {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.allCases, start: "00:00", end: "24:00")]
            )
        )
        return try SupportDesk(
            store: tickets,
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(boundaries: try BoundariesPolicy.seedDefaults(hours: hours)),
            ledgers: ledgers
        )
    }

    static func message(_ id: String, thread: String? = nil, at instant: Date) -> InboundMessage {
        InboundMessage(
            channel: .email,
            externalID: id,
            sender: "alice",
            threadReference: thread,
            subject: "Login",
            body: "I cannot log in to the club",
            receivedAt: instant
        )
    }
}

/// A ticket store that counts the lookups the desk makes.
private actor CountingTicketStore: ForwardingTicketStore {
    let base = InMemoryTicketStore()
    var counts: [String: Int] = [:]

    func reset() { counts = [:] }

    func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        await base.eraseMember(member, redaction: redaction)
    }

    func ticketID(forExternalMessage key: ExternalMessageKey) async throws -> TicketID? {
        counts["ticketID(forExternalMessage:)", default: 0] += 1
        return await base.ticketID(forExternalMessage: key)
    }

    func ticketID(forThread key: ThreadKey) async throws -> TicketID? {
        counts["ticketID(forThread:)", default: 0] += 1
        return await base.ticketID(forThread: key)
    }

    func lookUpInbound(_ key: ExternalMessageKey, threads: [ThreadKey]) async throws -> InboundLookup {
        counts["lookUpInbound", default: 0] += 1
        return try await base.lookUpInbound(key, threads: threads)
    }
}

/// A policy ledger store that counts the reads of a member's records, and can record an erasure right
/// after the first read of them.
private actor CountingLedgerStore: ForwardingPolicyLedgerStore {
    let base = InMemoryPolicyLedgerStore()
    var counts: [String: Int] = [:]
    private var erasureAfterFirstRead: MemberErasure?

    func reset() { counts = [:] }

    func eraseAfterFirstRead(_ erasure: MemberErasure) { erasureAfterFirstRead = erasure }

    func policyRecords(of member: MemberID) async throws -> MemberPolicyRecords {
        counts["policyRecords", default: 0] += 1
        let records = try await base.policyRecords(of: member)
        if let erasure = erasureAfterFirstRead {
            erasureAfterFirstRead = nil
            await base.recordErasure(erasure)
        }
        return records
    }

    func erasure(of member: MemberID) async throws -> MemberErasure? {
        counts["erasure", default: 0] += 1
        return await base.erasure(of: member)
    }

    func moderationLedger(of member: MemberID) async throws -> MemberLedger? {
        counts["moderationLedger", default: 0] += 1
        return await base.moderationLedger(of: member)
    }

    func recordErasure(_ erasure: MemberErasure) async throws { await base.recordErasure(erasure) }

    func unfinishedErasures(limit: Int) async throws -> [MemberErasure] { await base.unfinishedErasures(limit: limit) }

    func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        await base.eraseMember(member, redaction: redaction)
    }
}
