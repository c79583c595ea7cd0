import Testing

@testable import SupportCore

/// The slot table against a dictionary model, with hash bits chosen to collide: the table must find a
/// key only through the caller's check, and removal's backward shift must keep every other key findable.
@Suite("Slot table")
struct SlotTableTests {
    /// A small generator so that the test needs nothing from other targets.
    private struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("Seeded inserts, lookups and removals with colliding hash bits agree with a dictionary")
    func seededModel() throws {
        let seed: UInt64 = 0x5107_7AB1
        print("SlotTableTests.seededModel seed \(seed)")
        var random = Random(state: seed)
        var table = SlotTable()
        // The keys live in slots, as in the queues; a free slot holds nil.
        var keys: [Int?] = []
        var model: [Int: Int] = [:]  // key -> slot
        // Only 64 distinct hash values for 400 keys: long runs of equal and neighbouring buckets, half of
        // them homed at the table's last buckets, so that runs wrap around to its start.
        func hash(_ key: Int) -> UInt32 {
            key % 2 == 0 ? UInt32(key % 64) : UInt32.max &- UInt32(key % 64)
        }
        for step in 0..<50_000 {
            let key = Int(random.next() % 400)
            let found = table.slot(hash: hash(key), where: { keys[$0] == key })
            try #require(found == model[key], "seed \(seed) step \(step)")
            if let slot = found, random.next() % 2 == 0 {
                table.remove(slot: slot, hash: hash(key))
                keys[slot] = nil
                model[key] = nil
            } else if found == nil {
                let slot = keys.firstIndex(of: nil) ?? keys.count
                if slot == keys.count { keys.append(key) } else { keys[slot] = key }
                table.add(hash: hash(key), slot: slot)
                model[key] = slot
            }
            try #require(table.count == model.count, "seed \(seed) step \(step)")
        }
        #expect(Set(table.slots) == Set(model.values))
        for key in 0..<400 {
            #expect(table.slot(hash: hash(key), where: { keys[$0] == key }) == model[key], "key \(key)")
        }
    }

    @Test("A key is found only when the caller's check says so")
    func checkDecides() {
        var table = SlotTable()
        table.add(hash: 7, slot: 0)
        table.add(hash: 7, slot: 1)
        #expect(table.slot(hash: 7, where: { $0 == 1 }) == 1)
        #expect(table.slot(hash: 7, where: { _ in false }) == nil)
        #expect(table.slot(hash: 8, where: { _ in true }) == nil)
        table.remove(slot: 0, hash: 7)
        #expect(table.slot(hash: 7, where: { $0 == 1 }) == 1)
        #expect(table.slots == [1])
    }
}
