/// The serving order of a ``QueueEntry`` as plain numbers, so the heap compares machine words
/// instead of optional dates and enum ranks.
///
/// `order` packs, from the top bit down, the priority (highest first), whether the ticket has an SLA
/// due date (those with one first) and the insertion sequence; `due` is the due instant (0 when there
/// is none, so two tickets without one are level), then `created`. Smaller keys are served first:
/// by the rank in `order`'s top bits, then `due`, then `created`, then the sequence.
///
/// The heap does not store these keys: its nodes hold a 64-bit ``QueueNode/prefix`` of them, and a
/// full key is built from the ticket only when two prefixes are equal.
struct QueueKey: Sendable {
    /// How many low bits of ``order`` hold the sequence.
    static let sequenceBits: UInt64 = 61
    static let sequenceMask: UInt64 = (1 << sequenceBits) - 1

    var order: UInt64
    var due: Double
    var created: Double

    init(_ ticket: RoutableTicket, sequence: UInt64) {
        precondition(sequence <= Self.sequenceMask, "the queue's insertion sequence overflowed")
        let rank = Self.rank(of: ticket)
        due = ticket.slaDue.map { $0.timeIntervalSinceReferenceDate + 0 } ?? 0
        order = rank << Self.sequenceBits | sequence
        created = ticket.createdAt.timeIntervalSinceReferenceDate + 0
    }

    /// The priority (highest first, so urgent is 0) and, in the lowest bit, 1 when the ticket has no
    /// SLA due date: three bits, smaller served first.
    @inline(__always)
    static func rank(of ticket: RoutableTicket) -> UInt64 {
        let priorityRank = UInt64(Priority.urgent.rank - ticket.priority.rank)
        return priorityRank << 1 | (ticket.slaDue == nil ? 1 : 0)
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

/// One place in the queue's heap (16 bytes, so a node's four children share one or two cache lines).
///
/// ``prefix`` is the top of the ticket's ``QueueKey`` in one word: the three rank bits, then the first
/// instant that decides between two tickets of that rank (the SLA due date, or the creation when
/// there is none) mapped to an unsigned integer in the same order, less its three lowest bits. A
/// smaller prefix is served first; two equal prefixes are decided by the slots' ties (see
/// ``QueueNode/tie(of:)``) when both have one, and by the full keys otherwise. The node also carries
/// the 32 hash bits of the ticket's id, so removing it from the id table hashes no text.
struct QueueNode: Sendable {
    /// The ordering prefix; see the type's description.
    var prefix: UInt64
    /// The slot as 32 bits; ``slot`` reads it as an `Int`.
    private var storedSlot: UInt32
    /// The id's hash bits as stored in ``SlotTable``.
    let hash: UInt32

    init(_ ticket: RoutableTicket, slot: Int, hash: UInt32) {
        prefix = Self.prefix(of: ticket)
        storedSlot = UInt32(slot)
        self.hash = hash
    }

    /// The slot of ``TicketQueue``'s ticket array holding this node's ticket.
    var slot: Int { Int(storedSlot) }

    /// The ordering prefix of a ticket.
    @inline(__always)
    static func prefix(of ticket: RoutableTicket) -> UInt64 {
        let instant = ordered((ticket.slaDue ?? ticket.createdAt).timeIntervalSinceReferenceDate + 0)  // no -0
        return QueueKey.rank(of: ticket) << QueueKey.sequenceBits | instant >> 3
    }

    /// What decides between two tickets with equal prefixes before their full keys are built.
    ///
    /// For a ticket with a due date that the prefix holds exactly (its three dropped bits are zero, as
    /// they are for every due date on a whole second), 1 plus the whole seconds of its creation since
    /// the reference date (clamped to 32 bits): two such tickets with equal prefixes are due at the same
    /// instant, and the earlier creation goes first. 0 (the full keys decide) otherwise. Tickets due at
    /// the same instant are common (everything that arrived overnight is due the same time after the
    /// opening), so this saves reading both tickets for most ties.
    @inline(__always)
    static func tie(of ticket: RoutableTicket) -> UInt32 {
        guard let due = ticket.slaDue, ordered(due.timeIntervalSinceReferenceDate + 0) & 7 == 0 else { return 0 }
        let created = ticket.createdAt.timeIntervalSinceReferenceDate
        let seconds = created >= 0 ? min(created, Double(UInt32.max - 1)) : 0  // NaN reads as 0
        return 1 + UInt32(seconds)
    }

    /// A double's bits as an unsigned integer in the double's order (negative values below positive).
    @inline(__always)
    static func ordered(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | 1 << 63
    }
}
