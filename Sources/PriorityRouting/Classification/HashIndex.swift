/// A small open-addressing table from 64-bit text hashes to term numbers.
///
/// Swift's `Dictionary` hashes every key again with SipHash; the classifier looks up a few hundred
/// hashes per message, so it uses this table instead: multiplicative hashing, linear probing, built
/// once and only read afterwards. Several terms may share a key (a 64-bit collision); lookups visit
/// them all and the caller checks the term's letters.
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int

    /// Builds the table.
    ///
    /// - Parameter entries: The keys and their term numbers (zero or more).
    init(_ entries: [(key: UInt64, value: Int32)]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity *= 2 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for entry in entries {
            var slot = Self.slot(entry.key, mask)
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = entry.key
            values[slot] = entry.value
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Calls `body` with every term number stored under `key`.
    ///
    /// - Parameters:
    ///   - key: The hash to look up.
    ///   - body: Called once per term stored under the key.
    @inline(__always)
    func forEach(_ key: UInt64, _ body: (Int32) -> Void) {
        var slot = Self.slot(key, mask)
        while true {
            let value = values[slot]
            if value < 0 { return }
            if keys[slot] == key { body(value) }
            slot = (slot + 1) & mask
        }
    }
}
