/// Finds keyword patterns in text: the compiled form of a lexicon.
///
/// A pattern is one or more words. A word ending in `*` is a stem and matches every word that starts
/// with it (`подписк*` matches `подписка`, `подписку`, `подписки`); other words match whole words
/// only. The words of a pattern must appear in order, with at most ``maxGap`` other words between
/// two of them, so `cancel subscription` also matches "cancel my club subscription". Patterns and
/// text are folded by ``TextFolding`` first.
///
/// Compilation deduplicates the words of all patterns into terms and indexes them by the hash of
/// their letters. Matching reads the text once, scalar by scalar, with no per-word allocation: each
/// prefix of a word whose length some stem has is looked up in the stem table, each whole word in
/// the word table, and hits are checked letter by letter.
struct PatternMatcher: Sendable {
    /// The most words allowed between two consecutive words of a pattern.
    static let maxGap = 2
    /// The most scalars read from one text; the rest is ignored.
    static let maxScannedScalars = 4096
    /// The fewest letters a stem may have.
    static let minStemLength = 3
    /// The most letters one word of a pattern may have.
    static let maxWordLength = 60
    /// The most words one pattern may have.
    static let maxWords = 8

    private static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let hashPrime: UInt64 = 0x100_0000_01B3

    /// Why a pattern could not be compiled.
    struct SyntaxError: Error {
        /// The index of the pattern in the list given to ``init(patterns:)``.
        var index: Int
        /// What is wrong, as a phrase.
        var reason: String
    }

    private struct Term: Hashable {
        var letters: [UInt32]
        var isStem: Bool
    }

    private let patternTerms: [[Int32]]
    private let patternsByFirstTerm: [[Int32]]
    private let termLetters: [[UInt32]]
    private let exactIndex: HashIndex
    private let stemIndex: HashIndex
    private let stemLengths: UInt64

    /// The number of patterns.
    var patternCount: Int { patternTerms.count }

    /// Compiles patterns.
    ///
    /// - Parameter patterns: The patterns, in the syntax described on the type.
    /// - Throws: ``SyntaxError`` for the first pattern that is empty, has a misplaced `*`, a stem
    ///   shorter than ``minStemLength``, a word longer than ``maxWordLength`` or more than ``maxWords`` words.
    init(patterns: [String]) throws(SyntaxError) {
        var terms: [Term] = []
        var termNumbers: [Term: Int32] = [:]
        var compiled: [[Int32]] = []
        for (index, pattern) in patterns.enumerated() {
            let words: [Term]
            do {
                words = try Self.parse(pattern)
            } catch {
                throw SyntaxError(index: index, reason: error.reason)
            }
            var numbers: [Int32] = []
            for word in words {
                if let number = termNumbers[word] {
                    numbers.append(number)
                } else {
                    let number = Int32(terms.count)
                    terms.append(word)
                    termNumbers[word] = number
                    numbers.append(number)
                }
            }
            compiled.append(numbers)
        }
        var byFirst: [[Int32]] = Array(repeating: [], count: terms.count)
        for (index, numbers) in compiled.enumerated() { byFirst[Int(numbers[0])].append(Int32(index)) }
        var exact: [(key: UInt64, value: Int32)] = []
        var stems: [(key: UInt64, value: Int32)] = []
        var lengths: UInt64 = 0
        for (number, term) in terms.enumerated() {
            let key = Self.hash(term.letters)
            if term.isStem {
                stems.append((key, Int32(number)))
                lengths |= 1 << UInt64(term.letters.count)
            } else {
                exact.append((key, Int32(number)))
            }
        }
        patternTerms = compiled
        patternsByFirstTerm = byFirst
        termLetters = terms.map(\.letters)
        exactIndex = HashIndex(exact)
        stemIndex = HashIndex(stems)
        stemLengths = lengths
    }

    private struct ParseError: Error {
        var reason: String
    }

