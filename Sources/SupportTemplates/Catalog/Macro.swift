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
}
