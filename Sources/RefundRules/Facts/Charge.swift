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
    ///   - dispute: The dispute state; ``DisputeState/none`` by default.
    public init(id: ChargeID, amount: Money, at: Date, periodEnd: Date, dispute: DisputeState = .none) {
        self.id = id
        self.amount = amount
        self.at = at
        self.periodEnd = periodEnd
        self.dispute = dispute
    }
}

/// Whether a charge is disputed (a chargeback), and how the dispute went.
public enum DisputeState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No dispute.
    case none
    /// The member's bank opened a dispute that is not decided yet.
    case open
    /// The dispute went to the member: the money already went back.
    case lost
    /// The dispute went to the club: the charge stands.
    case won

    /// Whether the dispute returns, or may still return, the money: then the charge is not refunded.
    public var blocksRefund: Bool { self == .open || self == .lost }
}
