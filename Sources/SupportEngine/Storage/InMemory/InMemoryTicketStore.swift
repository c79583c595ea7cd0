import Foundation

/// The reference ``TicketStore``: everything in memory, in one actor.
///
/// Use it in tests, demos and simulations, and as the model of what an adapter must do: it passes the
/// conformance suite in `SupportEngineTesting`. Nothing survives the process.
public actor InMemoryTicketStore: TicketStore {
    /// A ticket's snapshot, due instant and history in one box, updated in place by each commit. Boxing
    /// keeps the indexes' entries pointer-sized: a large ticket struct stored inline would make every
    /// copy and every slack slot cost as much as a ticket. A record is never dropped: ``dueIndex`` holds
    /// records without retaining them, and ``records`` keeps every one alive.
    final class Record {
        // The fields are laid out so that a record takes 355 bytes, a 368-byte malloc chunk: the two flags
        // sit in the 305-byte ticket's tail padding, and the due instant is kept as its seconds beside a
        // flag (an optional `Date` is 9 bytes, and the record would need 16 more).
        var ticket: Ticket
        /// Whether the ticket's own key, ``ThreadKey/ticket(_:)``, was committed for it. The key is not put
        /// in ``threadKeys`` then, unless a later commit gives it to another ticket.
        var ownsTicketThreadKey = false
        private var hasDue: Bool
        private var dueSeconds: Double
        var log = CompactEventLog()

        init(ticket: Ticket, dueAt: Date?) {
            self.ticket = ticket
            self.hasDue = dueAt != nil
            self.dueSeconds = dueAt?.timeIntervalSinceReferenceDate ?? 0
        }

        /// When the ticket's next timer falls due, if it has one.
        var dueAt: Date? {
            get { hasDue ? Date(timeIntervalSinceReferenceDate: dueSeconds) : nil }
            set {
                hasDue = newValue != nil
                dueSeconds = newValue?.timeIntervalSinceReferenceDate ?? 0
            }
        }

        var stored: StoredTicket { StoredTicket(ticket: ticket, dueAt: dueAt) }
    }

    /// Every record, by the ticket's id and number.
    var records = RecordTable()
    private var externalKeys = KeyedRecords<ExternalMessageKey>()
    private var threadKeys = KeyedRecords<ThreadKey>()
    /// Keys of the form ``ThreadKey/ticket(_:)`` committed for another ticket than their own: they win
    /// over the implicit own keys, and are usually none.
    private var movedOwnThreadKeys: [ThreadKey: Record] = [:]
    var outbox: [OutboundID: OutboundMessage] = [:]
    var pendingOutboundIDs: Set<OutboundID> = []
    var deadLetterIDs: Set<OutboundID> = []
    var outboundByTicket: [TicketID: [OutboundID]] = [:]
    /// How many delivery claims were made: numbers the claims' tokens, so that no two are alike.
    var claimsMade = 0
    /// The last ticket number handed out (or committed, when a commit brought a higher one).
    private var lastTicketNumber = 0
    /// The tickets each agent holds that still need work (new, open, pending, on hold), so that a query
    /// for one agent's tickets in those statuses reads them without a scan of the store.
    var held: [AgentID: Set<TicketID>] = [:]
    /// The tickets by search term: built by the first text query, kept current by commits after it.
    var textIndex: TicketTextIndex?
    /// The tickets by due instant, for the desk's queries of what falls due soon.
    var dueIndex = DueIndex<Record>()
    /// The desk-wide event feed: entry `n` has position `n + 1`.
    var feed: [InMemoryFeedItem] = []
    /// The keys of the notices in ``feed``, so that a notice stored twice is kept once.
    var noticeKeys: Set<String> = []
    /// The tickets in each order a query asked for: built by the first such query, kept current by
    /// commits after it.
    var orderIndexes: [IndexedOrder: TicketOrderIndex<Record>] = [:]
    /// The due timers a first page of ``ticketTimers(dueBefore:after:limit:)`` listed, kept for the
    /// following pages until a commit or the last page.
    var timerListing: TimerListing?

    /// The tickets due before a horizon, in id order, as one listing found them.
    struct TimerListing {
        var horizon: Date
        var timers: [TicketTimer]
    }

    /// Creates an empty store.
    public init() {}

    /// The number of tickets stored.
    public var ticketCount: Int { records.count }

    /// Applies a commit atomically; see ``TicketStore/commit(_:)``.
    ///
    /// - Parameter commit: What to write.
    /// - Throws: ``StoreError`` as the protocol describes; nothing is stored on error.
    public func commit(_ commit: TicketCommit) throws {
        // One lookup per write (validation's, kept for the writes and the feed), and the stored snapshot
        // read in place: a commit copies no ticket but the new one.
        var written = try validate(commit)
        timerListing = nil  // the due instants change
        for position in commit.writes.indices {
            written[position] = apply(commit.writes[position], to: written[position])
        }
        dueIndex.compact(count: records.count, elements: records.all) { $0.dueAt }
        for message in commit.outbound {
            // A claim the commit carries is the committing desk's (``storesClaimsOnCommit``).
            outbox[message.id] = message
            if let ticket = message.ticketID { outboundByTicket[ticket, default: []].append(message.id) }
            indexOutbound(message)
        }
        appendFeed(of: commit, records: written)
    }

    /// Applies one write of a validated commit: updates the ticket's record (or makes it) and the indexes.
    ///
    /// - Parameters:
    ///   - write: The write, borrowed from the commit (a copy of a write retains every reference of its
    ///     ticket).
    ///   - existing: The ticket's record, as validation found it; `nil` for a new ticket.
    /// - Returns: The ticket's record.
    private func apply(_ write: borrowing TicketWrite, to existing: Record?) -> Record {
        let id = write.ticket.id
        let record: Record
        if let existing {
            record = existing
            updateHolder(of: id, from: Self.holder(of: existing.ticket), to: Self.holder(of: write.ticket))
            textIndex?.update(write.ticket, from: existing.ticket)
            if let due = write.dueAt, due != existing.dueAt { dueIndex.add(existing, due: due) }
            record.log.append(write.events, after: existing.ticket, to: write.ticket)
            let old = orderIndexes.isEmpty ? nil : (ticket: existing.ticket, dueAt: existing.dueAt)
            record.ticket = write.ticket
            record.dueAt = write.dueAt
            if let old { updateOrderIndexes(record, from: old) }
        } else {
            updateHolder(of: id, from: nil, to: Self.holder(of: write.ticket))
            textIndex?.update(write.ticket, from: nil)
            record = Record(ticket: write.ticket, dueAt: write.dueAt)
            if let due = write.dueAt { dueIndex.add(record, due: due) }
            record.log.appendFirst(write.events, to: write.ticket)
            records.add(record)
            if !orderIndexes.isEmpty { updateOrderIndexes(record, from: nil) }
            if let number = write.ticket.number { lastTicketNumber = max(lastTicketNumber, number.rawValue) }
        }
        for key in write.externalKeys { externalKeys.store(record, for: key) }
        for key in write.threadKeys {
            if Self.isOwnThreadKey(key, of: id) {
                record.ownsTicketThreadKey = true
                if !movedOwnThreadKeys.isEmpty { movedOwnThreadKeys.removeValue(forKey: key) }
            } else if Self.ticketOfOwnThreadKey(key) != nil {
                movedOwnThreadKeys[key] = record
            } else {
                threadKeys.store(record, for: key)
            }
        }
        return record
    }

    /// Keeps ``held`` in step with a ticket's holder: `before` and `after` are ``holder(of:)`` of the
    /// stored and the new snapshot.
    private func updateHolder(of id: TicketID, from before: AgentID?, to after: AgentID?) {
        guard before != after else { return }
        if let before {
            held[before]?.remove(id)
            if held[before]?.isEmpty == true { held[before] = nil }
        }
        if let after { held[after, default: []].insert(id) }
    }

    /// The statuses in which an assigned ticket counts as held: ``holder(of:)`` answers with a switch
    /// over the same statuses.
    static let heldStatuses: Set<TicketStatus> = [.new, .open, .pending, .onHold]

    /// The agent holding a ticket: its assignee while its status is one of ``heldStatuses``.
    private static func holder(of ticket: Ticket) -> AgentID? {
        switch ticket.status {
        case .new, .open, .pending, .onHold: ticket.assignee
        case .solved, .closed: nil
        }
    }

    /// Checks a commit against the store.
    ///
    /// - Returns: The stored record of each write's ticket, in the order of the writes (`nil` for a new
    ///   ticket); a commit names a ticket at most once (``TicketCommit/validateShape()``).
    private func validate(_ commit: TicketCommit) throws -> [Record?] {
        try commit.validateShape()
        var found: [Record?] = []
        found.reserveCapacity(commit.writes.count)
        for index in commit.writes.indices {  // by index: a loop variable would copy each write
            let id = commit.writes[index].ticket.id
            let record = records[id]
            found.append(record)
            let stored = record?.ticket.version ?? 0
            let expected = commit.writes[index].expectedVersion
            guard stored == expected else {
                throw StoreError(
                    .versionConflict,
                    "ticket \(id) is at version \(stored), not \(expected): reload it and try again"
                )
            }
            let number = commit.writes[index].ticket.number
            if let record, record.ticket.number != number {
                throw StoreError(
                    .invalidCommit,
                    "ticket \(id) has number \(record.ticket.number.map(String.init(describing:)) ?? "none"), "
                        + "not \(number.map(String.init(describing:)) ?? "none"): a ticket's number never changes"
                )
            }
            // Two new tickets of this commit with one number are refused by the shape check.
            if expected == 0, let number, let owner = records.record(number: number)?.ticket.id, owner != id {
                throw StoreError(
                    .invalidCommit,
                    "ticket number \(number) already belongs to ticket \(owner); take new numbers from nextTicketNumber()"
                )
            }
            for key in commit.writes[index].externalKeys {
                if let owner = externalKeys[key]?.ticket.id, owner != id {
                    throw StoreError(.duplicateExternalMessage, "message \(key) is already stored in ticket \(owner)")
                }
            }
        }
        for message in commit.outbound where outbox[message.id] != nil {
            throw StoreError(.invalidCommit, "outbound message \(message.id) is already in the outbox")
        }
        return found
    }

    /// Reads a ticket.
    ///
    /// - Parameter id: The ticket's id.
    /// - Returns: The ticket, or `nil`.
    public func ticket(_ id: TicketID) -> StoredTicket? { records[id]?.stored }

    /// Reads several tickets at once; see ``TicketStore/tickets(_:)``.
    ///
    /// - Parameter ids: The tickets' ids, at most ``TicketQuery/maximumLimit`` of them.
    /// - Returns: One entry per id, in the order of `ids`, `nil` where there is no such ticket.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for more ids than that.
    public func tickets(_ ids: [TicketID]) throws -> [StoredTicket?] {
        try TicketQuery.validateBatch(ids)
        return ids.map { records[$0]?.stored }
    }

    /// Reads a ticket's events in order.
    ///
    /// - Parameter id: The ticket's id.
    /// - Returns: The events; empty for an unknown ticket.
    public func events(of id: TicketID) -> [TicketEvent] {
        guard let record = records[id] else { return [] }
        return record.log.events(of: id, snapshot: record.ticket)
    }

    /// Finds the ticket an inbound message was stored in.
    ///
    /// - Parameter key: The message's key.
    /// - Returns: The ticket's id, or `nil`.
    public func ticketID(forExternalMessage key: ExternalMessageKey) -> TicketID? { externalKeys[key]?.ticket.id }

    /// Finds the ticket a thread key points at.
    ///
    /// - Parameter key: The thread key.
    /// - Returns: The ticket's id, or `nil`.
    public func ticketID(forThread key: ThreadKey) -> TicketID? {
        guard let id = Self.ticketOfOwnThreadKey(key) else { return threadKeys[key]?.ticket.id }
        if let record = movedOwnThreadKeys[key] { return record.ticket.id }
        guard let record = records[id], record.ownsTicketThreadKey else { return nil }
        return record.ticket.id
    }

    /// Looks an inbound message's key and thread keys up in one call on the store; see
    /// ``TicketStore/lookUpInbound(_:threads:)``.
    ///
    /// - Parameters:
    ///   - key: The message's channel and external id.
    ///   - threads: The thread keys the message could belong to.
    /// - Returns: The ticket holding the message and the tickets the keys point at.
    public func lookUpInbound(_ key: ExternalMessageKey, threads: [ThreadKey]) -> InboundLookup {
        var owners: [ThreadKey: TicketID] = [:]
        for thread in threads where owners[thread] == nil {
            if let owner = ticketID(forThread: thread) { owners[thread] = owner }
        }
        return InboundLookup(storedIn: ticketID(forExternalMessage: key), threadOwners: owners)
    }

    private static let ownThreadKeyPrefix = Array(ThreadKey.ticket("").rawValue.utf8)

    /// Whether a thread key is ``ThreadKey/ticket(_:)`` of the ticket `id`, compared byte by byte.
    private static func isOwnThreadKey(_ key: ThreadKey, of id: TicketID) -> Bool {
        let utf8 = key.rawValue.utf8
        guard utf8.count == ownThreadKeyPrefix.count + id.rawValue.utf8.count,
            utf8.starts(with: ownThreadKeyPrefix)
        else { return false }
        return utf8.dropFirst(ownThreadKeyPrefix.count).elementsEqual(id.rawValue.utf8)
    }

    /// The ticket whose ``ThreadKey/ticket(_:)`` a thread key is, if it has that form.
    private static func ticketOfOwnThreadKey(_ key: ThreadKey) -> TicketID? {
        let utf8 = key.rawValue.utf8
        guard utf8.count > ownThreadKeyPrefix.count, utf8.starts(with: ownThreadKeyPrefix) else { return nil }
        return TicketID(String(decoding: utf8.dropFirst(ownThreadKeyPrefix.count), as: UTF8.self))
    }

    /// Hands out the next ticket number: 1, 2, 3, … in the order of the calls; see
    /// ``TicketStore/nextTicketNumber()``.
    ///
    /// - Returns: A number no earlier call returned.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the numbers run out.
    public func nextTicketNumber() throws -> TicketNumber {
        guard let number = TicketNumber(rawValue: lastTicketNumber + 1) else {
            throw StoreError(.unavailable, "the store has handed out every ticket number up to \(TicketNumber.maximum)")
        }
        lastTicketNumber = number.rawValue
        return number
    }

    /// Finds the ticket with a number.
    ///
    /// - Parameter number: The ticket's number.
    /// - Returns: The ticket's id, or `nil`.
    public func ticketID(forNumber number: TicketNumber) -> TicketID? { records.record(number: number)?.ticket.id }
}
