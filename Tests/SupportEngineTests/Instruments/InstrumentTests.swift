import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Test instruments")
struct InstrumentTests {
    let start = Date(timeIntervalSince1970: 1_767_603_600)

    @Test func aMovingClockAdvancesOnEveryRead() async throws {
        let clock = MovingClock(start: start, step: 2)
        #expect(clock.now == start)
        #expect(clock.now == start.addingTimeInterval(2))
        #expect(clock.peek == start.addingTimeInterval(4))
        #expect(clock.reads == 2)
        try await clock.sleep(until: start.addingTimeInterval(100))
        #expect(clock.now == start.addingTimeInterval(100), "sleeping moves the clock to the deadline")
        try await clock.sleep(until: start)
        #expect(clock.now == start.addingTimeInterval(102), "time never goes backwards")
    }

    @Test func aRecordingChannelFailsTheFirstSendsAndRecordsEveryKey() async throws {
        let channel = RecordingChannel(kind: .email, failures: 2)
        let message = OutboundMessage(
            id: "O-1",
            ticketID: nil,
            messageID: nil,
            recipient: "anna",
            channel: .email,
            subject: "Hello",
            body: "Hi",
            createdAt: start
        )
        for _ in 0..<2 {
            await #expect(throws: RecordingChannel.SendFailure.self) { try await channel.send(message) }
        }
        _ = try await channel.send(message)
        _ = try await channel.send(message)
        #expect(channel.sends.map(\.key) == ["O-1", "O-1", "O-1", "O-1"])
        #expect(channel.sends.map(\.delivered) == [false, false, true, true])
        #expect(channel.deliveries(of: "O-1") == 2)
        #expect(channel.duplicatedKeys == ["O-1"])
    }

    @Test func aRecordingChannelWaitsInItsDelayHook() async throws {
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let (entered, enter) = AsyncStream.makeStream(of: Void.self)
        let channel = RecordingChannel(kind: .email) { _ in
            enter.yield()
            for await _ in gate { return }
        }
        let message = OutboundMessage(
            id: "O-2",
            ticketID: nil,
            messageID: nil,
            recipient: "anna",
            channel: .email,
            subject: "Hello",
            body: "Hi",
            createdAt: start
        )
        let sending = Task { try await channel.send(message) }
        for await _ in entered { break }
        #expect(channel.sends.isEmpty, "the send is held in the hook")
        open.yield()
        _ = try await sending.value
        #expect(channel.deliveries(of: "O-2") == 1)
    }

    @Test func aFaultBeforeTheWriteStoresNothingAndAfterItStoresTheWrite() async throws {
        let base = InMemoryTicketStore()
        let store = FaultInjectingTicketStore(wrapping: base)
        let stored = OutboundMessage(
            id: "O-3",
            ticketID: nil,
            messageID: nil,
            recipient: "anna",
            channel: .email,
            subject: "Hello",
            body: "Hi",
            createdAt: start
        )
        try await base.commit(TicketCommit(writes: [], outbound: [stored]))
        var update = stored
        update.lastError = "changed"

        store.failNext(.updateOutbound, .beforeWrite)
        await #expect(throws: StoreError.self) { try await store.updateOutbound(update) }
        #expect(await base.outbound(stored.id)?.lastError == stored.lastError)

        store.failNext(.updateOutbound, .afterWrite)
        await #expect(throws: StoreError.self) { try await store.updateOutbound(update) }
        #expect(await base.outbound(stored.id)?.lastError == "changed", "written but reported failed")

        try await store.updateOutbound(update)
        #expect(store.faults.map(\.timing) == [.beforeWrite, .afterWrite])
        #expect(store.calls(of: .updateOutbound) == 3)
    }

    @Test func theSeededScheduleIsReplayedFromItsSeed() async throws {
        func run(seed: UInt64) async -> [FaultInjectingTicketStore.Fault] {
            let store = FaultInjectingTicketStore(wrapping: InMemoryTicketStore(), seed: seed, rate: 0.3)
            for index in 0..<50 { _ = try? await store.ticket(TicketID("T-\(index)")) }
            return store.faults
        }
        let first = await run(seed: 42)
        #expect(!first.isEmpty && first.count < 50)
        #expect(await run(seed: 42) == first)
        #expect(await run(seed: 43) != first)
    }

    @Test func aRecordingChannelCountsEverySendPerIdempotencyKey() async throws {
        let channel = RecordingChannel(kind: .email, failures: 1)
        let first = OutboundMessage(
            id: "O-4",
            ticketID: nil,
            messageID: nil,
            recipient: "anna",
            channel: .email,
            subject: "Hello",
            body: "Hi",
            createdAt: start
        )
        var second = first
        second.channel = .telegram
        second.attempts = 3
        #expect(second.idempotencyKey == first.idempotencyKey, "the key is the id: stable across attempts and channels")
        await #expect(throws: RecordingChannel.SendFailure.self) { try await channel.send(first) }
        #expect(channel.keysSentMoreThanOnce.isEmpty)
        _ = try await channel.send(second)
        #expect(channel.sends.map(\.key) == ["O-4", "O-4"])
        #expect(channel.sends(of: "O-4") == 2)
        #expect(channel.deliveries(of: "O-4") == 1)
        #expect(channel.keysSentMoreThanOnce == ["O-4"], "a failed send counts: the provider may have taken it")
        #expect(channel.duplicatedKeys.isEmpty, "only one send succeeded")
    }

    @Test func aSlowChannelMovesTheClockAndRunsWhatHappensMeanwhile() async throws {
        let clock = ManualClock(now: start)
        let seen = LockedBox<[Date]>([])
        let channel = RecordingChannel.slow(kind: .email, taking: 301, on: clock, failures: 1) { _ in
            seen.withLock { $0.append(clock.now) }
        }
        let message = OutboundMessage(
            id: "O-5",
            ticketID: nil,
            messageID: nil,
            recipient: "anna",
            channel: .email,
            subject: "Hello",
            body: "Hi",
            createdAt: start
        )
        await #expect(throws: RecordingChannel.SendFailure.self) { try await channel.send(message) }
        _ = try await channel.send(message)
        #expect(clock.now == start.addingTimeInterval(602))
        #expect(seen.withLock { $0 } == [start.addingTimeInterval(301), start.addingTimeInterval(602)])
        #expect(channel.sends.map(\.delivered) == [false, true])

        let moving = MovingClock(start: start, step: 0)
        _ = try await RecordingChannel.slow(kind: .email, taking: 30, on: moving).send(message)
        #expect(moving.now == start.addingTimeInterval(30))
    }

    @Test(
        "the fault-injecting store keeps the store contract, claims included, when no fault strikes",
        arguments: TicketStoreConformance.checks
    )
    func aFaultInjectingStoreForwardsTheContract(_ check: TicketStoreConformance.Check) async throws {
        try await check.run(against: FaultInjectingTicketStore(wrapping: InMemoryTicketStore(), seed: 1))
    }
}
