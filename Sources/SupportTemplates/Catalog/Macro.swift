import TicketLifecycle

/// A named bundle of actions an agent applies in one step: a reply from a template, a status, tags.
///
/// ```swift
/// let macro = Macro(name: "Password reset sent", reply: "macro.password_reset", status: .pending, addTags: ["access"])
/// try await desk.apply(macro, to: ticket, by: .agent("olga"))
/// ```
public struct Macro: Sendable, Hashable, Codable {
    /// The macro's name, as agents see it.
    public var name: String
    /// The template of the public reply, rendered in the ticket's language, if the macro replies.
    public var reply: TemplateKey?
    /// The status to set, if any.
    public var status: TicketStatus?
    /// Tags to add.
    public var addTags: [String]

    /// Creates a macro.
    ///
    /// - Parameters:
    ///   - name: The macro's name.
    ///   - reply: The template of the public reply, if any.
    ///   - status: The status to set, if any.
    ///   - addTags: Tags to add.
    public init(name: String, reply: TemplateKey? = nil, status: TicketStatus? = nil, addTags: [String] = []) {
        self.name = name
        self.reply = reply
        self.status = status
        self.addTags = addTags
    }

    private enum CodingKeys: String, CodingKey {
        case name, reply, status, addTags
    }

    /// Decodes a macro; `reply`, `status` and `addTags` may be left out.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when `name` is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            reply: try container.decodeIfPresent(TemplateKey.self, forKey: .reply),
            status: try container.decodeIfPresent(TicketStatus.self, forKey: .status),
            addTags: try container.decodeIfPresent([String].self, forKey: .addTags) ?? []
        )
    }

    /// Encodes a macro, leaving out what it does not do.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(reply, forKey: .reply)
        try container.encodeIfPresent(status, forKey: .status)
        if !addTags.isEmpty { try container.encode(addTags, forKey: .addTags) }
    }
}
