import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Two desks on one store: a desk reads the store every `storeScanInterval` for the timers and
/// deliveries another desk scheduled, so a ticket written by a desk that stopped still gets its SLA
/// steps, its auto-close and its acknowledgement, each exactly once. Before the scan a desk knew only
/// what was stored when it started and what it wrote itself.
@Suite("Timers across desks")
struct TimersAcrossDesksTests {
    /// Monday 2026-01-05 in Moscow (UTC+3).
    private static func moscow(_ time: String) -> Date {
        ISO8601DateFormatter().date(from: "2026-01-05T\(time):00+03:00")!
    }

    private static func policy() throws -> SLAPolicy {
        SLAPolicy(
            calendar: try BusinessCalendar(
                .init(
                    timeZone: "Europe/Moscow",
                    windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
                )
            ),
            targets: [.normal: .init(firstReply: .business(4 * 3600), nextReply: nil, resolution: nil)],
            warningFraction: 0.75
        )
    }

    private static func desk(
        store: any TicketStore,
        clock: any SupportClock,
        channel: RecordingChannel? = nil,
        scan: TimeInterval = 30
    ) throws -> SupportDesk {
        try SupportDesk(
            store: store,
            clock: clock,
            channels: [channel ?? RecordingChannel(kind: .email)],
            configuration: DeskConfiguration(
                storeScanInterval: scan,
                sla: try policy(),
                routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
            ),
            ids: UUIDGenerator()
        )
    }

    private static func message(_ id: String, from member: MemberID, at instant: Date) -> InboundMessage {
        InboundMessage(channel: .email, externalID: id, sender: member, body: "I cannot log in", receivedAt: instant)
    }

    @Test("a ticket written by a desk that stopped gets its SLA steps from the other desk, once each")
    func timersOfAStoppedDesk() async throws {
        let store = InMemoryTicketStore()
        let clock = ManualClock(now: Self.moscow("10:00"))
        let survivor = try Self.desk(store: store, clock: clock)
        #expect(try await survivor.processDueWork() == 0, "started before the ticket existed")

        let stopped = try Self.desk(store: store, clock: clock)
        let ticket = try await stopped.receive(Self.message("m-1", from: "anna", at: clock.now)).ticket
        #expect(ticket.sla.running[.firstReply]?.warningAt == Self.moscow("13:00"))

        clock.advance(to: Self.moscow("13:01"))
        #expect(try await survivor.processDueWork() == 1, "the warning fires on the desk that did not write it")
        clock.advance(to: Self.moscow("14:01"))
        #expect(try await survivor.processDueWork() == 1, "the breach")
        #expect(try await survivor.processDueWork() == 0)
        // The writer comes back: it reads the same records and fires nothing again.
        #expect(try await stopped.processDueWork() == 0)
        let firings = try await survivor.agentView(of: ticket.id).ticket.sla.firings
        #expect(firings.map(\.step) == [.warning, .breach])
        #expect(firings.first?.firedAt == Self.moscow("13:01"), "within one scan of the due instant")
    }

    @Test("a timer another desk wrote fires on time when a scan saw it before it fell due")
    func onTimeWhenSeenAhead() async throws {
        let store = InMemoryTicketStore()
        let clock = ManualClock(now: Self.moscow("12:59"))
        let survivor = try Self.desk(store: store, clock: clock, scan: 120)
        _ = try await survivor.processDueWork()
        let writer = try Self.desk(store: store, clock: clock)
        // Written at 12:59 by the other desk: its warning is due three business hours later, 15:59.
        _ = try await writer.receive(Self.message("m-2", from: "boris", at: clock.now))
        #expect(await survivor.nextStoreScanInstant == Self.moscow("13:01"), "the next scan, two minutes on")
        clock.advance(to: Self.moscow("13:01"))
        _ = try await survivor.processDueWork()
        // The scan at 13:01 looked two minutes ahead; the warning at 15:59 is further off, so the desk
        // sleeps until the next scan, which sees it before it is due.
        var instant = Self.moscow("13:01")
        while instant < Self.moscow("15:59") {
            let due = await survivor.nextDueInstant ?? .distantFuture
            let scan = await survivor.nextStoreScanInstant ?? .distantFuture
            #expect(min(due, scan) <= Self.moscow("15:59"), "never sleeps past the warning")
            instant = min(due, scan)
            clock.advance(to: instant)
            _ = try await survivor.processDueWork()
        }
        let stored = try await store.tickets(matching: TicketQuery(limit: 10)).tickets
        #expect(stored.count == 1)
        #expect(stored.first?.ticket.sla.firings.map(\.firedAt) == [Self.moscow("15:59")], "fired on time")
    }

