import Foundation

/// Reads RFC 5322 messages with MIME into ``ParsedEmail`` values.
///
/// Pure and bounded: bytes in, a value out, no clock and no I/O. A message past ``limits`` is refused with
/// an ``EmailError``; malformed MIME that can still be read (a missing boundary, an unknown charset, a
/// broken header line) is read around and noted in ``ParsedEmail/warnings``.
///
/// ```swift
/// let email = try EmailParser().parse(rawBytes)
/// if case .bounce(let report) = email.classification, report.isFailure { … }
/// print(email.from.address, email.newText)
/// ```
public struct EmailParser: Sendable {
    /// The bounds on size, depth and parts.
    public var limits: EmailParsingLimits
    /// How the new text of a reply is told from its quoted history.
    public var replyExtractor: ReplyExtractor

    /// Creates a parser.
    ///
    /// - Parameters:
    ///   - limits: The bounds on size, depth and parts.
    ///   - replyExtractor: The reply extractor for ``ParsedEmail/newText``.
    public init(limits: EmailParsingLimits = .standard, replyExtractor: ReplyExtractor = ReplyExtractor()) {
        self.limits = limits
        self.replyExtractor = replyExtractor
    }

    /// Parses a message.
    ///
    /// - Parameter data: The message as received (CRLF or LF line breaks).
    /// - Returns: The parsed message.
    /// - Throws: ``EmailError`` past the limits, or when the message has no sender.
    public func parse(_ data: Data) throws -> ParsedEmail {
        try parse([UInt8](data))
    }

    /// Parses a message.
    ///
    /// - Parameter bytes: The message as received (CRLF or LF line breaks).
    /// - Returns: The parsed message.
    /// - Throws: ``EmailError`` past the limits, or when the message has no sender.
    public func parse(_ bytes: [UInt8]) throws -> ParsedEmail {
        if bytes.count > limits.maxMessageBytes {
            throw EmailError(
                .messageTooLarge,
                "The message is \(bytes.count) bytes, more than the limit of \(limits.maxMessageBytes); it is refused."
            )
        }
        var tree = MIMETreeParser(bytes: bytes, limits: limits)
        let root = try tree.parseEntity(0..<bytes.count, depth: 0, defaultType: MediaType("text/plain"))
        let headers = root.headers
        if headers.fields.isEmpty {
            throw EmailError(.notAMessage, "The input has no header section; it is not an email message.")
        }
        var warnings = tree.warnings
        var collector = BodyCollector(bytes: bytes)
        collector.collect(root, context: .mixed)
        warnings += collector.warnings

        let fallback = headers.fallbackCharset
        func mailboxes(_ name: String) -> [Mailbox] {
            guard let raw = headers.rawValue(name), !raw.allSatisfy({ $0 <= 0x20 }) else { return [] }
            do {
                return try AddressListParser.parse(raw, fallback: fallback, strict: false)
            } catch {
                warnings.append(.invalidAddressHeader(name))
                return []
            }
        }
        let fromList = mailboxes("from")
        let senderList = mailboxes("sender")
        guard let from = fromList.first ?? senderList.first else {
            let shown = headers["from"].map { "“\($0.prefix(200))”" } ?? "missing"
            throw EmailError(
                .missingSender,
                "The message's From header is \(shown): there is no sender address to answer or to match a member by."
            )
        }
        let subject = headers["subject"] ?? ""
        let textBody = collector.textBody()
        var email = ParsedEmail(
            headers: headers,
            from: from,
            sender: senderList.first.flatMap { $0.address == from.address ? nil : $0 },
            to: mailboxes("to"),
            cc: mailboxes("cc"),
            replyTo: mailboxes("reply-to"),
            subject: subject,
            date: headers["date"].flatMap(EmailDate.parse),
            messageID: MessageIDList.parse(headers.rawValue("message-id")).first,
            inReplyTo: MessageIDList.parse(headers.rawValue("in-reply-to")),
            references: MessageIDList.parse(headers.rawValue("references")),
            textBody: textBody,
            htmlBody: collector.htmlBody(),
            newText: "",
            attachments: collector.attachments,
            ticketReference: TicketReference.find(in: subject),
            classification: .normal,
            warnings: []
        )
        email.classification = MessageClassifier.classify(email, delivery: collector.delivery)
        email.newText = email.classification.isAutomatic ? textBody : replyExtractor.newText(of: textBody)
        var seen: Set<EmailParseWarning> = []
        email.warnings = warnings.filter { seen.insert($0).inserted }
        return email
    }
}
