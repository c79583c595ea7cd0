import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Delivery outcomes that come in while a write is on its way go together in the next write
/// (`TicketStore.updateOutboundMessages`): one round trip for many on a database (#16). Each delivery
/// still gets its own answer.
@Suite("Delivery outcomes written together")
struct OutcomeWritesTests {
    @Test("outcomes that come in during a write go together in the next; every message is recorded")
    func gatheredDuringAWrite() async throws {
        let scene = try Scene()
        await scene.store.holdWrites()
        let first = scene.receive(from: "member-0")
        while await scene.store.batches.isEmpty { await Task.yield() }
        // Four more messages, each once the one before was sent: every outcome waits for the held write.
        let others = try await scene.receiveOneByOne(from: (1...4).map { MemberID("member-\($0)") })

        await scene.store.open()
        for task in [first] + others { _ = try await task.value }

        let batches = await scene.store.batches
        #expect(batches.map(\.count) == [1, 4], "the first outcome alone, then the four that waited, together")
        for id in batches.joined() {
            #expect(await scene.store.base.outbound(id)?.state == .delivered, "\(id) recorded delivered")
        }
    }

    @Test("a lost claim refuses its own outcome alone: the others in the write stand")
    func lostClaimRefusedAlone() async throws {
        let scene = try Scene()
        await scene.store.refuse("member-2")
        await scene.store.holdWrites()
        let first = scene.receive(from: "member-0")
        while await scene.store.batches.isEmpty { await Task.yield() }
        // Four more messages, each once the one before was sent: every outcome waits for the held write.
        let others = try await scene.receiveOneByOne(from: (1...4).map { MemberID("member-\($0)") })

        await scene.store.open()
        for task in [first] + others { _ = try await task.value }

        let batches = await scene.store.batches
        #expect(batches.map(\.count) == [1, 4])
        var states: [MemberID: OutboundMessage.State] = [:]
        for id in batches.joined() {
            let stored = try #require(await scene.store.base.outbound(id))
            states[stored.recipient] = stored.state
        }
        #expect(states["member-2"] == .pending, "the refused outcome was not written")
        #expect(states.filter { $0.value == .delivered }.count == 4, "the other four stand")
    }

    /// A desk on a store whose outcome writes can be held.
    private struct Scene {
        let clock = ManualClock()
        let email = InMemoryChannel(kind: .email)
        let store = HeldOutcomeStore()
        let desk: SupportDesk

        init() throws {
            let hours = try BusinessCalendar(
                .init(
                    timeZone: "UTC",
                    windows: [.init(days: BusinessCalendar.Weekday.allCases, start: "00:00", end: "24:00")]
                )
            )
            desk = try SupportDesk(
                store: store,
                clock: clock,
                channels: [email],
                configuration: DeskConfiguration(boundaries: try BoundariesPolicy.seedDefaults(hours: hours))
            )
        }

        /// Receives each member's message in a task of its own, the next once the acknowledgement of the
        /// one before was sent (a delivery pass sends its messages one after another, so each message
        /// gets a pass of its own and its outcome is handed over while the held write waits).
        func receiveOneByOne(from members: [MemberID]) async throws -> [Task<ReceiveOutcome, any Error>] {
            var tasks: [Task<ReceiveOutcome, any Error>] = []
            for member in members {
                let sent = email.sentMessages.count
                tasks.append(receive(from: member))
                var spins = 0
                while email.sentMessages.count == sent, spins < 1_000_000 {
                    spins += 1
                    await Task.yield()
                }
                try #require(email.sentMessages.count == sent + 1, "the acknowledgement to \(member) was sent")
            }
            return tasks
        }

        func receive(from member: MemberID) -> Task<ReceiveOutcome, any Error> {
            let message = InboundMessage(
                channel: .email,
                externalID: "mail-\(member)",
                sender: member,
                subject: "Login",
                body: "I cannot log in to the club",
                receivedAt: clock.now
            )
            let desk = desk
            return Task { try await desk.receive(message) }
        }
    }
}

/// A ticket store that records each write of outcomes, can hold them until it is opened, and can refuse
/// the outcome of one recipient's message as a lost claim.
private actor HeldOutcomeStore: ForwardingTicketStore {
    let base = InMemoryTicketStore()
    private(set) var batches: [[OutboundID]] = []
    private var holding = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var refused: Set<MemberID> = []

    func holdWrites() { holding = true }

    func refuse(_ recipient: MemberID) { refused.insert(recipient) }

    func open() {
        holding = false
        for waiter in waiting { waiter.resume() }
        waiting = []
    }

    func updateOutboundMessages(_ messages: [OutboundMessage]) async -> [OutboundID: any Error] {
        batches.append(messages.map(\.id))
        if holding { await withCheckedContinuation { waiting.append($0) } }
        let kept = messages.filter { !refused.contains($0.recipient) }
        var failures = await base.updateOutboundMessages(kept)
        for message in messages where refused.contains(message.recipient) {
            failures[message.id] = StoreError(.claimLost, "another pass took \(message.id) over in the test")
        }
        return failures
    }
}
