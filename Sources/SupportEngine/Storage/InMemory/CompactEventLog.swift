import Foundation

/// One ticket's history as ``InMemoryTicketStore`` keeps it: the events without what the store already
/// knows, in one contiguous array.
///
/// - The ticket id and the sequence number are not stored: every event belongs to the ticket, and the
///   event at offset `n` has sequence `n + 1` (the store only accepts histories that continue).
/// - Service-level changes and routing explanations are stored inline instead of in the boxes of the
///   indirect ``TicketChange`` cases; an explanation array is shared with the snapshot's
///   ``Ticket/explanations``.
/// - The creation is not stored when the snapshot still says what the ticket was created with: its
///   requester, subject, channel, language, follow-up link and first message never change, and its
///   first reason and priority are the `from` of the first reason and priority change, or the
///   snapshot's own. Every commit checks that this still holds and stores the creation in full
///   otherwise, so ``events(of:snapshot:)`` always returns exactly the events committed.
/// - A new ticket's first commit is not stored at all when the snapshot says all of it (an
///   ``Opening``): the creation by the requester, then clocks started and routing explained by the
///   system at the same instant, each equal to the snapshot's running clock and explanations. Later
///   commits are stored after it as long as they leave those clocks, the explanations and the creation
///   as the snapshot says them (a fired warning does); the first commit that changes one writes the
///   opening out from the snapshot before it, which still says it.
struct CompactEventLog: Sendable {
    private struct Entry: Sendable {
        let at: Date
        let change: Change
        let actor: SupportActor
    }

    private enum Change: Sendable {
        /// The creation, as derived from the snapshot and the later reason and priority changes.
        case createdAsSnapshot
        case sla(SLAChange)
        case explained([RoutingExplanation])
        case other(TicketChange)
    }

    /// A first commit that the snapshot says in full: the creation by the requester (a member who
    /// wrote in), then events by the system (the only actor that records clocks and explanations), all
    /// at the snapshot's creation instant, each a clock the snapshot still runs as it started or the
    /// snapshot's explanations as they were explained. Five bytes: no actor is kept.
    private struct Opening: Sendable {
        static let maximumFollowers = 8

        /// What an event after the creation was.
        enum Kind: UInt32 {
            case startedFirstReply = 1
            case startedNextReply
            case startedResolution
            case explained
        }

        /// The kinds of the events after the creation, 3 bits each, the first in the lowest bits.
        let kinds: UInt32
        private let followerCount: UInt8

        init(kinds: UInt32, followers: Int) {
            self.kinds = kinds
            self.followerCount = UInt8(followers)
        }

        /// The number of events after the creation.
        var followers: Int { Int(followerCount) }

        func kind(at offset: Int) -> Kind {
            guard let kind = Kind(rawValue: (kinds >> (3 * UInt32(offset))) & 7) else {
                preconditionFailure("an opening's event \(offset + 1) has no kind")
            }
            return kind
        }
    }

    // The fields are ordered so that the log takes 19 bytes of its record.
    /// The stored events: all of them, or those after ``opening``.
    private var entries: [Entry] = []
    /// The position in ``entries`` of the first reason change, `UInt32.max` when there is none: kept so
    /// that deriving the creation does not read the whole log on every commit (a position, not the
    /// reason, which would take 16 bytes in every record). Four billion events of one ticket would not fit in
    /// memory, so a position always fits.
    private var firstReasonEntry = UInt32.max
    /// A new ticket's first commit while the snapshot says it in full; ``entries`` holds the events after it.
    private var opening: Opening?
    /// The `from` of the first priority change in ``entries``.
    private var firstPriorityFrom: Priority?

    /// The `from` of the first reason change in ``entries``, if there is one.
    private var firstReasonFrom: ContactReason? {
        guard firstReasonEntry != .max else { return nil }
        guard case .other(.reasonChanged(let from, _)) = entries[Int(firstReasonEntry)].change else {
            preconditionFailure("a ticket's first reason change moved in its history")
        }
        return from
    }

    /// The number of events.
    var count: Int { (opening.map { 1 + $0.followers } ?? 0) + entries.count }

    /// Whether the first commit's events are kept as an opening the snapshot says in full (not stored).
    var isDerivedFromSnapshot: Bool { opening != nil }

    /// Appends a commit's events, which turn `previous` (`nil` for a new ticket) into `snapshot`.
    mutating func append(_ events: [TicketEvent], from previous: Ticket?, to snapshot: Ticket) {
        if let previous {
            append(events, after: previous, to: snapshot)
        } else {
            appendFirst(events, to: snapshot)
        }
    }

    /// ``append(_:from:to:)`` for a new ticket's first write (or a log rebuilt from events).
    mutating func appendFirst(_ events: [TicketEvent], to snapshot: Ticket) {
        guard opening == nil else { preconditionFailure("a ticket's history was appended to as a new ticket") }
        if entries.isEmpty, let opening = opening(of: events, snapshot: snapshot) {
            self.opening = opening
            return
        }
        appendEntries(events, snapshot: snapshot)
    }

