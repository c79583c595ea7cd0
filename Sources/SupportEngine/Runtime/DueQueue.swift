import Foundation

/// Due work kept in a binary min-heap keyed by due instant, so the desk never scans all tickets.
///
/// The heap holds at most one entry per timer: scheduling work that is already on the heap keeps the
/// earlier of the two instants (an index from each timer to its place in the heap finds it). A timer
/// that fires early — its ticket's or member's due instant moved later since — is checked against the
/// store when it comes due and put back at the stored instant. Outbox wake-ups are the exception: each
/// pending message has its own attempt instant, so the outbox keeps one entry per instant.
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
    private struct Timer: Hashable {
        var work: Work
        var instant: Date?

        init(_ work: Work, due: Date) {
            self.work = work
            self.instant = work == .outbox ? due : nil
        }
    }

    private var heap: [Entry] = []
    /// Where each timer's entry is in ``heap``.
    private var positions: [Timer: Int] = [:]
    private var nextSequence: UInt64 = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }
    var first: Entry? { heap.first }

    /// Schedules work at `due`; when the timer is already on the heap, it keeps the earlier instant.
    ///
    /// - Returns: Whether the heap changed: `false` for an instant that is not finite, or not earlier
    ///   than the one the timer already has.
    @discardableResult
    mutating func insert(_ work: Work, due: Date) -> Bool {
        guard due.timeIntervalSinceReferenceDate.isFinite else { return false }
        let timer = Timer(work, due: due)
        if let index = positions[timer] {
            guard due < heap[index].due else { return false }
            heap[index].due = due
            siftUp(from: index)
            return true
        }
        heap.append(Entry(due: due, sequence: nextSequence, work: work))
        nextSequence &+= 1
        positions[timer] = heap.count - 1
        siftUp(from: heap.count - 1)
        return true
    }

    mutating func popFirst() -> Entry? {
        guard !heap.isEmpty else { return nil }
        swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        positions[Timer(top.work, due: top.due)] = nil
        if !heap.isEmpty { siftDown(from: 0) }
        return top
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        guard i != j else { return }
        heap.swapAt(i, j)
        positions[Timer(heap[i].work, due: heap[i].due)] = i
        positions[Timer(heap[j].work, due: heap[j].due)] = j
    }

    private mutating func siftUp(from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Entry.precedes(heap[child], heap[parent]) else { return }
            swapAt(child, parent)
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
            swapAt(best, parent)
            parent = best
        }
    }
}
