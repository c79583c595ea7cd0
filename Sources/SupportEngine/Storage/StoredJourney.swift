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