    @Test(
        "a delivery a stopped desk owed is sent by the other desk, once, on a clock that moves on every read",
        arguments: [0.001, 0.5, 7.0]
    )
    func deliveryOfAStoppedDesk(step: TimeInterval) async throws {
        let store = InMemoryTicketStore()
        let clock = MovingClock(start: Self.moscow("10:00"), step: step)
        let channel = RecordingChannel(kind: .email)
        let survivor = try Self.desk(store: store, clock: clock, channel: channel)
        _ = try await survivor.processDueWork()
        // The stopped desk's channel fails, so its agent's reply waits in the outbox for a retry.
        let stopped = try Self.desk(store: store, clock: clock, channel: RecordingChannel(kind: .email, failures: .max))
        let ticket = try await stopped.receive(Self.message("m-3", from: "clara", at: clock.now)).ticket
        _ = try await stopped.reply(to: ticket.id, body: "Try the link in the footer", by: .agent("olga"))
        _ = try await stopped.processDueWork()
        #expect(await store.pendingOutbound(dueBy: .distantFuture, limit: 10).count == 1)
        #expect(channel.sends.isEmpty)
        clock.advance(by: 3600)
        _ = try await survivor.processDueWork()
        #expect(channel.deliveredMessages.count == 1, "the reply, once (clock step \(step) s)")
        _ = try await survivor.processDueWork()
        #expect(channel.sends.count == 1)
        #expect(channel.keysSentMoreThanOnce.isEmpty)
    }

    /// A desk on a ``ScanRecordingStore`` at 10:00 Moscow time, its timers loaded, holding a ticket from
    /// anna whose SLA warning falls due at 13:00.
    private static func scanningDesk() async throws -> (
        desk: SupportDesk, store: ScanRecordingStore, clock: ManualClock, ticket: Ticket
    ) {
        let store = ScanRecordingStore(base: InMemoryTicketStore())
        let clock = ManualClock(now: Self.moscow("10:00"))
        let desk = try Self.desk(store: store, clock: clock)
        _ = try await desk.processDueWork()
        let ticket = try await desk.receive(Self.message("m-1", from: "anna", at: clock.now)).ticket
        return (desk, store, clock, ticket)
    }

    @Test("a pass fires the desk's own due timers before it scans: the scan lists only the work still ahead")
    func scanAfterOwnTimers() async throws {
        let (desk, store, clock, first) = try await Self.scanningDesk()
        clock.advance(by: 20)
        let second = try await desk.receive(Self.message("m-2", from: "boris", at: clock.now)).ticket
        await store.startRecording()
        // 13:00:10: the first warning (13:00:00) is due, the second (13:00:20) is within the 30-second scan.
        clock.advance(to: Self.moscow("13:00").addingTimeInterval(10))
        #expect(try await desk.processDueWork() == 1)
        #expect(await store.listings == [[second.id]], "the fired ticket's next step (14:00) lies past the scan")
        // The deliveries other desks left are read before this pass queues its own, the timers after it
        // fired; then the pass's delivery reads the outbox to send.
        let calls = await store.calls
        #expect(calls == ["deliveries", "commit", "timers", "deliveries"], "\(calls)")
        let fired = try #require(await store.base.ticket(first.id)).ticket.sla.firings
        #expect(fired.map(\.firedAt) == [clock.now])
        clock.advance(by: 10)
        #expect(try await desk.processDueWork() == 1, "the second warning, from the timers the desk holds")
    }

    @Test(
        "a scan that fails after the due timers fired: they stay fired, the pass reports the failure, the scan is retried"
    )
    func failedScanAfterOwnTimers() async throws {
        let (desk, store, clock, ticket) = try await Self.scanningDesk()
        await store.failNextScan()
        clock.advance(to: Self.moscow("13:00").addingTimeInterval(10))
        await #expect(throws: StoreError.self) { try await desk.processDueWork() }
        let stored = try #require(await store.base.ticket(ticket.id)).ticket
        #expect(stored.sla.firings.map(\.step) == [.warning], "the warning fired before the scan failed")
        let retry = try #require(await desk.nextStoreScanInstant)
        // After the retry delay (60 s by default), not the scan interval (30 s).
        #expect(retry == clock.now.addingTimeInterval(60), "the scan is retried after the retry delay: \(retry)")
        await store.startRecording()
        clock.advance(to: retry)
        #expect(try await desk.processDueWork() == 0, "nothing fires twice")
        #expect(await store.listings == [[]], "the retried scan ran and found nothing still due")
    }

