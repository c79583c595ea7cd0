/// The unassigned tickets, served highest priority first: an indexed 4-ary heap.
///
/// Order: higher `Priority` first, then the earlier SLA due date (tickets without one after
/// those with one), then the older ticket, then the one inserted first (see
/// ``QueueEntry/precedes(_:)``). A ticket is in the queue at most once.
///
/// Inserting, removing and re-prioritising a ticket by id cost O(log n); reading the first costs
/// O(1). ``ordered`` walks the queue in serving order without copying or changing it: the first k
/// entries cost O(k log k).
///
/// The heap holds 16-byte nodes (see the Performance article of SupportEngine): the tickets stay in
/// slots that never move, so a sift step moves 16 bytes and updates one integer, a node's four
/// children share one or two cache lines, and the ticket id is hashed once per operation, not once per
///  step (a node keeps its id's hash for the removal).
///
/// ```swift
/// var queue = TicketQueue()
/// queue.insert(RoutableTicket(id: "T-1", priority: .normal, createdAt: created))
/// queue.insert(RoutableTicket(id: "T-2", priority: .urgent, createdAt: created))
/// queue.first?.id  // "T-2"
/// queue.reprioritize("T-1", to: .urgent)
/// ```
public struct TicketQueue: Sendable {
    /// The 4-ary heap: the children of node `i` are `4i + 1 ... 4i + 4`.
    private var heap: [QueueNode] = []
    /// The tickets by slot; a slot keeps its ticket while it waits.
    private var tickets: [RoutableTicket] = []
    /// Where each slot's node is in ``heap``; -1 for a free slot. 32 bits: a sift step writes one entry
    /// at a random place, and a smaller array keeps more of them in cache.
    private var heapIndex: [Int32] = []
    /// The insertion sequence of each slot's ticket: it breaks ties, and the entries report it.
    private var sequences: [UInt64] = []
    /// Each slot's ``QueueNode/tie(of:)``, read when two prefixes are equal.
    private var ties: [UInt32] = []
    /// Slots given back by removed tickets.
    private var freeSlots: [Int] = []
    /// The slot of each waiting ticket.
    private var slots = SlotTable()
    private var nextSequence: UInt64 = 0

    /// Creates an empty queue.
    public init() {}

