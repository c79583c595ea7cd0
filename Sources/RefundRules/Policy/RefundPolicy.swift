import SupportCore

/// The refund policy of a club: refund terms per plan, decided by the owner in advance.
///
/// The seeds ask owners to decide beforehand what to do when someone asks for a refund after the
/// guarantee period: hold to the rule (``PlanRefundTerms/AfterWindow/strict``) or refund in good
/// will (``PlanRefundTerms/AfterWindow/goodwill(maxDaysAfterWindow:)``). The policy encodes as
///
/// ```json
/// {"plans": {"monthly": {"guaranteeDays": 14, "windowStart": "eachRenewal"}}}
/// ```
///
/// Decoding validates the policy. Ask it for a decision with
/// ``decide(_:facts:)``.
public struct RefundPolicy: Sendable, Hashable, Codable {
    /// The terms of each plan.
    public var plans: [PlanID: PlanRefundTerms]

    /// Creates a policy.
    ///
    /// - Parameter plans: The terms of each plan.
    public init(plans: [PlanID: PlanRefundTerms]) {
        self.plans = plans
    }

    /// The terms of a plan.
    ///
    /// - Parameter plan: The plan.
    /// - Returns: The plan's terms.
    /// - Throws: ``RefundError`` with ``RefundError/Code/unknownPlan`` when the policy has none.
    public func terms(for plan: PlanID) throws -> PlanRefundTerms {
        guard let terms = plans[plan] else {
            let known = plans.keys.sorted().map(\.rawValue).joined(separator: ", ")
            throw RefundError(.unknownPlan, "plan '\(plan)' has no refund terms; add plans.\(plan) (known: \(known))")
        }
        return terms
    }

    /// Checks every plan's terms.
    ///
    /// - Throws: ``RefundError`` with ``RefundError/Code/invalidPolicy`` naming the path of the first
    ///   bad value, such as `plans.annual.guaranteeDays`.
    public func validate() throws {
        guard !plans.isEmpty else {
            throw RefundError(.invalidPolicy, "plans: the policy has no plans; add terms for at least one plan")
        }
        for plan in plans.keys.sorted() {
            guard plan.isWellFormed else {
                throw RefundError(
                    .invalidPolicy,
                    "plans: '\(plan)' is not a usable plan id (1 to 200 printable characters)"
                )
            }
            try plans[plan]?.validate(path: "plans.\(plan)")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case plans
    }

    /// Decodes and validates a policy.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for malformed JSON, or ``RefundError`` with
    ///   ``RefundError/Code/invalidPolicy`` for values out of range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let byName = try container.decode([String: PlanRefundTerms].self, forKey: .plans)
        self.init(plans: Dictionary(uniqueKeysWithValues: byName.map { (PlanID($0.key), $0.value) }))
        try validate()
    }

    /// Encodes the policy as an object keyed by plan id.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let byName = Dictionary(uniqueKeysWithValues: plans.map { ($0.key.rawValue, $0.value) })
        try container.encode(byName, forKey: .plans)
    }
}
