/// Where an alert to a person on staff goes: the recipient's name in the configuration and their
/// address on the alert's channel.
///
/// Set on an ``OutboundMessage`` that carries an alert (see ``AlertRecipient``); a channel sends such a
/// message to ``address`` instead of looking the recipient up among the members.
public struct StaffAddress: Sendable, Hashable, Codable {
    /// The recipient's name, as ``AlertRecipient/name`` gives it.
    public var name: String
    /// The address on the channel: an email address, a messenger chat id, a phone number.
    public var address: String

    /// Creates a staff address.
    ///
    /// - Parameters:
    ///   - name: The recipient's name.
    ///   - address: The address on the channel.
    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}