    @Test("a pass that overlaps a scanning pass while it fires does not scan the store too")
    func overlappingPassesScanOnce() async throws {
        let (desk, store, clock, ticket) = try await Self.scanningDesk()
        await store.startRecording()
        await store.commits.close()
        clock.advance(to: Self.moscow("13:00").addingTimeInterval(10))
        let scanning = Task { try await desk.processDueWork() }
        try await eventually("the first pass's commit reaches the store") { await store.commits.parked == 1 }
        // The first pass has read the deliveries and holds the warning's commit; its timer scan is ahead.
        // The overlapping pass must end on its own: had it scanned, it would find the warning still due in
        // the store and wait for the first pass's lock on the ticket, behind the held commit.
        let ended = PassEnded()
        let overlapping = Task {
            let fired = try await desk.processDueWork()
            await ended.note()
            return fired
        }
        var spins = 0
        while await !ended.hasEnded, spins < 100_000 {
            spins += 1
            await Task.yield()
        }
        let endedWhileHeld = await ended.hasEnded
        #expect(await store.listings.isEmpty, "only the first pass reads the timers, after it fired")
        await store.commits.open()
        #expect(endedWhileHeld, "the overlapping pass ended while the first pass held its commit")
        #expect(try await overlapping.value == 0, "the overlapping pass finds nothing due and no scan due")
        #expect(try await scanning.value == 1)
        #expect(await store.listings == [[]], "one timer scan in all")
        let stored = try #require(await store.base.ticket(ticket.id)).ticket
        #expect(stored.sla.firings.map(\.step) == [.warning])
    }

    @Test("the scan interval is validated and read from the document")
    func configured() throws {
        #expect(throws: DeskConfigurationError.self) {
            try DeskConfiguration(storeScanInterval: 0).validate()
        }
        let document = #"{ "delivery": { "storeScanInterval": 5 } }"#
        let configuration = try DeskConfiguration.decode(json: Data(document.utf8))
        #expect(configuration.storeScanInterval == 5)
    }
}

/// A store that records the ids each timer scan lists once asked to, and can fail the next scan.
private actor ScanRecordingStore: ForwardingTicketStore {
    let base: InMemoryTicketStore
    private var recording = false
    private var failsNext = false
    /// The ids each ``ticketTimers(dueBefore:after:limit:)`` answer listed since recording began.
    private(set) var listings: [[TicketID]] = []
    /// The scans' reads and the commits, in order, since recording began.
    private(set) var calls: [String] = []
    /// Where commits wait while a test holds them.
    let commits = TestGate()

    init(base: InMemoryTicketStore) { self.base = base }

    /// Forgets the listings so far and records the next ones.
    func startRecording() {
        recording = true
        listings = []
        calls = []
    }

    /// Makes the next timer scan fail, as a store that cannot be reached.
    func failNextScan() { failsNext = true }

    func ticketTimers(dueBefore horizon: Date, after cursor: TicketID?, limit: Int) async throws -> [TicketTimer] {
        if failsNext {
            failsNext = false
            throw StoreError(.unavailable, "the scan failed")
        }
        let page = try await base.ticketTimers(dueBefore: horizon, after: cursor, limit: limit)
        if recording {
            listings.append(page.map(\.ticketID))
            calls.append("timers")
        }
        return page
    }

    func pendingOutbound(dueBy instant: Date, limit: Int) async throws -> [OutboundMessage] {
        if recording { calls.append("deliveries") }
        return await base.pendingOutbound(dueBy: instant, limit: limit)
    }

    func commit(_ commit: TicketCommit) async throws {
        if recording { calls.append("commit") }
        await commits.pass()
        try await base.commit(commit)
    }
}

/// Whether a pass a test started has ended.
private actor PassEnded {
    /// Whether ``note()`` was called.
    private(set) var hasEnded = false

    /// Notes that the pass ended.
    func note() { hasEnded = true }
}
