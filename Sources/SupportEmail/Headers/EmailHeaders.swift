/// The header fields of a message or a MIME part, in order, as received.
///
/// Values are kept unfolded and undecoded; ``subscript(_:)`` decodes RFC 2047 encoded words and reads raw
/// 8-bit bytes in the part's fallback charset (UTF-8 when valid, else the charset of the text).
public struct EmailHeaders: Hashable, Sendable {
    /// One header field.
    public struct Field: Hashable, Sendable {
        /// The field's name in lowercase (`content-type`).
        public let name: String
        /// The unfolded value's bytes, without the leading whitespace.
        public let rawValue: [UInt8]
    }

    /// The fields in the order they were received.
    public private(set) var fields: [Field]
    /// The charset that raw 8-bit bytes in values are read in when they are not UTF-8.
    var fallbackCharset: EmailCharset = .windows1252

    /// Creates headers from fields.
    ///
    /// - Parameter fields: The fields in order.
    public init(fields: [Field] = []) {
        self.fields = fields
    }

    /// The raw bytes of the first field of that name, if any.
    ///
    /// - Parameter name: The field name in any case.
    /// - Returns: The unfolded, undecoded value.
    public func rawValue(_ name: String) -> [UInt8]? {
        let key = name.lowercased()
        return fields.first { $0.name == key }?.rawValue
    }

    /// The decoded value of the first field of that name, with encoded words decoded and whitespace trimmed.
    ///
    /// - Parameter name: The field name in any case.
    public subscript(_ name: String) -> String? {
        guard let raw = rawValue(name) else { return nil }
        return HeaderText.decode(raw[...], fallback: fallbackCharset)
    }

    /// The decoded values of every field of that name.
    ///
    /// - Parameter name: The field name in any case.
    /// - Returns: The values in order.
    public func values(_ name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name == key }.map { HeaderText.decode($0.rawValue[...], fallback: fallbackCharset) }
    }

    /// Whether a field of that name is present.
    ///
    /// - Parameter name: The field name in any case.
    public func contains(_ name: String) -> Bool {
        let key = name.lowercased()
        return fields.contains { $0.name == key }
    }
}

extension EmailHeaders {
    /// Reads the header section starting at `start`.
    ///
    /// - Returns: The headers and the index where the body starts (after the blank line, or the end).
    /// - Throws: ``EmailError/Code-swift.struct/headerTooLong`` past the limits.
    static func parse(
        _ bytes: [UInt8],
        from start: Int,
        to end: Int,
        limits: EmailParsingLimits,
        warnings: inout [EmailParseWarning]
    ) throws -> (EmailHeaders, Int) {
        var fields: [Field] = []
        var name: String?
        var value: [UInt8] = []
        var index = start
        var sectionBytes = 0

        func finish() {
            if let current = name {
                var trimmedEnd = value.count
                while trimmedEnd > 0, value[trimmedEnd - 1] == 0x20 || value[trimmedEnd - 1] == 0x09 { trimmedEnd -= 1 }
                fields.append(Field(name: current, rawValue: Array(value[0..<trimmedEnd])))
            }
            name = nil
            value.removeAll(keepingCapacity: true)
        }

        while index < end {
            var lineEnd = index
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            var contentEnd = lineEnd
            if contentEnd > index, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            sectionBytes += next - index
            if sectionBytes > limits.maxHeaderSectionBytes {
                throw EmailError(
                    .headerTooLong,
                    "The header section is longer than \(limits.maxHeaderSectionBytes) bytes; the message is refused."
                )
            }
            if contentEnd == index {
                finish()
                return (EmailHeaders(fields: fields), next)
            }
            let first = bytes[index]
            if first == 0x20 || first == 0x09 {
                if name != nil {
                    if value.count + (contentEnd - index) > limits.maxHeaderFieldBytes {
                        throw Self.tooLong(name ?? "", limits)
                    }
                    var from = index
                    if first == 0x09 {
                        value.append(0x20)
                        from += 1
                    }
                    value.append(contentsOf: bytes[from..<contentEnd])
                }
                index = next
                continue
            }
            if contentEnd - index > limits.maxHeaderFieldBytes {
                throw Self.tooLong(Self.fieldName(bytes, index, contentEnd) ?? "a header", limits)
            }
            finish()
            var colon = index
            while colon < contentEnd, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
            if colon == contentEnd || colon == index {
                // Not a field: an mbox "From " line at the very start is skipped; otherwise the headers end
                // here and the line belongs to the body.
                if fields.isEmpty, bytes[index..<contentEnd].starts(with: Array("From ".utf8)) {
                    index = next
                    continue
                }
                warnings.append(.malformedHeader)
                return (EmailHeaders(fields: fields), index)
            }
            var nameEnd = colon
            while nameEnd > index, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            let nameBytes = bytes[index..<nameEnd]
            if nameBytes.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) {
                warnings.append(.malformedHeader)
                return (EmailHeaders(fields: fields), index)
            }
            name = String(decoding: nameBytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
            var valueStart = colon + 1
            while valueStart < contentEnd, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
            value.append(contentsOf: bytes[valueStart..<contentEnd])
            index = next
        }
        finish()
        return (EmailHeaders(fields: fields), end)
    }

    private static func fieldName(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String? {
        var colon = start
        while colon < end, colon - start < 80, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < end, bytes[colon] == UInt8(ascii: ":") else { return nil }
        return String(decoding: bytes[start..<colon], as: UTF8.self)
    }

    private static func tooLong(_ name: String, _ limits: EmailParsingLimits) -> EmailError {
        EmailError(
            .headerTooLong,
            "The header field \(name) is longer than \(limits.maxHeaderFieldBytes) bytes; the message is refused."
        )
    }
}
