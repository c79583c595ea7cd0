/// The content transfer encodings of MIME (RFC 2045): decoding is lenient, encoding is strict.
enum TransferEncoding {
    /// The value of each base64 digit, or 0xFF for a byte that is not one.
    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    private static let base64Digits: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8
    )

    /// Decodes base64, skipping line breaks and any other byte outside the alphabet; stops at `=`.
    static func decodeBase64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") { break }
            let value = base64Values[Int(byte)]
            if value == 0xFF { continue }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }

    /// Encodes base64 without line breaks.
    static func encodeBase64<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(3)
        func flush() {
            let b0 = buffer[0]
            let b1 = buffer.count > 1 ? buffer[1] : 0
            let b2 = buffer.count > 2 ? buffer[2] : 0
            output.append(base64Digits[Int(b0 >> 2)])
            output.append(base64Digits[Int((b0 & 0x03) << 4 | b1 >> 4)])
            output.append(buffer.count > 1 ? base64Digits[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            output.append(buffer.count > 2 ? base64Digits[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            buffer.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            buffer.append(byte)
            if buffer.count == 3 { flush() }
        }
        if !buffer.isEmpty { flush() }
        return output
    }

    /// The value of a hex digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// Decodes quoted-printable: `=XX` escapes, soft line breaks, trailing spaces on a line dropped.
    ///
    /// A `=` not followed by two hex digits or a line break is kept as it is (a common mistake of senders).
    static func decodeQuotedPrintable(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        slice.withUnsafeBufferPointer { bytes -> [UInt8] in
            let end = bytes.count
            // The output is never longer than the input: write it in place, without a check per byte.
            return [UInt8](unsafeUninitializedCapacity: end) { output, written in
                var count = 0
                var index = 0
                while index < end {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "=") {
                        // Soft line break: "=" then optional whitespace then CRLF or LF.
                        var look = index + 1
                        while look < end, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                        if look == end {
                            index = look
                            continue
                        }
                        if bytes[look] == 0x0A {
                            index = look + 1
                            continue
                        }
                        if bytes[look] == 0x0D {
                            index = look + 1
                            if index < end, bytes[index] == 0x0A { index += 1 }
                            continue
                        }
                        if index + 2 < end, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                        {
                            output[count] = high << 4 | low
                            count += 1
                            index += 3
                            continue
                        }
                        output[count] = byte
                        count += 1
                        index += 1
                        continue
                    }
                    if byte == 0x20 || byte == 0x09 {
                        // Trailing whitespace before a line break is padding added in transport.
                        var look = index
                        while look < end, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                        if look == end || bytes[look] == 0x0D || bytes[look] == 0x0A {
                            index = look
                            continue
                        }
                        while index < look {
                            output[count] = bytes[index]
                            count += 1
                            index += 1
                        }
                        continue
                    }
                    if byte != 0x0D {
                        output[count] = byte
                        count += 1
                    }
                    index += 1
                }
                written = count
            }
        }
    }

    /// Encodes UTF-8 text as quoted-printable with CRLF line breaks and lines of at most 76 characters.
    static func encodeQuotedPrintable(_ text: String) -> [UInt8] {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        var lineLength = 0
        let lines = splitLines(Array(text.utf8))
        for (lineIndex, line) in lines.enumerated() {
            if lineIndex > 0 {
                output.append(0x0D)
                output.append(0x0A)
                lineLength = 0
            }
            for (index, byte) in line.enumerated() {
                let isLast = index == line.count - 1
                var encoded: [UInt8]
                let needsEscape =
                    byte == UInt8(ascii: "=") || byte >= 0x7F || (byte < 0x20 && byte != 0x09)
                    || ((byte == 0x20 || byte == 0x09) && isLast)
                    || (index == 0 && byte == UInt8(ascii: ".") && line.count == 1)
                    || (index == 0 && byte == UInt8(ascii: "F") && line.starts(with: Array("From ".utf8)))
                if needsEscape {
                    encoded = [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
                } else {
                    encoded = [byte]
                }
                // Keep room for the soft break "=" unless this is the line's last byte.
                let limit = isLast ? 76 : 75
                if lineLength + encoded.count > limit {
                    output.append(UInt8(ascii: "="))
                    output.append(0x0D)
                    output.append(0x0A)
                    lineLength = 0
                }
                output.append(contentsOf: encoded)
                lineLength += encoded.count
            }
        }
        return output
    }

    /// Splits bytes into lines at LF, dropping a CR before it.
    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            var lineEnd = index
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            lines.append(bytes[start..<lineEnd])
            start = index + 1
        }
        var lineEnd = bytes.count
        if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        lines.append(bytes[start..<lineEnd])
        return lines
    }
}
