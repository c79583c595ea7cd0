/// The channel's own id of an inbound message: the key that makes a repeated delivery harmless.
///
/// The store maps each key to one ticket for ever; committing a key already mapped to another ticket
/// fails with ``StoreError/Code/duplicateExternalMessage``.
public struct ExternalMessageKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The channel the message came on.
    public let channel: ChannelKind
    /// The channel's id for the message (an email Message-ID, a chat message id).
    public let externalID: String

    /// Creates a key.
    ///
    /// - Parameters:
    ///   - channel: The channel the message came on.
    ///   - externalID: The channel's id for the message.
    public init(channel: ChannelKind, externalID: String) {
        self.channel = channel
        self.externalID = externalID
    }

    /// `channel/externalID`.
    public var description: String { "\(channel)/\(externalID)" }
}

/// A reference that ties later messages to a ticket: an email thread id, a chat conversation id,
/// a portal ticket number.
///
/// Unlike an ``ExternalMessageKey`` a thread key can move: when a member writes again about a closed
/// ticket, the follow-up ticket takes the thread over.
public struct ThreadKey: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The reference's text.
    public let rawValue: String

    /// Creates a thread key.
    ///
    /// - Parameter rawValue: The reference's text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The key every ticket gets for itself, so that a reply quoting the ticket id finds it.
    ///
    /// - Parameter ticket: The ticket.
    /// - Returns: `ticket:<id>`.
    public static func ticket(_ ticket: TicketID) -> ThreadKey { ThreadKey(rawValue: "ticket:\(ticket)") }

    /// The reference's text.
    public var description: String { rawValue }
}
