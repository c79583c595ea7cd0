import Foundation

// Messages and drafts stored before attachments existed have no `attachments` key: they decode with
// none. A message without attachments is written without the key, as before.

extension TicketMessage {
    private enum CodingKeys: String, CodingKey {
        case id, author, kind, body, at, channel, externalID, templateKey, attachments
    }

    /// Decodes a message; `attachments` may be missing and is then empty.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing or mistyped field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(MessageID.self, forKey: .id),
            kind: try container.decode(Kind.self, forKey: .kind),
            author: try container.decode(SupportActor.self, forKey: .author),
            body: try container.decode(String.self, forKey: .body),
            at: try container.decode(Date.self, forKey: .at),
            channel: try container.decodeIfPresent(ChannelKind.self, forKey: .channel),
            externalID: try container.decodeIfPresent(String.self, forKey: .externalID),
            templateKey: try container.decodeIfPresent(String.self, forKey: .templateKey),
            attachments: try container.decodeIfPresent([TicketAttachment].self, forKey: .attachments) ?? []
        )
    }

    /// Encodes a message; `attachments` is left out when there are none.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(author, forKey: .author)
        try container.encode(kind, forKey: .kind)
        try container.encode(body, forKey: .body)
        try container.encode(at, forKey: .at)
        try container.encodeIfPresent(channel, forKey: .channel)
        try container.encodeIfPresent(externalID, forKey: .externalID)
        try container.encodeIfPresent(templateKey, forKey: .templateKey)
        if !attachments.isEmpty { try container.encode(attachments, forKey: .attachments) }
    }
}

extension MessageDraft {
    private enum CodingKeys: String, CodingKey {
        case id, body, channel, externalID, templateKey, attachments
    }

    /// Decodes a draft; `attachments` may be missing and is then empty.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing or mistyped field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(MessageID.self, forKey: .id),
            body: try container.decode(String.self, forKey: .body),
            channel: try container.decodeIfPresent(ChannelKind.self, forKey: .channel),
            externalID: try container.decodeIfPresent(String.self, forKey: .externalID),
            templateKey: try container.decodeIfPresent(String.self, forKey: .templateKey),
            attachments: try container.decodeIfPresent([TicketAttachment].self, forKey: .attachments) ?? []
        )
    }

    /// Encodes a draft; `attachments` is left out when there are none.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(body, forKey: .body)
        try container.encodeIfPresent(channel, forKey: .channel)
        try container.encodeIfPresent(externalID, forKey: .externalID)
        try container.encodeIfPresent(templateKey, forKey: .templateKey)
        if !attachments.isEmpty { try container.encode(attachments, forKey: .attachments) }
    }
}