    /// ``append(_:from:to:)`` for a write on a stored ticket, `previous` being its stored snapshot
    /// (borrowed, not unwrapped from an optional: unwrapping copied the ticket).
    mutating func append(_ events: [TicketEvent], after previous: Ticket, to snapshot: Ticket) {
        if let opening,
            !Self.opening(opening, readsAlike: previous, snapshot)
                || !derivesSameCreation(previous, snapshot, adding: events)
        {
            // `previous` still says the opening: write it out before the events that change it.
            var written = Self.entries(of: opening, snapshot: previous, reserving: entries.count + events.count)
            if firstReasonEntry != .max { firstReasonEntry += UInt32(written.count) }
            written.append(contentsOf: entries)
            entries = written
            self.opening = nil
        }
        if !entries.isEmpty, case .createdAsSnapshot = entries[0].change {
            // The creation is derived from the snapshot: keep it in full if the new snapshot and events would
            // derive another one.
            if !derivesSameCreation(previous, snapshot, adding: events),
                let before = derivedCreation(from: previous, adding: [])
            {
                entries[0] = Entry(at: entries[0].at, change: .other(.created(before)), actor: entries[0].actor)
            }
        }
        appendEntries(events, snapshot: snapshot)
    }

    /// Appends an entry for each event.
    private mutating func appendEntries(_ events: [TicketEvent], snapshot: Ticket) {
        if entries.isEmpty { entries.reserveCapacity(events.count) }
        for index in events.indices {  // by index: a loop variable would copy each event
            let change: Change
            switch events[index].change {
            case .created(let creation):
                let derived = entries.isEmpty && opening == nil ? derivedCreation(from: snapshot, adding: events) : nil
                change = derived == creation ? .createdAsSnapshot : .other(events[index].change)
            case .sla(let sla):
                change = .sla(sla)
            case .explained(let decided):
                change = .explained(decided)
            case .reasonChanged:
                if firstReasonEntry == .max { firstReasonEntry = UInt32(entries.count) }
                change = .other(events[index].change)
            case .priorityChanged(let from, _):
                firstPriorityFrom = firstPriorityFrom ?? from
                change = .other(events[index].change)
            default:
                change = .other(events[index].change)
            }
            entries.append(Entry(at: events[index].at, change: change, actor: events[index].actor))
        }
    }

    /// The events in order, as they were committed.
    func events(of id: TicketID, snapshot: Ticket) -> [TicketEvent] {
        var all = entries
        if let opening {
            all = Self.entries(of: opening, snapshot: snapshot, reserving: entries.count)
            all.append(contentsOf: entries)
        }
        return all.enumerated().map { offset, entry in
            let change: TicketChange
            switch entry.change {
            case .createdAsSnapshot:
                guard let creation = derivedCreation(from: snapshot, adding: []) else {
                    preconditionFailure("ticket \(id) lost the first message its creation is derived from")
                }
                change = .created(creation)
            case .sla(let sla): change = .sla(sla)
            case .explained(let decided): change = .explained(decided)
            case .other(let other): change = other
            }
            return TicketEvent(ticketID: id, sequence: offset + 1, at: entry.at, actor: entry.actor, change: change)
        }
    }

    /// The first reason and priority a ticket had, given this log followed by `later` events and the
    /// ticket's current ones: the `from` of the first change of each, or the current value.
    private func firstReasonAndPriority(
        _ reason: ContactReason,
        _ priority: Priority,
        adding later: [TicketEvent]
    ) -> (reason: ContactReason, priority: Priority) {
        var firstReason = firstReasonFrom
        var firstPriority = firstPriorityFrom
        if firstReason == nil || firstPriority == nil {
            for event in later {
                switch event.change {
                case .reasonChanged(let from, _) where firstReason == nil: firstReason = from
                case .priorityChanged(let from, _) where firstPriority == nil: firstPriority = from
                default: break
                }
            }
        }
        return (firstReason ?? reason, firstPriority ?? priority)
    }

    /// Whether `previous` (with this log) and `snapshot` (with this log and `later`) derive the same
    /// creation, or `previous` derives none: what `derivedCreation` of each would compare, field by
    /// field, without building either.
    private func derivesSameCreation(_ previous: Ticket, _ snapshot: Ticket, adding later: [TicketEvent]) -> Bool {
        guard !previous.messages.isEmpty else { return true }
        // The first messages compared in place: `first` would copy each out (and retain what it holds).
        guard !snapshot.messages.isEmpty, snapshot.messages[0] == previous.messages[0] else { return false }
        let before = firstReasonAndPriority(previous.reason, previous.priority, adding: [])
        let after = firstReasonAndPriority(snapshot.reason, snapshot.priority, adding: later)
        return before == after && previous.requester == snapshot.requester
            && previous.hasSameSubject(as: snapshot) && previous.channel == snapshot.channel
            && previous.locale == snapshot.locale && previous.followUpOf == snapshot.followUpOf
            && previous.number == snapshot.number
    }

