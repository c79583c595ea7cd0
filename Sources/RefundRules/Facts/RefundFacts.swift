import Foundation
import SupportCore

/// What the host knows about a member's payments, given to the library to decide on.
///
/// The library never talks to a payment provider: the host gathers the member's plan, charges,
/// issued refunds, dispute states and consent records, and passes them in.
public struct RefundFacts: Sendable, Hashable, Codable {
    /// The member.
    public var member: MemberID
    /// The member's plan: a key of ``RefundPolicy/plans``.
    public var plan: PlanID
    /// The member's charges for the plan, in any order.
    public var charges: [Charge]
    /// Every refund already issued to the member, on any charge.
    public var refunds: [IssuedRefund]
    /// The member's consent records; see ``ConsentRecord``.
    public var consents: [ConsentRecord]
    /// Whether the member buys as a consumer under EU rules, so a statutory withdrawal right applies.
    public var isEUConsumer: Bool

    /// Creates the facts.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - plan: The member's plan.
    ///   - charges: The member's charges.
    ///   - refunds: Refunds already issued to the member.
    ///   - consents: The member's consent records.
    ///   - isEUConsumer: Whether a statutory withdrawal right applies.
    public init(
        member: MemberID,
        plan: PlanID,
        charges: [Charge],
        refunds: [IssuedRefund] = [],
        consents: [ConsentRecord] = [],
        isEUConsumer: Bool = false
    ) {
        self.member = member
        self.plan = plan
        self.charges = charges
        self.refunds = refunds
        self.consents = consents
        self.isEUConsumer = isEUConsumer
    }

    private enum CodingKeys: String, CodingKey {
        case member
        case plan
        case charges
        case refunds
        case consents
        case isEUConsumer
    }

    /// Decodes the facts; `refunds` and `consents` may be left out (none), and so may
    /// `isEUConsumer` (false).
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for a missing or malformed field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            member: try container.decode(MemberID.self, forKey: .member),
            plan: try container.decode(PlanID.self, forKey: .plan),
            charges: try container.decode([Charge].self, forKey: .charges),
            refunds: try container.decodeIfPresent([IssuedRefund].self, forKey: .refunds) ?? [],
            consents: try container.decodeIfPresent([ConsentRecord].self, forKey: .consents) ?? [],
            isEUConsumer: try container.decodeIfPresent(Bool.self, forKey: .isEUConsumer) ?? false
        )
    }

    /// The charge with an id.
    ///
    /// - Parameter id: The charge's id.
    /// - Returns: The charge, or `nil`.
    public func charge(_ id: ChargeID) -> Charge? { charges.first { $0.id == id } }

    /// The member's first payment: the earliest charge.
    public var firstCharge: Charge? { charges.min { ($0.at, $0.id) < ($1.at, $1.id) } }

    /// The member's latest charge.
    public var latestCharge: Charge? { charges.max { ($0.at, $0.id) < ($1.at, $1.id) } }

    /// The total already refunded on a charge.
    ///
    /// - Parameter charge: The charge.
    /// - Returns: The sum of the refunds issued on it, in the charge's currency.
    /// - Throws: ``RefundError`` with ``RefundError/Code/currencyMismatch`` or
    ///   ``RefundError/Code/overflow``.
    public func refunded(on charge: Charge) throws -> Money {
        var total = Money.zero(charge.amount.currency)
        for refund in refunds where refund.chargeID == charge.id {
            guard refund.amount.currency == charge.amount.currency else {
                throw RefundError(
                    .currencyMismatch,
                    "refund for request '\(refund.requestID)' is in \(refund.amount.currency) but charge '\(charge.id)' "
                        + "is in \(charge.amount.currency); record refunds in the charge's currency"
                )
            }
            let (sum, overflow) = total.minorUnits.addingReportingOverflow(refund.amount.minorUnits)
            guard !overflow else { throw RefundError(.overflow, "refunds on charge '\(charge.id)' overflow") }
            total = Money(minorUnits: sum, currency: charge.amount.currency)
        }
        return total
    }

    /// What can still be refunded on a charge: the charge less what was refunded, never below zero.
    ///
    /// - Parameter charge: The charge.
    /// - Returns: The refundable remainder.
    /// - Throws: ``RefundError`` as ``refunded(on:)`` does.
    public func remaining(on charge: Charge) throws -> Money {
        let refunded = try refunded(on: charge)
        return Money(
            minorUnits: max(0, charge.amount.minorUnits - refunded.minorUnits),
            currency: charge.amount.currency
        )
    }

    /// Checks that the facts are consistent.
    ///
    /// - Throws: ``RefundError`` with ``RefundError/Code/invalidFacts`` naming the path of the first
    ///   bad value, such as `charges[2].periodEnd`; ``RefundError/Code/invalidAmount`` for a
    ///   negative amount; ``RefundError/Code/currencyMismatch`` for a refund in another currency than
    ///   its charge.
    public func validate() throws {
        var seen = Set<ChargeID>()
        for (index, charge) in charges.enumerated() {
            guard seen.insert(charge.id).inserted else {
                throw RefundError(.invalidFacts, "charges[\(index)].id: charge '\(charge.id)' appears twice")
            }
            guard charge.amount.minorUnits >= 0 else {
                throw RefundError(.invalidAmount, "charges[\(index)].amount: \(charge.amount) is negative")
            }
            guard charge.periodEnd > charge.at else {
                throw RefundError(
                    .invalidFacts,
                    "charges[\(index)].periodEnd: the period of charge '\(charge.id)' must end after it was paid"
                )
            }
        }
        for (index, refund) in refunds.enumerated() where refund.amount.minorUnits < 0 {
            throw RefundError(.invalidAmount, "refunds[\(index)].amount: \(refund.amount) is negative")
        }
        for charge in charges {
            _ = try refunded(on: charge)
        }
    }
}
