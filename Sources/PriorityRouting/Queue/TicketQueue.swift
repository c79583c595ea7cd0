/// The unassigned tickets, served highest priority first: an indexed binary heap.
///
/// Order: higher `Priority` first, then the earlier SLA due date (tickets without one after
/// those with one), then the older ticket, then the one inserted first (see
/// ``QueueEntry/precedes(_:)``). A ticket is in the queue at most once.
///
/// Inserting, removing and re-prioritising a ticket by id cost O(log n); reading the first costs
/// O(1). ``ordered`` walks the queue in serving order without copying or changing it: the first k
/// entries cost O(k log k).
///
/// ```swift
/// var queue = TicketQueue()
/// queue.insert(RoutableTicket(id: "T-1", priority: .normal, createdAt: created))
/// queue.insert(RoutableTicket(id: "T-2", priority: .urgent, createdAt: created))
/// queue.first?.id  // "T-2"
/// queue.reprioritize("T-1", to: .urgent)
/// ```
public struct TicketQueue: Sendable {
    private var heap: [QueueEntry] = []
    private var positions: [TicketID: Int] = [:]
    private var nextSequence: UInt64 = 0

    /// Creates an empty queue.
    public init() {}

    /// Creates a queue holding tickets, inserted in the order given (later duplicates are ignored).
    ///
    /// - Parameter tickets: The tickets.
    public init(_ tickets: some Sequence<RoutableTicket>) {
        for ticket in tickets where positions[ticket.id] == nil {
            positions[ticket.id] = heap.count
            heap.append(QueueEntry(ticket: ticket, sequence: nextSequence))
            nextSequence += 1
        }
        var index = heap.count / 2
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
    public var first: QueueEntry? { heap.first }

    /// The waiting entries in no particular order.
    public var entries: [QueueEntry] { heap }

    /// Whether a ticket is waiting.
    ///
    /// - Parameter id: The ticket.
    /// - Returns: `true` when the ticket is in the queue.
    public func contains(_ id: TicketID) -> Bool { positions[id] != nil }

    /// The entry of a waiting ticket.
    ///
    /// - Parameter id: The ticket.
    /// - Returns: The entry, or `nil` when the ticket is not in the queue.
    public func entry(for id: TicketID) -> QueueEntry? {
        positions[id].map { heap[$0] }
    }

    /// Adds a ticket.
    ///
    /// - Parameter ticket: The ticket.
    /// - Returns: `true` when the ticket was added; `false` when it was already waiting (the queue is
    ///   unchanged; use ``update(_:)`` to change it).
    @discardableResult
    public mutating func insert(_ ticket: RoutableTicket) -> Bool {
        guard positions[ticket.id] == nil else { return false }
        let index = heap.count
        heap.append(QueueEntry(ticket: ticket, sequence: nextSequence))
        nextSequence += 1
        positions[ticket.id] = index
        siftUp(index)
        return true
    }

    /// Replaces a waiting ticket's data (priority, due date, reason...), keeping its place among equals.
    ///
    /// - Parameter ticket: The ticket's new data; its id picks the entry.
    /// - Returns: `true` when the ticket was waiting and was updated.
    @discardableResult
    public mutating func update(_ ticket: RoutableTicket) -> Bool {
        guard let index = positions[ticket.id] else { return false }
        heap[index].ticket = ticket
        restore(index)
        return true
    }

    /// Changes a waiting ticket's priority.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - priority: The new priority.
    /// - Returns: `true` when the ticket was waiting.
    @discardableResult
    public mutating func reprioritize(_ id: TicketID, to priority: Priority) -> Bool {
        guard let index = positions[id] else { return false }
        heap[index].ticket.priority = priority
        restore(index)
        return true
    }

    /// Removes a waiting ticket (it was assigned, solved or merged elsewhere).
    ///
    /// - Parameter id: The ticket.
    /// - Returns: The removed entry, or `nil` when the ticket was not waiting.
    @discardableResult
    public mutating func remove(_ id: TicketID) -> QueueEntry? {
        guard let index = positions[id] else { return nil }
        return remove(at: index)
    }

    /// Removes and returns the entry served next.
    ///
    /// - Returns: The first entry, or `nil` when the queue is empty.
    public mutating func popFirst() -> QueueEntry? {
        heap.isEmpty ? nil : remove(at: 0)
    }

    /// The waiting entries in serving order, read lazily without changing the queue.
    public var ordered: OrderedEntries { OrderedEntries(heap: heap) }

    private mutating func remove(at index: Int) -> QueueEntry {
        let removed = heap[index]
        positions[removed.id] = nil
        let last = heap.removeLast()
        if index < heap.count {
            heap[index] = last
            positions[last.id] = index
            restore(index)
        }
        return removed
    }

    private mutating func restore(_ index: Int) {
        if index > 0 && heap[index].precedes(heap[(index - 1) / 2]) {
            siftUp(index)
        } else {
            siftDown(index)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var index = start
        let moving = heap[index]
        while index > 0 {
            let parent = (index - 1) / 2
            guard moving.precedes(heap[parent]) else { break }
            heap[index] = heap[parent]
            positions[heap[index].id] = index
            index = parent
        }
        if index != start {
            heap[index] = moving
            positions[moving.id] = index
        }
    }

    private mutating func siftDown(_ start: Int) {
        var index = start
        let moving = heap[index]
        let count = heap.count
        while true {
            let left = 2 * index + 1
            guard left < count else { break }
            let right = left + 1
            let child = right < count && heap[right].precedes(heap[left]) ? right : left
            guard heap[child].precedes(moving) else { break }
            heap[index] = heap[child]
            positions[heap[index].id] = index
            index = child
        }
        if index != start {
            heap[index] = moving
            positions[moving.id] = index
        }
    }

    /// Whether the heap order and the id index hold; for tests.
    var isConsistent: Bool {
        guard positions.count == heap.count else { return false }
        for (index, entry) in heap.enumerated() {
            guard positions[entry.id] == index else { return false }
            if index > 0 && entry.precedes(heap[(index - 1) / 2]) { return false }
        }
        return true
    }
}
