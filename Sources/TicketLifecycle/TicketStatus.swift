/// Where a ticket is in its life.
///
/// `new → open → pending | onHold → solved → closed`. A ticket never goes back to ``new``;
/// ``closed`` is terminal. See ``TicketRules`` for every rule.
public enum TicketStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Created, nobody has answered yet.
    case new
    /// Someone on the support side is working on it.
    case open
    /// Waiting for the member to answer.
    case pending
    /// Waiting for a third party (a payment provider, a developer).
    case onHold = "on_hold"
    /// Answered and considered done; the member can still reply and reopen it.
    case solved
    /// Final. A later message makes a follow-up ticket linked to this one.
    case closed

    /// Whether the resolution clock is paused in this status (``pending`` and ``onHold``).
    public var pausesResolutionClock: Bool { self == .pending || self == .onHold }

    /// Whether the ticket still needs work from the support side (``new`` or ``open``).
    public var needsAttention: Bool { self == .new || self == .open }

    /// The status as a member sees it: on-hold is shown as open, because to the member the support
    /// side is still working on it.
    public var memberFacing: TicketStatus { self == .onHold ? .open : self }

    /// The status's stable name.
    public var description: String { rawValue }
}
