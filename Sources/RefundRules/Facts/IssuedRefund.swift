import Foundation
import SupportCore

/// A refund already issued to the member.
///
/// The host records one for every approved ``RefundDecision`` it carries out, with the request id,
/// so that the same request never refunds twice and partial refunds never add up past the charge.
public struct IssuedRefund: Sendable, Hashable, Codable {
    /// The request that produced the refund.
    public var requestID: RefundRequestID
    /// The charge refunded.
    public var chargeID: ChargeID
    /// The amount returned.
    public var amount: Money
    /// When it was issued.
    public var at: Date

    /// Creates a record of an issued refund.
    ///
    /// - Parameters:
    ///   - requestID: The request that produced it.
    ///   - chargeID: The charge refunded.
    ///   - amount: The amount returned.
    ///   - at: When it was issued.
    public init(requestID: RefundRequestID, chargeID: ChargeID, amount: Money, at: Date) {
        self.requestID = requestID
        self.chargeID = chargeID
        self.amount = amount
        self.at = at
    }
}
