import Foundation

// A ticket's JSON form is the one the compiler derived when every field was stored inline: one key per
// property, an optional field left out when it is `nil`, `tags` always present. Stores keep snapshots in
// this form (PostgreSQL's `tickets.snapshot`), so the keys and their meaning must not change; the
// out-of-line storage of the rare fields does not show in it.

extension Ticket: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, requester, subject, channel, reason, locale, assignee, mergedInto, followUpOf, number, tags
        case messages, createdAt, updatedAt, version, explanations, solvedAt, priority, status, closedAt, sla
    }

    /// Decodes a ticket from its JSON form.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing or mistyped field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(TicketID.self, forKey: .id)
        requester = try container.decode(MemberID.self, forKey: .requester)
        let subject = try container.decode(String.self, forKey: .subject)
        channel = try container.decode(ChannelKind.self, forKey: .channel)
        reason = try container.decode(ContactReason.self, forKey: .reason)
        locale = try container.decodeIfPresent(LocaleTag.self, forKey: .locale)
        assignee = try container.decodeIfPresent(AgentID.self, forKey: .assignee)
        let mergedInto = try container.decodeIfPresent(TicketID.self, forKey: .mergedInto)
        let followUpOf = try container.decodeIfPresent(TicketID.self, forKey: .followUpOf)
        number = try container.decodeIfPresent(TicketNumber.self, forKey: .number)
        let tags = try container.decode([String].self, forKey: .tags)
        messages = try container.decode([TicketMessage].self, forKey: .messages)
        let piece = messages.first.flatMap { SubjectPiece.find(subject, in: $0.body) }
        subjectText = piece == nil ? subject : ""
        subjectPiece = piece ?? .notAPiece
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
        version = try container.decode(Int.self, forKey: .version)
        explanations = try container.decode(RoutingExplanations.self, forKey: .explanations)
        let solvedAt = try container.decodeIfPresent(Date.self, forKey: .solvedAt)
        priority = try container.decode(Priority.self, forKey: .priority)
        status = try container.decode(TicketStatus.self, forKey: .status)
        let closedAt = try container.decodeIfPresent(Date.self, forKey: .closedAt)
        sla = try container.decode(SLARecord.self, forKey: .sla)
        rare =
            RareFields(
                mergedInto: mergedInto,
                followUpOf: followUpOf,
                tags: tags,
                solvedAt: solvedAt,
                closedAt: closedAt
            ).boxed
    }

    /// Encodes a ticket in its JSON form: the optional fields that are `nil` are left out.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let rare = rareFields
        try container.encode(id, forKey: .id)
        try container.encode(requester, forKey: .requester)
        try container.encode(subject, forKey: .subject)
        try container.encode(channel, forKey: .channel)
        try container.encode(reason, forKey: .reason)
        try container.encodeIfPresent(locale, forKey: .locale)
        try container.encodeIfPresent(assignee, forKey: .assignee)
        try container.encodeIfPresent(rare.mergedInto, forKey: .mergedInto)
        try container.encodeIfPresent(rare.followUpOf, forKey: .followUpOf)
        try container.encodeIfPresent(number, forKey: .number)
        try container.encode(rare.tags, forKey: .tags)
        try container.encode(messages, forKey: .messages)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(version, forKey: .version)
        try container.encode(explanations, forKey: .explanations)
        try container.encodeIfPresent(rare.solvedAt, forKey: .solvedAt)
        try container.encode(priority, forKey: .priority)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(rare.closedAt, forKey: .closedAt)
        try container.encode(sla, forKey: .sla)
    }
}
