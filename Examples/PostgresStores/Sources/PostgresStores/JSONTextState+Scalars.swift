import Foundation

extension JSONTextState {
    /// Writes the values that need no container of their own: strings, numbers, `Bool`, and the
    /// Foundation types `JSONEncoder` writes its own way (`Date`, `Data`, `URL`, `Decimal`).
    ///
    /// - Returns: `false` when `value` is none of them.
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite,
    ///   ``JSONTextEncoder/CannotStream`` for a `Decimal` that is not a number.
    mutating func writeDirectly<Value: Encodable>(_ value: Value, key: (any CodingKey)?) throws -> Bool {
        // Comparing types is cheap; the cast after a match cannot fail.
        if Value.self == Date.self, let date = value as? Date {
            // `JSONEncoder`'s default date strategy is the date's own encoding: its seconds since the
            // reference date.
            try writeFloatingPoint(date.timeIntervalSinceReferenceDate, key: key)
        } else if Value.self == String.self, let string = value as? String {
            writeString(string)
        } else if Value.self == Int.self, let number = value as? Int {
            writeInteger(number)
        } else if Value.self == Bool.self, let flag = value as? Bool {
            writeBool(flag)
        } else if Value.self == Double.self, let number = value as? Double {
            try writeFloatingPoint(number, key: key)
        } else if Value.self == Data.self, let data = value as? Data {
            writeString(data.base64EncodedString())
        } else if Value.self == URL.self, let url = value as? URL {
            writeString(url.absoluteString)
        } else if Value.self == Decimal.self, let decimal = value as? Decimal {
            guard !decimal.isNaN else { throw fail("a Decimal that is not a number") }
            writeASCII(decimal.description)
        } else {
            return try writeOtherNumber(value, key: key)
        }
        return true
    }

    /// The rarer numbers of ``writeDirectly(_:key:)``.
    private mutating func writeOtherNumber<Value: Encodable>(_ value: Value, key: (any CodingKey)?) throws -> Bool {
        if Value.self == Float.self, let number = value as? Float {
            try writeFloatingPoint(number, key: key)
        } else if Value.self == Int64.self, let number = value as? Int64 {
            writeInteger(number)
        } else if Value.self == Int32.self, let number = value as? Int32 {
            writeInteger(number)
        } else if Value.self == Int16.self, let number = value as? Int16 {
            writeInteger(number)
        } else if Value.self == Int8.self, let number = value as? Int8 {
            writeInteger(number)
        } else if Value.self == UInt.self, let number = value as? UInt {
            writeInteger(number)
        } else if Value.self == UInt64.self, let number = value as? UInt64 {
            writeInteger(number)
        } else if Value.self == UInt32.self, let number = value as? UInt32 {
            writeInteger(number)
        } else if Value.self == UInt16.self, let number = value as? UInt16 {
            writeInteger(number)
        } else if Value.self == UInt8.self, let number = value as? UInt8 {
            writeInteger(number)
        } else {
            return false
        }
        return true
    }

    /// Writes `null`.
    mutating func writeNull() {
        writeASCII("null")
    }

    /// Writes `true` or `false`.
    mutating func writeBool(_ value: Bool) {
        writeASCII(value ? "true" : "false")
    }

    /// Writes an integer in decimal.
    mutating func writeInteger<Integer: FixedWidthInteger>(_ value: Integer) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = UInt64(truncatingIfNeeded: value.magnitude)
        var digits = 1
        var scale: UInt64 = 10
        while digits < 20 && rest >= scale {
            digits += 1
            scale &*= 10
        }
        let end = bytes.count + digits
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var index = end - 1
            repeat {
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                index -= 1
            } while rest > 0
        }
    }

    /// Writes a `Float` or `Double` in the shortest form that reads back to the same value, without a
    /// trailing `.0`, as `JSONEncoder` does.
    ///
    /// - Throws: `EncodingError.invalidValue` for infinity or NaN, which JSON cannot hold.
    mutating func writeFloatingPoint<Number: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: Number,
        key: (any CodingKey)?
    ) throws {
        guard value.isFinite else {
            fail("a number that is not finite")
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(
                    codingPath: path(appending: key),
                    debugDescription: "Unable to encode \(Number.self).\(value) directly in JSON."
                )
            )
        }
        var text = value.description
        text.withUTF8 { utf8 in
            var end = utf8.count
            if end > 2 && utf8[end - 2] == UInt8(ascii: ".") && utf8[end - 1] == UInt8(ascii: "0") { end -= 2 }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<end]))
        }
    }

    /// Appends text that needs no escaping (numbers, `true`, `false`).
    mutating func writeASCII(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Writes a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, ... or `\u00XX`,
    /// everything else as it is.
    mutating func writeString(_ string: String) {
        var string = string
        string.withUTF8 { Self.appendQuoted($0, to: &bytes) }
    }

    /// Writes an object key as a JSON string.
    ///
    /// - Returns: A hash of the key that equal keys share — equal as Swift compares strings, which is
    ///   how Foundation's encoder tells keys apart — so a key written twice into one object can be found.
    mutating func writeKey(_ key: String) -> UInt64 {
        var key = key
        let (hash, isASCII) = key.withUTF8 { utf8 in
            Self.appendQuoted(utf8, to: &bytes)
            return (Self.hash(utf8), utf8.allSatisfy { $0 < 0x80 })
        }
        guard !isASCII else { return hash }
        // Text that is not ASCII can equal other text written differently ("é" as one scalar or as
        // two): its composed form's hash is the same for both.
        var composed = key.precomposedStringWithCanonicalMapping
        return composed.withUTF8 { Self.hash($0) }
    }

    /// Appends `utf8` to `bytes` as a JSON string: quoted, with `"`, `\` and the control characters
    /// escaped.
    static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
            start = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The FNV-1a hash of `utf8`.
    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        utf8.reduce(hashSeed) { ($0 ^ UInt64($1)) &* hashPrime }
    }

    /// FNV-1a's 64-bit offset basis.
    private static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a's 64-bit prime.
    private static let hashPrime: UInt64 = 0x0000_0100_0000_01b3
    /// Lower-case hexadecimal digits, for `\u00XX`.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
