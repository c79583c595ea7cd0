import SupportCore

/// One instance of a member breaking the club's rules, and where it happened.
public struct Violation: Sendable, Hashable, Codable {
    /// What kind of conduct.
    public var kind: ViolationKind
    /// How serious.
    public var severity: Severity
    /// The ticket it happened in, if any.
    public var ticket: TicketID?
    /// The message it happened in, if any.
    public var message: MessageID?
    /// A staff note on what happened; never shown to other members.
    public var note: String

    /// Creates a violation.
    ///
    /// - Parameters:
    ///   - kind: What kind of conduct.
    ///   - severity: How serious; ``Severity/minor`` by default.
    ///   - ticket: The ticket it happened in.
    ///   - message: The message it happened in.
    ///   - note: A staff note.
    public init(
        _ kind: ViolationKind,
        severity: Severity = .minor,
        ticket: TicketID? = nil,
        message: MessageID? = nil,
        note: String = ""
    ) {
        self.kind = kind
        self.severity = severity
        self.ticket = ticket
        self.message = message
        self.note = note
    }
}
