import Foundation

// Most tickets are never merged, never follow up another one, carry no tags, and are copied many times
// while they are open and unsolved: every store read, every command and every commit copies the
// snapshot. Those five fields therefore live out of line, in an immutable box that copies share; the
// box is `nil` while all of them are empty, which is the case for nearly every open ticket. Writing one
// of them makes a new box (copy on write): a write is rare, and an immutable box needs no uniqueness
// check and is safe to share across threads.

extension Ticket {
    /// The fields of a ticket that most tickets leave empty.
    struct RareFields: Sendable, Hashable {
        var mergedInto: TicketID?
        var followUpOf: TicketID?
        var tags: [String] = []
        var solvedAt: Date?
        var closedAt: Date?

        /// Whether every field is empty, so that the ticket needs no box.
        var isEmpty: Bool {
            mergedInto == nil && followUpOf == nil && tags.isEmpty && solvedAt == nil && closedAt == nil
        }

        /// The fields in a new box, or `nil` when they are all empty.
        var boxed: RareFieldsBox? { isEmpty ? nil : RareFieldsBox(self) }
    }

    /// The out-of-line storage of ``RareFields``, shared by copies of a ticket and never changed.
    final class RareFieldsBox: Sendable {
        let fields: RareFields

        init(_ fields: RareFields) { self.fields = fields }
    }

    /// The rarely set fields, read from the box or empty; setting them makes a new box (or none).
    var rareFields: RareFields {
        get { rare?.fields ?? RareFields() }
        set { rare = newValue.boxed }
    }

    /// The ticket this one was merged into.
    public internal(set) var mergedInto: TicketID? {
        get { rare?.fields.mergedInto }
        set {
            guard newValue != nil || rare != nil else { return }
            rareFields.mergedInto = newValue
        }
    }

    /// The closed ticket this one follows up.
    public var followUpOf: TicketID? { rare?.fields.followUpOf }

    /// Tags, sorted.
    public internal(set) var tags: [String] {
        get { rare?.fields.tags ?? [] }
        set {
            guard !newValue.isEmpty || rare != nil else { return }
            rareFields.tags = newValue
        }
    }

    /// When the ticket was last solved, while it is solved or closed.
    public internal(set) var solvedAt: Date? {
        get { rare?.fields.solvedAt }
        set {
            guard newValue != nil || rare != nil else { return }
            rareFields.solvedAt = newValue
        }
    }

    /// When the ticket was closed.
    public internal(set) var closedAt: Date? {
        get { rare?.fields.closedAt }
        set {
            guard newValue != nil || rare != nil else { return }
            rareFields.closedAt = newValue
        }
    }
}
