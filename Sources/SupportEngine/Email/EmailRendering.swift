import Foundation

/// Writes an ``OutboundMessage`` as an RFC 5322 email with ``EmailComposer``: `From` the desk's
/// mailbox, the desk's `Message-ID` for the message, `In-Reply-To` and `References` from its
/// ``EmailThread`` so it threads in the member's client, and `Auto-Submitted: auto-replied` on an
/// automatic message (an acknowledgement, a notice) so that other systems do not answer it.
///
/// Pure: the instant and the thread are parameters. ``EmailChannel`` gathers them and sends the result.
public struct EmailRendering: Sendable {
    /// The desk's email settings.
    public let settings: EmailDeskSettings

    /// Creates a renderer.
    ///
    /// - Parameter settings: The desk's email settings.
    public init(settings: EmailDeskSettings) {
        self.settings = settings
    }

    /// Renders a message.
    ///
    /// - Parameters:
    ///   - message: The outbound message.
    ///   - recipient: The member's mailbox.
    ///   - thread: Its place in the conversation.
    ///   - isAutomatic: Whether the desk sends it on its own (not an agent's reply).
    ///   - date: The instant for the `Date` header.
    ///   - files: The message's files with their bytes, attached after the text.
    /// - Returns: The bytes with their envelope.
    /// - Throws: ``EmailError``: `headerInjection` for a subject or name with a line break,
    ///   `invalidAddress` for a recipient address that is not ASCII, `invalidMessageID` for a thread id
    ///   that is not one.
    public func render(
        _ message: OutboundMessage,
        to recipient: Mailbox,
        thread: EmailThread,
        isAutomatic: Bool,
        at date: Date,
        files: [OutgoingAttachment] = []
    ) throws -> RenderedEmail {
        let messageID = try settings.messageID(of: message.id)
        var email = OutgoingEmail(
            from: settings.mailbox,
            to: [recipient],
            subject: message.subject,
            date: date,
            messageID: messageID,
            inReplyTo: thread.inReplyTo,
            references: thread.references.filter { $0 != messageID },
            textBody: message.body,
            isAutomatic: isAutomatic
        )
        email.attachments = files
        let bytes = try EmailComposer().compose(email)
        return RenderedEmail(
            from: settings.returnPath(of: message.id),
            recipients: [recipient.address],
            messageID: messageID,
            bytes: bytes
        )
    }
}
