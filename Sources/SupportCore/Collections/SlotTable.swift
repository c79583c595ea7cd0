/// A hash index from keys to the slots of an array that holds them: open addressing with linear probing
/// over one array of 8-byte buckets.
///
/// A bucket packs 32 bits of the key's hash and the slot plus one (0 marks an empty bucket). The table
/// stores no keys: the caller keeps them in its own slots and says, through a closure, whether the key
/// in a slot is the one looked for. A lookup touches one bucket, usually one cache line, and calls the
/// closure only when the hash bits match; a `Dictionary<Key, Int>` reads a bitmap word, the key and a
/// value from three arrays instead, three cache misses per operation in a table of a million keys.
/// Removal shifts the following buckets back (no tombstones), using the stored hash bits, so no key is
/// hashed again. The table stays at most half full.
///
/// The routing queue (``TicketQueue`` in PriorityRouting) and the desk's due-work queue index their
/// slots with it.
package struct SlotTable: Sendable {
    @usableFromInline
    package var buckets: [UInt64] = Array(repeating: 0, count: 16)
    /// The number of slots stored.
    @usableFromInline
    package private(set) var count = 0

    /// Creates an empty table.
    package init() {}

    /// The 32 hash bits of a key whose `hashValue` is given, as stored in a bucket. (It takes the hash
    /// value rather than the key so that the caller's concrete `hashValue` is used, not a generic one.)
    @inlinable
    package static func hash(_ hashValue: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hashValue)
    }

    /// The slot whose key hashes to `hash` and is the one `isKey` recognizes, if any.
    @inlinable
    package func slot(hash: UInt32, where isKey: (Int) -> Bool) -> Int? {
        let mask = buckets.count - 1
        var index = Int(hash) & mask
        while true {
            let bucket = buckets[index]
            guard bucket != 0 else { return nil }
            if UInt32(truncatingIfNeeded: bucket >> 32) == hash {
                let slot = Int(UInt32(truncatingIfNeeded: bucket)) - 1
                if isKey(slot) { return slot }
            }
            index = (index + 1) & mask
        }
    }

    /// Stores `slot` for a key the table does not hold: look it up with ``slot(hash:where:)`` first.
    ///
    /// - Parameters:
    ///   - hash: The key's hash bits, ``hash(_:)`` of its `hashValue`.
    ///   - slot: The slot to store for the key, from 0 through `UInt32.max - 2`. (The table holds at most
    ///     2^31 keys: it stays at most half full of at most 2^32 buckets.)
    @inlinable
    package mutating func add(hash: UInt32, slot: Int) {
        precondition(slot >= 0 && slot < Int(UInt32.max) - 1, "a slot table's slots are 0 through 2^32 - 3")
        if 2 * (count + 1) > buckets.count { grow() }
        place(UInt64(hash) << 32 | UInt64(UInt32(slot + 1)))
        count += 1
    }

    /// Removes the bucket of `slot`, whose key hashes to `hash`; the bucket must be stored.
    @inlinable
    package mutating func remove(slot: Int, hash: UInt32) {
        let mask = buckets.count - 1
        let wanted = UInt64(hash) << 32 | UInt64(UInt32(slot + 1))
        var hole = Int(hash) & mask
        while buckets[hole] != wanted {
            precondition(buckets[hole] != 0, "a slot table was asked to remove a slot it does not hold")
            hole = (hole + 1) & mask
        }
        // Backward shift: move up every following bucket whose home is not between the hole and it.
        var next = hole
        while true {
            next = (next + 1) & mask
            let bucket = buckets[next]
            if bucket == 0 { break }
            let home = Int(UInt32(truncatingIfNeeded: bucket >> 32)) & mask
            let distanceToHole = (next - hole) & mask
            let distanceToHome = (next - home) & mask
            if distanceToHome >= distanceToHole {
                buckets[hole] = bucket
                hole = next
            }
        }
        buckets[hole] = 0
        count -= 1
    }

    /// Every stored slot, in no order; for tests.
    package var slots: [Int] {
        buckets.filter { $0 != 0 }.map { Int(UInt32(truncatingIfNeeded: $0)) - 1 }
    }

    @inlinable
    mutating func place(_ bucket: UInt64) {
        let mask = buckets.count - 1
        var index = Int(UInt32(truncatingIfNeeded: bucket >> 32)) & mask
        while buckets[index] != 0 { index = (index + 1) & mask }
        buckets[index] = bucket
    }

    @usableFromInline
    mutating func grow() {
        precondition(buckets.count <= 1 << 31, "the slot table is full")
        let old = buckets
        buckets = Array(repeating: 0, count: old.count * 2)
        for bucket in old where bucket != 0 { place(bucket) }
    }
}
