/// The slot of each ticket waiting in a ``TicketQueue``, by ticket id: open addressing with linear
/// probing over one array of 8-byte buckets.
///
/// A bucket packs 32 bits of the id's hash and the slot plus one (0 marks an empty bucket). A lookup
/// touches one bucket, usually one cache line, and compares ids only when the hash bits match; a
/// `Dictionary<TicketID, Int>` reads a bitmap word, a 16-byte key and a value from three arrays
/// instead, three cache misses per operation in a table of a million tickets. Removal shifts the
/// following buckets back (no tombstones), using the stored hash bits, so no id is hashed again.
/// The table stays at most half full.
struct SlotTable: Sendable {
    private var buckets: [UInt64] = Array(repeating: 0, count: 16)
    /// The number of slots stored.
    private(set) var count = 0

    /// The 32 hash bits of an id, as stored in a bucket.
    @inline(__always)
    static func hash(_ id: TicketID) -> UInt32 {
        UInt32(truncatingIfNeeded: id.hashValue)
    }

    /// The slot of `id`, whose hash is `hash`; `tickets` gives the ticket in each slot.
    func slot(of id: TicketID, hash: UInt32, in tickets: [RoutableTicket]) -> Int? {
        let mask = buckets.count - 1
        var index = Int(hash) & mask
        while true {
            let bucket = buckets[index]
            guard bucket != 0 else { return nil }
            if UInt32(truncatingIfNeeded: bucket >> 32) == hash {
                let slot = Int(UInt32(truncatingIfNeeded: bucket)) - 1
                if tickets[slot].id == id { return slot }
            }
            index = (index + 1) & mask
        }
    }

    /// Stores `slot` for `id` unless the id is already stored.
    ///
    /// - Returns: The slot already stored for the id, or `nil` when `slot` was stored.
    mutating func insert(_ id: TicketID, hash: UInt32, slot: Int, in tickets: [RoutableTicket]) -> Int? {
        if let existing = self.slot(of: id, hash: hash, in: tickets) { return existing }
        if 2 * (count + 1) > buckets.count { grow() }
        place(UInt64(hash) << 32 | UInt64(UInt32(slot + 1)))
        count += 1
        return nil
    }

    /// Removes the bucket of `slot`, whose ticket's id hashes to `hash`.
    mutating func remove(slot: Int, hash: UInt32) {
        let mask = buckets.count - 1
        let wanted = UInt64(hash) << 32 | UInt64(UInt32(slot + 1))
        var hole = Int(hash) & mask
        while buckets[hole] != wanted { hole = (hole + 1) & mask }
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
    var slots: [Int] {
        buckets.filter { $0 != 0 }.map { Int(UInt32(truncatingIfNeeded: $0)) - 1 }
    }

    private mutating func place(_ bucket: UInt64) {
        let mask = buckets.count - 1
        var index = Int(UInt32(truncatingIfNeeded: bucket >> 32)) & mask
        while buckets[index] != 0 { index = (index + 1) & mask }
        buckets[index] = bucket
    }

    private mutating func grow() {
        precondition(buckets.count <= 1 << 31, "the queue's slot table is full")
        let old = buckets
        buckets = Array(repeating: 0, count: old.count * 2)
        for bucket in old where bucket != 0 { place(bucket) }
    }
}
