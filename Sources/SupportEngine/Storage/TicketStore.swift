import Foundation

/// Where tickets, their events and the outbox live.
///
/// Writes go through one atomic ``commit(_:)`` guarded by the version the writer read (optimistic
/// concurrency). Reads are by id, by inbound message key (dedupe), by thread key, and by query with
/// paging, and by ticket number, which the store also hands out (``nextTicketNumber()``).
/// ``InMemoryTicketStore`` is the reference; any adapter (a SQL database, say) must pass the
/// conformance suite in `SupportEngineTesting`.
public protocol TicketStore: Sendable {
    /// Applies a commit atomically: every write, its events, its keys and the outbound messages, or
    /// nothing.
    ///
    /// - Parameter commit: What to write.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when a ticket's stored version
    ///   is not its write's `expectedVersion`; ``StoreError/Code/duplicateExternalMessage`` when an
    ///   external key is mapped to another ticket; ``StoreError/Code/invalidCommit`` for a malformed
    ///   commit, or a new ticket whose `Ticket.number` another stored ticket has. On any error nothing
    ///   is stored.
    func commit(_ commit: TicketCommit) async throws

    /// Reads a ticket.
    ///
    /// - Parameter id: The ticket's id.
    /// - Returns: The ticket, or `nil` when there is none.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func ticket(_ id: TicketID) async throws -> StoredTicket?

    /// Reads several tickets at once: what ``ticket(_:)`` answers for each id, in the order of `ids`.
    ///
    /// The desk reads the tickets whose timers fall due together with it, so that firing many timers
    /// costs one read and one commit instead of one of each per ticket. The default calls
    /// ``ticket(_:)`` once per id; an adapter that can answer in one round trip overrides it.
    ///
    /// - Parameter ids: The tickets' ids, at most ``TicketQuery/maximumLimit`` of them.
    /// - Returns: One entry per id, `nil` where there is no such ticket.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for more ids than that, or when the
    ///   store cannot be read.
    func tickets(_ ids: [TicketID]) async throws -> [StoredTicket?]

    /// Reads a ticket's events in order.
    ///
    /// - Parameter id: The ticket's id.
    /// - Returns: The events from 1 on; empty for an unknown ticket.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func events(of id: TicketID) async throws -> [TicketEvent]

    /// Finds the ticket an inbound message was stored in.
    ///
    /// - Parameter key: The message's channel and external id.
    /// - Returns: The ticket's id, or `nil` when the message is new.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func ticketID(forExternalMessage key: ExternalMessageKey) async throws -> TicketID?

    /// Finds the ticket a thread key points at.
    ///
    /// - Parameter key: The thread key.
    /// - Returns: The ticket's id, or `nil`.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func ticketID(forThread key: ThreadKey) async throws -> TicketID?

    /// Finds, in one read where the adapter can, what the desk looks up before it files an inbound
    /// message: the ticket the message was already stored in, and the tickets its thread keys point
    /// at. The default asks ``ticketID(forExternalMessage:)`` and ``ticketID(forThread:)`` one by one;
    /// an adapter whose every read is a round trip answers it with one.
    ///
    /// - Parameters:
    ///   - key: The message's channel and external id.
    ///   - threads: The thread keys the message could belong to (at most a few).
    /// - Returns: What the two single lookups would return.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func lookUpInbound(_ key: ExternalMessageKey, threads: [ThreadKey]) async throws -> InboundLookup

    /// Hands out the next ticket number: the store's own sequence, so that desks sharing the store never
    /// give two tickets one number.
    ///
    /// Numbers increase from 1 in the order one store value hands them out, and a number is never handed
    /// out twice, even to desks calling at the same moment or after a restart (a PostgreSQL `SEQUENCE`, an
    /// in-memory counter). An adapter may draw a block of numbers at a time and hand them out one by one:
    /// desks on separate servers then number from their own blocks. Handing out is not part of a commit:
    /// a number whose ticket was never committed (the commit failed, or was retried with a fresh number)
    /// is skipped for good, a gap like one a database sequence leaves. The desk calls this once per new ticket, before the creating commit,
    /// and puts the number in the ticket's `TicketCreation.number`.
    ///
    /// - Returns: A number no earlier call returned.
    /// - Throws: ``StoreError`` when the store cannot be reached.
    func nextTicketNumber() async throws -> TicketNumber

