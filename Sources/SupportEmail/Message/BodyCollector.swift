/// Walks the MIME tree: picks the text and HTML bodies, decodes attachments, keeps the parts of a delivery
/// report.
struct BodyCollector {
    enum Context {
        case mixed
        case alternative
    }

    /// The parts of a delivery report found in the tree.
    struct Delivery {
        var isReport = false
        var statusBlocks: [EmailHeaders] = []
        var originalHeaders: EmailHeaders?
    }

    let bytes: [UInt8]
    var plainPieces: [String] = []
    var htmlPieces: [String] = []
    var attachments: [EmailAttachment] = []
    var warnings: [EmailParseWarning] = []
    var delivery = Delivery()

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func collect(_ part: MIMEPart, context: Context) {
        let type = part.contentType
        if type.type == "multipart" {
            switch type.subtype {
            case "alternative":
                collectAlternative(part)
            case "related":
                guard let first = part.children.first else { return }
                let start = type.parameters["start"].map { $0.trimmingCharacters(in: "<>") }
                let root = part.children.first { child in start != nil && contentID(child) == start } ?? first
                collect(root, context: context)
                for child in part.children where child.body != root.body {
                    addAttachment(child, inline: true)
                }
            case "report":
                delivery.isReport =
                    delivery.isReport || type.parameters["report-type"]?.lowercased() == "delivery-status"
                for child in part.children { collect(child, context: .mixed) }
            case "signed":
                if let first = part.children.first { collect(first, context: context) }
            default:
                for child in part.children { collect(child, context: .mixed) }
            }
            return
        }
        switch type.value {
        case "message/delivery-status", "message/global-delivery-status":
            delivery.isReport = true
            delivery.statusBlocks = Self.statusBlocks(decoded(part))
            return
        case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers":
            if delivery.isReport {
                if delivery.originalHeaders == nil { delivery.originalHeaders = part.embeddedHeaders }
                return
            }
        case "application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature":
            return
        default:
            break
        }
        let disposition = part.disposition
        let isAttachment = disposition?.value == "attachment" || filename(part, disposition) != nil
        if type.type == "text", type.subtype == "plain" || type.subtype == "html", !isAttachment {
            let text = decodedText(part)
            if type.subtype == "plain" { plainPieces.append(text) } else { htmlPieces.append(text) }
            return
        }
        addAttachment(part, inline: disposition?.value == "inline")
    }

    private mutating func collectAlternative(_ part: MIMEPart) {
        // The last alternative of each kind is the richest (RFC 2046); the plain one is the text.
        var plain: String?
        var html: String?
        var other: MIMEPart?
        for child in part.children {
            let type = child.contentType
            if type.value == "text/plain", child.disposition?.value != "attachment" {
                plain = decodedText(child)
            } else if type.value == "text/html", child.disposition?.value != "attachment" {
                html = decodedText(child)
            } else if type.type == "multipart" {
                var nested = BodyCollector(bytes: bytes)
                nested.delivery = delivery
                nested.collect(child, context: .alternative)
                if let nestedHTML = nested.htmlBody() { html = nestedHTML }
                if !nested.plainPieces.isEmpty { plain = nested.plainPieces.joined(separator: "\n\n") }
                attachments += nested.attachments
                warnings += nested.warnings
            } else {
                other = child
            }
        }
        if let plain { plainPieces.append(plain) }
        if let html {
            htmlPieces.append(html)
            if plain == nil { plainPieces.append(HTMLText.text(fromHTML: html)) }
        }
        if plain == nil, html == nil, let other { addAttachment(other, inline: false) }
    }

