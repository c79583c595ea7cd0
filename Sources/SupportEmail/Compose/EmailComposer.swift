/// Writes an ``OutgoingEmail`` as RFC 5322 bytes: RFC 2047 subjects and names when not ASCII,
/// quoted-printable UTF-8 text with an HTML alternative, CRLF line breaks, header lines folded within 78
/// characters and every line within 998.
///
/// Header injection is impossible: a CR, LF or other control character in any header value (a name, the
/// subject, an id) is refused with ``EmailError`` code `headerInjection`, and every body line is encoded.
public struct EmailComposer: Sendable {
    /// Creates a composer.
    public init() {}

    /// The message's bytes.
    ///
    /// - Parameter email: The message.
    /// - Returns: The RFC 5322 message with CRLF line breaks.
    /// - Throws: ``EmailError``: `headerInjection`, `invalidMessageID`, `missingRecipient`, or `invalidAddress`
    ///   for an address that is not ASCII.
    public func compose(_ email: OutgoingEmail) throws -> [UInt8] {
        guard !email.to.isEmpty else {
            throw EmailError(.missingRecipient, "The message has no recipient in To; add the member's address.")
        }
        try Self.checkHeaderText(email.subject, field: "Subject")
        for id in [email.messageID] + (email.inReplyTo.map { [$0] } ?? []) + email.references {
            try Self.checkMessageID(id)
        }
        var lines: [String] = []
        lines.append(try Self.addressField("From", [email.from]))
        lines.append(try Self.addressField("To", email.to))
        if !email.cc.isEmpty { lines.append(try Self.addressField("Cc", email.cc)) }
        if let replyTo = email.replyTo { lines.append(try Self.addressField("Reply-To", [replyTo])) }
        lines.append(Self.unstructuredField("Subject", email.subject))
        lines.append("Date: " + EmailDate.format(email.date))
        lines.append("Message-ID: <\(email.messageID)>")
        if let inReplyTo = email.inReplyTo { lines.append("In-Reply-To: <\(inReplyTo)>") }
        if !email.references.isEmpty {
            lines.append(Self.fold("References:", email.references.map { "<\($0)>" }, separator: ""))
        }
        if email.isAutomatic {
            lines.append("Auto-Submitted: auto-replied")
            lines.append("X-Auto-Response-Suppress: All")
        }
        lines.append("MIME-Version: 1.0")

        var output: [UInt8] = []
        func append(_ text: String) {
            output.append(contentsOf: Array(text.utf8))
            output.append(0x0D)
            output.append(0x0A)
        }
        for line in lines { append(line) }
        let text = TransferEncoding.encodeQuotedPrintable(Self.normalized(email.textBody))
        guard let html = email.htmlBody else {
            append("Content-Type: text/plain; charset=UTF-8; format=fixed")
            append("Content-Transfer-Encoding: quoted-printable")
            append("")
            output.append(contentsOf: text)
            append("")
            return output
        }
        // "=_" never appears in quoted-printable output, so the boundary cannot occur in a body.
        let boundary = "=_support_" + SHA256Digest.hex(of: Array(email.messageID.utf8)).prefix(24)
        append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
        append("")
        append("--" + boundary)
        append("Content-Type: text/plain; charset=UTF-8; format=fixed")
        append("Content-Transfer-Encoding: quoted-printable")
        append("")
        output.append(contentsOf: text)
        append("")
        append("--" + boundary)
        append("Content-Type: text/html; charset=UTF-8")
        append("Content-Transfer-Encoding: quoted-printable")
        append("")
        output.append(contentsOf: TransferEncoding.encodeQuotedPrintable(Self.normalized(html)))
        append("")
        append("--" + boundary + "--")
        return output
    }

    /// Refuses CR, LF and other control characters (tab aside) in a header value.
    static func checkHeaderText(_ text: String, field: String) throws {
        for scalar in text.unicodeScalars
        where (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
            || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
        {
            let what = scalar == "\r" || scalar == "\n" ? "a line break" : "a control character"
            throw EmailError(
                .headerInjection,
                "The \(field) holds \(what); header values are one line, so it is refused (header injection)."
            )
        }
    }

    private static func checkMessageID(_ id: String) throws {
        try checkHeaderText(id, field: "Message-ID")
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && id.unicodeScalars.allSatisfy {
                $0.isASCII && $0.value > 0x20 && $0 != "<" && $0 != ">" && $0 != "\u{7F}"
            }
        if !valid {
            throw EmailError(.invalidMessageID, "“\(id.prefix(200))” is not a Message-ID; write it as token@domain.")
        }
    }

    private static func addressField(_ name: String, _ mailboxes: [Mailbox]) throws -> String {
        var items: [String] = []
        for mailbox in mailboxes {
            guard mailbox.address.isASCII else {
                throw EmailError(
                    .invalidAddress,
                    "\(mailbox.address) is not ASCII; this composer writes ASCII addresses only (no SMTPUTF8)."
                )
            }
            items.append(try mailboxText(mailbox, field: name))
        }
        return fold(name + ":", items, separator: ",")
    }

    private static func mailboxText(_ mailbox: Mailbox, field: String) throws -> String {
        guard let name = mailbox.displayName, !name.isEmpty else { return mailbox.address.description }
        try checkHeaderText(name, field: "\(field) display name")
        let address = "<\(mailbox.address)>"
        if !name.unicodeScalars.allSatisfy(\.isASCII) { return EncodedWord.encode(name) + " " + address }
        let atomOnly = name.utf8.allSatisfy { EmailAddress.isAtext($0) || $0 == 0x20 }
        // A name in single quotes is quoted, or a parser would take the quotes for a client's wrapping.
        let singleQuoted = name.count >= 2 && name.hasPrefix("'") && name.hasSuffix("'")
        if atomOnly, !singleQuoted, !name.hasPrefix(" "), !name.hasSuffix(" ") { return name + " " + address }
        var quoted = "\""
        for character in name {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\" " + address
    }

    private static func unstructuredField(_ name: String, _ value: String) -> String {
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        let plain = value.unicodeScalars.allSatisfy { $0.isASCII } && !value.contains("=?")
        if plain, words.allSatisfy({ $0.count <= 70 }), value == HeaderText.collapse(value) {
            return fold(name + ":", words.map(String.init), separator: "")
        }
        let encoded = EncodedWord.encode(value)
        return name + ": " + encoded
    }

    /// Joins items after a field name, breaking lines (CRLF and a space) to stay within 78 characters.
    private static func fold(_ start: String, _ items: [String], separator: String) -> String {
        var result = start
        var lineLength = start.count
        for (index, item) in items.enumerated() {
            let piece = item + (index < items.count - 1 ? separator : "")
            if lineLength + 1 + piece.count > 78, lineLength > start.count {
                result += "\r\n " + piece
                lineLength = 1 + piece.count
            } else {
                result += " " + piece
                lineLength += 1 + piece.count
            }
        }
        return result
    }

    private static func normalized(_ text: String) -> String {
        text.replacingCRLF()
    }
}

extension String {
    /// The text with CRLF and lone CR turned into LF.
    func replacingCRLF() -> String {
        guard utf8.contains(0x0D) else { return self }
        return String(decoding: BodyCollector.normalizingLineBreaks(Array(utf8)), as: UTF8.self)
    }
}
