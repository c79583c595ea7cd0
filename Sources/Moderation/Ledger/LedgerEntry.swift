import Foundation
import SupportCore

/// One action in a member's ledger: what, who, when, for which violation, and where.
public struct LedgerEntry: Sendable, Hashable, Codable, Identifiable {
    /// The entry's number in the ledger, from 1.
    public var id: Int
    /// What the entry records.
    public var action: ModerationAction
    /// Who took the action.
    public var actor: SupportActor
    /// When.
    public var at: Date
    /// The violation a penalty answers; `nil` for resolutions.
    public var violation: Violation?
    /// The ladder index a penalty was taken at; `nil` for resolutions.
    public var step: Int?
    /// When a suspension ends; `nil` for every other action.
    public var until: Date?
    /// The entry a resolution acts on; `nil` for penalties.
    public var target: Int?
    /// A staff note.
    public var note: String

    /// Creates an entry. Entries come from decisions; this initializer is for hosts restoring
    /// stored ledgers and for tests.
    ///
    /// - Parameters:
    ///   - id: The entry's number, from 1.
    ///   - action: What the entry records.
    ///   - actor: Who took the action.
    ///   - at: When.
    ///   - violation: The violation a penalty answers.
    ///   - step: The ladder index of a penalty.
    ///   - until: When a suspension ends.
    ///   - target: The entry a resolution acts on.
    ///   - note: A staff note.
    public init(
        id: Int,
        action: ModerationAction,
        actor: SupportActor,
        at: Date,
        violation: Violation? = nil,
        step: Int? = nil,
        until: Date? = nil,
        target: Int? = nil,
        note: String = ""
    ) {
        self.id = id
        self.action = action
        self.actor = actor
        self.at = at
        self.violation = violation
        self.step = step
        self.until = until
        self.target = target
        self.note = note
    }

    /// The ticket the violation happened in, if any.
    public var ticket: TicketID? { violation?.ticket }

    /// The message the violation happened in, if any.
    public var message: MessageID? { violation?.message }
}
