/// Reduces a folded word to a stem that its other forms share, for English, Spanish and Russian.
///
/// A light stemmer, not a dictionary: it strips the common inflectional endings and keeps a stem of at
/// least three letters (two for Russian), so that `refund`, `refunds` and `refunded`, `pago` and
/// `pagos`, `оплата`, `оплаты` and `оплатой` meet. It never turns one word into an unrelated one, but
/// it does not join irregular forms (`paid` and `pay` stay apart). Words in Cyrillic get the Russian
/// rules; words in Latin letters the English and Spanish ones, which rarely disagree on an ending.
/// Numbers and words of other scripts are kept as they are.
public enum SearchStemmer {
    /// The stem of a word already folded by ``SearchText/fold(_:)``.
    ///
    /// - Parameter word: One folded word.
    /// - Returns: Its stem.
    public static func stem(_ word: String) -> String {
        stem(scalars: Array(word.unicodeScalars)[...])
    }

    /// The stem of a folded word given as its scalars. The rules count and compare scalars, so a
    /// combining mark that folding keeps (a stress mark on a Cyrillic vowel) counts as a letter and
    /// is never an ending.
    static func stem(scalars word: ArraySlice<Unicode.Scalar>) -> String {
        guard let first = word.first else { return "" }
        var letters = Array(word)
        if SearchText.isCyrillic(first) {
            russian(&letters)
        } else if first.isASCII, first.properties.isAlphabetic {
            latin(&letters)
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(letters.count * 2)
        for scalar in letters {
            let value = scalar.value
            switch value {
            case 0..<0x80:
                utf8.append(UInt8(value))
            case 0x80..<0x800:
                utf8.append(UInt8(0xC0 | value >> 6))
                utf8.append(UInt8(0x80 | value & 0x3F))
            case 0x800..<0x10000:
                utf8.append(UInt8(0xE0 | value >> 12))
                utf8.append(UInt8(0x80 | value >> 6 & 0x3F))
                utf8.append(UInt8(0x80 | value & 0x3F))
            default:
                utf8.append(UInt8(0xF0 | value >> 18))
                utf8.append(UInt8(0x80 | value >> 12 & 0x3F))
                utf8.append(UInt8(0x80 | value >> 6 & 0x3F))
                utf8.append(UInt8(0x80 | value & 0x3F))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static let latinEndingScalars = latinEndings.map { Array($0.unicodeScalars) }
    private static let russianEndingScalars = russianEndings.map { Array($0.unicodeScalars) }

    private static func hasSuffix(_ letters: [Unicode.Scalar], _ tail: [Unicode.Scalar]) -> Bool {
        guard letters.count >= tail.count else { return false }
        var index = letters.count - tail.count
        for scalar in tail {
            guard letters[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private static func latin(_ letters: inout [Unicode.Scalar]) {
        guard letters.count > 3 else { return }
        var stripped = -1
        for (index, tail) in latinEndingScalars.enumerated() {
            guard letters.count - tail.count >= 3, hasSuffix(letters, tail) else { continue }
            // A plural or a third person (`-s`) after `s`, `u` or `i` is part of the word: `access`, `bus`.
            if tail == ["s"], let before = letters.dropLast().last, before == "s" || before == "u" || before == "i" {
                continue
            }
            letters.removeLast(tail.count)
            if tail == ["i", "e", "s"] || tail == ["i", "e", "d"] { letters.append("y") }
            stripped = index
            break
        }
        // An English verb doubles its last consonant before `-ed` and `-ing`: `stopped` → `stop`. Not an
        // `l` or an `s`, which words end in doubled (`called`, `passed`), so British `cancelled` stays apart.
        if stripped >= 0, latinEndings[stripped] == "ed" || latinEndings[stripped] == "ing", letters.count > 3,
            let last = letters.last, last == letters[letters.count - 2], !"aeiouls".unicodeScalars.contains(last)
        {
            letters.removeLast()
        }
    }

    private static func russian(_ letters: inout [Unicode.Scalar]) {
        if letters.count > 4, hasSuffix(letters, ["с", "я"]) || hasSuffix(letters, ["с", "ь"]) {
            letters.removeLast(2)
        }
        // The reflexive `ся`/`сь` goes first, then the longest inflectional ending; a stem keeps two letters.
        for tail in russianEndingScalars where letters.count - tail.count >= 2 && hasSuffix(letters, tail) {
            letters.removeLast(tail.count)
            break
        }
        // `подписк`, `оплат`: a stem ending in a soft sign after the ending went keeps no soft sign.
        if letters.count > 3, letters.last == "ь" { letters.removeLast() }
    }

    // MARK: - English and Spanish

    /// Endings stripped from words in Latin letters, longest first; a stem keeps three letters.
    private static let latinEndings: [String] = [
        "amientos", "imientos", "amiento", "imiento", "mente", "ations", "ation", "ingly", "ando", "iendo",
        "ados", "idos", "adas", "idas", "ings", "ing", "ado", "ido", "ada", "ida", "ies", "ied", "ed", "es",
        "ar", "er", "ir", "as", "os", "ly", "s", "a", "e", "o",
    ]

    // MARK: - Russian

    /// Endings stripped from Russian words, longest first, after the reflexive `ся`/`сь`.
    private static let russianEndings: [String] = [
        "ениями", "ениях", "ением", "ения", "ение", "ости", "ость", "ами", "ями", "ого", "его", "ому", "ему",
        "ыми", "ими", "ией", "иям", "иях", "ием", "ать", "ять", "ить", "еть", "ыть", "ешь", "ете", "ишь",
        "ите", "ала", "ила", "ела", "ули", "али", "или", "ели", "ует", "уют", "ают", "яют", "ешь", "ое",
        "ее", "ие", "ые", "ой", "ей", "ий", "ый", "ом", "ем", "им", "ым", "ах", "ях", "их", "ых", "ую",
        "юю", "ая", "яя", "ам", "ям", "ов", "ев", "ию", "ия", "ья", "ье", "ла", "ло", "ли", "ет", "ит",
        "ут", "ют", "ат", "ят", "ть", "ал", "ил", "ел", "ыл", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
    ]
}
