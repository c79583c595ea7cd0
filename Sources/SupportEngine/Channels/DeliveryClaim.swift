import Foundation

/// A delivery pass's hold on an ``OutboundMessage``: who may record the outcome of its send.
///
/// ``TicketStore/claimOutbound(_:at:until:)`` makes a fresh claim with a token no other claim of the
/// store has, and returns the message carrying it in ``OutboundMessage/claim``. The desk sends the
/// message and hands it back to ``TicketStore/updateOutbound(_:)`` with the claim unchanged; the store
/// records the outcome only while ``token`` is still the message's stored claim. A claim lasts until
/// ``until``, after which another desk may claim the message; an update with the old token then
/// throws ``StoreError/Code/claimLost`` and changes nothing.
public struct DeliveryClaim: Sendable, Hashable, Codable {
    /// The claim's token, unique among the store's claims: what ``TicketStore/updateOutbound(_:)``
    /// compares.
    public var token: String
    /// When the claim ends by itself and another desk may claim the message.
    public var until: Date

    /// Creates a claim. Stores make claims; a desk only carries them from the claim to the update.
    ///
    /// - Parameters:
    ///   - token: A token unique among the store's claims.
    ///   - until: When the claim ends by itself.
    public init(token: String, until: Date) {
        self.token = token
        self.until = until
    }
}
