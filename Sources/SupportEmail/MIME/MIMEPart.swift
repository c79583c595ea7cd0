/// One node of a message's MIME tree: its headers, its content type and either its body or its children.
struct MIMEPart {
    /// The part's header fields.
    var headers: EmailHeaders
    /// The `Content-Type` (defaulting to `text/plain`, or `message/rfc822` inside `multipart/digest`).
    var contentType: MediaType
    /// Where the body is in the message's bytes.
    var body: Range<Int>
    /// The parts of a multipart, in order; empty for a leaf.
    var children: [MIMEPart]
    /// The header section of an attached `message/rfc822` or `text/rfc822-headers`, when parsed.
    var embeddedHeaders: EmailHeaders?

    /// The `Content-Disposition`, if present.
    var disposition: MediaType? {
        headers.rawValue("content-disposition").map { MediaType.parse($0, fallback: headers.fallbackCharset) }
    }

    /// The lowercased transfer encoding, `7bit` when absent.
    var transferEncoding: String {
        guard let raw = headers.rawValue("content-transfer-encoding") else { return "7bit" }
        return HeaderText.collapse(String(decoding: raw, as: UTF8.self)).lowercased()
    }
}

/// Builds the MIME tree within the limits.
struct MIMETreeParser {
    let bytes: [UInt8]
    let limits: EmailParsingLimits
    var partCount = 0
    var warnings: [EmailParseWarning] = []

    init(bytes: [UInt8], limits: EmailParsingLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Parses the entity in `range` (headers and body).
    mutating func parseEntity(_ range: Range<Int>, depth: Int, defaultType: MediaType) throws -> MIMEPart {
        partCount += 1
        if partCount > limits.maxParts {
            throw EmailError(.tooManyParts, "The message has more than \(limits.maxParts) MIME parts; it is refused.")
        }
        var (headers, bodyStart) = try EmailHeaders.parse(
            bytes,
            from: range.lowerBound,
            to: range.upperBound,
            limits: limits,
            warnings: &warnings
        )
        var contentType = defaultType
        if let raw = headers.rawValue("content-type") {
            let parsed = MediaType.parse(raw, fallback: .windows1252)
            if parsed.value.contains("/") { contentType = parsed }
        }
        if let charset = contentType.parameters["charset"] {
            let known = EmailCharset(name: charset)
            if known.isKnown, known != .ascii, known != .utf8 { headers.fallbackCharset = known }
        }
        var part = MIMEPart(
            headers: headers,
            contentType: contentType,
            body: bodyStart..<range.upperBound,
            children: []
        )
        if contentType.type == "multipart" {
            if depth >= limits.maxDepth {
                throw EmailError(
                    .nestingTooDeep,
                    "The message nests multiparts deeper than \(limits.maxDepth) levels; it is refused."
                )
            }
            guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
                warnings.append(.missingBoundary)
                part.contentType = MediaType("text/plain", parameters: [:])
                return part
            }
            let ranges = splitMultipart(part.body, boundary: Array(boundary.utf8))
            if ranges.isEmpty {
                warnings.append(.boundaryNotFound)
                part.contentType = MediaType("text/plain", parameters: [:])
                return part
            }
            let childDefault =
                contentType.subtype == "digest"
                ? MediaType("message/rfc822") : MediaType("text/plain", parameters: ["charset": "us-ascii"])
            for childRange in ranges {
                part.children.append(try parseEntity(childRange, depth: depth + 1, defaultType: childDefault))
            }
        } else if contentType.value == "message/rfc822" || contentType.value == "text/rfc822-headers"
            || contentType.value == "message/global"
        {
            // Only the attached message's headers are read (for bounces and forwards); its body stays opaque.
            if depth >= limits.maxDepth {
                throw EmailError(
                    .nestingTooDeep,
                    "The message nests attached messages deeper than \(limits.maxDepth) levels; it is refused."
                )
            }
            if part.transferEncoding == "7bit" || part.transferEncoding == "8bit" || part.transferEncoding == "binary" {
                let (embedded, _) = try EmailHeaders.parse(
                    bytes,
                    from: part.body.lowerBound,
                    to: part.body.upperBound,
                    limits: limits,
                    warnings: &warnings
                )
                part.embeddedHeaders = embedded
            }
        }
        return part
    }

    /// The ranges of the parts between `--boundary` lines; empty when the boundary never appears.
    mutating func splitMultipart(_ body: Range<Int>, boundary: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var partStart: Int?
        var lineStart = body.lowerBound
        var closed = false
        while lineStart < body.upperBound {
            var lineEnd = lineStart
            while lineEnd < body.upperBound, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < body.upperBound ? lineEnd + 1 : body.upperBound
            if lineEnd - lineStart >= boundary.count + 2, bytes[lineStart] == UInt8(ascii: "-"),
                bytes[lineStart + 1] == UInt8(ascii: "-"), matches(boundary, at: lineStart + 2)
            {
                let afterBoundary = lineStart + 2 + boundary.count
                let isClose =
                    afterBoundary + 1 < lineEnd + 1 && afterBoundary + 1 < body.upperBound
                    && bytes[afterBoundary] == UInt8(ascii: "-") && bytes[afterBoundary + 1] == UInt8(ascii: "-")
                let rest = bytes[(isClose ? afterBoundary + 2 : afterBoundary)..<lineEnd]
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        // The line break before the boundary belongs to the boundary.
                        var end = lineStart
                        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
                        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                        ranges.append(start..<max(start, end))
                    }
                    if isClose {
                        closed = true
                        break
                    }
                    partStart = next
                }
            }
            lineStart = next
        }
        if !closed, let start = partStart {
            warnings.append(.unclosedMultipart)
            ranges.append(start..<body.upperBound)
        }
        return ranges
    }

    private func matches(_ boundary: [UInt8], at index: Int) -> Bool {
        if index + boundary.count > bytes.count { return false }
        for offset in 0..<boundary.count where bytes[index + offset] != boundary[offset] { return false }
        return true
    }
}
