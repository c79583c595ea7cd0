/// Parses RFC 5322 address lists: display names with encoded words, quoted strings, comments, angle
/// addresses, groups, and the common unquoted `Last, First <address>` of some clients.
enum AddressListParser {
    private enum Token {
        case word([UInt8], quoted: Bool)
        case comment([UInt8])
        case special(UInt8)
        case literal([UInt8])
    }

    /// Parses a list. Strict mode throws on any entry that does not parse; lenient mode keeps the entries
    /// that parse and throws only when there are none and the text is not empty.
    static func parse(_ bytes: [UInt8], fallback: EmailCharset, strict: Bool) throws -> [Mailbox] {
        let tokens = try tokenize(bytes)
        var entries: [[Token]] = [[]]
        var angleDepth = 0
        for token in tokens {
            if case .special(let byte) = token {
                if byte == UInt8(ascii: "<") { angleDepth += 1 }
                if byte == UInt8(ascii: ">") { angleDepth = max(0, angleDepth - 1) }
                if angleDepth == 0, byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") {
                    entries.append([])
                    continue
                }
                if angleDepth == 0, byte == UInt8(ascii: ":") {
                    // A group's name: drop what came before in this entry.
                    entries[entries.count - 1] = []
                    continue
                }
            }
            entries[entries.count - 1].append(token)
        }
        // Merge an entry without "@" into the next one (an unquoted comma in a display name).
        var merged: [[Token]] = []
        var carry: [Token] = []
        for entry in entries {
            let hasAt = entry.contains { if case .special(UInt8(ascii: "@")) = $0 { true } else { false } }
            let hasAngle = entry.contains { if case .special(UInt8(ascii: "<")) = $0 { true } else { false } }
            if !hasAt && !hasAngle && !entry.isEmpty && !isOnlyComments(entry) {
                carry += entry
                continue
            }
            if entry.isEmpty || isOnlyComments(entry) { continue }
            merged.append(carry.isEmpty ? entry : carry + [.special(UInt8(ascii: ","))] + entry)
            carry = []
        }
        if !carry.isEmpty, strict {
            throw EmailError(.invalidAddress, "“\(preview(bytes))” holds a name without an address.")
        }
        var result: [Mailbox] = []
        var firstError: EmailError?
        for entry in merged {
            do {
                result.append(try mailbox(entry, fallback: fallback, source: bytes, strict: strict))
            } catch let error as EmailError {
                if strict { throw error }
                firstError = firstError ?? error
            }
        }
        if result.isEmpty {
            if let error = firstError { throw error }
            if !carry.isEmpty || strict {
                throw EmailError(.invalidAddress, "“\(preview(bytes))” holds no email address.")
            }
        }
        return result
    }

    private static func isOnlyComments(_ entry: [Token]) -> Bool {
        entry.allSatisfy { if case .comment = $0 { true } else { false } }
    }

    private static func preview(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(200), as: UTF8.self)
    }

    private static func mailbox(
        _ entry: [Token],
        fallback: EmailCharset,
        source: [UInt8],
        strict: Bool
    ) throws -> Mailbox {
        var phrase: [Token] = []
        var addressTokens: [Token] = []
        var comments: [[UInt8]] = []
        var inAngle = false
        var sawAngle = false
        for token in entry {
            switch token {
            case .special(UInt8(ascii: "<")) where !sawAngle:
                inAngle = true
                sawAngle = true
            case .special(UInt8(ascii: ">")) where inAngle:
                inAngle = false
            case .comment(let text):
                comments.append(text)
            default:
                if inAngle {
                    addressTokens.append(token)
                } else if sawAngle {
                    if strict {
                        throw EmailError(
                            .invalidAddress,
                            "“\(preview(source))” has text after the address in angle brackets; separate addresses with commas."
                        )
                    }
                    continue
                } else {
                    phrase.append(token)
                }
            }
        }
        if !sawAngle {
            addressTokens = phrase
            phrase = []
        }
        // Drop an obsolete source route (`<@a,@b:user@host>`).
        if let colon = addressTokens.lastIndex(where: {
            if case .special(UInt8(ascii: ":")) = $0 { true } else { false }
        }) {
            addressTokens = Array(addressTokens[(colon + 1)...])
        }
        var addressBytes: [UInt8] = []
        for token in addressTokens {
            switch token {
            case .word(let bytes, let quoted):
                if quoted {
                    addressBytes.append(UInt8(ascii: "\""))
                    addressBytes.append(contentsOf: bytes)
                    addressBytes.append(UInt8(ascii: "\""))
                } else {
                    addressBytes.append(contentsOf: bytes)
                }
            case .special(let byte):
                addressBytes.append(byte)
            case .literal(let bytes):
                addressBytes.append(UInt8(ascii: "["))
                addressBytes.append(contentsOf: bytes)
                addressBytes.append(UInt8(ascii: "]"))
            case .comment:
                continue
            }
        }
        let address = try EmailAddress(
            validating: addressBytes,
            original: String(decoding: addressBytes.isEmpty ? source.prefix(200) : addressBytes[...], as: UTF8.self)
        )
        var nameBytes: [UInt8] = []
        for token in phrase {
            let piece: [UInt8]
            switch token {
            case .word(let bytes, _): piece = bytes
            case .special(let byte): piece = [byte]
            case .literal(let bytes): piece = bytes
            case .comment: continue
            }
            if !nameBytes.isEmpty, case .word = token { nameBytes.append(0x20) }
            nameBytes.append(contentsOf: piece)
        }
        var name = HeaderText.decode(nameBytes[...], fallback: fallback)
        var written = nameBytes
        if name.isEmpty, let comment = comments.first {
            name = HeaderText.decode(comment[...], fallback: fallback)
            written = comment
        }
        // Some clients wrap a bare name in single quotes ('Anna' <a@b.c>); drop them. A quoted string
        // ("'Anna'") or an encoded word keeps them: there the quotes are the name's own.
        let hasQuotedWord = phrase.contains {
            if case .word(_, quoted: true) = $0 { return true }
            return false
        }
        if !hasQuotedWord, written.count >= 2, written.first == 0x27, written.last == 0x27, name.count >= 2,
            name.hasPrefix("'"), name.hasSuffix("'")
        {
            name = String(name.dropFirst().dropLast())
        }
        if name == address.description || name.isEmpty { return Mailbox(displayName: nil, address: address) }
        return Mailbox(displayName: name, address: address)
    }

    private static func tokenize(_ bytes: [UInt8]) throws -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let specials: Set<UInt8> = Set("<>@,;:.".utf8)
        while index < bytes.count {
            let byte = bytes[index]
            if byte <= 0x20 || byte == 0x7F {
                // Whitespace, and control characters that have no place in an address, separate tokens.
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                index += 1
                var value: [UInt8] = []
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    value.append(bytes[index])
                    index += 1
                }
                index += 1
                tokens.append(.word(value, quoted: true))
            } else if byte == UInt8(ascii: "(") {
                var depth = 0
                var value: [UInt8] = []
                while index < bytes.count {
                    let current = bytes[index]
                    if current == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        value.append(bytes[index + 1])
                        index += 2
                        continue
                    }
                    index += 1
                    if current == UInt8(ascii: "(") {
                        depth += 1
                        if depth == 1 { continue }
                    } else if current == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    value.append(current)
                }
                tokens.append(.comment(value))
            } else if byte == UInt8(ascii: "[") {
                index += 1
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "]") { index += 1 }
                tokens.append(.literal(Array(bytes[start..<min(index, bytes.count)])))
                index += 1
            } else if specials.contains(byte) {
                tokens.append(.special(byte))
                index += 1
            } else {
                let start = index
                while index < bytes.count {
                    let current = bytes[index]
                    if current <= 0x20 || current == UInt8(ascii: "\"") || current == UInt8(ascii: "(")
                        || current == UInt8(ascii: "[") || specials.contains(current)
                    {
                        break
                    }
                    index += 1
                }
                // Words that hold an encoded word keep dots and such together in display names.
                tokens.append(.word(Array(bytes[start..<index]), quoted: false))
            }
        }
        return tokens
    }
}
