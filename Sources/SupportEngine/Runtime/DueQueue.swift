import Foundation

/// Due work kept in a 4-ary min-heap keyed by due instant, so the desk never scans all tickets.
///
/// The heap holds at most one entry per timer: scheduling work that is already on the heap keeps the
/// earlier of the two instants (an index from each timer to its place in the heap finds it). A timer
/// that fires early — its ticket's or member's due instant moved later since — is checked against the
/// store when it comes due and put back at the stored instant. Outbox wake-ups are the exception: each
/// pending message has its own attempt instant, so the outbox keeps one entry per instant.
///
/// The heap holds 24-byte nodes (instant, sequence, slot, the timer's hash bits); the work itself stays in
/// a slot that never moves, so a sift step moves one node and updates one integer. The timers' slots are
/// indexed by a ``SlotTable`` of 8-byte buckets, so a timer is hashed once per insertion and not at
/// all when it is taken.
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

    /// One place in the heap: the ordering key, the slot holding the work and the timer's hash bits
    /// (so that taking an entry hashes no id).
    private struct Node {
        var due: Double
        var sequence: UInt64
        var slot: UInt32
        var hash: UInt32

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
    private var heapIndex: [Int32] = []
    /// Slots given back by taken entries.
    private var freeSlots: [Int] = []
    /// The slot of each timer on the heap, by the timer's hash bits (``timerHash(_:instant:)``).
    private var slots = SlotTable()
    private var nextSequence: UInt64 = 0
    /// The bits of each timer's hash that are kept: all of them, except in tests that make timers collide.
    private let hashMask: UInt32

    /// Creates an empty queue.
    init() { hashMask = .max }

    /// Creates an empty queue that keeps only the bits of `hashMask` of each timer's hash, so that many
    /// timers share their hash bits and are told apart by their work and instant alone; for tests.
    init(hashMask: UInt32) { self.hashMask = hashMask }

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
        let timerInstant = Self.timerInstant(of: work, due: instant)
        let hash = timerHash(work, instant: timerInstant)
        if let slot = slots.slot(hash: hash, where: { holds($0, work, timerInstant) }) {
            let index = Int(heapIndex[slot])
            guard instant < heap[index].due else { return false }
            heap[index].due = instant
            siftUp(from: index)
            return true
        }
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            works[slot] = work
            heapIndex[slot] = Int32(heap.count)
        } else {
            slot = works.count
            works.append(work)
            heapIndex.append(Int32(heap.count))
        }
        slots.add(hash: hash, slot: slot)
        heap.append(Node(due: instant, sequence: nextSequence, slot: UInt32(slot), hash: hash))
        nextSequence &+= 1
        siftUp(from: heap.count - 1)
        return true
    }

    mutating func popFirst() -> Entry? {
        guard let top = heap.first else { return nil }
        let taken = entry(of: top)
        let slot = Int(top.slot)
        slots.remove(slot: slot, hash: top.hash)
        heapIndex[slot] = -1
        freeSlots.append(slot)
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            heapIndex[Int(last.slot)] = 0
            siftDown(from: 0)
        }
        return taken
    }

    /// The instant that is part of a timer's identity: the outbox keeps one timer per instant (its
    /// `timeIntervalSinceReferenceDate`); any other work has one timer, and 0 here.
    private static func timerInstant(of work: Work, due: Double) -> Double {
        work == .outbox ? due : 0
    }

    /// The 32 hash bits of a timer, computed once per call from its work and instant.
    private func timerHash(_ work: Work, instant: Double) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(work)
        hasher.combine(instant)
        return UInt32(truncatingIfNeeded: hasher.finalize()) & hashMask
    }

    /// Whether the timer in a stored slot is `work` at `timerInstant` (see ``timerInstant(of:due:)``).
    private func holds(_ slot: Int, _ work: Work, _ timerInstant: Double) -> Bool {
        guard works[slot] == work else { return false }
        guard case .outbox = work else { return true }
        return heap[Int(heapIndex[slot])].due == timerInstant
    }

    private func entry(of node: Node) -> Entry {
        Entry(due: Date(timeIntervalSinceReferenceDate: node.due), sequence: node.sequence, work: works[Int(node.slot)])
    }

    private mutating func siftUp(from start: Int) {
        var index = start
        let moving = heap[index]
        while index > 0 {
            let parent = (index - 1) / 4
            guard moving.precedes(heap[parent]) else { break }
            heap[index] = heap[parent]
            heapIndex[Int(heap[index].slot)] = Int32(index)
            index = parent
        }
        if index != start {
            heap[index] = moving
            heapIndex[Int(moving.slot)] = Int32(index)
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
            heapIndex[Int(heap[index].slot)] = Int32(index)
            index = child
        }
        if index != start {
            heap[index] = moving
            heapIndex[Int(moving.slot)] = Int32(index)
        }
    }

    /// Whether the heap order, the slots and the timer index hold; for tests.
    var isConsistent: Bool {
        guard slots.count == heap.count, heapIndex.count == works.count,
            freeSlots.count + heap.count == works.count
        else { return false }
        for (index, node) in heap.enumerated() {
            let slot = Int(node.slot)
            guard heapIndex[slot] == index else { return false }
            let work = works[slot]
            let timerInstant = Self.timerInstant(of: work, due: node.due)
            guard node.hash == timerHash(work, instant: timerInstant),
                slots.slot(hash: node.hash, where: { holds($0, work, timerInstant) }) == slot
            else { return false }
            if index > 0 && node.precedes(heap[(index - 1) / 4]) { return false }
        }
        return freeSlots.allSatisfy { heapIndex[$0] == -1 } && Set(slots.slots) == Set(heap.map { Int($0.slot) })
    }
}
