/// A validated email address (`local-part@domain`), the form a member's email contact is stored in.
///
/// Creating one from text that does not parse throws ``EmailError/Code-swift.struct/invalidAddress`` with the
/// reason. The domain is lowercased; ``canonical`` (the whole address lowercased) is the key to match a
/// sender against the member directory.
///
/// ```swift
/// let address = try EmailAddress("Maria.Lopez@Example.COM")
/// address.description   // "Maria.Lopez@example.com"
/// address.canonical     // "maria.lopez@example.com"
/// ```
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The part before the `@`, as written (a quoted local part keeps its quotes).
    public let localPart: String
    /// The domain in lowercase.
    public let domain: String

    /// Parses and validates an address.
    ///
    /// Accepts the addr-spec of RFC 5322 with UTF-8 allowed (RFC 6531); whitespace around it is trimmed,
    /// and angle brackets around it are removed.
    ///
    /// - Parameter text: The address, such as `maria@example.com`.
    /// - Throws: ``EmailError`` with code `invalidAddress` naming what is wrong.
    public init(_ text: String) throws {
        var trimmed = Substring(text).drop { $0 == " " || $0 == "\t" }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        if trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), trimmed.count >= 2 {
            trimmed = trimmed.dropFirst().dropLast()
        }
        try self.init(validating: Array(trimmed.utf8), original: text)
    }

    init(validating bytes: [UInt8], original: String) throws {
        func fail(_ reason: String) -> EmailError {
            EmailError(.invalidAddress, "“\(original.prefix(200))” is not an email address: \(reason).")
        }
        if bytes.isEmpty { throw fail("it is empty") }
        if bytes.count > 254 { throw fail("it is longer than 254 characters") }
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { throw fail("it has no @") }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        if local.isEmpty { throw fail("nothing comes before the @") }
        if domain.isEmpty { throw fail("nothing comes after the @") }
        if local.count > 64 { throw fail("the part before the @ is longer than 64 characters") }
        if EmailCharset.validUTF8(bytes) == nil { throw fail("it is not valid UTF-8") }
        if local.first == UInt8(ascii: "\""), local.last == UInt8(ascii: "\""), local.count >= 2 {
            for byte in local.dropFirst().dropLast() where byte < 0x20 || byte == 0x7F || byte == 0x0D || byte == 0x0A {
                throw fail("the quoted part holds a control character")
            }
        } else {
            var previousDot = true
            for byte in local {
                if byte == UInt8(ascii: ".") {
                    if previousDot { throw fail("the part before the @ has an empty dot-separated piece") }
                    previousDot = true
                    continue
                }
                previousDot = false
                if !Self.isAtext(byte) { throw fail("the part before the @ holds “\(Self.show(byte))”") }
            }
            if previousDot { throw fail("the part before the @ ends with a dot") }
        }
        if domain.first == UInt8(ascii: "[") {
            guard domain.last == UInt8(ascii: "]"), domain.count > 2,
                domain.dropFirst().dropLast().allSatisfy({
                    $0 > 0x20 && $0 < 0x7F && $0 != 0x5B && $0 != 0x5D && $0 != 0x5C
                })
            else { throw fail("the address literal after the @ is malformed") }
        } else {
            if domain.count > 253 { throw fail("the domain is longer than 253 characters") }
            for label in domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
                if label.isEmpty { throw fail("the domain has an empty label") }
                if label.count > 63 { throw fail("a domain label is longer than 63 characters") }
                if label.first == UInt8(ascii: "-") || label.last == UInt8(ascii: "-") {
                    throw fail("a domain label starts or ends with a hyphen")
                }
                for byte in label where !(Self.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte >= 0x80) {
                    throw fail("the domain holds “\(Self.show(byte))”")
                }
            }
        }
        self.localPart = String(decoding: local, as: UTF8.self)
        self.domain = String(decoding: domain, as: UTF8.self).lowercased()
    }

    /// The address as `local-part@domain`.
    public var description: String { localPart + "@" + domain }

    /// The whole address in lowercase: the key to compare two addresses by.
    public var canonical: String { description.lowercased() }

    /// Whether the address is all ASCII (every address this module writes in a header must be).
    public var isASCII: Bool { description.utf8.allSatisfy { $0 < 0x80 } }

    /// Decodes an address from a single string, validating it.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: ``EmailError`` when the string is not an address.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(try container.decode(String.self))
    }

    /// Encodes the address as a single string.
    ///
    /// - Parameter encoder: The encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isAtext(_ byte: UInt8) -> Bool {
        if isAlphanumeric(byte) || byte >= 0x80 { return true }
        return Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }

    private static func show(_ byte: UInt8) -> String {
        byte < 0x20 || byte == 0x7F ? "a control character" : String(decoding: [byte], as: UTF8.self)
    }
}
