import Foundation
import SupportCore

/// A member's request for money back.
public struct RefundRequest: Sendable, Hashable, Codable {
    /// The request's id; a request id is refunded at most once.
    public var id: RefundRequestID
    /// The member asking.
    public var member: MemberID
    /// The charge to refund, or `nil` for the member's latest charge.
    public var chargeID: ChargeID?
    /// The amount asked for, or `nil` for whatever the member is entitled to.
    public var requestedAmount: Money?
    /// When the member asked.
    public var at: Date
    /// The member's own words, kept for the owner; never read by the rules.
    public var reasonText: String

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - id: The request's id.
    ///   - member: The member asking.
    ///   - chargeID: The charge to refund, or `nil` for the latest.
    ///   - requestedAmount: The amount asked for, or `nil` for the entitlement.
    ///   - at: When the member asked.
    ///   - reasonText: The member's own words.
    public init(
        id: RefundRequestID,
        member: MemberID,
        chargeID: ChargeID? = nil,
        requestedAmount: Money? = nil,
        at: Date,
        reasonText: String = ""
    ) {
        self.id = id
        self.member = member
        self.chargeID = chargeID
        self.requestedAmount = requestedAmount
        self.at = at
        self.reasonText = reasonText
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case member
        case chargeID
        case requestedAmount
        case at
        case reasonText
    }

    /// Decodes a request; `chargeID`, `requestedAmount` and `reasonText` may be left out.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for a missing or malformed field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(RefundRequestID.self, forKey: .id),
            member: try container.decode(MemberID.self, forKey: .member),
            chargeID: try container.decodeIfPresent(ChargeID.self, forKey: .chargeID),
            requestedAmount: try container.decodeIfPresent(Money.self, forKey: .requestedAmount),
            at: try container.decode(Date.self, forKey: .at),
            reasonText: try container.decodeIfPresent(String.self, forKey: .reasonText) ?? ""
        )
    }
}
