import Foundation

// Outbound messages stored before attachments existed have no `attachments` key: they decode with none.
// A message without attachments is written without the key, as before; `staffAddress` (alerts to staff)
// is written only when set, and a message stored before alerts existed decodes without it.

extension OutboundMessage {
    private enum CodingKeys: String, CodingKey {
        case id, ticketID, messageID, recipient, channel, subject, body, attachments, createdAt, attempts, state
        case nextAttemptAt, receipt, lastError, fallbackChannels, attemptsOnChannel, history, claim, staffAddress
    }

    /// Decodes a message; `attachments` may be missing and is then empty.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing or mistyped field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(OutboundID.self, forKey: .id)
        ticketID = try container.decodeIfPresent(TicketID.self, forKey: .ticketID)
        messageID = try container.decodeIfPresent(MessageID.self, forKey: .messageID)
        recipient = try container.decode(MemberID.self, forKey: .recipient)
        staffAddress = try container.decodeIfPresent(StaffAddress.self, forKey: .staffAddress)
        channel = try container.decode(ChannelKind.self, forKey: .channel)
        subject = try container.decode(String.self, forKey: .subject)
        body = try container.decode(String.self, forKey: .body)
        attachments = try container.decodeIfPresent([TicketAttachment].self, forKey: .attachments) ?? []
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        attempts = try container.decode(Int.self, forKey: .attempts)
        state = try container.decode(State.self, forKey: .state)
        nextAttemptAt = try container.decode(Date.self, forKey: .nextAttemptAt)
        receipt = try container.decodeIfPresent(DeliveryReceipt.self, forKey: .receipt)
        lastError = try container.decodeIfPresent(String.self, forKey: .lastError)
        fallbackChannels = try container.decode([ChannelKind].self, forKey: .fallbackChannels)
        attemptsOnChannel = try container.decode(Int.self, forKey: .attemptsOnChannel)
        history = try container.decode([DeliveryAttempt].self, forKey: .history)
        claim = try container.decodeIfPresent(DeliveryClaim.self, forKey: .claim)
    }

    /// Encodes a message; `attachments` is left out when there are none.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(ticketID, forKey: .ticketID)
        try container.encodeIfPresent(messageID, forKey: .messageID)
        try container.encode(recipient, forKey: .recipient)
        try container.encodeIfPresent(staffAddress, forKey: .staffAddress)
        try container.encode(channel, forKey: .channel)
        try container.encode(subject, forKey: .subject)
        try container.encode(body, forKey: .body)
        if !attachments.isEmpty { try container.encode(attachments, forKey: .attachments) }
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(state, forKey: .state)
        try container.encode(nextAttemptAt, forKey: .nextAttemptAt)
        try container.encodeIfPresent(receipt, forKey: .receipt)
        try container.encodeIfPresent(lastError, forKey: .lastError)
        try container.encode(fallbackChannels, forKey: .fallbackChannels)
        try container.encode(attemptsOnChannel, forKey: .attemptsOnChannel)
        try container.encode(history, forKey: .history)
        try container.encodeIfPresent(claim, forKey: .claim)
    }
}