    /// What `snapshot` says the ticket was created with, given this log followed by `later` events.
    private func derivedCreation(from snapshot: Ticket, adding later: [TicketEvent]) -> TicketCreation? {
        guard let firstMessage = snapshot.messages.first else { return nil }
        let first = firstReasonAndPriority(snapshot.reason, snapshot.priority, adding: later)
        return TicketCreation(
            requester: snapshot.requester,
            subject: snapshot.subject,
            channel: snapshot.channel,
            reason: first.reason,
            priority: first.priority,
            locale: snapshot.locale,
            followUpOf: snapshot.followUpOf,
            number: snapshot.number,
            firstMessage: firstMessage
        )
    }

    /// Whether `derivedCreation(from: snapshot, adding: [])` would equal `creation`, field by field,
    /// without building it (a creation holds the subject's text and the first message).
    private func isDerived(_ creation: TicketCreation, from snapshot: Ticket) -> Bool {
        guard let firstMessage = snapshot.messages.first else { return false }
        let first = firstReasonAndPriority(snapshot.reason, snapshot.priority, adding: [])
        return creation.requester == snapshot.requester && creation.channel == snapshot.channel
            && creation.reason == first.reason && creation.priority == first.priority
            && creation.locale == snapshot.locale && creation.followUpOf == snapshot.followUpOf
            && creation.number == snapshot.number && creation.firstMessage == firstMessage
            && snapshot.hasSubject(creation.subject)
    }

    /// The opening that says `events` from `snapshot`, or `nil` when they are not one.
    private func opening(of events: [TicketEvent], snapshot: Ticket) -> Opening? {
        guard let first = events.first, case .created(let creation) = first.change,
            events.count <= 1 + Opening.maximumFollowers, first.at == snapshot.createdAt,
            first.actor == .member(snapshot.requester), isDerived(creation, from: snapshot)
        else { return nil }
        var kinds: UInt32 = 0
        var seen: UInt32 = 0
        for (offset, event) in events.dropFirst().enumerated() {
            guard event.at == snapshot.createdAt, event.actor == .system else { return nil }
            let kind: Opening.Kind
            switch event.change {
            case .sla(.started(let clock)) where snapshot.sla.running[clock.metric] == clock:
                switch clock.metric {
                case .firstReply: kind = .startedFirstReply
                case .nextReply: kind = .startedNextReply
                case .resolution: kind = .startedResolution
                }
            case .explained(let decided) where decided == snapshot.explanations.values:
                kind = .explained
            default:
                return nil
            }
            // A second event of a kind would not be what the snapshot says of the first one.
            guard seen & (1 << kind.rawValue) == 0 else { return nil }
            seen |= 1 << kind.rawValue
            kinds |= kind.rawValue << (3 * UInt32(offset))
        }
        return Opening(kinds: kinds, followers: events.count - 1)
    }

    /// Whether the clocks and explanations an opening reads are the same in `previous` and `snapshot`.
    private static func opening(_ opening: Opening, readsAlike previous: Ticket, _ snapshot: Ticket) -> Bool {
        for offset in 0..<opening.followers {
            switch opening.kind(at: offset) {
            case .startedFirstReply:
                guard previous.sla.running[.firstReply] == snapshot.sla.running[.firstReply] else { return false }
            case .startedNextReply:
                guard previous.sla.running[.nextReply] == snapshot.sla.running[.nextReply] else { return false }
            case .startedResolution:
                guard previous.sla.running[.resolution] == snapshot.sla.running[.resolution] else { return false }
            case .explained:
                guard previous.explanations.values == snapshot.explanations.values else { return false }
            }
        }
        return true
    }

    /// The entries an opening says, read from a snapshot that says it, with room for `more` after them.
    private static func entries(of opening: Opening, snapshot: Ticket, reserving more: Int) -> [Entry] {
        let at = snapshot.createdAt
        var entries: [Entry] = []
        entries.reserveCapacity(1 + opening.followers + more)
        entries.append(Entry(at: at, change: .createdAsSnapshot, actor: .member(snapshot.requester)))
        for offset in 0..<opening.followers {
            let change: Change
            switch opening.kind(at: offset) {
            case .startedFirstReply: change = .sla(.started(started(.firstReply, in: snapshot)))
            case .startedNextReply: change = .sla(.started(started(.nextReply, in: snapshot)))
            case .startedResolution: change = .sla(.started(started(.resolution, in: snapshot)))
            case .explained: change = .explained(snapshot.explanations.values)
            }
            entries.append(Entry(at: at, change: change, actor: .system))
        }
        return entries
    }

    private static func started(_ metric: SLAMetric, in snapshot: Ticket) -> SLAClock {
        guard let clock = snapshot.sla.running[metric] else {
            preconditionFailure("ticket \(snapshot.id) lost the \(metric) clock its opening is derived from")
        }
        return clock
    }
}
