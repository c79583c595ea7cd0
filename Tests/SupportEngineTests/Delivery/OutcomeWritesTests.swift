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
        let scene = try Scene(channel: InMemoryChannel(kind: .email))
        await scene.store.gate.close()
        let first = scene.receive(from: "member-0")
        try await eventually("the first outcome's write") { await scene.store.batches.count == 1 }
        // Four more messages, each once the one before was sent: every outcome waits for the held write.
        var others: [Task<ReceiveOutcome, any Error>] = []
        for number in 1...4 {
            others.append(scene.receive(from: MemberID("member-\(number)")))
            try await eventually("the acknowledgement to member-\(number)") { scene.sent == number + 1 }
        }

        await scene.store.gate.open()
        for task in [first] + others { _ = try await task.value }

        let batches = await scene.store.batches
        #expect(batches.map(\.count) == [1, 4], "the first outcome alone, then the four that waited, together")
        for id in batches.joined() {
            #expect(await scene.store.base.outbound(id)?.state == .delivered, "\(id) recorded delivered")
        }
    }

    @Test("each delivery gets its own answer: a lost claim refuses that outcome alone, the others count")
    func lostClaimRefusedAlone() async throws {
        // Every acknowledgement fails once at its first send and waits for a retry.
        let channel = FailingChannel(kind: .email, failures: 5)
        let scene = try Scene(channel: channel)
        for number in 0..<5 { _ = try await scene.receive(from: MemberID("member-\(number)")).value }
        #expect(channel.deliveredMessages.isEmpty)
        await scene.store.refuse("member-2")
        scene.clock.advance(by: 61)

        // Five passes at once, the first write held: each pass sends one message and waits for its write.
        await scene.store.gate.close()
        let desk = scene.desk
        let passes = (0..<5).map { _ in Task { try await desk.deliverPendingMessages() } }
        try await eventually("all five sent") { channel.deliveredMessages.count == 5 }
        await scene.store.gate.open()
        var delivered = 0
        for pass in passes { delivered += try await pass.value }

        #expect(delivered == 4, "the four outcomes that stood count as delivered; the refused one does not")
        #expect(await scene.store.batches.map(\.count).reduce(0, +) == 5)
        let pending = await scene.store.base.pendingOutbound(dueBy: .distantFuture, limit: 10)
        #expect(pending.map(\.recipient) == ["member-2"], "only the refused outcome is not recorded")
    }

    /// A desk on a store whose outcome writes can be held.
    private struct Scene {
        let clock = ManualClock()
        let store = HeldOutcomeStore()
        let channel: any Channel
        let desk: SupportDesk

        init(channel: any Channel) throws {
            let hours = try BusinessCalendar(
                .init(
                    timeZone: "UTC",
                    windows: [.init(days: BusinessCalendar.Weekday.allCases, start: "00:00", end: "24:00")]
                )
            )
            self.channel = channel
            desk = try SupportDesk(
                store: store,
                clock: clock,
                channels: [channel],
                configuration: DeskConfiguration(boundaries: try BoundariesPolicy.seedDefaults(hours: hours))
            )
        }

        /// How many messages the in-memory channel took.
        var sent: Int { (channel as? InMemoryChannel)?.sentMessages.count ?? 0 }

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

/// A ticket store that records each write of outcomes, can hold the writes at a gate, and refuses the
/// outcome of one recipient's message as a lost claim (recording afresh from then on).
private actor HeldOutcomeStore: ForwardingTicketStore {
    let base = InMemoryTicketStore()
    let gate = TestGate()
    private(set) var batches: [[OutboundID]] = []
    private var refused: Set<MemberID> = []

    func refuse(_ recipient: MemberID) {
        refused.insert(recipient)
        batches = []
    }

    func updateOutboundMessages(_ messages: [OutboundMessage]) async -> [OutboundID: any Error] {
        batches.append(messages.map(\.id))
        await gate.pass()
        let kept = messages.filter { !refused.contains($0.recipient) }
        var failures = await base.updateOutboundMessages(kept)
        for message in messages where refused.contains(message.recipient) {
            failures[message.id] = StoreError(.claimLost, "another pass took \(message.id) over in the test")
        }
        return failures
    }
}
