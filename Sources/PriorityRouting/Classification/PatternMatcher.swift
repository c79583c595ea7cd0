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

    // Lists of lists are stored flat, each as its items and where each list starts (one more start
    // than lists): reading an element of an array of arrays retains and releases the inner array.

    /// The terms of pattern `p`: `patternTermItems[patternTermStart[p]..<patternTermStart[p + 1]]`.
    private let patternTermStart: [Int32]
    private let patternTermItems: [Int32]
    /// The patterns whose first term is `t`, likewise.
    private let firstTermStart: [Int32]
    private let firstTermPatterns: [Int32]
    /// The letters of term `t`, likewise.
    private let letterStart: [Int32]
    private let letterItems: [UInt32]
    private let exactIndex: HashIndex
    private let stemIndex: HashIndex
    private let stemLengths: UInt64

    /// The number of patterns.
    var patternCount: Int { patternTermStart.count - 1 }

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
        (patternTermStart, patternTermItems) = Self.flatten(compiled)
        (firstTermStart, firstTermPatterns) = Self.flatten(byFirst)
        (letterStart, letterItems) = Self.flatten(terms.map(\.letters))
        exactIndex = HashIndex(exact)
        stemIndex = HashIndex(stems)
        stemLengths = lengths
    }

    private static func flatten<Item>(_ lists: [[Item]]) -> (starts: [Int32], items: [Item]) {
        var starts: [Int32] = [0]
        var items: [Item] = []
        for list in lists {
            items += list
            starts.append(Int32(items.count))
        }
        return (starts, items)
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
        var found: [Int32] = []
        var hits: [UInt64] = []
        marks.withUnsafeMutableBufferPointer { marks in
            mark(in: text, points: points, into: marks, found: &found, hits: &hits)
        }
    }

    /// Marks every pattern found in a text and lists the patterns it marks for the first time.
    ///
    /// - Parameters:
    ///   - text: The text to read (at most ``maxScannedScalars`` scalars of it).
    ///   - points: The mark to leave for a pattern found.
    ///   - marks: One entry per pattern; a found pattern's entry becomes at least `points`.
    ///   - found: Gets the index of every pattern whose entry in `marks` was 0 before, so the caller
    ///     reads the few found patterns instead of every entry.
    ///   - hits: Scratch space, kept by the caller so that several texts share one allocation.
    func mark(
        in text: String,
        points: UInt8,
        into marks: UnsafeMutableBufferPointer<UInt8>,
        found: inout [Int32],
        hits: inout [UInt64]
    ) {
        guard patternCount > 0 else { return }
        hits.removeAll(keepingCapacity: true)
        collectTermHits(in: text, into: &hits)
        guard !hits.isEmpty else { return }
        for (position, hit) in hits.enumerated() {
            let token = Int(hit >> 32)
            let term = Int(hit & 0xFFFF_FFFF)
            for slot in Int(firstTermStart[term])..<Int(firstTermStart[term + 1]) {
                let pattern = firstTermPatterns[slot]
                let index = Int(pattern)
                let previous = marks[index]
                guard previous < points else { continue }
                let first = Int(patternTermStart[index])
                let end = Int(patternTermStart[index + 1])
                if end - first == 1 || extend(first + 1, end, after: token, from: position + 1, in: hits) {
                    marks[index] = points
                    if previous == 0 { found.append(pattern) }
                }
            }
        }
    }

    /// The most letters of a word kept for comparison: longer than any term (``maxWordLength``).
    private static let letterCapacity = 64

    /// The word being read: its letter count, the hash of its letters and its index in the text.
    private struct Word {
        var length = 0
        var hash = PatternMatcher.hashSeed
        var token: UInt64 = 0
    }

    /// Reads the text once and records `(word index << 32) | term` for every term a word matches.
    ///
    /// The text's UTF-8 is decoded in place (a Swift string is always valid UTF-8), and the current
    /// word's letters live in a small stack buffer: no allocation and no iterator per scalar.
    private func collectTermHits(in text: String, into hits: inout [UInt64]) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.letterCapacity) { letters in
            var word = Word()
            var scanned = 0
            let decoded: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                var index = 0
                while index < bytes.count {
                    scanned += 1
                    if scanned > Self.maxScannedScalars { break }
                    let lead = UInt32(bytes[index])
                    let value: UInt32
                    if lead < 0x80 {
                        value = lead
                        index += 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value =
                            (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value =
                            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    feed(value, letters, &word, &hits)
                }
            }
            if decoded == nil {
                for scalar in text.unicodeScalars {
                    scanned += 1
                    if scanned > Self.maxScannedScalars { break }
                    feed(scalar.value, letters, &word, &hits)
                }
            }
            if word.length > 0 { finishWord(letters, word.length, word.hash, word.token, &hits) }
        }
    }

    /// Takes one scalar of the text: ends the word at a separator, else adds the folded letter and looks
    /// the word so far up among the stems of its length.
    @inline(__always)
    private func feed(
        _ value: UInt32,
        _ letters: UnsafeMutableBufferPointer<UInt32>,
        _ word: inout Word,
        _ hits: inout [UInt64]
    ) {
        let folded = TextFolding.fold(value)
        if folded == TextFolding.ignorable { return }
        if folded == TextFolding.separator {
            if word.length > 0 {
                finishWord(letters, word.length, word.hash, word.token, &hits)
                word.token += 1
                word.length = 0
                word.hash = Self.hashSeed
            }
            return
        }
        // `length` counts every letter of the word; only the first `letterCapacity` are kept, and a
        // longer word matches no term.
        if word.length < Self.letterCapacity { letters[word.length] = folded }
        word.length += 1
        word.hash = (word.hash ^ UInt64(folded)) &* Self.hashPrime
        let length = word.length
        if length < 64, stemLengths & (1 << UInt64(length)) != 0 {
            let token = word.token
            stemIndex.forEach(word.hash) { term in
                if same(Int(term), letters, length) { hits.append(token << 32 | UInt64(term)) }
            }
        }
    }

    @inline(__always)
    private func finishWord(
        _ letters: UnsafeMutableBufferPointer<UInt32>,
        _ length: Int,
        _ hash: UInt64,
        _ token: UInt64,
        _ hits: inout [UInt64]
    ) {
        exactIndex.forEach(hash) { term in
            if same(Int(term), letters, length) { hits.append(token << 32 | UInt64(term)) }
        }
    }

    /// Whether a term's letters are the first `length` letters of the buffer.
    @inline(__always)
    private func same(_ term: Int, _ letters: UnsafeMutableBufferPointer<UInt32>, _ length: Int) -> Bool {
        let start = Int(letterStart[term])
        guard Int(letterStart[term + 1]) - start == length, length <= letters.count else { return false }
        for index in 0..<length where letterItems[start + index] != letters[index] { return false }
        return true
    }

    /// Whether the pattern terms `patternTermItems[index..<end]` follow the word `after` in order,
    /// each within the gap.
    private func extend(_ index: Int, _ end: Int, after token: Int, from start: Int, in hits: [UInt64]) -> Bool {
        if index == end { return true }
        var position = start
        while position < hits.count {
            let next = Int(hits[position] >> 32)
            if next > token + 1 + Self.maxGap { return false }
            if next > token, Int32(truncatingIfNeeded: hits[position] & 0xFFFF_FFFF) == patternTermItems[index],
                extend(index + 1, end, after: next, from: position + 1, in: hits)
            {
                return true
            }
            position += 1
        }
        return false
    }
}
