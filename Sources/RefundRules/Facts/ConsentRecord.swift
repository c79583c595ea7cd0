import Foundation

/// The member's express consent to start access at once, with the acknowledgement that the
/// statutory withdrawal right is lost.
///
/// Under the EU rules for digital content and services, a consumer who asks for access to start
/// before the withdrawal period ends, and acknowledges losing the right, cannot withdraw. Only a
/// record with both flags set, dated no later than the request, waives the right.
public struct ConsentRecord: Sendable, Hashable, Codable {
    /// When the member gave consent.
    public var at: Date
    /// The member expressly asked for access to start before the withdrawal period ends.
    public var expressConsentToStartAccess: Bool
    /// The member acknowledged losing the withdrawal right by doing so.
    public var acknowledgedLossOfWithdrawalRight: Bool

    /// Creates a consent record.
    ///
    /// - Parameters:
    ///   - at: When the member gave consent.
    ///   - expressConsentToStartAccess: Whether the member asked for access to start at once.
    ///   - acknowledgedLossOfWithdrawalRight: Whether the member acknowledged losing the right.
    public init(at: Date, expressConsentToStartAccess: Bool = true, acknowledgedLossOfWithdrawalRight: Bool = true) {
        self.at = at
        self.expressConsentToStartAccess = expressConsentToStartAccess
        self.acknowledgedLossOfWithdrawalRight = acknowledgedLossOfWithdrawalRight
    }

    /// Whether the record waives the withdrawal right for a request at an instant.
    ///
    /// - Parameter instant: The instant of the request.
    /// - Returns: `true` when both flags are set and the record is not later than `instant`.
    public func waivesWithdrawal(asOf instant: Date) -> Bool {
        expressConsentToStartAccess && acknowledgedLossOfWithdrawalRight && at <= instant
    }
}
