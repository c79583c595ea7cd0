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
}
