import Foundation

/// Folds text for matching: lower case, `ё` to `е`, `й` to `и`, Latin accents and `ñ` to their base
/// letters, apostrophes dropped inside words, everything that is not a letter or digit a separator.
///
/// Patterns and messages go through the same folding, so a pattern written `contraseña` matches
/// `CONTRASENA`, `Contraseña` and a decomposed `contrasen\u{303}a` alike. The common scripts (ASCII,
/// Latin-1, Latin Extended-A, Cyrillic) take a table-free fast path; other scripts fall back to the
/// scalar's Unicode properties.
enum TextFolding {
    /// The folded value that ends a token.
    static let separator: UInt32 = 0
    /// The folded value of a scalar that is dropped without ending the token (apostrophes, combining marks).
    static let ignorable: UInt32 = 0xFFFF_FFFF

    /// Folds one scalar.
    ///
    /// - Parameter value: The scalar's value.
    /// - Returns: The folded letter or digit, ``separator`` or ``ignorable``.
    @inline(__always)
    static func fold(_ value: UInt32) -> UInt32 {
        if value < 0x80 {
            if value >= 0x61 && value <= 0x7A { return value }
            if value >= 0x41 && value <= 0x5A { return value + 0x20 }
            if value >= 0x30 && value <= 0x39 { return value }
            if value == 0x27 || value == 0x60 { return ignorable }
            return separator
        }
        if value >= 0x400 && value <= 0x45F { return foldCyrillic(value) }
        if value < 0x250 { return foldLatin(value) }
        if value >= 0x300 && value <= 0x36F { return ignorable }
        if value == 0x2019 || value == 0x2018 || value == 0x2BC { return ignorable }
        return foldOther(value)
    }

    @inline(__always)
    private static func foldCyrillic(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x401, 0x451: 0x435  // ё, Ё -> е
        case 0x419, 0x439: 0x438  // й, Й -> и
        case 0x410...0x42F: value + 0x20
        case 0x400...0x40F: value + 0x50
        default: value
        }
    }

    private static func foldLatin(_ value: UInt32) -> UInt32 {
        switch value {
        case 0xC0...0xC5, 0xE0...0xE5: 0x61  // a
        case 0xC7, 0xE7: 0x63  // c
        case 0xC8...0xCB, 0xE8...0xEB: 0x65  // e
        case 0xCC...0xCF, 0xEC...0xEF: 0x69  // i
        case 0xD1, 0xF1: 0x6E  // n
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: 0x6F  // o
        case 0xD9...0xDC, 0xF9...0xFC: 0x75  // u
        case 0xDD, 0xFD, 0xFF: 0x79  // y
        case 0xC6, 0xE6, 0xDF, 0xD0, 0xF0, 0xDE, 0xFE: value | 0x20
        case 0x100...0x24F: foldOther(value)
        default: separator
        }
    }

    private static func foldOther(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value) else { return separator }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            if properties.changesWhenLowercased, let lower = properties.lowercaseMapping.unicodeScalars.first {
                return stripMark(lower)
            }
            return stripMark(scalar)
        }
        if properties.generalCategory == .nonspacingMark { return ignorable }
        return separator
    }

    private static func stripMark(_ scalar: Unicode.Scalar) -> UInt32 {
        guard scalar.value >= 0x100, scalar.value < 0x250,
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.value < 0x80
        else { return scalar.value }
        return base.value
    }

    /// Folds a whole text into its words.
    ///
    /// Used when compiling patterns and in tests; the classifier's hot path folds scalar by scalar instead.
    ///
    /// - Parameter text: The text.
    /// - Returns: The folded words, each as an array of scalar values.
    static func words(_ text: String) -> [[UInt32]] {
        var words: [[UInt32]] = []
        var current: [UInt32] = []
        for scalar in text.unicodeScalars {
            let folded = fold(scalar.value)
            if folded == ignorable { continue }
            if folded == separator {
                if !current.isEmpty { words.append(current) }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(folded)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
