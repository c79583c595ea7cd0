import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Ticket timers that fall due together are fired in batches: one batch read of the tickets and one
/// commit of all their changes. A ticket another writer holds, or changed between the read and the
/// commit, is fired alone afterwards; a failed read or commit puts every timer of the batch back; and
/// every warning fires once, also with two desks sweeping one store at once on a moving clock.
@Suite("Timer batches")
struct TimerBatchesTests {
    /// Monday 2026-01-05 in Moscow (UTC+3).
    private static func moscow(_ time: String) -> Date {
        ISO8601DateFormatter().date(from: "2026-01-05T\(time):00+03:00")!
    }

    /// First reply within four business hours, warned at three.
    private static func configuration(scan: TimeInterval? = nil) throws -> DeskConfiguration {
        DeskConfiguration(
            storeScanInterval: scan,
            sla: SLAPolicy(
                calendar: try BusinessCalendar(
                    .init(
                        timeZone: "Europe/Moscow",
                        windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
                    )
                ),
                targets: [.normal: .init(firstReply: .business(4 * 3600), nextReply: nil, resolution: nil)],
                warningFraction: 0.75
            ),
            routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
        )
    }

    private static func desk(
        _ store: any TicketStore,
        _ clock: any SupportClock,
        scan: TimeInterval? = nil
    ) throws -> SupportDesk {
        try SupportDesk(store: store, clock: clock, configuration: try configuration(scan: scan), ids: UUIDGenerator())
    }

    /// Opens `count` tickets, one per member, at the clock's instant.
    private static func open(
        _ count: Int,
        on desk: SupportDesk,
        at clock: any SupportClock
    ) async throws -> [TicketID] {
        var ids: [TicketID] = []
        for index in 0..<count {
            let message = InboundMessage(
                channel: .email,
                externalID: "m-\(index)",
                sender: MemberID("member-\(index)"),
                body: "I cannot log in to the club",
                receivedAt: clock.now
            )
            ids.append(try await desk.receive(message).ticket.id)
        }
        return ids
    }

    /// How many times each ticket's first-reply warning fired, as stored.
    private static func warnings(_ ids: [TicketID], in store: InMemoryTicketStore) async -> [Int] {
        var counts: [Int] = []
        for id in ids {
            let firings = await store.ticket(id)?.ticket.sla.firings ?? []
            counts.append(firings.filter { $0.step == .warning && $0.metric == .firstReply }.count)
        }
        return counts
    }

    @Test("warnings due together are read in batches and committed together, each once")
    func batches() async throws {
        let base = InMemoryTicketStore()
        let store = BatchWatchingStore(base: base)
        let clock = ManualClock(now: Self.moscow("10:00"))
        let desk = try Self.desk(store, clock)
        _ = try await desk.processDueWork()
        let ids = try await Self.open(300, on: desk, at: clock)
        await store.startWatching()
        clock.advance(to: Self.moscow("13:01"))
        #expect(try await desk.processDueWork() == 300)
        #expect(await store.batchReads == [128, 128, 44], "three batch reads of at most 128 tickets")
        #expect(await store.commitSizes == [128, 128, 44], "one commit per batch")
        #expect(await store.singleReads == 0, "no ticket read alone")
        #expect(await Self.warnings(ids, in: base) == Array(repeating: 1, count: 300))
        #expect(try await desk.processDueWork() == 0, "nothing fires twice")
    }

    @Test("a ticket another desk changed between the batch read and its commit is fired alone; all fire once")
    func conflictInBatch() async throws {
        let base = InMemoryTicketStore()
        let store = BatchWatchingStore(base: base)
        let clock = ManualClock(now: Self.moscow("10:00"))
        let desk = try Self.desk(store, clock)
        let other = try Self.desk(base, clock)
        _ = try await desk.processDueWork()
        let ids = try await Self.open(10, on: desk, at: clock)
        let raced = ids[4]
        await store.startWatching()
        await store.afterNextBatchRead {
            _ = try await other.addInternalNote(to: raced, body: "looking into it", by: .agent("agent-boris"))
        }
        clock.advance(to: Self.moscow("13:01"))
        #expect(try await desk.processDueWork() == 10, "every ticket's warning fired")
        #expect(await store.commitSizes.first == 10, "the batch commit was tried")
        #expect(await store.failedCommits == 1, "and refused for the ticket another desk changed")
        #expect(await store.singleReads == 10, "then each ticket of the batch was read again and fired alone")
        #expect(await Self.warnings(ids, in: base) == Array(repeating: 1, count: 10))
        let notes = await base.ticket(raced)?.ticket.messages.filter { $0.body == "looking into it" }
        #expect(notes?.count == 1, "the other desk's note is kept")
    }

