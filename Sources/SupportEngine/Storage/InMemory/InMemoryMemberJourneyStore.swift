import Foundation

/// The reference ``MemberJourneyStore``, in memory.
public actor InMemoryMemberJourneyStore: MemberJourneyStore {
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

    /// Redacts the exit comments of a member's journey and unschedules it; see
    /// ``MemberJourneyStore/eraseMember(_:redaction:)``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: How many comments were redacted.
    public func eraseMember(_ member: MemberID, redaction: String) async -> ErasureCounts {
        guard let stored = journeys[member] else { return ErasureCounts() }
        let redacted = stored.record.redacted(with: redaction)
        journeys[member] = StoredJourney(record: redacted.record, dueAt: nil)
        return ErasureCounts(journeyComments: redacted.comments)
    }

    private static func exitReasons(of record: JourneyRecord?) -> [ExitReason] {
        record?.currentDeparture?.answer?.reasons ?? []
    }

    private static func checkLimit(_ limit: Int) throws {
        guard (1...1_000).contains(limit) else {
            throw StoreError(.invalidQuery, "limit must be from 1 to 1000, not \(limit)")
        }
    }
}
