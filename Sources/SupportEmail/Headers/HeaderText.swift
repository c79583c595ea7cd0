/// Decoding header text: RFC 2047 encoded words (`=?charset?B|Q?…?=`) and raw 8-bit bytes.
enum HeaderText {
    /// Decodes an unstructured header value: encoded words anywhere, whitespace between two encoded words
    /// dropped, adjacent words in the same charset joined before decoding (so a UTF-8 character split
    /// across two words survives), runs of whitespace collapsed, the ends trimmed.
    static func decode(_ bytes: ArraySlice<UInt8>, fallback: EmailCharset) -> String {
        if !bytes.contains(UInt8(ascii: "=")) && !bytes.contains(where: { $0 >= 0x80 }) {
            return collapse(String(decoding: bytes, as: UTF8.self))
        }
        var output = ""
        var pendingBytes: [UInt8] = []
        var pendingCharset: EmailCharset?
        var rawStart = bytes.startIndex
        var index = bytes.startIndex
        var lastWasEncoded = false

        func flushPending() {
            if let charset = pendingCharset {
                output += charset.decode(pendingBytes)
            }
            pendingBytes.removeAll(keepingCapacity: true)
            pendingCharset = nil
        }

        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "="), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "?"),
                let word = EncodedWord.parse(bytes, at: index)
            {
                let between = bytes[rawStart..<index]
                let onlySpace = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
                if !(lastWasEncoded && onlySpace) {
                    flushPending()
                    output += decodeRaw(between, fallback: fallback)
                }
                if pendingCharset != nil, pendingCharset != word.charset { flushPending() }
                pendingCharset = word.charset
                pendingBytes.append(contentsOf: word.bytes)
                index = word.end
                rawStart = index
                lastWasEncoded = true
                continue
            }
            index += 1
        }
        let tail = bytes[rawStart..<bytes.endIndex]
        flushPending()
        output += decodeRaw(tail, fallback: fallback)
        return collapse(output)
    }

    /// Raw bytes: UTF-8 when valid, else the fallback charset.
    static func decodeRaw(_ bytes: ArraySlice<UInt8>, fallback: EmailCharset) -> String {
        if let text = EmailCharset.validUTF8(bytes) { return text }
        return fallback.decode(bytes)
    }

    /// Collapses runs of whitespace (and control characters) to one space and trims the ends.
    static func collapse(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }
}

/// One RFC 2047 encoded word.
struct EncodedWord {
    /// The charset named in the word.
    let charset: EmailCharset
    /// The decoded bytes.
    let bytes: [UInt8]
    /// The index just past the closing `?=`.
    let end: Int

    /// Parses an encoded word starting at `start` (which holds `=?`), or returns nil.
    static func parse(_ bytes: ArraySlice<UInt8>, at start: Int) -> EncodedWord? {
        let end = bytes.endIndex
        var index = start + 2
        let charsetStart = index
        while index < end, bytes[index] != UInt8(ascii: "?") {
            let byte = bytes[index]
            if byte <= 0x20 || byte >= 0x7F || index - charsetStart > 40 { return nil }
            index += 1
        }
        guard index + 3 < end, index > charsetStart else { return nil }
        var charsetName = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        if let star = charsetName.firstIndex(of: "*") { charsetName = String(charsetName[..<star]) }
        let encoding = bytes[index + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q"),
            bytes[index + 2] == UInt8(ascii: "?")
        else { return nil }
        let textStart = index + 3
        index = textStart
        while index + 1 < end, !(bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: "=")) {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0D || byte == 0x0A || byte == 0x09 { return nil }
            index += 1
        }
        guard index + 1 < end else { return nil }
        let text = bytes[textStart..<index]
        let decoded: [UInt8]
        if encoding == UInt8(ascii: "b") {
            decoded = TransferEncoding.decodeBase64(text)
        } else {
            var qBytes: [UInt8] = []
            qBytes.reserveCapacity(text.count)
            var position = text.startIndex
            while position < text.endIndex {
                let byte = text[position]
                if byte == UInt8(ascii: "_") {
                    qBytes.append(0x20)
                } else if byte == UInt8(ascii: "="), position + 2 < text.endIndex,
                    let high = TransferEncoding.hexValue(text[position + 1]),
                    let low = TransferEncoding.hexValue(text[position + 2])
                {
                    qBytes.append(high << 4 | low)
                    position += 2
                } else {
                    qBytes.append(byte)
                }
                position += 1
            }
            decoded = qBytes
        }
        return EncodedWord(charset: EmailCharset(name: charsetName), bytes: decoded, end: index + 2)
    }

    /// Encodes text as one or more UTF-8 base64 encoded words of at most 75 characters, split on
    /// character boundaries, separated by CRLF and a space (a folded header).
    static func encode(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        // 36 bytes make 48 base64 characters: a 60-character word, so "Subject: " and a word fit in 78.
        for character in text {
            let utf8 = Array(String(character).utf8)
            if chunk.count + utf8.count > 36, !chunk.isEmpty {
                words.append(
                    "=?UTF-8?B?" + String(decoding: TransferEncoding.encodeBase64(chunk), as: UTF8.self) + "?="
                )
                chunk.removeAll()
            }
            chunk.append(contentsOf: utf8)
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append("=?UTF-8?B?" + String(decoding: TransferEncoding.encodeBase64(chunk), as: UTF8.self) + "?=")
        }
        return words.joined(separator: "\r\n ")
    }
}