    /// Finds the ticket with a number.
    ///
    /// - Parameter number: The ticket's number, as `Ticket.number` holds it.
    /// - Returns: The ticket's id, or `nil` when no stored ticket has that number.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func ticketID(forNumber number: TicketNumber) async throws -> TicketID?

    /// Lists tickets in the query's ``TicketQuery/sort``, from the page start its cursor gives.
    ///
    /// - Parameter query: The conditions, the order and the page.
    /// - Returns: One page, with ``TicketPage/next`` when more follow.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a query that fails
    ///   ``TicketQuery/validate()`` (a limit out of range, a bad cursor).
    func tickets(matching query: TicketQuery) async throws -> TicketPage

    /// Lists the ids of the tickets assigned to `agent` whose status is one of `statuses`, in id order,
    /// at most `limit` of them.
    ///
    /// Routing reads it on a desk that shares its store, just before an assignment commits, to count the
    /// tickets other desks gave the agent. It reads ids, not tickets, so the check stays cheap when an
    /// agent holds many tickets. The default reads ``tickets(matching:)``; an adapter with an index on
    /// the assignee overrides it.
    ///
    /// - Parameters:
    ///   - agent: The assignee.
    ///   - statuses: The statuses to count.
    ///   - limit: The most ids to return, 1 to ``TicketQuery/maximumLimit``.
    /// - Returns: The ids, in id order.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    func ticketIDs(assignedTo agent: AgentID, statuses: Set<TicketStatus>, limit: Int) async throws -> [TicketID]

    /// Lists the id and stored due instant of every ticket whose due instant is before `horizon`, in id
    /// order, after `cursor`, at most `limit` of them: the same tickets, in the same order, as
    /// ``tickets(matching:)`` with `TicketQuery(dueBefore: horizon, after: cursor, limit: limit)`.
    ///
    /// The desk reads it to rebuild its timers at start and, every
    /// ``DeskConfiguration/storeScanInterval``, to find the timers other desks on the store scheduled.
    /// It reads two fields, not tickets, so a scan costs little per ticket. The default reads
    /// ``tickets(matching:)``; an adapter with an index on the due instant overrides it.
    ///
    /// - Parameters:
    ///   - horizon: Only tickets whose stored due instant is before this instant.
    ///   - cursor: The last id of the previous page, or `nil` for the first.
    ///   - limit: The most entries to return, 1 to ``TicketQuery/maximumLimit``.
    /// - Returns: The entries, in id order; a page of fewer than `limit` entries is the last.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    func ticketTimers(dueBefore horizon: Date, after cursor: TicketID?, limit: Int) async throws -> [TicketTimer]

    /// Lists outbound messages still pending whose next attempt is due at or before `instant`, oldest
    /// first.
    ///
    /// - Parameters:
    ///   - instant: The cut-off for ``OutboundMessage/nextAttemptAt``.
    ///   - limit: The most to return.
    /// - Returns: The due messages.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func pendingOutbound(dueBy instant: Date, limit: Int) async throws -> [OutboundMessage]

