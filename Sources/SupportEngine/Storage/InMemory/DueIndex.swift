import Foundation

/// The in-memory ticket store's index of tickets by due instant, so that a query for the tickets due
/// before an instant reads those tickets instead of every ticket in the store.
///
/// A binary min-heap of `(due, element)` entries. Giving a ticket a new due instant adds an entry and
/// leaves the old one behind: an entry is *current* while its element's due instant still equals the
/// entry's. Stale entries are dropped when they reach the top, and the heap is rebuilt from the
/// elements once the entries outnumber twice the elements, so it stays within a constant factor of
/// the tickets that have a due instant. A query walks only the part of the heap below its instant.
///
/// The index does not own its elements: an entry holds an unretained reference, so that moving entries
/// up and down the heap counts no references (that counting was most of a sift's cost). Its owner keeps
/// every element alive for as long as the index exists (stale entries are read too); the in-memory
/// store never drops a record.
struct DueIndex<Element: AnyObject> {
    private var entries: [(due: Date, element: Unmanaged<Element>)] = []

    /// Adds an element under a due instant; call it whenever an element's due instant changes to one.
    ///
    /// - Precondition: The caller keeps `element` alive for as long as the index exists (the index
    ///   does not retain it).
    mutating func add(_ element: Element, due: Date) {
        entries.append((due, Unmanaged.passUnretained(element)))
        siftUp(entries.count - 1)
    }

    /// Every element whose current due instant is before `horizon`, in no order; an element may be
    /// listed twice (its due instant changed and changed back).
    ///
    /// - Parameters:
    ///   - horizon: The instant the due instants must be before.
    ///   - dueOf: An element's current due instant.
    mutating func elements(dueBefore horizon: Date, dueOf: (Element) -> Date?) -> [Element] {
        while let top = entries.first, dueOf(top.element.takeUnretainedValue()) != top.due { removeFirst() }
        var found: [Element] = []
        var pending: [Int] = entries.isEmpty ? [] : [0]
        while let index = pending.popLast() {
            guard entries[index].due < horizon else { continue }
            let element = entries[index].element.takeUnretainedValue()
            if dueOf(element) == entries[index].due { found.append(element) }
            let left = 2 * index + 1
            if left < entries.count { pending.append(left) }
            if left + 1 < entries.count { pending.append(left + 1) }
        }
        return found
    }

    /// Rebuilds the heap from the elements when stale entries have piled up.
    ///
    /// - Parameters:
    ///   - count: How many elements there are.
    ///   - elements: Every element.
    ///   - dueOf: An element's current due instant.
    mutating func compact(count: Int, elements: [Element], dueOf: (Element) -> Date?) {
        guard entries.count > 2 * count + 1024 else { return }
        entries = elements.compactMap { element in dueOf(element).map { ($0, Unmanaged.passUnretained(element)) } }
        var index = entries.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    private mutating func removeFirst() {
        let last = entries.removeLast()
        guard !entries.isEmpty else { return }
        entries[0] = last
        siftDown(0)
    }

    private mutating func siftUp(_ start: Int) {
        var index = start
        let moving = entries[index]
        while index > 0 {
            let parent = (index - 1) / 2
            guard moving.due < entries[parent].due else { break }
            entries[index] = entries[parent]
            index = parent
        }
        entries[index] = moving
    }

    private mutating func siftDown(_ start: Int) {
        var index = start
        let moving = entries[index]
        while true {
            var child = 2 * index + 1
            guard child < entries.count else { break }
            if child + 1 < entries.count && entries[child + 1].due < entries[child].due { child += 1 }
            guard entries[child].due < moving.due else { break }
            entries[index] = entries[child]
            index = child
        }
        entries[index] = moving
    }
}
