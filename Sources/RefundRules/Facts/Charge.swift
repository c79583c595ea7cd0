import Foundation
import SupportCore

/// One payment the member made, as the host's payment provider reports it.
public struct Charge: Sendable, Hashable, Codable, Identifiable {
    /// The charge's id at the provider.
    public var id: ChargeID
    /// The amount paid.
    public var amount: Money
    /// When it was paid: the first payment or a renewal.
    public var at: Date
    /// When the period it pays for ends; used for proration.
    public var periodEnd: Date
    /// Whether the charge is disputed at the bank.
    public var dispute: DisputeState

    /// Creates a charge.
    ///
    /// - Parameters:
    ///   - id: The charge's id at the provider.
    ///   - amount: The amount paid, zero or more.
    ///   - at: When it was paid.
    ///   - periodEnd: When the period it pays for ends, after `at`.
    ///   - dispute: The dispute state; ``DisputeState/undisputed`` by default.
    public init(id: ChargeID, amount: Money, at: Date, periodEnd: Date, dispute: DisputeState = .undisputed) {
        self.id = id
        self.amount = amount
        self.at = at
        self.periodEnd = periodEnd
        self.dispute = dispute
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case amount
        case at
        case periodEnd
        case dispute
    }

    /// Decodes a charge; `dispute` may be left out for an undisputed charge.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for a missing or malformed field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(ChargeID.self, forKey: .id),
            amount: try container.decode(Money.self, forKey: .amount),
            at: try container.decode(Date.self, forKey: .at),
            periodEnd: try container.decode(Date.self, forKey: .periodEnd),
            dispute: try container.decodeIfPresent(DisputeState.self, forKey: .dispute) ?? .undisputed
        )
    }
}

/// Whether a charge is disputed (a chargeback), and how the dispute went.
public enum DisputeState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No dispute.
    case undisputed
    /// The member's bank opened a dispute that is not decided yet.
    case open
    /// The dispute went to the member: the money already went back.
    case lost
    /// The dispute went to the club: the charge stands.
    case won

    /// Whether the dispute returns, or may still return, the money: then the charge is not refunded.
    public var blocksRefund: Bool { self == .open || self == .lost }
}
