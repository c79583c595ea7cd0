/// How urgent a ticket is.
///
/// Priorities are ordered: `low < normal < high < urgent`. The seeds call the urgent ones
/// "burning" requests — access problems and money — which are answered first.
public enum Priority: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Can wait: feedback, ideas.
    case low
    /// The usual request.
    case normal
    /// Should be answered before the usual ones: a newcomer stuck, a prospect deciding to join.
    case high
    /// Burning: the member cannot get in, or money is involved.
    case urgent

    /// The rank of the priority, `0` for ``low`` to `3` for ``urgent``.
    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    /// Orders priorities from ``low`` to ``urgent``.
    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }

    /// The priority's stable name, as in JSON.
    public var description: String { rawValue }
}