    /// Claims a pending, due message for one delivery pass, so that two desks sharing the store never
    /// send it at the same time.
    ///
    /// The check and the claim are one atomic step: of two desks claiming the same message at once, one
    /// gets it and the other `nil`. Each claim gets a fresh ``DeliveryClaim/token``, unique among the
    /// store's claims, stored with the message and returned in its ``OutboundMessage/claim``. A claim
    /// ends with the next ``updateOutbound(_:)`` of the message, or by itself at `until` (a desk that
    /// stopped, or a send slower than the claim), after which another desk may claim it.
    ///
    /// - Parameters:
    ///   - id: The message's id.
    ///   - instant: Now: the message must be due by then, and any earlier claim must have ended.
    ///   - until: When the claim ends by itself.
    /// - Returns: The message as stored, carrying the new claim, when claimed now; `nil` when it is
    ///   unknown, not pending, not due, or claimed by someone else.
    /// - Throws: ``StoreError`` when the store fails.
    func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) async throws -> OutboundMessage?

    /// Whether ``commit(_:)`` stores an outbound message's ``OutboundMessage/claim`` with it, so that the
    /// committing desk holds the message from the moment it is written.
    ///
    /// A desk sends the messages a commit makes due at once right after the commit. When this is `true` it
    /// commits them already claimed — each with a token unique among the store's claims and an `until`
    /// — and sends them without a ``claimOutbound(_:at:until:)`` round trip; the claim then behaves in
    /// every way like one ``claimOutbound(_:at:until:)`` made: no other claim succeeds before `until`,
    /// ``updateOutbound(_:)`` under it stands, and after `until` another desk may claim the message (a
    /// desk that stopped between its commit and the send). When `false` (the default, for adapters
    /// written before this requirement), the store keeps no claim from a commit and the desk claims each
    /// message after the commit.
    var storesClaimsOnCommit: Bool { get }

    /// Stores the new state of an outbound message after a delivery attempt, and ends any claim on it.
    ///
    /// A message carrying a ``OutboundMessage/claim`` (the one ``claimOutbound(_:at:until:)`` returned)
    /// is stored only while its claim's token is still the message's stored one: a claim that ran out
    /// still counts as long as nobody claimed the message since. Otherwise the update throws
    /// ``StoreError/Code/claimLost`` and changes nothing, so a desk whose send outlasted its claim never
    /// writes over what the desk that took the message over recorded. The check and the write are one
    /// atomic step.
    ///
    /// A message without a claim is an administrative write — a host re-queueing a dead letter, a data
    /// repair — and is stored whatever claim is held; the pass holding that claim then gets
    /// ``StoreError/Code/claimLost`` for its own update. The desk itself always updates with a claim.
    ///
    /// After the update the stored message has no claim.
    ///
    /// - Parameter message: The message with its updated attempts, state, receipt or error, and the claim
    ///   it was sent under.
    /// - Throws: ``StoreError`` with ``StoreError/Code/notFound`` for an unknown message,
    ///   ``StoreError/Code/claimLost`` when the message's claim is not its stored one.
    func updateOutbound(_ message: OutboundMessage) async throws

    /// Stores the new states of several outbound messages after their delivery attempts, each exactly as
    /// ``updateOutbound(_:)`` stores one: under its own claim, refused alone when that claim was lost.
    ///
    /// A desk hands over together the outcomes that came in while its previous write was on its way, so
    /// that a database takes them in one round trip. The default calls ``updateOutbound(_:)`` for every
    /// message at once; an adapter that can write them in one statement overrides it, and must store or
    /// refuse each message exactly as alone (a message moving into dead letters gets its feed event too).
    ///
    /// - Parameter messages: The messages, each at most once, with their claims.
    /// - Returns: The messages not stored, each with what refused or failed it (a ``StoreError`` with
    ///   ``StoreError/Code/claimLost``, ``StoreError/Code/notFound`` or ``StoreError/Code/unavailable``);
    ///   empty when every message was stored. A message reported failed may still have been stored, as
    ///   with ``updateOutbound(_:)``.
    func updateOutboundMessages(_ messages: [OutboundMessage]) async -> [OutboundID: any Error]

    /// Reads one outbound message.
    ///
    /// - Parameter id: The message's id.
    /// - Returns: The message as stored, with its ``OutboundMessage/claim`` if one is held, or `nil`.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func outbound(_ id: OutboundID) async throws -> OutboundMessage?

    /// Reads every outbound message of a ticket, oldest first: the ticket's delivery audit.
    ///
    /// - Parameter ticket: The ticket's id.
    /// - Returns: The messages in the order they were committed; empty for an unknown ticket.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func outbound(ofTicket ticket: TicketID) async throws -> [OutboundMessage]

    /// Lists dead-lettered outbound messages, ordered by id.
    ///
    /// - Parameters:
    ///   - after: The last id of the previous page, or `nil` for the first page.
    ///   - limit: The most to return.
    /// - Returns: The dead letters.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func deadLetteredOutbound(after: OutboundID?, limit: Int) async throws -> [OutboundMessage]

    /// Lists outbound messages of every kind — ticket replies, automatic messages, journey messages
    /// without a ticket — in the states asked for, ordered by id: the operator's view of the outbox.
    ///
    /// - Parameter query: The states and the page.
    /// - Returns: One page, ordered by id, with the cursor of the next page (`nil` on the last).
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range; a
    ///   ``StoreError`` when the store cannot be read.
    func outbound(matching query: OutboxQuery) async throws -> OutboxPage

    /// Reads the desk-wide event feed: every ``DeskEvent`` stored, in the order it was stored.
    ///
    /// The store keeps the feed as part of its writes, in the same atomic step:
    /// - ``commit(_:)`` stores, for each write in order, `DeskEvent(event, requester:)` of each of its
    ///   events that has one (see ``DeskEvent/init(_:requester:)``), then the commit's
    ///   ``TicketCommit/notices`` whose keys the feed does not hold yet;
    /// - ``updateOutbound(_:)`` that moves a message into ``OutboundMessage/State/deadLettered`` from
    ///   another state stores ``DeskEvent/deadLettered(_:)`` of it.
    ///
    /// Positions increase by one from 1 in the order events become readable, and are never reused. A
    /// reader is never shown a position while a lower one can still appear: two desks committing at
    /// once must not let a consumer that resumes after the higher position skip the lower one. (A SQL
    /// adapter can give positions when events are first read rather than when they are written, under a
    /// lock, so that writers never wait on each other.) A failed write stores no event.
    ///
    /// - Parameters:
    ///   - position: The last position the reader has seen; `0` to read from the start.
    ///   - limit: The most to return, 1 to 1,000.
    /// - Returns: The entries after `position`, in position order.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a negative position or a limit
    ///   out of range; a ``StoreError`` when the store cannot be read.
    func deskEvents(after position: Int, limit: Int) async throws -> [DeskFeedEntry]

    /// The position of the newest entry of the desk-wide event feed; `0` while the feed is empty.
    ///
    /// A consumer that starts "from now" stores this position and reads after it. Every event stored
    /// before the call is at or below the position. The protocol's default reads the feed page by page
    /// to its end; an adapter answers from an index instead.
    ///
    /// - Returns: The newest position.
    /// - Throws: A ``StoreError`` when the store cannot be read.
    func latestDeskEventPosition() async throws -> Int

    /// Erases a member's personal data: replaces, in place, the subject, every message body and every
    /// attachment file name of each ticket the member opened — in the snapshot, in its events and in any
    /// text index — and the subject, body, attachment names and delivery errors of every outbound message
    /// to the member, with `redaction`. Pending outbound messages to the member become
    /// ``OutboundMessage/State/withheld``: they are never sent. A redacted message's claim ends, so the
    /// update of a send that was under way is refused (``StoreError/Code/claimLost``) and never writes
    /// the member's words back.
    ///
    /// Everything statistics count is kept: ids, numbers, event kinds, actors and times, statuses,
    /// priorities, reasons, tags, service-level records, delivery states and attempt times; the desk-wide
    /// feed holds no member text and is left alone. Versions do not change. Erasing again changes nothing
    /// and is not an error. After it, no text the store returns for the member holds anything they or
    /// staff wrote (`SupportEngineTesting`'s `TicketStoreConformance.erasureChecks` check this).
    ///
    /// An adapter that does not implement it inherits a default that throws
    /// ``StoreError/Code/unsupported``: it never claims an erasure it did not do.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The text that replaces what was erased (``MemberErasure/redactionMarker``).
    /// - Returns: How many tickets, messages and outbound messages were redacted.
    /// - Throws: ``StoreError`` when the store cannot be written.
    func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts
}
