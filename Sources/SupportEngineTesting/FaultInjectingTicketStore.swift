import Foundation
import SupportEngine

/// A ticket store that wraps any other and makes chosen operations fail, for testing what the desk
/// does when its store fails.
///
/// A fault strikes either *before* the operation reaches the wrapped store (nothing is written) or
/// *after* it (the write stands, but the caller is told it failed: "written but reported failed", as
/// when a connection drops before the database's answer arrives). A read failing after it ran just
/// loses its answer. Every fault throws a `StoreError` with `StoreError.Code.unavailable`.
///
/// Faults come from a script — ``failNext(_:_:count:)`` — or from a seeded schedule: each call of an
/// operation in `operations` fails with probability `rate`, at a timing drawn from `timings`. The
/// schedule is a pure function of the ``seed`` and the order of the calls; the seed is printed when
/// the store is created and is in ``description``, so a failing run can be replayed.
///
/// ```swift
/// let store = FaultInjectingTicketStore(wrapping: InMemoryTicketStore())
/// store.failNext(.updateOutbound, .afterWrite)   // the next update is stored but reported failed
/// ```
public final class FaultInjectingTicketStore: TicketStore, CustomStringConvertible {
    /// The operations of `TicketStore` that can fail.
    public enum Operation: String, Sendable, Hashable, CaseIterable {
        /// `TicketStore.commit(_:)`.
        case commit
        /// `TicketStore.ticket(_:)`, and each id of a `TicketStore.tickets(_:)` batch read (which reads them
        /// through `ticket(_:)`).
        case ticket
        /// `TicketStore.events(of:)`.
        case events
        /// `TicketStore.ticketID(forExternalMessage:)`.
        case ticketIDForExternalMessage
        /// `TicketStore.ticketID(forThread:)`.
        case ticketIDForThread
        /// `TicketStore.tickets(matching:)`.
        case tickets
        /// `TicketStore.nextTicketNumber()`.
        case nextTicketNumber
        /// `TicketStore.ticketID(forNumber:)`.
        case ticketIDForNumber
        /// `TicketStore.pendingOutbound(dueBy:limit:)`.
        case pendingOutbound
        /// `TicketStore.claimOutbound(_:at:until:)`.
        case claimOutbound
        /// `TicketStore.updateOutbound(_:)`.
        case updateOutbound
        /// `TicketStore.outbound(_:)`.
        case outbound
        /// `TicketStore.outbound(ofTicket:)`.
        case outboundOfTicket
        /// `TicketStore.deadLetteredOutbound(after:limit:)`.
        case deadLetteredOutbound
        /// `TicketStore.outbound(matching:)`.
        case outboundMatching
        /// `TicketStore.deskEvents(after:limit:)`.
        case deskEvents
        /// `TicketStore.eraseMember(_:redaction:)`.
        case eraseMember

        /// The operations that change what is stored.
        public static let writes: Set<Operation> = [
            .commit, .nextTicketNumber, .claimOutbound, .updateOutbound, .eraseMember,
        ]
    }

    /// When a fault strikes.
    public enum Timing: String, Sendable, Hashable, CaseIterable {
        /// Before the wrapped store is called: nothing is written.
        case beforeWrite
        /// After the wrapped store succeeded: the write stands, but the caller gets an error.
        case afterWrite
    }

    /// One fault that struck.
    public struct Fault: Sendable, Hashable {
        /// The operation that failed.
        public var operation: Operation
        /// Whether it failed before or after reaching the wrapped store.
        public var timing: Timing
        /// Which call of that operation it was, from 1.
        public var call: Int
    }

    private struct State {
        var random: UInt64
        var isFaulting = true
        var scripted: [Operation: [Timing]] = [:]
        var calls: [Operation: Int] = [:]
        var faults: [Fault] = []

