import Foundation
import SupportEngineTesting
import Testing

@testable import SupportEngine

/// A check before a send that needs a read of the recipient's erasure record made after the message's
/// commit takes the answer of such a read still under way, instead of asking the store again (issue
/// #16: on PostgreSQL, another call's delivery took a message while the call that committed it was
/// still reading, and read again). What the read under way answers — not erased or erased — is the
/// waiting check's answer too; when it fails, the waiting check reads for itself.
@Suite("A check of a member's erasure waits for a read already under way")
struct ErasureReadUnderWayTests {
    @Test("another call's delivery waits for the committing call's read: one read, both messages sent")
    func oneReadServesBoth() async throws {
        let scene = try Scene()
        let first = try await scene.receiveFromAliceWhileHerReadWaits()
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
        let first = try await scene.receiveFromAliceWhileHerReadWaits()
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

    @Test("a read under way that fails is not the waiting check's failure: it reads for itself and sends")
    func failureLeavesTheWaiterToReadItself() async throws {
        let scene = try Scene()
        let first = try await scene.receiveFromAliceWhileHerReadWaits()
        let second = try await scene.receiveFromBobReachingAlicesMessage()

        await scene.ledgers.open(failingWith: StoreError(.unavailable, "the ledger database went away"))

        await #expect(throws: StoreError.self, "Alice's own call learns of its failed read") {
            _ = try await first.value
        }
        #expect(try await second.value.disposition == .created)
        #expect(await scene.ledgers.erasureReads["alice"] == 2, "Bob's pass read Alice's record for itself")
        #expect(
            scene.email.sentMessages.filter { $0.recipient == "alice" }.count == 1,
            "Alice's acknowledgement went out once, after a read that answered"
        )
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
    func receiveFromAliceWhileHerReadWaits() async throws -> Task<ReceiveOutcome, any Error> {
        await ledgers.hold("alice")
        let desk = desk
        let message = message(from: "alice")
        let task = Task { try await desk.receive(message) }
        try await eventually("Alice's read reaching the gate") { await ledgers.parked == 1 }
        return task
    }

    /// Bob's message, received in a task of its own until its delivery pass checks Alice's erasure and
    /// waits for her read under way.
    func receiveFromBobReachingAlicesMessage() async throws -> Task<ReceiveOutcome, any Error> {
        let desk = desk
        let message = message(from: "bob")
        let task = Task { try await desk.receive(message) }
        try await eventually("Bob's pass waiting for Alice's read") { await desk.erasureReads.waitingChecks == 1 }
        #expect(await ledgers.erasureReads == ["alice": 1, "bob": 1], "one read each: Bob's pass did not read Alice")
        return task
    }
}

/// A policy ledger store that counts the reads of erasure records and holds those of chosen members
/// until it is opened.
private actor GatedLedgerStore: ForwardingPolicyLedgerStore {
    let base = InMemoryPolicyLedgerStore()
    private(set) var erasureReads: [MemberID: Int] = [:]
    private let gate = TestGate()
    private var held: Set<MemberID> = []
    private var failure: StoreError?

    /// How many reads wait at the gate.
    var parked: Int { get async { await gate.parked } }

    func hold(_ member: MemberID) async {
        held.insert(member)
        await gate.close()
    }

    /// Lets every held read go on, failing the first of them with `error` when one is given; later reads
    /// pass.
    func open(failingWith error: StoreError? = nil) async {
        held = []
        failure = error
        await gate.open()
    }

    /// The read before a message is taken: not held (the default would read the erasure record).
    func policyRecords(of member: MemberID) async throws -> MemberPolicyRecords {
        try await base.policyRecords(of: member)
    }

    func erasure(of member: MemberID) async throws -> MemberErasure? {
        erasureReads[member, default: 0] += 1
        if held.contains(member) {
            await gate.pass()
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
