/// Tags ``PlanID``.
public enum PlanTag: Sendable {}
/// Tags ``ChargeID``.
public enum ChargeTag: Sendable {}
/// Tags ``RefundRequestID``.
public enum RefundRequestTag: Sendable {}

/// Identifies a paid plan, such as `monthly` or `annual`: the key of ``RefundPolicy/plans``.
public typealias PlanID = Identifier<PlanTag>
/// Identifies one charge at the payment provider, as the host knows it.
public typealias ChargeID = Identifier<ChargeTag>
/// Identifies one refund request; the same id never refunds twice.
public typealias RefundRequestID = Identifier<RefundRequestTag>