        /// SplitMix64: small, fast and the same on every platform.
        mutating func nextUnit() -> Double {
            random &+= 0x9E37_79B9_7F4A_7C15
            var z = random
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53)
        }
    }

    /// The wrapped store.
    public let base: any TicketStore
    /// The seed of the random schedule.
    public let seed: UInt64
    /// The chance that a call of one of ``operations`` fails, from 0 to 1.
    public let rate: Double
    /// The operations the random schedule may fail.
    public let operations: Set<Operation>
    /// The timings the random schedule draws from.
    public let timings: [Timing]
    private let state: LockedBox<State>

    /// Wraps `base`, failing calls on a seeded random schedule (and whatever is scripted).
    ///
    /// With a `rate` above zero the seed is printed, so a failing run can be replayed.
    ///
    /// - Parameters:
    ///   - base: The store that does the work.
    ///   - seed: The seed of the schedule; a random one by default.
    ///   - rate: The chance that a call of one of `operations` fails; 0 (only scripted faults) by default.
    ///   - operations: The operations that may fail; all by default.
    ///   - timings: When faults strike; before or after the write by default.
    public init(
        wrapping base: any TicketStore,
        seed: UInt64 = UInt64.random(in: 0...UInt64.max),
        rate: Double = 0,
        operations: Set<Operation> = Set(Operation.allCases),
        timings: Set<Timing> = Set(Timing.allCases)
    ) {
        self.base = base
        self.seed = seed
        self.rate = rate.isFinite ? min(1, max(0, rate)) : 0
        self.operations = operations
        self.timings = Timing.allCases.filter { timings.contains($0) }
        self.state = LockedBox(State(random: seed))
        if self.rate > 0 { print("FaultInjectingTicketStore seed: \(seed) (rate \(self.rate))") }
    }

    /// The seed, rate and faults so far, for a failure message.
    public var description: String {
        "FaultInjectingTicketStore(seed: \(seed), rate: \(rate), faults: \(faults.count))"
    }

    /// Makes the next `count` calls of `operation` fail at `timing`, before any random fault.
    ///
    /// - Parameters:
    ///   - operation: The operation to fail.
    ///   - timing: Before or after the wrapped store is called.
    ///   - count: How many calls; 1 by default.
    public func failNext(_ operation: Operation, _ timing: Timing, count: Int = 1) {
        state.withLock { $0.scripted[operation, default: []] += Array(repeating: timing, count: max(0, count)) }
    }

    /// Stops or resumes the random schedule; scripted faults are dropped when stopping.
    ///
    /// - Parameter on: Whether faults strike from now on.
    public func setFaulting(_ on: Bool) {
        state.withLock { state in
            state.isFaulting = on
            if !on { state.scripted = [:] }
        }
    }

    /// Every fault that struck, in order.
    public var faults: [Fault] { state.withLock { $0.faults } }

    /// How many times `operation` was called, failed or not.
    ///
    /// - Parameter operation: The operation.
    /// - Returns: The number of calls.
    public func calls(of operation: Operation) -> Int { state.withLock { $0.calls[operation, default: 0] } }

    private func decide(_ operation: Operation) -> Timing? {
        state.withLock { state -> Timing? in
            state.calls[operation, default: 0] += 1
            let call = state.calls[operation, default: 0]
            var timing: Timing?
            if var script = state.scripted[operation], !script.isEmpty {
                timing = script.removeFirst()
                state.scripted[operation] = script
            } else if state.isFaulting, rate > 0, operations.contains(operation), !timings.isEmpty {
                if state.nextUnit() < rate {
                    let index = min(timings.count - 1, Int(state.nextUnit() * Double(timings.count)))
                    timing = timings[index]
                }
            }
            if let timing { state.faults.append(Fault(operation: operation, timing: timing, call: call)) }
            return timing
        }
    }

    private func failure(_ operation: Operation, _ timing: Timing) -> StoreError {
        StoreError(.unavailable, "injected fault: \(operation.rawValue) \(timing.rawValue) (seed \(seed))")
    }

    private func run<Value: Sendable>(
        _ operation: Operation,
        _ body: () async throws -> Value
    ) async throws -> Value {
        let timing = decide(operation)
        if timing == .beforeWrite { throw failure(operation, .beforeWrite) }
        let value = try await body()
        if timing == .afterWrite { throw failure(operation, .afterWrite) }
        return value
    }

    /// Commits through the wrapped store, unless a fault strikes.
    ///
    /// - Parameter commit: What to write.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func commit(_ commit: TicketCommit) async throws {
        try await run(.commit) { try await base.commit(commit) }
    }

    /// Reads a ticket from the wrapped store, unless a fault strikes.
    ///
    /// - Parameter id: The ticket's id.
    /// - Returns: The ticket, or `nil`.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func ticket(_ id: TicketID) async throws -> StoredTicket? {
        try await run(.ticket) { try await base.ticket(id) }
    }

    /// Reads a ticket's events from the wrapped store, unless a fault strikes.
    ///
    /// - Parameter id: The ticket's id.
    /// - Returns: The events.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func events(of id: TicketID) async throws -> [TicketEvent] {
        try await run(.events) { try await base.events(of: id) }
    }

    /// Finds an inbound message's ticket in the wrapped store, unless a fault strikes.
    ///
    /// - Parameter key: The message's channel and external id.
    /// - Returns: The ticket's id, or `nil`.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func ticketID(forExternalMessage key: ExternalMessageKey) async throws -> TicketID? {
        try await run(.ticketIDForExternalMessage) { try await base.ticketID(forExternalMessage: key) }
    }

    /// Finds a thread's ticket in the wrapped store, unless a fault strikes.
    ///
    /// - Parameter key: The thread key.
    /// - Returns: The ticket's id, or `nil`.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func ticketID(forThread key: ThreadKey) async throws -> TicketID? {
        try await run(.ticketIDForThread) { try await base.ticketID(forThread: key) }
    }

    /// Hands out the wrapped store's next ticket number, unless a fault strikes. A fault after the write
    /// leaves the number handed out but unreturned: a gap.
    ///
    /// - Returns: The number.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func nextTicketNumber() async throws -> TicketNumber {
        try await run(.nextTicketNumber) { try await base.nextTicketNumber() }
    }

    /// Finds the ticket with a number in the wrapped store, unless a fault strikes.
    ///
    /// - Parameter number: The ticket's number.
    /// - Returns: The ticket's id, or `nil`.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func ticketID(forNumber number: TicketNumber) async throws -> TicketID? {
        try await run(.ticketIDForNumber) { try await base.ticketID(forNumber: number) }
    }

    /// Lists tickets from the wrapped store, unless a fault strikes.
    ///
    /// - Parameter query: The conditions and the page.
    /// - Returns: One page.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func tickets(matching query: TicketQuery) async throws -> TicketPage {
        try await run(.tickets) { try await base.tickets(matching: query) }
    }

    /// Lists due outbound messages from the wrapped store, unless a fault strikes.
    ///
    /// - Parameters:
    ///   - instant: The cut-off.
    ///   - limit: The most to return.
    /// - Returns: The due messages.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func pendingOutbound(dueBy instant: Date, limit: Int) async throws -> [OutboundMessage] {
        try await run(.pendingOutbound) { try await base.pendingOutbound(dueBy: instant, limit: limit) }
    }

    /// Claims an outbound message in the wrapped store, unless a fault strikes.
    ///
    /// - Parameters:
    ///   - id: The message's id.
    ///   - instant: Now.
    ///   - until: When the claim ends by itself.
    /// - Returns: The claimed message, or `nil`.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    /// The wrapped store's answer: a commit's claims are kept when the wrapped store keeps them.
    public var storesClaimsOnCommit: Bool { base.storesClaimsOnCommit }

    public func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) async throws -> OutboundMessage? {
        try await run(.claimOutbound) { try await base.claimOutbound(id, at: instant, until: until) }
    }

    /// Updates an outbound message in the wrapped store, unless a fault strikes.
    ///
    /// The message's claim goes to the wrapped store unchanged, so its claim check holds: an update
    /// under a claim taken over since throws the wrapped store's `StoreError.Code.claimLost`. A fault
    /// after the write leaves the update standing and its claim ended.
    ///
    /// - Parameter message: The message's new state, with the claim it was sent under.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func updateOutbound(_ message: OutboundMessage) async throws {
        try await run(.updateOutbound) { try await base.updateOutbound(message) }
    }

    /// Reads an outbound message from the wrapped store, unless a fault strikes.
    ///
    /// - Parameter id: The message's id.
    /// - Returns: The message, or `nil`.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func outbound(_ id: OutboundID) async throws -> OutboundMessage? {
        try await run(.outbound) { try await base.outbound(id) }
    }

    /// Reads a ticket's outbound messages from the wrapped store, unless a fault strikes.
    ///
    /// - Parameter ticket: The ticket's id.
    /// - Returns: The messages.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func outbound(ofTicket ticket: TicketID) async throws -> [OutboundMessage] {
        try await run(.outboundOfTicket) { try await base.outbound(ofTicket: ticket) }
    }

    /// Lists dead letters from the wrapped store, unless a fault strikes.
    ///
    /// - Parameters:
    ///   - after: The last id of the previous page.
    ///   - limit: The most to return.
    /// - Returns: The dead letters.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func deadLetteredOutbound(after: OutboundID?, limit: Int) async throws -> [OutboundMessage] {
        try await run(.deadLetteredOutbound) { try await base.deadLetteredOutbound(after: after, limit: limit) }
    }

    /// Lists outbound messages, unless a fault strikes.
    ///
    /// - Parameter query: The states and the page.
    /// - Returns: One page.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func outbound(matching query: OutboxQuery) async throws -> OutboxPage {
        try await run(.outboundMatching) { try await base.outbound(matching: query) }
    }

    /// Reads the event feed, unless a fault strikes.
    ///
    /// - Parameters:
    ///   - position: The last position read.
    ///   - limit: The page size.
    /// - Returns: The entries after `position`.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func deskEvents(after position: Int, limit: Int) async throws -> [DeskFeedEntry] {
        try await run(.deskEvents) { try await base.deskEvents(after: position, limit: limit) }
    }

    /// Erases a member's data in the wrapped store, unless a fault strikes. A fault after the write leaves
    /// the data erased but reported failed.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: What the wrapped store redacted.
    /// - Throws: `StoreError` from the wrapped store or the fault.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        try await run(.eraseMember) { try await base.eraseMember(member, redaction: redaction) }
    }
}