    /// Creates a queue holding tickets, inserted in the order given (later duplicates are ignored).
    ///
    /// - Parameter tickets: The tickets.
    public init(_ tickets: some Sequence<RoutableTicket>) {
        for ticket in tickets {
            let slot = self.tickets.count
            let hash = SlotTable.hash(ticket.id.hashValue)
            guard slots.slot(hash: hash, where: { self.tickets[$0].id == ticket.id }) == nil else { continue }
            slots.add(hash: hash, slot: slot)
            precondition(nextSequence <= QueueKey.sequenceMask, "the queue's insertion sequence overflowed")
            self.tickets.append(ticket)
            sequences.append(nextSequence)
            ties.append(QueueNode.tie(of: ticket))
            heapIndex.append(Int32(heap.count))
            heap.append(QueueNode(ticket, slot: slot, hash: hash))
            nextSequence += 1
        }
        guard heap.count > 1 else { return }
        var index = (heap.count - 2) / 4 + 1
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    /// The number of waiting tickets.
    public var count: Int { heap.count }

    /// Whether no ticket is waiting.
    public var isEmpty: Bool { heap.isEmpty }

    /// The entry served next, if any.
    public var first: QueueEntry? { heap.first.map(entry(of:)) }

    /// The waiting entries in no particular order.
    public var entries: [QueueEntry] { heap.map(entry(of:)) }

    /// Whether a ticket is waiting.
    ///
    /// - Parameter id: The ticket.
    /// - Returns: `true` when the ticket is in the queue.
    public func contains(_ id: TicketID) -> Bool { slot(of: id) != nil }

    /// The entry of a waiting ticket.
    ///
    /// - Parameter id: The ticket.
    /// - Returns: The entry, or `nil` when the ticket is not in the queue.
    public func entry(for id: TicketID) -> QueueEntry? {
        slot(of: id).map { entry(of: heap[Int(heapIndex[$0])]) }
    }

    /// Adds a ticket.
    ///
    /// - Parameter ticket: The ticket.
    /// - Returns: `true` when the ticket was added; `false` when it was already waiting (the queue is
    ///   unchanged; use ``update(_:)`` to change it).
    @discardableResult
    public mutating func insert(_ ticket: RoutableTicket) -> Bool {
        // One hash of the id: claim the slot, or find the ticket already waiting.
        let hash = SlotTable.hash(ticket.id.hashValue)
        guard slots.slot(hash: hash, where: { tickets[$0].id == ticket.id }) == nil else { return false }
        add(ticket, hash: hash)
        return true
    }

    /// Adds a ticket, or replaces its data where it waits (as ``update(_:)``, keeping its place among
    /// equals): one lookup of its id, where ``update(_:)`` and then ``insert(_:)`` make two.
    ///
    /// - Parameter ticket: The ticket.
    /// - Returns: `true` when the ticket was added; `false` when it was waiting and was updated.
    @discardableResult
    public mutating func insertOrUpdate(_ ticket: RoutableTicket) -> Bool {
        let hash = SlotTable.hash(ticket.id.hashValue)
        if let slot = slots.slot(hash: hash, where: { tickets[$0].id == ticket.id }) {
            replace(at: slot, with: ticket)
            return false
        }
        add(ticket, hash: hash)
        return true
    }

    /// Adds a ticket that is not waiting, whose id hashes to `hash`.
    private mutating func add(_ ticket: RoutableTicket, hash: UInt32) {
        let slot: Int
        if let free = freeSlots.last {
            slot = free
        } else {
            slot = tickets.count
        }
        slots.add(hash: hash, slot: slot)
        precondition(nextSequence <= QueueKey.sequenceMask, "the queue's insertion sequence overflowed")
        if slot == tickets.count {
            tickets.append(ticket)
            sequences.append(nextSequence)
            ties.append(QueueNode.tie(of: ticket))
            heapIndex.append(Int32(heap.count))
        } else {
            freeSlots.removeLast()
            tickets[slot] = ticket
            sequences[slot] = nextSequence
            ties[slot] = QueueNode.tie(of: ticket)
            heapIndex[slot] = Int32(heap.count)
        }
        heap.append(QueueNode(ticket, slot: slot, hash: hash))
        nextSequence += 1
        siftUp(heap.count - 1)
    }

    /// Replaces a waiting ticket's data (priority, due date, reason...), keeping its place among equals.
    ///
    /// - Parameter ticket: The ticket's new data; its id picks the entry.
    /// - Returns: `true` when the ticket was waiting and was updated.
    @discardableResult
    public mutating func update(_ ticket: RoutableTicket) -> Bool {
        guard let slot = slot(of: ticket.id) else { return false }
        replace(at: slot, with: ticket)
        return true
    }

    /// Replaces the data of the ticket waiting in `slot`, and restores the heap around its node.
    private mutating func replace(at slot: Int, with ticket: RoutableTicket) {
        tickets[slot] = ticket
        let index = Int(heapIndex[slot])
        heap[index].prefix = QueueNode.prefix(of: ticket)
        ties[slot] = QueueNode.tie(of: ticket)
        restore(index)
    }

    /// Changes a waiting ticket's priority.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - priority: The new priority.
    /// - Returns: `true` when the ticket was waiting.
    @discardableResult
    public mutating func reprioritize(_ id: TicketID, to priority: Priority) -> Bool {
        guard let slot = slot(of: id) else { return false }
        tickets[slot].priority = priority
        let index = Int(heapIndex[slot])
        heap[index].prefix = QueueNode.prefix(of: tickets[slot])
        restore(index)
        return true
    }

    /// Removes a waiting ticket (it was assigned, solved or merged elsewhere).
    ///
    /// - Parameter id: The ticket.
    /// - Returns: The removed entry, or `nil` when the ticket was not waiting.
    @discardableResult
    public mutating func remove(_ id: TicketID) -> QueueEntry? {
        guard let slot = slot(of: id) else { return nil }
        return remove(at: Int(heapIndex[slot]))
    }

    /// Removes and returns the entry served next.
    ///
    /// - Returns: The first entry, or `nil` when the queue is empty.
    public mutating func popFirst() -> QueueEntry? {
        heap.isEmpty ? nil : remove(at: 0)
    }

    /// The waiting entries in serving order, read lazily without changing the queue.
    public var ordered: OrderedEntries {
        OrderedEntries(heap: heap, tickets: tickets, sequences: sequences, ties: ties)
    }

    /// The slot of a waiting ticket.
    private func slot(of id: TicketID) -> Int? {
        // Captured alone: capturing `self` copied the queue for every lookup (a retain of each of its arrays).
        let tickets = self.tickets
        return slots.slot(hash: SlotTable.hash(id.hashValue), where: { tickets[$0].id == id })
    }

    private func entry(of node: QueueNode) -> QueueEntry {
        QueueEntry(ticket: tickets[node.slot], sequence: sequences[node.slot])
    }

    /// Whether `node` is served before `other`: by the prefixes and ties, or by the full keys when
    /// those are level (the same rank, the same due instant and creations in the same second; or due
    /// dates within about a microsecond of each other, one of them off the whole seconds).
    @inline(__always)
    private func precedes(_ node: QueueNode, _ other: QueueNode) -> Bool {
        if node.prefix != other.prefix { return node.prefix < other.prefix }
        return Self.tieBreak(node, other, tickets, sequences, ties)
    }

    /// The comparison of two nodes with equal prefixes: by their ties, then by the full keys.
    @inline(never)
    static func tieBreak(
        _ node: QueueNode,
        _ other: QueueNode,
        _ tickets: [RoutableTicket],
        _ sequences: [UInt64],
        _ ties: [UInt32]
    ) -> Bool {
        let tie = ties[node.slot]
        let otherTie = ties[other.slot]
        if tie != otherTie && tie != 0 && otherTie != 0 { return tie < otherTie }
        return QueueKey(tickets[node.slot], sequence: sequences[node.slot])
            .precedes(QueueKey(tickets[other.slot], sequence: sequences[other.slot]))
    }

    private mutating func remove(at index: Int) -> QueueEntry {
        let node = heap[index]
        let removed = entry(of: node)
        slots.remove(slot: node.slot, hash: node.hash)
        heapIndex[node.slot] = -1
        freeSlots.append(node.slot)
        let last = heap.removeLast()
        if index < heap.count {
            heap[index] = last
            heapIndex[last.slot] = Int32(index)
            restore(index)
        }
        return removed
    }

    private mutating func restore(_ index: Int) {
        if index > 0 && precedes(heap[index], heap[(index - 1) / 4]) {
            siftUp(index)
        } else {
            siftDown(index)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var index = start
        let moving = heap[index]
        while index > 0 {
            let parent = (index - 1) / 4
            guard precedes(moving, heap[parent]) else { break }
            heap[index] = heap[parent]
            heapIndex[heap[index].slot] = Int32(index)
            index = parent
        }
        if index != start {
            heap[index] = moving
            heapIndex[moving.slot] = Int32(index)
        }
    }

    private mutating func siftDown(_ start: Int) {
        var index = start
        let moving = heap[index]
        let count = heap.count
        while true {
            let first = 4 * index + 1
            guard first < count else { break }
            var child = first
            var childNode = heap[first]
            let end = min(first + 4, count)
            var next = first + 1
            while next < end {
                let node = heap[next]
                if precedes(node, childNode) {
                    child = next
                    childNode = node
                }
                next += 1
            }
            guard precedes(childNode, moving) else { break }
            heap[index] = childNode
            heapIndex[childNode.slot] = Int32(index)
            index = child
        }
        if index != start {
            heap[index] = moving
            heapIndex[moving.slot] = Int32(index)
        }
    }

    /// Whether the heap order, the slots and the id index hold; for tests.
    var isConsistent: Bool {
        guard slots.count == heap.count, heapIndex.count == tickets.count, sequences.count == tickets.count,
            ties.count == tickets.count,
            freeSlots.count + heap.count == tickets.count
        else { return false }
        for (index, node) in heap.enumerated() {
            let ticket = tickets[node.slot]
            guard heapIndex[node.slot] == Int32(index), slot(of: ticket.id) == node.slot else { return false }
            guard node.prefix == QueueNode.prefix(of: ticket), node.hash == SlotTable.hash(ticket.id.hashValue),
                ties[node.slot] == QueueNode.tie(of: ticket)
            else { return false }
            if index > 0 {
                // The parent goes first by the full keys, and the prefixes never say otherwise.
                let parent = heap[(index - 1) / 4]
                let parentKey = QueueKey(tickets[parent.slot], sequence: sequences[parent.slot])
                let key = QueueKey(ticket, sequence: sequences[node.slot])
                guard parentKey.precedes(key), parent.prefix <= node.prefix, !precedes(node, parent) else {
                    return false
                }
            }
        }
        return freeSlots.allSatisfy { heapIndex[$0] == -1 } && Set(slots.slots) == Set(heap.map(\.slot))
    }
}
