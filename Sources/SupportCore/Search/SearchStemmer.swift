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
        guard let first = word.unicodeScalars.first else { return word }
        if SearchText.isCyrillic(first) { return russian(word) }
        if first.isASCII, first.properties.isAlphabetic { return latin(word) }
        return word
    }

    // MARK: - English and Spanish

    /// Endings stripped from words in Latin letters, longest first; a stem keeps three letters.
    private static let latinEndings: [String] = [
        "amientos", "imientos", "amiento", "imiento", "mente", "ations", "ation", "ingly", "ando", "iendo",
        "ados", "idos", "adas", "idas", "ings", "ing", "ado", "ido", "ada", "ida", "ies", "ied", "ed", "es",
        "ar", "er", "ir", "as", "os", "ly", "s", "a", "e", "o",
    ]

    private static func latin(_ word: String) -> String {
        var letters = Array(word)
        guard letters.count > 3 else { return word }
        var stripped = ""
        for ending in latinEndings {
            let tail = Array(ending)
            guard letters.count - tail.count >= 3, letters.suffix(tail.count).elementsEqual(tail) else { continue }
            // A plural or a third person (`-s`) after `s`, `u` or `i` is part of the word: `access`, `bus`.
            if ending == "s", let before = letters.dropLast().last, "sui".contains(before) { continue }
            letters.removeLast(tail.count)
            if ending == "ies" || ending == "ied" { letters.append("y") }
            stripped = ending
            break
        }
        // An English verb doubles its last consonant before `-ed` and `-ing`: `stopped` → `stop`. Not an
        // `l` or an `s`, which words end in doubled (`called`, `passed`), so British `cancelled` stays apart.
        if stripped == "ed" || stripped == "ing", letters.count > 3, let last = letters.last,
            last == letters[letters.count - 2], !"aeiouls".contains(last)
        {
            letters.removeLast()
        }
        return String(letters)
    }

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

    private static func russian(_ word: String) -> String {
        var letters = Array(word)
        for reflexive in ["ся", "сь"] where letters.count > 4 && letters.suffix(2).elementsEqual(reflexive) {
            letters.removeLast(2)
            break
        }
        for ending in russianEndings {
            let tail = Array(ending)
            guard letters.count - tail.count >= 2, letters.suffix(tail.count).elementsEqual(tail) else { continue }
            letters.removeLast(tail.count)
            break
        }
        // `подписк`, `оплат`: a stem ending in a soft sign after the ending went keeps no soft sign.
        if letters.count > 3, letters.last == "ь" { letters.removeLast() }
        return String(letters)
    }
}
