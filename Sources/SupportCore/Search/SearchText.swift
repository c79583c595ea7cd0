import Foundation

/// Text as search sees it: folded and cut into terms, so that a query finds a ticket whatever case,
/// accents or word form either was written in.
///
/// Folding lowercases, removes the accents of Latin letters (`canción` → `cancion`, `Ñ` → `n`), writes
/// `ё` as `е` (Russian text uses both for one letter) and keeps every other letter as it is (`й` stays
/// `й`). Terms are the runs of letters and digits of the folded text, each reduced to its stem by
/// ``SearchStemmer`` (`payments` → `payment`, `pagos` → `pag`, `оплаты` → `оплат`).
///
/// ```swift
/// SearchText.terms("¿Dónde está mi SUSCRIPCIÓN?")   // ["dond", "est", "mi", "suscripcion"]
/// SearchText.terms("Не могу оплатить подписку")      // ["не", "мог", "оплат", "подписк"]
/// ```
///
/// Stores index the terms of a ticket's subject and messages; a query matches a ticket whose terms
/// include every term of the query.
public enum SearchText {
    /// The most terms taken from one text; the rest is not indexed.
    public static let maximumTerms = 4096
    /// Terms longer than this many characters are cut to it (a pasted token, a URL).
    public static let maximumTermLength = 40

    /// The text folded for search: lowercase, Latin accents removed, `ё` written `е`.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The folded text.
    public static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F:
                // A combining mark: kept on Cyrillic letters (the breve of й), dropped on Latin ones.
                if let last = folded.last, isCyrillic(last) {
                    if last == "е" && scalar.value == 0x0308 { continue }  // ё → е
                    folded.append(scalar)
                }
            case 0x00DF: folded.append(contentsOf: "ss".unicodeScalars)  // ß
            case 0x0131: folded.append("i")  // dotless ı
            default: folded.append(scalar)
            }
        }
        return String(folded).precomposedStringWithCanonicalMapping
    }

    /// The stems of the words of a text, in order, repeats kept.
    ///
    /// - Parameter text: Any text.
    /// - Returns: At most ``maximumTerms`` stems.
    public static func terms(_ text: String) -> [String] {
        quickTerms(text) ?? generalTerms(text)
    }

    /// The terms of any text, through Foundation's Unicode normalization: the definition the quick
    /// path must agree with.
    static func generalTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var word = ""
        func finish() {
            guard !word.isEmpty else { return }
            if terms.count < maximumTerms {
                terms.append(SearchStemmer.stem(String(word.prefix(maximumTermLength))))
            }
            word = ""
        }
        for character in fold(text) {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                finish()
            }
        }
        finish()
        return terms
    }

    /// The distinct stems of a text.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The set of its terms.
    public static func termSet(_ text: String) -> Set<String> {
        Set(terms(text))
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(scalar.value)
    }
}
