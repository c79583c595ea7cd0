import Foundation

/// One sort order of the in-memory ticket store kept sorted: its entries in chunks of a few hundred,
/// so that a ticket moves (a binary search and a short shift) without moving every other entry, and a
/// page starts with a binary search instead of a sort.
///
/// ``InMemoryTicketStore`` builds one for an order the first time a query asks for it and keeps it
/// current on every commit after that; a store never sorted spends nothing on it.
struct TicketOrderIndex<Element: AnyObject> {
    /// An entry's place: compared by `primary`, then `secondary`, then `id`.
    struct Key: Comparable {
        var primary: Double
        var secondary: Double
        var id: TicketID

        static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
            if lhs.secondary != rhs.secondary { return lhs.secondary < rhs.secondary }
            return lhs.id < rhs.id
        }
    }

    typealias Entry = (key: Key, element: Element)

    /// A chunk splits in two when it grows past this.
    private static var chunkCapacity: Int { 512 }
    /// The entries in order, cut into chunks that are never empty.
    private var chunks: [[Entry]] = []

    /// The number of entries.
    private(set) var count = 0

    /// Builds the index from entries in any order; their keys must be distinct.
    init(_ entries: [Entry]) {
        let sorted = entries.sorted { $0.key < $1.key }
        count = sorted.count
        var start = 0
        while start < sorted.count {
            let end = min(start + Self.chunkCapacity / 2, sorted.count)
            chunks.append(Array(sorted[start..<end]))
            start = end
        }
    }

    /// Adds an entry under a key no other entry has.
    mutating func insert(_ element: Element, at key: Key) {
        count += 1
        guard !chunks.isEmpty else {
            chunks = [[(key, element)]]
            return
        }
        let chunk = min(chunkIndex(notBelow: key), chunks.count - 1)
        let offset = Self.offset(in: chunks[chunk], notBelow: key)
        chunks[chunk].insert((key, element), at: offset)
        if chunks[chunk].count > Self.chunkCapacity {
            let upper = Array(chunks[chunk][(Self.chunkCapacity / 2)...])
            chunks[chunk].removeSubrange((Self.chunkCapacity / 2)...)
            chunks.insert(upper, at: chunk + 1)
        }
    }

    /// Removes the entry with a key, if there is one.
    mutating func remove(at key: Key) {
        let chunk = chunkIndex(notBelow: key)
        guard chunk < chunks.count else { return }
        let offset = Self.offset(in: chunks[chunk], notBelow: key)
        guard offset < chunks[chunk].count, chunks[chunk][offset].key == key else { return }
        count -= 1
        chunks[chunk].remove(at: offset)
        if chunks[chunk].isEmpty { chunks.remove(at: chunk) }
    }

    /// Visits the entries after `start` (every entry when it is `nil`) in order, or, when `descending`,
    /// the entries before it in reverse order, until `visit` returns `false`.
    func forEach(after start: Key?, descending: Bool, _ visit: (Element) -> Bool) {
        guard !chunks.isEmpty else { return }
        if descending {
            var chunk: Int
            var offset: Int
            if let start {
                chunk = chunkIndex(notBelow: start)
                offset = chunk < chunks.count ? Self.offset(in: chunks[chunk], notBelow: start) : 0
            } else {
                chunk = chunks.count
                offset = 0
            }
            // Step back to the last entry below the start.
            while true {
                if offset > 0 {
                    offset -= 1
                    guard visit(chunks[chunk][offset].element) else { return }
                } else {
                    guard chunk > 0 else { return }
                    chunk -= 1
                    offset = chunks[chunk].count
                }
            }
        }
        var chunk = 0
        var offset = 0
        if let start {
            chunk = chunkIndex(above: start)
            guard chunk < chunks.count else { return }
            offset = Self.offset(in: chunks[chunk], above: start)
        }
        while chunk < chunks.count {
            let entries = chunks[chunk]
            while offset < entries.count {
                guard visit(entries[offset].element) else { return }
                offset += 1
            }
            chunk += 1
            offset = 0
        }
    }

    /// The first chunk whose last key is not below `key`; `chunks.count` when there is none.
    private func chunkIndex(notBelow key: Key) -> Int {
        var low = 0
        var high = chunks.count
        while low < high {
            let middle = (low + high) / 2
            if chunks[middle][chunks[middle].count - 1].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first chunk whose last key is above `key`; `chunks.count` when there is none.
    private func chunkIndex(above key: Key) -> Int {
        var low = 0
        var high = chunks.count
        while low < high {
            let middle = (low + high) / 2
            if key < chunks[middle][chunks[middle].count - 1].key { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static func offset(in entries: [Entry], notBelow key: Key) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func offset(in entries: [Entry], above key: Key) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if key < entries[middle].key { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
