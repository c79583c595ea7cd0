import Foundation

/// Where an outgoing email sits in its conversation: what its `In-Reply-To` and `References` say, so
/// that the member's client shows it in the thread of their own mail.
public struct EmailThread: Sendable, Hashable {
    /// The id the message answers: the member's latest email on the ticket; `nil` when there is none.
    public var inReplyTo: String?
    /// The conversation's ids, oldest first: the member's emails and the desk's earlier messages.
    public var references: [String]

    /// Creates a thread position.
    ///
    /// - Parameters:
    ///   - inReplyTo: The id answered, without brackets.
    ///   - references: The conversation's ids, oldest first, without brackets.
    public init(inReplyTo: String? = nil, references: [String] = []) {
        self.inReplyTo = inReplyTo
        self.references = references
    }

    /// The thread of an outbound message on a ticket: the member's emails (their `Message-ID`s, as the
    /// desk stored them) and the desk's earlier delivered emails on the ticket, in time order, the last
    /// 20; `In-Reply-To` is the member's latest email.
    ///
    /// - Parameters:
    ///   - ticket: The ticket the message belongs to.
    ///   - earlier: The ticket's outbound messages (``TicketStore/outbound(ofTicket:)``); only those
    ///     delivered as email before `message` count.
    ///   - message: The message being sent.
    ///   - settings: The desk's email settings, for its own ids.
    /// - Returns: The thread position.
    public static func of(
        _ ticket: Ticket,
        earlier: [OutboundMessage],
        before message: OutboundMessage,
        settings: EmailDeskSettings
    ) -> EmailThread {
        var entries: [(at: Date, id: String)] = []
        var latestMember: String?
        for item in ticket.messages where item.kind == .memberMessage && item.channel == .email {
            guard let id = item.externalID, isMessageID(id), item.at <= message.createdAt else { continue }
            entries.append((item.at, id))
            latestMember = id
        }
        for sent in earlier
        where sent.id != message.id && sent.state == .delivered && sent.channel == .email
            && sent.createdAt <= message.createdAt
        {
            if let id = try? settings.messageID(of: sent.id) { entries.append((sent.createdAt, id)) }
        }
        var seen: Set<String> = []
        let references = entries.sorted { $0.at < $1.at }.map(\.id).filter { seen.insert($0).inserted }
        return EmailThread(inReplyTo: latestMember, references: Array(references.suffix(20)))
    }

    /// Whether an id can stand in `In-Reply-To`/`References`: ASCII `left@right` without spaces or
    /// brackets (a hash key of mail without `Message-ID` cannot).
    static func isMessageID(_ id: String) -> Bool {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && id.utf8.count <= 500
            && id.unicodeScalars.allSatisfy {
                $0.isASCII && $0.value > 0x20 && $0 != "<" && $0 != ">" && $0 != "\u{7F}"
            }
    }
}
