/// What a new ticket starts with.
public struct TicketCreation: Sendable, Hashable, Codable {
    /// The member who asked.
    public var requester: MemberID
    /// A short subject line.
    public var subject: String
    /// The channel the first message arrived on.
    public var channel: ChannelKind
    /// Why the member wrote.
    public var reason: ContactReason
    /// How urgent it is.
    public var priority: Priority
    /// The member's language, when known.
    public var locale: LocaleTag?
    /// The closed ticket this one follows up, when a member wrote again about a closed ticket.
    public var followUpOf: TicketID?
    /// The ticket's short number, handed out by the store (`TicketNumber`); `nil` for a ticket created
    /// before numbers existed, or by a host that does not number its tickets.
    public var number: TicketNumber?
    /// The first message. Its kind is ``TicketMessage/Kind/memberMessage`` when the member opened the
    /// ticket, ``TicketMessage/Kind/publicReply`` when an agent opened it for the member.
    public var firstMessage: TicketMessage

    /// Creates the starting state of a ticket.
    ///
    /// - Parameters:
    ///   - requester: The member who asked.
    ///   - subject: A short subject line.
    ///   - channel: The channel of the first message.
    ///   - reason: Why the member wrote.
    ///   - priority: How urgent it is.
    ///   - locale: The member's language, when known.
    ///   - followUpOf: The closed ticket this one follows up.
    ///   - number: The ticket's short number, from the store's `nextTicketNumber()`.
    ///   - firstMessage: The first message.
    public init(
        requester: MemberID,
        subject: String,
        channel: ChannelKind,
        reason: ContactReason = .other,
        priority: Priority = .normal,
        locale: LocaleTag? = nil,
        followUpOf: TicketID? = nil,
        number: TicketNumber? = nil,
        firstMessage: TicketMessage
    ) {
        self.requester = requester
        self.subject = subject
        self.channel = channel
        self.reason = reason
        self.priority = priority
        self.locale = locale
        self.followUpOf = followUpOf
        self.number = number
        self.firstMessage = firstMessage
    }
}