    @Test("a ticket the desk is writing meanwhile waits for its turn and is fired alone after the batch")
    func heldTicketFiredAlone() async throws {
        let base = InMemoryTicketStore()
        let store = BatchWatchingStore(base: base)
        let clock = ManualClock(now: Self.moscow("10:00"))
        let desk = try Self.desk(store, clock)
        _ = try await desk.processDueWork()
        let ids = try await Self.open(6, on: desk, at: clock)
        let held = ids[2]
        await store.startWatching()
        await store.parkNextCommit()
        let note = Task { try await desk.addInternalNote(to: held, body: "on it", by: .agent("agent-anna")) }
        try await eventually("the note's commit waits at the gate") { await store.parked == 1 }
        clock.advance(to: Self.moscow("13:01"))
        let sweep = Task { try await desk.processDueWork() }
        try await eventually("the batch of the five other tickets is committed") { await store.commitSizes.count == 2 }
        #expect(await store.commitSizes == [1, 5], "the note's commit (parked) and the batch without the held ticket")
        await store.releaseParked()
        _ = try await note.value
        #expect(try await sweep.value == 6, "the held ticket's warning fired once it was free")
        #expect(await store.commitSizes == [1, 5, 1], "the held ticket was committed alone, after the note")
        #expect(await Self.warnings(ids, in: base) == Array(repeating: 1, count: 6))
    }

    /// A desk reaching `base` through a fault-injecting store, with twenty tickets whose first-reply
    /// warnings are due at the clock's instant (13:01).
    private static func twentyDue(
        on base: InMemoryTicketStore
    ) async throws -> (desk: SupportDesk, store: FaultInjectingTicketStore, clock: ManualClock, ids: [TicketID]) {
        let store = FaultInjectingTicketStore(wrapping: base)
        let clock = ManualClock(now: Self.moscow("10:00"))
        let desk = try Self.desk(store, clock)
        _ = try await desk.processDueWork()
        let ids = try await Self.open(20, on: desk, at: clock)
        clock.advance(to: Self.moscow("13:01"))
        return (desk, store, clock, ids)
    }

    @Test(
        "a batch read or commit failing before it reaches the store puts every timer back; after the back-off each fires once",
        arguments: [FaultInjectingTicketStore.Operation.ticket, .commit]
    )
    func failedBatch(_ operation: FaultInjectingTicketStore.Operation) async throws {
        let base = InMemoryTicketStore()
        let (desk, store, clock, ids) = try await Self.twentyDue(on: base)
        store.failNext(operation, .beforeWrite)
        await #expect(throws: StoreError.self) { try await desk.processDueWork() }
        #expect(await Self.warnings(ids, in: base) == Array(repeating: 0, count: 20), "nothing fired")
        #expect(try await desk.processDueWork() == 0, "the timers wait out their back-off")
        clock.advance(by: 61)
        #expect(try await desk.processDueWork() == 20)
        #expect(await Self.warnings(ids, in: base) == Array(repeating: 1, count: 20))
    }

    @Test("a ticket whose read keeps failing holds back no other timer of its batch")
    func failingTicketIsolated() async throws {
        let base = InMemoryTicketStore()
        let store = PoisonedTicketStore(base: base)
        let clock = ManualClock(now: Self.moscow("10:00"))
        let desk = try Self.desk(store, clock)
        _ = try await desk.processDueWork()
        let ids = try await Self.open(20, on: desk, at: clock)
        await store.poison(ids[7])
        clock.advance(to: Self.moscow("13:01"))
        await #expect(throws: StoreError.self) { try await desk.processDueWork() }
        #expect(await Self.warnings(ids, in: base) == Array(repeating: 0, count: 20), "the batch failed as one")
        clock.advance(by: 61)
        // After its back-off each timer fires alone: the nineteen healthy tickets get their warnings.
        await #expect(throws: StoreError.self) { try await desk.processDueWork() }
        var expected = Array(repeating: 1, count: 20)
        expected[7] = 0
        #expect(await Self.warnings(ids, in: base) == expected)
    }

    @Test("a batch commit written but reported failed fires nothing twice")
    func batchCommitReportedFailed() async throws {
        let base = InMemoryTicketStore()
        let (desk, store, clock, ids) = try await Self.twentyDue(on: base)
        store.failNext(.commit, .afterWrite)
        await #expect(throws: StoreError.self) { try await desk.processDueWork() }
        #expect(await Self.warnings(ids, in: base) == Array(repeating: 1, count: 20), "the commit stood")
        for _ in 0..<5 {
            clock.advance(by: 61)
            #expect(try await desk.processDueWork() == 0, "no warning fires again")
        }
        #expect(await Self.warnings(ids, in: base) == Array(repeating: 1, count: 20))
    }

