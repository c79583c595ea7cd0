import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A desk reads routing (the active tickets and agents' statuses) from its store once when it starts,
/// however many calls arrive while that read is under way.
@Suite("Routing load at start")
struct RoutingLoadTests {
    /// Counts the reads of every active ticket (routing's load) and holds the first one until released.
    private actor GatedStore: ForwardingTicketStore {
        let base: InMemoryTicketStore
        private(set) var loads = 0
        private var gate: CheckedContinuation<Void, Never>?
        private var isOpen = false
        private var arrived: CheckedContinuation<Void, Never>?

        init(base: InMemoryTicketStore) { self.base = base }

        func tickets(matching query: TicketQuery) async throws -> TicketPage {
            if query.assignee == nil, query.statuses == [.new, .open, .pending, .onHold] {
                loads += 1
                if loads == 1, !isOpen {
                    arrived?.resume()
                    arrived = nil
                    await withCheckedContinuation { gate = $0 }
                }
            }
            return try await base.tickets(matching: query)
        }

        /// Returns once the first load is held at the gate.
        func firstLoadArrived() async {
            guard loads == 0 else { return }
            await withCheckedContinuation { arrived = $0 }
        }

        func open() {
            isOpen = true
            gate?.resume()
            gate = nil
        }
    }

    @Test("twenty messages arriving at a starting desk read the store's active tickets once")
    func concurrentCallsShareOneLoad() async throws {
        let clock = ManualClock()
        let base = InMemoryTicketStore()
        // A store that already holds open tickets, as a restarted desk finds it.
        let first = try SupportDesk(store: base, clock: clock)
        for index in 0..<5 {
            try await first.receive(Self.message(index, at: clock.now))
        }
        let store = GatedStore(base: base)
        let desk = try SupportDesk(store: store, clock: clock)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 5..<25 {
                group.addTask { try await desk.receive(Self.message(index, at: clock.now)) }
            }
            await store.firstLoadArrived()
            // Every other call gets as far as it can while the first read waits.
            for _ in 0..<200 { await Task.yield() }
            await store.open()
            try await group.waitForAll()
        }
        #expect(await store.loads == 1, "one read of the active tickets, not one per call")
        let stored = try await base.tickets(matching: TicketQuery(limit: 100)).tickets
        #expect(stored.count == 25, "every message opened its ticket")
        let queue = try await desk.agents.queue()
        #expect(queue.count == 25, "routing knows the five tickets read and the twenty received")
    }

    private static func message(_ index: Int, at now: Date) -> InboundMessage {
        InboundMessage(
            channel: .email,
            externalID: "mail-\(index)",
            sender: MemberID("member-\(index)"),
            body: "Question number \(index) about my membership",
            receivedAt: now
        )
    }
}