    private mutating func addAttachment(_ part: MIMEPart, inline: Bool) {
        if part.contentType.type == "multipart" {
            var nested = BodyCollector(bytes: bytes)
            nested.collect(part, context: .mixed)
            attachments += nested.attachments
            warnings += nested.warnings
            for piece in nested.plainPieces { plainPieces.append(piece) }
            return
        }
        let disposition = part.disposition
        var name = filename(part, disposition)
        if name == nil, part.contentType.value == "message/rfc822" {
            let subject = part.embeddedHeaders?["subject"] ?? ""
            name = (subject.isEmpty ? "message" : subject) + ".eml"
        }
        attachments.append(
            EmailAttachment(
                filename: name,
                mediaType: part.contentType.value,
                contentID: contentID(part),
                isInline: inline || disposition?.value == "inline",
                content: decoded(part)
            )
        )
    }

    private func filename(_ part: MIMEPart, _ disposition: MediaType?) -> String? {
        let name = disposition?.parameters["filename"] ?? part.contentType.parameters["name"]
        guard let name, !name.isEmpty else { return nil }
        // Keep only the last path component: a name is never a path.
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
        return last.isEmpty ? nil : last
    }

    private func contentID(_ part: MIMEPart) -> String? {
        guard let raw = part.headers.rawValue("content-id") else { return nil }
        let id = MessageIDList.parse(raw).first ?? HeaderText.collapse(String(decoding: raw, as: UTF8.self))
        return id.isEmpty ? nil : id
    }

    /// The part's body with its transfer encoding undone.
    private mutating func decoded(_ part: MIMEPart) -> [UInt8] {
        let body = bytes[part.body]
        switch part.transferEncoding {
        case "base64": return TransferEncoding.decodeBase64(body)
        case "quoted-printable": return TransferEncoding.decodeQuotedPrintable(body)
        case "7bit", "8bit", "binary", "": return Array(body)
        default:
            warnings.append(.unknownTransferEncoding(part.transferEncoding))
            return Array(body)
        }
    }

    /// A text part's body decoded to a string with `\n` line breaks, format=flowed unwrapped.
    private mutating func decodedText(_ part: MIMEPart) -> String {
        let raw = decoded(part)
        let charsetName = part.contentType.parameters["charset"] ?? "us-ascii"
        let charset = EmailCharset(name: charsetName)
        if !charset.isKnown { warnings.append(.unknownCharset(charsetName.lowercased())) }
        var text = charset.decode(Self.normalizingLineBreaks(raw))
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if part.contentType.subtype == "plain", part.contentType.parameters["format"]?.lowercased() == "flowed" {
            text = FormatFlowed.unwrap(text, deleteSpace: part.contentType.parameters["delsp"]?.lowercased() == "yes")
        }
        return text
    }

    static func normalizingLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                output.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    private static func statusBlocks(_ bytes: [UInt8]) -> [EmailHeaders] {
        var blocks: [EmailHeaders] = []
        var start = 0
        var ignored: [EmailParseWarning] = []
        let limits = EmailParsingLimits.standard
        while start < bytes.count, blocks.count < 100 {
            while start < bytes.count, bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
            guard start < bytes.count,
                let (headers, next) = try? EmailHeaders.parse(
                    bytes,
                    from: start,
                    to: bytes.count,
                    limits: limits,
                    warnings: &ignored
                )
            else { break }
            if !headers.fields.isEmpty { blocks.append(headers) }
            if next <= start { break }
            start = next
        }
        return blocks
    }

    /// The plain text: the plain pieces, or the HTML turned into text when there are none.
    func textBody() -> String {
        let joined: String
        if !plainPieces.isEmpty {
            joined = plainPieces.joined(separator: "\n\n")
        } else if !htmlPieces.isEmpty {
            joined = HTMLText.text(fromHTML: htmlPieces.joined(separator: "\n"))
        } else {
            joined = ""
        }
        return ReplyExtractor.trimBlankLines(joined)
    }

    /// The HTML body, if any.
    func htmlBody() -> String? {
        htmlPieces.isEmpty ? nil : htmlPieces.joined(separator: "\n")
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, set.unicodeScalars.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.unicodeScalars.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
