/// The serving order of a ``QueueEntry`` as plain numbers, so the heap compares machine words
/// instead of optional dates and enum ranks.
///
/// `order` packs, from the top bit down, the priority (highest first), whether the ticket has an SLA
/// due date (those with one first) and the insertion sequence; `due` is the due instant (0 when there
/// is none, so two tickets without one are level), then `created`. Smaller keys are served first:
/// by the rank in `order`'s top bits, then `due`, then `created`, then the sequence. Packing the rank
/// and the sequence into one word keeps a heap node at 32 bytes, so a node's four children share two
/// cache lines.
struct QueueKey: Sendable {
    /// How many low bits of ``order`` hold the sequence.
    static let sequenceBits: UInt64 = 61
    static let sequenceMask: UInt64 = (1 << sequenceBits) - 1

    var order: UInt64
    var due: Double
    var created: Double

    init(_ ticket: RoutableTicket, sequence: UInt64) {
        precondition(sequence <= Self.sequenceMask, "the queue's insertion sequence overflowed")
        let priorityRank = UInt64(Priority.urgent.rank - ticket.priority.rank)
        let rank: UInt64
        if let slaDue = ticket.slaDue {
            rank = priorityRank << 1
            due = slaDue.timeIntervalSinceReferenceDate
        } else {
            rank = priorityRank << 1 | 1
            due = 0
        }
        order = rank << Self.sequenceBits | sequence
        created = ticket.createdAt.timeIntervalSinceReferenceDate
    }

    /// The insertion sequence.
    var sequence: UInt64 { order & Self.sequenceMask }

    /// Whether this key is served before `other`; two keys with different sequences are never level.
    @inline(__always)
    func precedes(_ other: QueueKey) -> Bool {
        // Different ranks: the top bits decide the whole word's order.
        if (order ^ other.order) > Self.sequenceMask { return order < other.order }
        if due != other.due { return due < other.due }
        if created != other.created { return created < other.created }
        return order < other.order
    }
}

/// One place in the queue's heap: the ordering key and the slot holding the ticket (32 bytes).
struct QueueNode: Sendable {
    var key: QueueKey
    /// The slot as 32 bits; ``slot`` reads it as an `Int`.
    private var storedSlot: Int32

    init(key: QueueKey, slot: Int) {
        self.key = key
        storedSlot = Int32(slot)
    }

    /// The slot of ``TicketQueue``'s ticket array holding this node's ticket.
    var slot: Int { Int(storedSlot) }
}
