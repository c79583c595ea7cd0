import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A check before a send that needs a read of the recipient's erasure record made after the message's
/// commit takes the answer of such a read still under way, instead of asking the store again (issue
/// #16: on PostgreSQL, another call's delivery took a message while the call that committed it was
/// still reading, and read again). What the read under way answers — not erased, erased, or a failure —
/// is the waiting check's answer too.
@Suite("A check of a member's erasure waits for a read already under way")
struct ErasureReadUnderWayTests {
    @Test("another call's delivery waits for the committing call's read: one read, both messages sent")
    func oneReadServesBoth() async throws {
        let scene = try Scene()
        let first = await scene.receiveFromAliceWhileHerReadWaits()
        let second = try await scene.receiveFromBobReachingAlicesMessage()

        await scene.ledgers.open()
        let alice = try await first.value
        let bob = try await second.value

        #expect(alice.disposition == .created)
        #expect(bob.disposition == .created)
        #expect(await scene.ledgers.erasureReads["alice"] == 1, "Bob's delivery took Alice's read under way")
        #expect(scene.email.sentMessages.filter { $0.recipient == "alice" }.count == 1)
        #expect(scene.email.sentMessages.filter { $0.recipient == "bob" }.count == 1)
    }

    @Test("an erasure the read under way finds stops the other call's send too")
    func erasureFoundByTheReadUnderWay() async throws {
        let scene = try Scene()
        let first = await scene.receiveFromAliceWhileHerReadWaits()
        let second = try await scene.receiveFromBobReachingAlicesMessage()

        // Alice's data is erased while her read is on its way: the read finds the record.
        await scene.ledgers.base.recordErasure(
            MemberErasure(member: "alice", requestedBy: .member("alice"), requestedAt: scene.clock.now)
        )
        await scene.ledgers.open()

        await #expect(throws: DeskError.self, "Alice's call learns she was erased") { _ = try await first.value }
        #expect(try await second.value.disposition == .created)
        #expect(scene.email.sentMessages.allSatisfy { $0.recipient != "alice" }, "nothing went to Alice")
        #expect(scene.email.sentMessages.filter { $0.recipient == "bob" }.count == 1)
        let pending = await scene.tickets.pendingOutbound(dueBy: scene.clock.now, limit: 10)
        #expect(pending.allSatisfy { $0.recipient != "alice" }, "Alice's acknowledgement is not left to be sent")
    }

    @Test("a read under way that fails fails the waiting check: the message waits and is sent later, once")
    func failureReachesTheWaiter() async throws {
        let scene = try Scene()
        let first = await scene.receiveFromAliceWhileHerReadWaits()
        let second = try await scene.receiveFromBobReachingAlicesMessage()

        await scene.ledgers.open(failingWith: StoreError(.unavailable, "the ledger database went away"))

        await #expect(throws: StoreError.self) { _ = try await first.value }
        #expect(try await second.value.disposition == .created, "Bob's message is received whatever Alice's read did")
        #expect(scene.email.sentMessages.allSatisfy { $0.recipient != "alice" }, "not sent without a read")

        // The ledger answers again: the next pass (after the claim of Bob's pass ends) reads and sends.
        scene.clock.advance(by: 600)
        _ = try await scene.desk.deliverPendingMessages()
        #expect(scene.email.sentMessages.filter { $0.recipient == "alice" }.count == 1)
    }
}

/// A desk on counting stores, with Alice's erasure reads held at a gate.
private struct Scene {
    let clock = ManualClock()
    let email = InMemoryChannel(kind: .email)
    let tickets = InMemoryTicketStore()
    let ledgers = GatedLedgerStore()
    let desk: SupportDesk

    init() throws {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.allCases, start: "00:00", end: "24:00")]
            )
        )
        desk = try SupportDesk(
            store: tickets,
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(boundaries: try BoundariesPolicy.seedDefaults(hours: hours)),
            ledgers: ledgers
        )
    }

    func message(from sender: MemberID) -> InboundMessage {
        InboundMessage(
            channel: .email,
            externalID: "mail-\(sender)",
            sender: sender,
            subject: "Login",
            body: "I cannot log in to the club",
            receivedAt: clock.now
        )
    }

    /// Alice's message, received in a task of its own until the read after its commit reaches the gate.
    func receiveFromAliceWhileHerReadWaits() async -> Task<ReceiveOutcome, any Error> {
        await ledgers.hold("alice")
        let desk = desk
        let message = message(from: "alice")
        let task = Task { try await desk.receive(message) }
        while await ledgers.parked == 0 { await Task.yield() }
        return task
    }

    /// Bob's message, received in a task of its own until its delivery pass has reached Alice's
    /// acknowledgement: Bob's read after his commit answered, and the pass had time to go on.
    func receiveFromBobReachingAlicesMessage() async throws -> Task<ReceiveOutcome, any Error> {
        let desk = desk
        let message = message(from: "bob")
        let task = Task { try await desk.receive(message) }
        while await ledgers.erasureReads["bob"] == nil { await Task.yield() }
        // Bob's delivery pass runs on the desk without waiting for anything held here, until it checks
        // Alice; a desk that read again would park a second read at the gate.
        for _ in 0..<2_000 where await ledgers.parked < 2 { await Task.yield() }
        #expect(await ledgers.erasureReads["bob"] == 1, "Bob's read answered")
        return task
    }
}

/// A policy ledger store that counts the reads of erasure records and holds those of chosen members
/// until it is opened.
private actor GatedLedgerStore: ForwardingPolicyLedgerStore {
    let base = InMemoryPolicyLedgerStore()
    private(set) var erasureReads: [MemberID: Int] = [:]
    private var held: Set<MemberID> = []
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var failure: StoreError?

    /// How many reads wait at the gate.
    var parked: Int { waiting.count }

    func hold(_ member: MemberID) { held.insert(member) }

    /// Lets every held read go on, failing them with `error` when one is given; later reads pass.
    func open(failingWith error: StoreError? = nil) {
        held = []
        failure = error
        for waiter in waiting { waiter.resume() }
        waiting = []
    }

    /// The read before a message is taken: not held (the default would read the erasure record).
    func policyRecords(of member: MemberID) async throws -> MemberPolicyRecords {
        try await base.policyRecords(of: member)
    }

    func erasure(of member: MemberID) async throws -> MemberErasure? {
        erasureReads[member, default: 0] += 1
        if held.contains(member) {
            await withCheckedContinuation { waiting.append($0) }
            if let failure {
                self.failure = nil
                throw failure
            }
        }
        return await base.erasure(of: member)
    }

    func recordErasure(_ erasure: MemberErasure) async throws { await base.recordErasure(erasure) }

    func unfinishedErasures(limit: Int) async throws -> [MemberErasure] { await base.unfinishedErasures(limit: limit) }

    func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        await base.eraseMember(member, redaction: redaction)
    }
}