    @Test(
        "two desks sweeping one store at once on a moving clock, one through a failing store, fire each warning once",
        arguments: [11, 12, 13, 14, 15] as [UInt64]
    )
    func twoDesksAtOnce(seed: UInt64) async throws {
        print("TimerBatchesTests.twoDesksAtOnce seed \(seed)")
        var random = SplitMix64(seed: seed)
        let count = 50 + Int(random.next() % 250)
        let base = InMemoryTicketStore()
        let clock = MovingClock(start: Self.moscow("10:00"), step: 0.001 * Double(1 + random.next() % 20))
        // `.ticket` faults strike the batch reads too (the default `tickets(_:)` reads through `ticket(_:)`);
        // `.tickets` is `tickets(matching:)`, which the store scans use.
        let failing = FaultInjectingTicketStore(
            wrapping: YieldingStore(base: base),
            seed: random.next(),
            rate: 0.15,
            operations: [.commit, .ticket, .tickets]
        )
        let writer = try Self.desk(YieldingStore(base: base), clock, scan: 30)
        let sweeper = try Self.desk(failing, clock, scan: 30)
        _ = try await writer.processDueWork()
        _ = try? await sweeper.processDueWork()
        let ids = try await Self.open(count, on: writer, at: clock)
        clock.advance(to: Self.moscow("13:05"))
        async let first = try? writer.processDueWork()
        async let second = try? sweeper.processDueWork()
        let fired = (await first ?? 0) + (await second ?? 0)
        #expect(fired <= count, "seed \(seed): no warning counted twice")
        // The writer knows every timer and its store does not fail: its next passes finish the rest.
        for _ in 0..<3 {
            clock.advance(by: 61)
            _ = try await writer.processDueWork()
            _ = try? await sweeper.processDueWork()
        }
        let counts = await Self.warnings(ids, in: base)
        #expect(counts == Array(repeating: 1, count: count), "seed \(seed) (\(failing)): each warning once")
    }
}

/// An in-memory store that counts batch reads, single reads and commits, and can park a commit or let
/// another writer change a ticket right after a batch read.
private actor BatchWatchingStore: ForwardingTicketStore {
    let base: InMemoryTicketStore
    private var watching = false
    private(set) var batchReads: [Int] = []
    private(set) var singleReads = 0
    private(set) var commitSizes: [Int] = []
    private(set) var failedCommits = 0
    private var afterBatchRead: (@Sendable () async throws -> Void)?
    private var parkNext = false
    private var parkedCommit: CheckedContinuation<Void, Never>?

    init(base: InMemoryTicketStore) { self.base = base }

    /// Starts counting (the tickets' creation is not counted).
    func startWatching() { watching = true }

    /// Runs `change` right after the next batch read, before the batch is committed.
    func afterNextBatchRead(_ change: @escaping @Sendable () async throws -> Void) { afterBatchRead = change }

    /// Makes the next commit wait until ``releaseParked()``.
    func parkNextCommit() { parkNext = true }

    /// How many commits wait.
    var parked: Int { parkedCommit == nil ? 0 : 1 }

    /// Lets the parked commit go on.
    func releaseParked() {
        parkedCommit?.resume()
        parkedCommit = nil
    }

    func ticket(_ id: TicketID) async throws -> StoredTicket? {
        if watching { singleReads += 1 }
        return await base.ticket(id)
    }

    func tickets(_ ids: [TicketID]) async throws -> [StoredTicket?] {
        if watching { batchReads.append(ids.count) }
        let found = try await base.tickets(ids)
        if let change = afterBatchRead {
            afterBatchRead = nil
            try await change()
        }
        return found
    }

    func commit(_ commit: TicketCommit) async throws {
        if watching { commitSizes.append(commit.writes.count) }
        if parkNext {
            parkNext = false
            await withCheckedContinuation { parkedCommit = $0 }
        }
        do {
            try await base.commit(commit)
        } catch {
            failedCommits += 1
            throw error
        }
    }
}

/// An in-memory store that cannot read one ticket: reading it alone or in a batch fails, as a snapshot
/// the store cannot decode would.
private actor PoisonedTicketStore: ForwardingTicketStore {
    let base: InMemoryTicketStore
    private var poisoned: TicketID?

    init(base: InMemoryTicketStore) { self.base = base }

    /// Makes every read of `id` fail from now on.
    func poison(_ id: TicketID) { poisoned = id }

    func ticket(_ id: TicketID) async throws -> StoredTicket? {
        guard id != poisoned else { throw StoreError(.unavailable, "ticket \(id) cannot be decoded") }
        return await base.ticket(id)
    }

    func tickets(_ ids: [TicketID]) async throws -> [StoredTicket?] {
        if let poisoned, ids.contains(poisoned) {
            throw StoreError(.unavailable, "ticket \(poisoned) cannot be decoded")
        }
        return try await base.tickets(ids)
    }
}
