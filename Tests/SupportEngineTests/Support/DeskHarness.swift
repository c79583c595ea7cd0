import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A desk on an in-memory store, a manual clock and sequential ids, with helpers to feed it and read it back.
///
/// With `yielding: true` the desk reaches the store through a ``YieldingStore``, so that concurrent
/// operations interleave as they would on a store doing I/O; the harness still reads the store directly.
struct DeskHarness: Sendable {
    static let agent = SupportActor.agent("agent-anna")

    let store: InMemoryTicketStore
    let clock: ManualClock
    let ids: SequentialIDGenerator
    let desk: SupportDesk

    init(
        configuration: DeskConfiguration = DeskConfiguration(),
        channels: [any Channel] = [],
        store: InMemoryTicketStore = InMemoryTicketStore(),
        clock: ManualClock = ManualClock(),
        ids: SequentialIDGenerator = SequentialIDGenerator(),
        yielding: Bool = false,
        attachments: (any AttachmentStore)? = nil
    ) {
        self.store = store
        self.clock = clock
        self.ids = ids
        // The harness builds valid configurations; a test of an invalid one starts its own desk.
        self.desk = try! SupportDesk(
            store: yielding ? YieldingStore(base: store) : store,
            clock: clock,
            channels: channels,
            configuration: configuration,
            ids: ids,
            attachments: attachments
        )
    }

    /// A well-formed inbound message received now.
    func message(
        _ externalID: String,
        from sender: MemberID = "alice",
        body: String = "I cannot log in to the club",
        channel: ChannelKind = .email,
        thread: String? = nil,
        subject: String? = nil,
        reason: ContactReason? = nil
    ) -> InboundMessage {
        InboundMessage(
            channel: channel,
            externalID: externalID,
            sender: sender,
            threadReference: thread,
            subject: subject,
            body: body,
            receivedAt: clock.now,
            reason: reason
        )
    }

    /// Receives a well-formed message; see ``message(_:from:body:channel:thread:subject:reason:)``.
    @discardableResult
    func receive(
        _ externalID: String,
        from sender: MemberID = "alice",
        body: String = "I cannot log in to the club",
        channel: ChannelKind = .email,
        thread: String? = nil,
        subject: String? = nil
    ) async throws -> ReceiveOutcome {
        try await desk.receive(
            message(externalID, from: sender, body: body, channel: channel, thread: thread, subject: subject)
        )
    }

    /// Every stored ticket, over all pages.
    func allTickets() async throws -> [StoredTicket] {
        var result: [StoredTicket] = []
        var cursor: TicketID?
        repeat {
            let page = try await desk.tickets(matching: TicketQuery(after: cursor, limit: TicketQuery.maximumLimit))
            result += page.tickets
            cursor = page.nextCursor
        } while cursor != nil
        return result
    }

    /// The events of every stored ticket: compare two of these to prove nothing changed.
    func everything() async throws -> StoreContents {
        var events: [TicketID: [TicketEvent]] = [:]
        for stored in try await allTickets() { events[stored.ticket.id] = await store.events(of: stored.ticket.id) }
        return StoreContents(ticketCount: await store.ticketCount, events: events)
    }

    /// The stored snapshot of a ticket that must exist.
    func ticket(_ id: TicketID, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Ticket {
        try #require(await store.ticket(id), "ticket \(id) is not stored", sourceLocation: sourceLocation).ticket
    }

    /// The outbound messages stored under the ids the generator has issued so far (`O-000001` on).
    func storedOutbound() async -> [OutboundMessage] {
        var result: [OutboundMessage] = []
        var number = 1
        while let message = await store.outbound(OutboundID(String(format: "O-%06d", number))) {
            result.append(message)
            number += 1
        }
        return result
    }
}

/// What a store holds, for before/after comparisons.
struct StoreContents: Equatable, Sendable {
    var ticketCount: Int
    var events: [TicketID: [TicketEvent]]
}

/// Expects `body` to throw a ``DeskError`` with `code`, and returns it.
@discardableResult
func expectDeskError(
    _ code: DeskError.Code,
    _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> DeskError? {
    let error = await #expect(throws: DeskError.self, comment, sourceLocation: sourceLocation) { try await body() }
    #expect(error?.code == code, comment, sourceLocation: sourceLocation)
    return error
}

/// Expects `body` to throw a ``LifecycleError`` with `code`, and returns it.
@discardableResult
func expectLifecycleError(
    _ code: LifecycleError.Code,
    _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> LifecycleError? {
    let error = await #expect(throws: LifecycleError.self, comment, sourceLocation: sourceLocation) {
        try await body()
    }
    #expect(error?.code == code, comment, sourceLocation: sourceLocation)
    return error
}

/// A small seeded generator (SplitMix64) so that random tests repeat exactly from their seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A seeded source of how many times a store call gives up its thread, shared by concurrent calls, so
/// that concurrent desk operations interleave differently from seed to seed.
final class SeededYields: @unchecked Sendable {
    private let lock = NSLock()
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Gives up the thread 0 to 3 times, as the seed says.
    func pause() async {
        let count = lock.withLock { Int(random.next() % 4) }
        for _ in 0..<count { await Task.yield() }
    }
}
