import Foundation

/// What the desk's own writes take turns on: a ticket, a member's journey, or a member's refund
/// decisions.
enum DeskLockKey: Hashable, Sendable {
    case ticket(TicketID)
    case member(MemberID)
    case refunds(MemberID)
}

/// A table of locks by key for code running on one actor: a writer holds a key while it reads,
/// decides and commits, and the next writer of the same key waits its turn (first come, first served).
///
/// It is a plain value owned by the actor, so taking and releasing a key needs no other lock; only the
/// waiting suspends.
struct KeyedLock<Key: Hashable & Sendable> {
    /// The held keys, each with the writers waiting for it.
    private var holders: [Key: [CheckedContinuation<Void, Never>]] = [:]

    /// Takes `key` if it is free.
    ///
    /// - Returns: `true` when the caller now holds the key; `false` when it must ``wait(for:_:)``.
    mutating func take(_ key: Key) -> Bool {
        Self.claim(&holders[key])  // one hash lookup for the check and the claim
    }

    /// Claims an unheld key's place; `false` when it is held.
    private static func claim(_ waiters: inout [CheckedContinuation<Void, Never>]?) -> Bool {
        guard waiters == nil else { return false }
        waiters = []
        return true
    }

    /// Queues a writer for a held key; it is resumed holding the key when its turn comes.
    mutating func wait(for key: Key, _ continuation: CheckedContinuation<Void, Never>) {
        holders[key, default: []].append(continuation)
    }

    /// Releases `key`, handing it to the next waiting writer if there is one.
    mutating func release(_ key: Key) {
        // One hash lookup when nobody waits, the usual case.
        guard var waiters = holders.removeValue(forKey: key), !waiters.isEmpty else { return }
        let next = waiters.removeFirst()
        holders[key] = waiters
        next.resume()
    }

    /// How many keys are held now.
    var heldCount: Int { holders.count }
}

extension SupportDesk {
    /// Runs `body` while holding the desk's lock on one ticket, so that the desk's own concurrent writes
    /// to a ticket (two messages on one conversation, a timer and a reply) take turns instead of
    /// conflicting; conflicts then come only from other processes sharing the store.
    func withTicketLock<Result: Sendable>(
        _ id: TicketID,
        _ body: () async throws -> Result
    ) async throws -> Result {
        try await withLock(.ticket(id), body)
    }

    /// Runs `body` while holding the desk's lock on one member's journey, so that the desk's own
    /// concurrent changes to it take turns.
    func withMemberLock<Result: Sendable>(
        _ member: MemberID,
        _ body: () async throws -> Result
    ) async throws -> Result {
        try await withLock(.member(member), body)
    }

    /// Runs `body` while holding the desk's lock on one member's refund decisions, so that two requests
    /// are decided one after the other. It is not the journey's lock: deciding a refund may post on a
    /// ticket and touch the journey, which take their own locks.
    func withRefundLock<Result: Sendable>(
        _ member: MemberID,
        _ body: () async throws -> Result
    ) async throws -> Result {
        try await withLock(.refunds(member), body)
    }

    private func withLock<Result: Sendable>(
        _ key: DeskLockKey,
        _ body: () async throws -> Result
    ) async throws -> Result {
        if !locks.take(key) {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                locks.wait(for: key, continuation)
            }
        }
        defer { locks.release(key) }
        return try await body()
    }
}
