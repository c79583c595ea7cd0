import Foundation

/// Where members' journeys and the owner's fix announcements live.
///
/// Shaped like ``PolicyLedgerStore``: a record is saved only over the version it was read at (two
/// writers at once: the second gets ``StoreError/Code/versionConflict``), and a fix id is recorded
/// once. `SupportEngineTesting`'s `MemberJourneyStoreConformance` checks an adapter against this
/// contract.
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

    /// Erases a member's personal data from their journey: the comment of every exit answer is
    /// replaced by `redaction` (`JourneyRecord.redacted(with:)`); facts, reasons and steps are kept.
    /// The journey's due instant is cleared, so no journey step is ever taken for the member again.
    /// Erasing again changes nothing.
    ///
    /// An adapter that does not implement it inherits a default that throws
    /// ``StoreError/Code/unsupported``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The text that replaces what was erased.
    /// - Returns: How many comments were redacted.
    /// - Throws: ``StoreError`` when the store cannot be written.
    func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts
}
