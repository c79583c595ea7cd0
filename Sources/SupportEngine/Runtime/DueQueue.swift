import Foundation

/// Due work kept in a binary min-heap keyed by due instant, so the desk never scans all tickets.
///
/// Entries are not removed when a ticket's due instant changes; instead an entry is checked against
/// the stored ticket when it comes due and dropped when stale.
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
        /// When the entry is taken: its due instant, or a retry's later one.
        var due: Date
        var sequence: UInt64
        var work: Work
        /// The due instant the work was scheduled for, which a retry keeps so that its check against
        /// the stored due instant still matches.
        var scheduledFor: Date

        static func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
            lhs.due != rhs.due ? lhs.due < rhs.due : lhs.sequence < rhs.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }
    var first: Entry? { heap.first }

    mutating func insert(_ work: Work, due: Date, scheduledFor: Date? = nil) {
        heap.append(Entry(due: due, sequence: nextSequence, work: work, scheduledFor: scheduledFor ?? due))
        nextSequence &+= 1
        siftUp(from: heap.count - 1)
    }

    mutating func popFirst() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        if !heap.isEmpty { siftDown(from: 0) }
        return top
    }

    private mutating func siftUp(from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Entry.precedes(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var best = left
            let right = left + 1
            if right < heap.count, Entry.precedes(heap[right], heap[left]) { best = right }
            guard Entry.precedes(heap[best], heap[parent]) else { return }
            heap.swapAt(best, parent)
            parent = best
        }
    }
}
