/// Something an approved refund decision asks the host to carry out.
///
/// The three are separate: a refund may return money and keep the subscription, a withdrawal ends
/// everything.
public enum RefundOutcome: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Return ``RefundDecision/amount`` to the member.
    case refund
    /// Cancel the subscription so it does not renew.
    case cancelSubscription
    /// End the member's access to paid content now.
    case revokeAccess

    private var rank: Int {
        switch self {
        case .refund: 0
        case .cancelSubscription: 1
        case .revokeAccess: 2
        }
    }

    /// Orders outcomes as listed: refund, cancel, revoke.
    public static func < (lhs: RefundOutcome, rhs: RefundOutcome) -> Bool { lhs.rank < rhs.rank }
}