    private static func parse(_ pattern: String) throws(ParseError) -> [Term] {
        var words: [Term] = []
        var current: [UInt32] = []
        var afterStar = false
        for scalar in pattern.unicodeScalars {
            if scalar == "*" {
                guard current.count >= minStemLength else {
                    throw ParseError(reason: "a '*' must end a stem of at least \(minStemLength) letters")
                }
                words.append(Term(letters: current, isStem: true))
                current.removeAll()
                afterStar = true
                continue
            }
            let folded = TextFolding.fold(scalar.value)
            if folded == TextFolding.ignorable { continue }
            if folded == TextFolding.separator {
                if !current.isEmpty { words.append(Term(letters: current, isStem: false)) }
                current.removeAll()
                afterStar = false
                continue
            }
            guard !afterStar else { throw ParseError(reason: "a '*' may only end a word, not stand inside one") }
            current.append(folded)
            guard current.count <= maxWordLength else {
                throw ParseError(reason: "a word is longer than \(maxWordLength) letters")
            }
        }
        if !current.isEmpty { words.append(Term(letters: current, isStem: false)) }
        guard !words.isEmpty else { throw ParseError(reason: "the pattern has no letters or digits") }
        guard words.count <= maxWords else { throw ParseError(reason: "the pattern has more than \(maxWords) words") }
        return words
    }

    private static func hash(_ letters: [UInt32]) -> UInt64 {
        var hash = hashSeed
        for letter in letters { hash = (hash ^ UInt64(letter)) &* hashPrime }
        return hash
    }

    /// Marks every pattern found in a text.
    ///
    /// - Parameters:
    ///   - text: The text to read (at most ``maxScannedScalars`` scalars of it).
    ///   - points: The mark to leave for a pattern found.
    ///   - marks: One entry per pattern; a found pattern's entry becomes at least `points`.
    func mark(in text: String, points: UInt8, into marks: inout [UInt8]) {
        guard !patternTerms.isEmpty else { return }
        var hits: [UInt64] = []
        collectTermHits(in: text, into: &hits)
        guard !hits.isEmpty else { return }
        for (position, hit) in hits.enumerated() {
            let token = Int(hit >> 32)
            let term = Int(hit & 0xFFFF_FFFF)
            for pattern in patternsByFirstTerm[term] {
                let index = Int(pattern)
                guard marks[index] < points else { continue }
                let terms = patternTerms[index]
                if terms.count == 1 || Self.extend(terms, 1, after: token, from: position + 1, in: hits) {
                    marks[index] = points
                }
            }
        }
    }

    /// Reads the text once and records `(word index << 32) | term` for every term a word matches.
    private func collectTermHits(in text: String, into hits: inout [UInt64]) {
        var letters: [UInt32] = []
        letters.reserveCapacity(32)
        var hash = Self.hashSeed
        var token: UInt64 = 0
        var scanned = 0
        for scalar in text.unicodeScalars {
            scanned += 1
            if scanned > Self.maxScannedScalars { break }
            let folded = TextFolding.fold(scalar.value)
            if folded == TextFolding.ignorable { continue }
            if folded == TextFolding.separator {
                if !letters.isEmpty {
                    finishWord(letters, hash, token, &hits)
                    token += 1
                    letters.removeAll(keepingCapacity: true)
                    hash = Self.hashSeed
                }
                continue
            }
            letters.append(folded)
            hash = (hash ^ UInt64(folded)) &* Self.hashPrime
            let length = letters.count
            if length < 64, stemLengths & (1 << UInt64(length)) != 0 {
                stemIndex.forEach(hash) { term in
                    if termLetters[Int(term)] == letters { hits.append(token << 32 | UInt64(term)) }
                }
            }
        }
        if !letters.isEmpty { finishWord(letters, hash, token, &hits) }
    }

    @inline(__always)
    private func finishWord(_ letters: [UInt32], _ hash: UInt64, _ token: UInt64, _ hits: inout [UInt64]) {
        exactIndex.forEach(hash) { term in
            if termLetters[Int(term)] == letters { hits.append(token << 32 | UInt64(term)) }
        }
    }

    /// Whether the pattern's words from `index` on follow the word `after`, each within the gap.
    private static func extend(
        _ terms: [Int32],
        _ index: Int,
        after token: Int,
        from start: Int,
        in hits: [UInt64]
    )
        -> Bool
    {
        if index == terms.count { return true }
        var position = start
        while position < hits.count {
            let next = Int(hits[position] >> 32)
            if next > token + 1 + maxGap { return false }
            if next > token, Int32(truncatingIfNeeded: hits[position] & 0xFFFF_FFFF) == terms[index],
                extend(terms, index + 1, after: next, from: position + 1, in: hits)
            {
                return true
            }
            position += 1
        }
        return false
    }
}
