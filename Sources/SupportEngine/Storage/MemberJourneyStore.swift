import Foundation

/// A member's journey as the store holds it: the record and when the desk must next look at it.
public struct StoredJourney: Sendable, Hashable {
    /// The record. Its ``JourneyRecord/version`` is the version a writer must expect.
    public var record: JourneyRecord
    /// When a journey step next falls due, if ever.
    public var dueAt: Date?

    /// Creates a stored journey.
    ///
    /// - Parameters:
    ///   - record: The record.
    ///   - dueAt: When a step next falls due.
    public init(record: JourneyRecord, dueAt: Date?) {
        self.record = record
        self.dueAt = dueAt
    }
}

/// Where members' journeys and the owner's fix announcements live.
///
/// Part of the member-ledger family next to ``MemberLedgerStore``: a record is saved only over the
/// version it was read at (two writers at once: the second gets ``StoreError/Code/versionConflict``),
/// and a fix id is recorded once. `SupportEngineTesting`'s `JourneyStoreConformance` checks an
/// adapter against this contract.
public protocol MemberJourneyStore: Sendable {
    /// Reads a member's journey.
    ///
    /// - Parameter member: The member.
    /// - Returns: The journey, or `nil` when the desk never saw the member's facts.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func journey(of member: MemberID) async throws -> StoredJourney?

    /// Saves a member's journey over the version it was read at.
    ///
    /// - Parameters:
    ///   - record: The new record.
    ///   - expectedVersion: The version read (`0` when there was none).
    ///   - dueAt: When a step next falls due, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when the stored version
    ///   differs; nothing is saved then.
    func saveJourney(_ record: JourneyRecord, expectedVersion: Int, dueAt: Date?) async throws

    /// Lists journeys with a step due before an instant, ordered by member id.
    ///
    /// - Parameters:
    ///   - instant: The cut-off (exclusive); `Date.distantFuture` for every scheduled journey.
    ///   - after: The last member of the previous page, or `nil` for the first page.
    ///   - limit: The most to return, 1 to 1,000.
    /// - Returns: One page.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    func journeys(dueBefore instant: Date, after: MemberID?, limit: Int) async throws -> [StoredJourney]

    /// Lists the journeys of members whose current departure's exit answer names a reason, ordered by
    /// member id: the candidates for a win-back.
    ///
    /// - Parameters:
    ///   - reason: The exit reason.
    ///   - after: The last member of the previous page, or `nil` for the first page.
    ///   - limit: The most to return, 1 to 1,000.
    /// - Returns: One page.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    func journeys(leftFor reason: ExitReason, after: MemberID?, limit: Int) async throws -> [StoredJourney]

    /// Records a fix announcement once.
    ///
    /// - Parameter fix: The announcement.
    /// - Returns: `true` when it was recorded now; `false` when a fix with the same id was recorded
    ///   before (nothing changes then).
    /// - Throws: ``StoreError`` when the store cannot be written.
    func recordFix(_ fix: FixAnnouncement) async throws -> Bool

    /// Reads a fix announcement.
    ///
    /// - Parameter id: The fix's id.
    /// - Returns: The announcement, or `nil`.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func fix(_ id: FixID) async throws -> FixAnnouncement?
}

/// The reference ``MemberJourneyStore``, in memory.
public actor InMemoryJourneyStore: MemberJourneyStore {
    private var journeys: [MemberID: StoredJourney] = [:]
    private var byExitReason: [ExitReason: Set<MemberID>] = [:]
    private var fixes: [FixID: FixAnnouncement] = [:]

    /// Creates an empty store.
    public init() {}

    /// Reads a member's journey.
    ///
    /// - Parameter member: The member.
    /// - Returns: The journey, or `nil`.
    public func journey(of member: MemberID) -> StoredJourney? { journeys[member] }

    /// Saves a journey over the version it was read at.
    ///
    /// - Parameters:
    ///   - record: The new record.
    ///   - expectedVersion: The version read.
    ///   - dueAt: When a step next falls due.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` on a stale version.
    public func saveJourney(_ record: JourneyRecord, expectedVersion: Int, dueAt: Date?) throws {
        let old = journeys[record.member]
        let stored = old?.record.version ?? 0
        guard stored == expectedVersion else {
            throw StoreError(
                .versionConflict,
                "the journey of \(record.member) is at version \(stored), not \(expectedVersion): reload it"
            )
        }
        for reason in Self.exitReasons(of: old?.record) { byExitReason[reason]?.remove(record.member) }
        for reason in Self.exitReasons(of: record) { byExitReason[reason, default: []].insert(record.member) }
        journeys[record.member] = StoredJourney(record: record, dueAt: dueAt)
    }

    /// Lists journeys due before an instant, ordered by member id.
    ///
    /// - Parameters:
    ///   - instant: The cut-off, exclusive.
    ///   - after: The last member of the previous page, or `nil`.
    ///   - limit: The most to return, 1 to 1,000.
    /// - Returns: One page.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    public func journeys(dueBefore instant: Date, after: MemberID?, limit: Int) throws -> [StoredJourney] {
        try Self.checkLimit(limit)
        let due = journeys.values.filter { stored in
            guard let dueAt = stored.dueAt, dueAt < instant else { return false }
            return after.map { stored.record.member > $0 } ?? true
        }
        return Array(due.sorted { $0.record.member < $1.record.member }.prefix(limit))
    }

    /// Lists the journeys whose current exit answer names a reason, ordered by member id.
    ///
    /// - Parameters:
    ///   - reason: The exit reason.
    ///   - after: The last member of the previous page, or `nil`.
    ///   - limit: The most to return, 1 to 1,000.
    /// - Returns: One page.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    public func journeys(leftFor reason: ExitReason, after: MemberID?, limit: Int) throws -> [StoredJourney] {
        try Self.checkLimit(limit)
        let members = (byExitReason[reason] ?? []).filter { member in after.map { member > $0 } ?? true }
        return members.sorted().prefix(limit).compactMap { journeys[$0] }
    }

    /// Records a fix once.
    ///
    /// - Parameter fix: The announcement.
    /// - Returns: Whether it was new.
    public func recordFix(_ fix: FixAnnouncement) -> Bool {
        guard fixes[fix.id] == nil else { return false }
        fixes[fix.id] = fix
        return true
    }

    /// Reads a fix announcement.
    ///
    /// - Parameter id: The fix's id.
    /// - Returns: The announcement, or `nil`.
    public func fix(_ id: FixID) -> FixAnnouncement? { fixes[id] }

    private static func exitReasons(of record: JourneyRecord?) -> [ExitReason] {
        record?.currentDeparture?.answer?.reasons ?? []
    }

    private static func checkLimit(_ limit: Int) throws {
        guard (1...1_000).contains(limit) else {
            throw StoreError(.invalidQuery, "limit must be from 1 to 1000, not \(limit)")
        }
    }
}
