/// The serving order of a ``QueueEntry`` as plain numbers, so the heap compares four machine words
/// instead of optional dates and enum ranks.
///
/// `rank` packs the priority (highest first) and whether the ticket has an SLA due date (those with
/// one first); `due` is the due instant (0 when there is none, so two tickets without one are level),
/// then `created`, then the insertion `sequence`. Smaller keys are served first.
struct QueueKey: Sendable {
    var rank: UInt64
    var due: Double
    var created: Double
    var sequence: UInt64

    init(_ ticket: RoutableTicket, sequence: UInt64) {
        let priorityRank = UInt64(Priority.urgent.rank - ticket.priority.rank)
        if let slaDue = ticket.slaDue {
            rank = priorityRank << 1
            due = slaDue.timeIntervalSinceReferenceDate
        } else {
            rank = priorityRank << 1 | 1
            due = 0
        }
        created = ticket.createdAt.timeIntervalSinceReferenceDate
        self.sequence = sequence
    }

    /// Whether this key is served before `other`; two keys with different sequences are never level.
    @inline(__always)
    func precedes(_ other: QueueKey) -> Bool {
        if rank != other.rank { return rank < other.rank }
        if due != other.due { return due < other.due }
        if created != other.created { return created < other.created }
        return sequence < other.sequence
    }
}

/// One place in the queue's heap: the ordering key and the slot holding the ticket.
struct QueueNode: Sendable {
    var key: QueueKey
    var slot: Int
}
