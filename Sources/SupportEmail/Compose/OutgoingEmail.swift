import Foundation

/// A message the desk sends, as values; ``EmailComposer`` writes it as RFC 5322 bytes.
///
/// The instant and the `Message-ID` are parameters (no clock, no randomness): the desk makes the id from
/// its outbound message id with ``OutgoingEmail/messageID(unique:domain:)``.
public struct OutgoingEmail: Hashable, Sendable {
    /// The sender.
    public var from: Mailbox
    /// The recipients; at least one.
    public var to: [Mailbox]
    /// The copied recipients.
    public var cc: [Mailbox]
    /// Where replies should go, when not to ``from``.
    public var replyTo: Mailbox?
    /// The subject, as people read it.
    public var subject: String
    /// The `Date` header's instant.
    public var date: Date
    /// The `Message-ID`, without angle brackets (`left@right`).
    public var messageID: String
    /// The id this message answers, without brackets.
    public var inReplyTo: String?
    /// The thread's ids, oldest first, without brackets.
    public var references: [String]
    /// The plain text body.
    public var textBody: String
    /// An HTML alternative of the body, if any.
    public var htmlBody: String?
    /// Whether a machine sends it on its own (an acknowledgement, an auto-reply): adds
    /// `Auto-Submitted: auto-replied` and `X-Auto-Response-Suppress: All` so other systems do not answer.
    public var isAutomatic: Bool
    /// Files sent with the message, after the text, in order.
    public var attachments: [OutgoingAttachment] = []

    /// Creates a message.
    ///
    /// - Parameters:
    ///   - from: The sender.
    ///   - to: The recipients.
    ///   - cc: The copied recipients.
    ///   - replyTo: Where replies go, or nil.
    ///   - subject: The subject.
    ///   - date: The instant for the `Date` header.
    ///   - messageID: The `Message-ID` without brackets.
    ///   - inReplyTo: The id answered, or nil.
    ///   - references: The thread's ids, oldest first.
    ///   - textBody: The text.
    ///   - htmlBody: The HTML alternative, or nil.
    ///   - isAutomatic: Whether it is sent automatically.
    public init(
        from: Mailbox,
        to: [Mailbox],
        cc: [Mailbox] = [],
        replyTo: Mailbox? = nil,
        subject: String,
        date: Date,
        messageID: String,
        inReplyTo: String? = nil,
        references: [String] = [],
        textBody: String,
        htmlBody: String? = nil,
        isAutomatic: Bool = false
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.isAutomatic = isAutomatic
    }

    /// A reply to a parsed message that threads in the member's client: to the reply address, `Re:` added
    /// once, `In-Reply-To` the message's id and `References` its references plus its id (the last 20).
    ///
    /// - Parameters:
    ///   - message: The message answered.
    ///   - from: The desk's mailbox.
    ///   - subject: The subject, or nil for `Re:` and the message's subject.
    ///   - textBody: The text.
    ///   - htmlBody: The HTML alternative, or nil.
    ///   - messageID: The new message's id.
    ///   - date: The instant for the `Date` header.
    ///   - isAutomatic: Whether it is sent automatically.
    /// - Returns: The reply.
    public static func reply(
        to message: ParsedEmail,
        from: Mailbox,
        subject: String? = nil,
        textBody: String,
        htmlBody: String? = nil,
        messageID: String,
        date: Date,
        isAutomatic: Bool = false
    ) -> OutgoingEmail {
        var references = message.references
        if let id = message.messageID { references.append(id) }
        let replySubject: String
        if let subject {
            replySubject = subject
        } else if message.subject.lowercased().hasPrefix("re:") {
            replySubject = message.subject
        } else {
            replySubject = "Re: " + message.subject
        }
        return OutgoingEmail(
            from: from,
            to: [message.replyAddress],
            subject: replySubject,
            date: date,
            messageID: messageID,
            inReplyTo: message.messageID,
            references: Array(references.suffix(20)),
            textBody: textBody,
            htmlBody: htmlBody,
            isAutomatic: isAutomatic
        )
    }

    /// A `Message-ID` made from a unique token the caller owns (such as the outbound message's id) and the
    /// desk's domain: `token@domain`, with characters that may not appear in an id replaced by `.`.
    ///
    /// - Parameters:
    ///   - unique: A token unique to this message.
    ///   - domain: The desk's mail domain.
    /// - Returns: The id, without brackets.
    /// - Throws: ``EmailError`` with code `invalidMessageID` when either part is empty.
    public static func messageID(unique: String, domain: String) throws -> String {
        func clean(_ text: String) -> String {
            String(
                text.unicodeScalars.map { scalar -> Character in
                    let allowed =
                        scalar.isASCII && scalar.value > 0x20 && scalar.value < 0x7F
                        && !"<>@()[]\\,;:\"".unicodeScalars.contains(scalar)
                    return allowed ? Character(scalar) : "."
                }
            )
        }
        let left = clean(unique)
        let right = clean(domain)
        guard !left.isEmpty, !right.isEmpty else {
            throw EmailError(.invalidMessageID, "A Message-ID needs a unique token and a domain; one of them is empty.")
        }
        return left + "@" + right
    }
}
