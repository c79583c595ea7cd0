import Foundation

/// Due work kept in a 4-ary min-heap keyed by due instant, so the desk never scans all tickets.
///
/// The heap holds at most one entry per timer: scheduling work that is already on the heap keeps the
/// earlier of the two instants (an index from each timer to its place in the heap finds it). A timer
/// that fires early — its ticket's or member's due instant moved later since — is checked against the
/// store when it comes due and put back at the stored instant. Outbox wake-ups are the exception: each
/// pending message has its own attempt instant, so the outbox keeps one entry per instant.
///
/// The heap holds 24-byte nodes (instant, sequence, slot); the work itself stays in a slot that never
/// moves, so a sift step moves one node and updates one integer, and a timer is hashed once per call.
///
/// Instants that are not finite are never pushed: a NaN would break the heap's order and stop every
/// timer behind it, and an infinite one never comes due.
struct DueQueue: Sendable {
    /// What is due.
    enum Work: Sendable, Hashable {
        /// Look at a ticket's timers (auto-close).
        case ticket(TicketID)
        /// Retry outbound deliveries.
        case outbox
        /// An agent's shift starts or ends.
        case shiftChange(AgentID)
        /// A step of a member's journey falls due.
        case member(MemberID)
        /// Look ahead in the outbox for pending messages not yet on the timers (after a restart with
        /// more pending messages than one read returns).
        case outboxLookahead
        /// Drain the queue again after a drain failed (the due-work pass always ends with a drain).
        case queueDrain
    }

    struct Entry: Sendable, Hashable {
        /// When the entry is taken.
        var due: Date
        /// The order of scheduling, which breaks ties between equal instants.
        var sequence: UInt64
        var work: Work

        static func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
            lhs.due != rhs.due ? lhs.due < rhs.due : lhs.sequence < rhs.sequence
        }
    }

    /// The timer an entry stands for: its work, and for the outbox also its instant.
    ///
    /// Its hash is computed once, from the work and the instant, and the table hashes only that word:
    /// growing the table and removing a timer (which moves the timers after it) rehash a word instead of
    /// an id's text.
    private struct Timer: Hashable {
        var work: Work
        /// The outbox's instant (its `timeIntervalSinceReferenceDate`); 0 for any other work, whose
        /// timer is one per work.
        var instant: Double
        private var digest: Int

        init(_ work: Work, due: Date) {
            self.work = work
            self.instant = work == .outbox ? due.timeIntervalSinceReferenceDate : 0
            var hasher = Hasher()
            hasher.combine(work)
            hasher.combine(instant)
            digest = hasher.finalize()
        }

        static func == (lhs: Timer, rhs: Timer) -> Bool {
            lhs.digest == rhs.digest && lhs.instant == rhs.instant && lhs.work == rhs.work
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    /// One place in the heap: the ordering key and the slot holding the work.
    private struct Node {
        var due: Double
        var sequence: UInt64
        var slot: Int

        @inline(__always)
        func precedes(_ other: Node) -> Bool {
            due != other.due ? due < other.due : sequence < other.sequence
        }
    }

    /// The 4-ary heap: the children of node `i` are `4i + 1 ... 4i + 4`.
    private var heap: [Node] = []
    /// The work by slot.
    private var works: [Work] = []
    /// Where each slot's node is in ``heap``; -1 for a free slot.
    private var heapIndex: [Int] = []
    /// Slots given back by taken entries.
    private var freeSlots: [Int] = []
    /// The slot of each timer on the heap.
    private var slots: [Timer: Int] = [:]
    private var nextSequence: UInt64 = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }
    var first: Entry? { heap.first.map(entry(of:)) }

    /// Schedules work at `due`; when the timer is already on the heap, it keeps the earlier instant.
    ///
    /// - Returns: Whether the heap changed: `false` for an instant that is not finite, or not earlier
    ///   than the one the timer already has.
    @discardableResult
    mutating func insert(_ work: Work, due: Date) -> Bool {
        let instant = due.timeIntervalSinceReferenceDate
        guard instant.isFinite else { return false }
        let timer = Timer(work, due: due)
        let fresh = freeSlots.last ?? works.count
        let slot = Self.claim(&slots[timer, default: -1], fresh)
        if slot != fresh {
            let index = heapIndex[slot]
            guard instant < heap[index].due else { return false }
            heap[index].due = instant
            siftUp(from: index)
            return true
        }
        if slot == works.count {
            works.append(work)
            heapIndex.append(heap.count)
        } else {
            freeSlots.removeLast()
            works[slot] = work
            heapIndex[slot] = heap.count
        }
        heap.append(Node(due: instant, sequence: nextSequence, slot: slot))
        nextSequence &+= 1
        siftUp(from: heap.count - 1)
        return true
    }

    mutating func popFirst() -> Entry? {
        guard let top = heap.first else { return nil }
        let taken = entry(of: top)
        slots[Timer(taken.work, due: taken.due)] = nil
        heapIndex[top.slot] = -1
        freeSlots.append(top.slot)
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            heapIndex[last.slot] = 0
            siftDown(from: 0)
        }
        return taken
    }

    /// The slot already in a dictionary value, or `fresh` stored in a new one (-1); one hash per call.
    private static func claim(_ value: inout Int, _ fresh: Int) -> Int {
        if value == -1 { value = fresh }
        return value
    }

    private func entry(of node: Node) -> Entry {
        Entry(due: Date(timeIntervalSinceReferenceDate: node.due), sequence: node.sequence, work: works[node.slot])
    }

    private mutating func siftUp(from start: Int) {
        var index = start
        let moving = heap[index]
        while index > 0 {
            let parent = (index - 1) / 4
            guard moving.precedes(heap[parent]) else { break }
            heap[index] = heap[parent]
            heapIndex[heap[index].slot] = index
            index = parent
        }
        if index != start {
            heap[index] = moving
            heapIndex[moving.slot] = index
        }
    }

    private mutating func siftDown(from start: Int) {
        var index = start
        let moving = heap[index]
        let count = heap.count
        while true {
            let first = 4 * index + 1
            guard first < count else { break }
            var child = first
            let end = min(first + 4, count)
            var next = first + 1
            while next < end {
                if heap[next].precedes(heap[child]) { child = next }
                next += 1
            }
            guard heap[child].precedes(moving) else { break }
            heap[index] = heap[child]
            heapIndex[heap[index].slot] = index
            index = child
        }
        if index != start {
            heap[index] = moving
            heapIndex[moving.slot] = index
        }
    }

    /// Whether the heap order, the slots and the timer index hold; for tests.
    var isConsistent: Bool {
        guard slots.count == heap.count, heapIndex.count == works.count,
            freeSlots.count + heap.count == works.count
        else { return false }
        for (index, node) in heap.enumerated() {
            guard heapIndex[node.slot] == index else { return false }
            let timer = Timer(works[node.slot], due: Date(timeIntervalSinceReferenceDate: node.due))
            guard slots[timer] == node.slot else { return false }
            if index > 0 && node.precedes(heap[(index - 1) / 4]) { return false }
        }
        return freeSlots.allSatisfy { heapIndex[$0] == -1 }
    }
}
