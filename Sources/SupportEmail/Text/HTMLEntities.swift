/// HTML character references: the named ones mail uses, and numeric ones.
enum HTMLEntities {
    private static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "copy": 0xA9, "reg": 0xAE,
        "trade": 0x2122, "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013, "laquo": 0xAB, "raquo": 0xBB,
        "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "sbquo": 0x201A,
        "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "bull": 0x2022, "middot": 0xB7, "shy": 0xAD,
        "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7, "iexcl": 0xA1, "iquest": 0xBF,
        "aacute": 0xE1, "eacute": 0xE9, "iacute": 0xED, "oacute": 0xF3, "uacute": 0xFA, "ntilde": 0xF1,
        "Aacute": 0xC1, "Eacute": 0xC9, "Iacute": 0xCD, "Oacute": 0xD3, "Uacute": 0xDA, "Ntilde": 0xD1,
        "uuml": 0xFC, "Uuml": 0xDC, "ouml": 0xF6, "auml": 0xE4, "ccedil": 0xE7, "agrave": 0xE0, "egrave": 0xE8,
        "ordf": 0xAA, "ordm": 0xBA, "sect": 0xA7, "para": 0xB6, "zwnj": 0x200C, "zwj": 0x200D, "thinsp": 0x2009,
        "ensp": 0x2002, "emsp": 0x2003, "rarr": 0x2192, "larr": 0x2190, "numero": 0x2116,
    ]

    /// The scalar for an entity name without `&` and `;` (`amp`, `#8212`, `#x2014`), or nil.
    static func scalar(for name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard let first = name.first else { return nil }
        if first == UInt8(ascii: "#") {
            var digits = name.dropFirst()
            var radix: UInt32 = 10
            if let marker = digits.first, marker | 0x20 == UInt8(ascii: "x") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.count <= 8 else { return nil }
            var value: UInt32 = 0
            for byte in digits {
                guard let digit = TransferEncoding.hexValue(byte), UInt32(digit) < radix else { return nil }
                value = value * radix + UInt32(digit)
            }
            if value == 0 { return nil }
            return Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)
        }
        guard let value = named[String(decoding: name, as: UTF8.self)] else { return nil }
        return Unicode.Scalar(value)
    }

    /// Decodes the entities in an attribute value.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output = ""
        var index = bytes.startIndex
        var runStart = index
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "&"),
                let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")),
                let scalar = scalar(for: bytes[(index + 1)..<semicolon])
            {
                output += String(decoding: bytes[runStart..<index], as: UTF8.self)
                output.unicodeScalars.append(scalar)
                index = semicolon + 1
                runStart = index
            } else {
                index += 1
            }
        }
        output += String(decoding: bytes[runStart..<bytes.endIndex], as: UTF8.self)
        return output
    }
}
