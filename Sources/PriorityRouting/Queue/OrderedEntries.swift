extension TicketQueue {
    /// The entries of a ``TicketQueue`` in serving order, produced lazily.
    ///
    /// Walks the heap best-first with a small frontier heap of its own, so taking the first k entries
    /// costs O(k log k) whatever the size of the queue, and the queue is neither copied nor changed.
    public struct OrderedEntries: Sequence, Sendable {
        let heap: [QueueNode]
        let tickets: [RoutableTicket]
        let sequences: [UInt64]
        let ties: [UInt32]

        /// Makes an iterator over the entries in serving order.
        ///
        /// - Returns: A fresh iterator.
        public func makeIterator() -> Iterator {
            Iterator(heap: heap, tickets: tickets, sequences: sequences, ties: ties)
        }

        /// The number of entries.
        public var underestimatedCount: Int { heap.count }

        /// Yields the entries of a queue in serving order.
        public struct Iterator: IteratorProtocol, Sendable {
            private let heap: [QueueNode]
            private let tickets: [RoutableTicket]
            private let sequences: [UInt64]
            private let ties: [UInt32]
            private var frontier: [Int]

            init(heap: [QueueNode], tickets: [RoutableTicket], sequences: [UInt64], ties: [UInt32]) {
                self.heap = heap
                self.tickets = tickets
                self.sequences = sequences
                self.ties = ties
                frontier = heap.isEmpty ? [] : [0]
            }

            /// The next entry in serving order.
            ///
            /// - Returns: The entry, or `nil` when all have been produced.
            public mutating func next() -> QueueEntry? {
                guard let top = frontier.first else { return nil }
                let last = frontier.removeLast()
                if !frontier.isEmpty {
                    frontier[0] = last
                    siftDown(0)
                }
                let firstChild = 4 * top + 1
                var child = firstChild
                while child < firstChild + 4 && child < heap.count {
                    push(child)
                    child += 1
                }
                let node = heap[top]
                return QueueEntry(ticket: tickets[node.slot], sequence: sequences[node.slot])
            }

            private mutating func push(_ index: Int) {
                frontier.append(index)
                siftUp(frontier.count - 1)
            }

            private func before(_ lhs: Int, _ rhs: Int) -> Bool {
                let left = heap[lhs]
                let right = heap[rhs]
                if left.prefix != right.prefix { return left.prefix < right.prefix }
                return TicketQueue.tieBreak(left, right, tickets, sequences, ties)
            }

            private mutating func siftUp(_ start: Int) {
                var index = start
                while index > 0 {
                    let parent = (index - 1) / 2
                    guard before(frontier[index], frontier[parent]) else { return }
                    frontier.swapAt(index, parent)
                    index = parent
                }
            }

            private mutating func siftDown(_ start: Int) {
                var index = start
                while true {
                    let left = 2 * index + 1
                    guard left < frontier.count else { return }
                    let right = left + 1
                    let child = right < frontier.count && before(frontier[right], frontier[left]) ? right : left
                    guard before(frontier[child], frontier[index]) else { return }
                    frontier.swapAt(index, child)
                    index = child
                }
            }
        }
    }
}
