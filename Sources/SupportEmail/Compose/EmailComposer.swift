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
        func append(_ text: String) { Self.appendLine(text, to: &output) }
        for line in lines { append(line) }
        // "=_" never appears in quoted-printable or base64 output, so no boundary can occur in a body.
        let boundary = "=_support_" + SHA256Digest.hex(of: Array(email.messageID.utf8)).prefix(24)
        if !email.attachments.isEmpty {
            append("Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)_mixed\"")
            append("")
            append("--" + boundary + "_mixed")
        }
        Self.appendBody(of: email, boundary: boundary, to: &output)
        guard !email.attachments.isEmpty else { return output }
        for attachment in email.attachments {
            append("")
            append("--" + boundary + "_mixed")
            Self.appendAttachment(attachment, to: &output)
        }
        append("")
        append("--" + boundary + "_mixed--")
        return output
    }

    /// The text, alone or with its HTML alternative, headers included.
    private static func appendBody(of email: OutgoingEmail, boundary: String, to output: inout [UInt8]) {
        func append(_ text: String) { appendLine(text, to: &output) }
        let text = TransferEncoding.encodeQuotedPrintable(normalized(email.textBody))
        guard let html = email.htmlBody else {
            append("Content-Type: text/plain; charset=UTF-8; format=fixed")
            append("Content-Transfer-Encoding: quoted-printable")
            append("")
            output.append(contentsOf: text)
            append("")
            return
        }
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
        output.append(contentsOf: TransferEncoding.encodeQuotedPrintable(normalized(html)))
        append("")
        append("--" + boundary + "--")
    }

    /// One file: its type, its name (RFC 2231 for any name, an ASCII fallback for old clients) and its
    /// bytes in base64 lines of 76 characters.
    private static func appendAttachment(_ attachment: OutgoingAttachment, to output: inout [UInt8]) {
        func append(_ text: String) { appendLine(text, to: &output) }
        let type =
            isPlainMediaType(attachment.mediaType) ? attachment.mediaType.lowercased() : "application/octet-stream"
        let name = attachment.fileName.isEmpty ? "attachment" : String(attachment.fileName.prefix(255))
        let fallback = String(
            name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && scalar.value >= 0x20 && scalar.value != 0x7F && scalar != "\"" && scalar != "\\"
                    ? Character(scalar) : "_"
            }
        )
        let encoded = rfc2231(name)
        append("Content-Type: \(type);\r\n name=\"\(fallback.prefix(200))\"")
        var disposition = "Content-Disposition: attachment;\r\n filename=\"\(fallback.prefix(200))\""
        let pieces = rfc2231Pieces(encoded)
        if pieces.count == 1 {
            disposition += ";\r\n filename*=UTF-8''\(encoded)"
        } else {
            for (index, piece) in pieces.enumerated() {
                disposition += ";\r\n filename*\(index)*=\(index == 0 ? "UTF-8''" : "")\(piece)"
            }
        }
        append(disposition)
        append("Content-Transfer-Encoding: base64")
        append("")
        let base64 = TransferEncoding.encodeBase64(attachment.content)
        var start = 0
        while start < base64.count {
            let end = min(start + 76, base64.count)
            output.append(contentsOf: base64[start..<end])
            output.append(0x0D)
            output.append(0x0A)
            start = end
        }
    }

    /// Writes one line and its CRLF.
    private static func appendLine(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
        output.append(0x0D)
        output.append(0x0A)
    }

    /// Whether a media type is a plain `type/subtype` of token characters.
    static func isPlainMediaType(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, text.utf8.count <= 127 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty
                && part.unicodeScalars.allSatisfy {
                    $0.isASCII
                        && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                            || "!#$&-^_.+".unicodeScalars.contains($0))
                }
        }
    }

    /// An encoded name cut into pieces of at most 60 characters for RFC 2231 continuations, never inside
    /// a `%XX`, so that every header line stays short.
    static func rfc2231Pieces(_ encoded: String) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var characters = encoded.makeIterator()
        while let character = characters.next() {
            var unit = String(character)
            if character == "%" {
                unit.append(characters.next() ?? "0")
                unit.append(characters.next() ?? "0")
            }
            if piece.count + unit.count > 60 {
                pieces.append(piece)
                piece = ""
            }
            piece += unit
        }
        if !piece.isEmpty || pieces.isEmpty { pieces.append(piece) }
        return pieces
    }

    /// A name percent-encoded as RFC 2231 asks: UTF-8, every byte outside the attribute characters
    /// written `%XX`.
    static func rfc2231(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80,
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "!#$&+-.^_`|~".unicodeScalars.contains(scalar)
            {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
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

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
