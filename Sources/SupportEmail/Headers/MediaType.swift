/// A `Content-Type` or `Content-Disposition` value: the main value and its parameters.
///
/// Parameters are decoded with RFC 2231 (continuations `name*0*=`, `charset'lang'percent-encoded` values)
/// and, because many mailers do it, RFC 2047 encoded words inside quoted values.
public struct MediaType: Hashable, Sendable {
    /// The main value in lowercase: `text/plain`, `multipart/mixed`, `attachment`.
    public let value: String
    /// The parameters by lowercase name, decoded.
    public let parameters: [String: String]

    /// Creates a media type.
    ///
    /// - Parameters:
    ///   - value: The main value, lowercased.
    ///   - parameters: The parameters by lowercase name.
    public init(_ value: String, parameters: [String: String] = [:]) {
        self.value = value.lowercased()
        self.parameters = parameters
    }

    /// The part before the slash (`text`), or the whole value.
    public var type: String {
        guard let slash = value.firstIndex(of: "/") else { return value }
        return String(value[..<slash])
    }

    /// The part after the slash (`plain`), or empty.
    public var subtype: String {
        guard let slash = value.firstIndex(of: "/") else { return "" }
        return String(value[value.index(after: slash)...])
    }

    /// Parses a header value.
    ///
    /// - Parameters:
    ///   - bytes: The unfolded raw value.
    ///   - fallback: The charset for raw 8-bit bytes that are not UTF-8.
    /// - Returns: The media type; an empty value when nothing parses.
    static func parse(_ bytes: [UInt8], fallback: EmailCharset) -> MediaType {
        var scanner = ParameterScanner(bytes: bytes)
        let main = scanner.readValue(stopAtSemicolon: true)
        var plain: [String: [UInt8]] = [:]
        var sections: [String: [Int: (extended: Bool, bytes: [UInt8])]] = [:]
        while scanner.skipSemicolon() {
            guard let name = scanner.readName() else { continue }
            let value = scanner.readParameterValue()
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                let rest = name[name.index(after: star)...]
                let extended = rest.hasSuffix("*") || rest.isEmpty
                let number = Int(rest.filter { $0 != "*" }) ?? 0
                if number < 0 || number > 999 { continue }
                sections[base, default: [:]][number] = (extended, value)
            } else {
                plain[name] = value
            }
        }
        var parameters: [String: String] = [:]
        for (name, value) in plain {
            parameters[name] = HeaderText.decode(value[...], fallback: fallback)
        }
        for (name, parts) in sections {
            var charset: EmailCharset?
            var combined: [UInt8] = []
            for number in parts.keys.sorted() {
                guard let part = parts[number] else { continue }
                var value = part.bytes[...]
                if part.extended {
                    if number == parts.keys.min(), let firstQuote = value.firstIndex(of: UInt8(ascii: "'")),
                        let secondQuote = value[(firstQuote + 1)...].firstIndex(of: UInt8(ascii: "'"))
                    {
                        let name = String(decoding: value[value.startIndex..<firstQuote], as: UTF8.self)
                        if !name.isEmpty { charset = EmailCharset(name: name) }
                        value = value[(secondQuote + 1)...]
                    }
                    combined.append(contentsOf: percentDecode(value))
                } else {
                    combined.append(contentsOf: value)
                }
            }
            parameters[name] = HeaderText.collapse((charset ?? .utf8).decode(combined))
        }
        return MediaType(main, parameters: parameters)
    }

    private static func percentDecode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = TransferEncoding.hexValue(bytes[index + 1]),
                let low = TransferEncoding.hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}

/// Reads `value; name=token; name="quoted \" string"` with comments in parentheses skipped.
private struct ParameterScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpaceAndComments() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                index += 1
            } else if byte == UInt8(ascii: "(") {
                var depth = 0
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if bytes[index] == UInt8(ascii: "(") { depth += 1 }
                    if bytes[index] == UInt8(ascii: ")") { depth -= 1 }
                    index += 1
                    if depth == 0 { break }
                }
            } else {
                return
            }
        }
    }

    /// The main value, lowercased, up to `;`.
    mutating func readValue(stopAtSemicolon: Bool) -> String {
        skipSpaceAndComments()
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: ";"), bytes[index] > 0x20,
            bytes[index] != UInt8(ascii: "(")
        {
            index += 1
        }
        let value = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
        return value
    }

    mutating func skipSemicolon() -> Bool {
        skipSpaceAndComments()
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: ";") { index += 1 }
        skipSpaceAndComments()
        return index < bytes.count
    }

    /// A parameter name, lowercased, up to `=`; nil (and the rest of the parameter skipped) when malformed.
    mutating func readName() -> String? {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
        var nameEnd = index
        while nameEnd > start, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
        index += 1
        let name = String(decoding: bytes[start..<nameEnd], as: UTF8.self).lowercased()
        return name.isEmpty ? nil : name
    }

    /// A token or quoted string; an unquoted value runs to `;` with its ends trimmed (lenient for
    /// `name=my file.pdf`).
    mutating func readParameterValue() -> [UInt8] {
        skipSpaceAndComments()
        guard index < bytes.count else { return [] }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            var value: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                value.append(bytes[index])
                index += 1
            }
            if index < bytes.count { index += 1 }
            while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            return value
        }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
        var end = index
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return Array(bytes[start..<end])
    }
}
