/// Hands a composed email to a mail system: an SMTP client, a provider's HTTP API, a local sendmail.
///
/// ``EmailChannel`` renders each outbound message and calls ``send(_:)``. Delivery is at least once: the
/// same message (with the same ``RenderedEmail/messageID``) may come again after a failure or a
/// restart; a provider that deduplicates by `Message-ID` drops the repeat.
public protocol MailTransport: Sendable {
    /// Sends one message.
    ///
    /// - Parameter email: The message's bytes and its envelope.
    /// - Throws: Any error when the mail system did not accept it; the desk retries later, then falls
    ///   back to the member's next channel.
    func send(_ email: RenderedEmail) async throws
}

/// A composed email and its envelope: what a ``MailTransport`` sends.
public struct RenderedEmail: Sendable, Hashable {
    /// The envelope sender (`MAIL FROM`): the desk's address.
    public var from: EmailAddress
    /// The envelope recipients (`RCPT TO`).
    public var recipients: [EmailAddress]
    /// The `Message-ID`, without angle brackets.
    public var messageID: String
    /// The RFC 5322 message, CRLF line breaks.
    public var bytes: [UInt8]

    /// Creates a rendered email.
    ///
    /// - Parameters:
    ///   - from: The envelope sender.
    ///   - recipients: The envelope recipients.
    ///   - messageID: The `Message-ID` without brackets.
    ///   - bytes: The message.
    public init(from: EmailAddress, recipients: [EmailAddress], messageID: String, bytes: [UInt8]) {
        self.from = from
        self.recipients = recipients
        self.messageID = messageID
        self.bytes = bytes
    }
}
