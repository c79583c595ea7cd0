import Foundation

/// A parsed inbound message: who sent it, how it threads, its text, its attachments and what kind of mail
/// it is.
///
/// Made by ``EmailParser/parse(_:)-(Data)``; a plain value with no reference to the input bytes.
public struct ParsedEmail: Hashable, Sendable {
    /// Every header field of the message, as received.
    public var headers: EmailHeaders
    /// The author (`From`; the `Sender` when `From` has no mailbox).
    public var from: Mailbox
    /// The `Sender`, when present and different from `From`.
    public var sender: Mailbox?
    /// The `To` mailboxes.
    public var to: [Mailbox]
    /// The `Cc` mailboxes.
    public var cc: [Mailbox]
    /// The `Reply-To` mailboxes.
    public var replyTo: [Mailbox]
    /// The decoded subject; empty when there is none.
    public var subject: String
    /// The `Date`, when it parses.
    public var date: Date?
    /// The `Message-ID` without angle brackets.
    public var messageID: String?
    /// The `In-Reply-To` ids without angle brackets.
    public var inReplyTo: [String]
    /// The `References` ids without angle brackets, oldest first.
    public var references: [String]
    /// The text of the message: the `text/plain` body (format=flowed unwrapped), or the HTML body turned into
    /// text when there is no plain body. Line breaks are `\n`.
    public var textBody: String
    /// The `text/html` body, if any.
    public var htmlBody: String?
    /// What the sender wrote in this message: ``textBody`` without the quoted history and signature.
    public var newText: String
    /// The attachments and inline resources (images of an HTML body, attached messages).
    public var attachments: [EmailAttachment]
    /// The ticket tag found in the subject (`[#1042]`), if any.
    public var ticketReference: TicketReference?
    /// Whether this is a person's mail, an automatic reply, bulk or list mail, or a bounce.
    public var classification: EmailClassification
    /// What was malformed and read around.
    public var warnings: [EmailParseWarning]

    /// The mailbox to answer: the first `Reply-To`, else ``from``.
    public var replyAddress: Mailbox { replyTo.first ?? from }

    /// The ids this message answers, most specific first: `In-Reply-To`, then `References` newest first,
    /// without duplicates. Match them against the `Message-ID`s the desk sent and received.
    public var threadIDs: [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for id in inReplyTo + references.reversed() where seen.insert(id).inserted {
            result.append(id)
        }
        return result
    }

    /// The subject without reply and forward prefixes (`Re:`, `Fwd:`, `RV:`, `Отв:`) and without the ticket
    /// tag: the key to match a thread by when the ids are lost.
    public var normalizedSubject: String { SubjectLine.normalized(subject) }
}
