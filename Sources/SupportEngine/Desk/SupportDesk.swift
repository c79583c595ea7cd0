import Foundation

/// The help desk: takes members' messages, keeps tickets, sends replies, runs the timers.
///
/// One actor per process wires the pure modules to the outside world: a ``TicketStore``, the
/// ``Channel``s and a ``SupportClock``. Every change is one atomic commit of the ticket's new snapshot,
/// its events and its outbound messages; a version conflict (another writer got there first) is
/// retried from a fresh read a bounded number of times.
///
/// The desk's own face is intake (``receive(_:)``), ticket commands and views, and the runtime
/// (``run()``, ``processDueWork()``, ``deliverPendingMessages()``). Each domain has its own small
/// façade: ``agents``, ``refunds``, ``moderation``, ``journey`` and ``ratings``.
///
/// ```swift
/// let desk = try SupportDesk(store: InMemoryTicketStore(), clock: SystemClock(), channels: [email])
/// let outcome = try await desk.receive(inbound)
/// try await desk.reply(to: outcome.ticket.id, body: "Fixed, try again.", by: .agent("anna"))
/// try await desk.agents.setPresence(.online, of: "anna")
/// ```
public actor SupportDesk {
    let store: any TicketStore
    let clock: any SupportClock
    let channels: [ChannelKind: any Channel]
    let ids: any IDGenerator
    let members: any MemberDirectory
    let ledgers: any PolicyLedgerStore
    let journeys: any MemberJourneyStore
    let ratingStore: any RatingStore
    let agentStatusStore: any AgentStatusStore
    /// Where the bytes of attached files live; `nil` keeps no files.
    let attachmentStore: (any AttachmentStore)?
    /// The host's hook for ending a member's access, if any.
    let access: (any MemberAccess)?
    /// How the desk behaves.
    public let configuration: DeskConfiguration
    let agentNames: [AgentID: String]
    /// The configured agents sorted by id, the order routing decides in.
    let sortedAgents: [AgentProfile]
    let slaPlanner: SLAPlanner?

    /// The timers and the run loop's sleep.
    var dueWork = DueSchedule()
    var deliveriesInFlight = Set<OutboundID>()
    /// The messages commits put in the outbox, due at once, that no delivery has taken yet: the caller
    /// of the commit sends them with ``deliverNewMessages()``, by id, without reading the whole outbox.
    var newOutbound: [OutboundID] = []
    /// The messages this desk's commits stored already claimed (``TicketStore/storesClaimsOnCommit``),
    /// as committed, until a delivery pass takes them: sent under that claim without claiming again.
    var committedClaims: [OutboundID: OutboundMessage] = [:]
    /// The desk's own reads of erasure records, counted against its commits.
    var erasureReads = ErasureReads()
    /// Delivery outcomes waiting to be written together (``recordOutcome(_:)``).
    var outcomeWrites = OutcomeWrites()
    let timeFormatter = LocalTimeFormatter()
    var routing: RoutingState
    /// The first read of routing from the store, while it is under way; see ``loadRoutingIfNeeded()``.
    var routingLoad: Task<Void, any Error>?
    /// The desk's locks on tickets and members' journeys.
    var locks = KeyedLock<DeskLockKey>()
    /// The prefix of the last id a commit found already stored (`T`, `O`), so the retry skips ahead.
    var takenIDPrefix: String?

    /// Creates a desk, after checking its configuration.
    ///
    /// The configuration is validated first (``DeskConfiguration/validate()``): a desk never starts with
    /// a value it cannot keep, such as a NaN auto-close that would stop the timers or a claim of zero
    /// seconds that would let two desks send one message at once.
    ///
    /// - Parameters:
    ///   - store: Where tickets live.
    ///   - clock: The source of time; ``SystemClock`` in production.
    ///   - channels: The channels to send on, one per kind.
    ///   - configuration: How the desk behaves.
    ///   - ids: Makes new ids; ``UUIDGenerator`` by default, ``SequentialIDGenerator`` for repeatable runs.
    ///   - members: Where members are looked up (names, languages, preferred channels); unknown senders
    ///     are treated as prospects.
    ///   - ledgers: Where moderation ledgers and refund decisions live.
    ///   - journeys: Where members' journeys and fix announcements live.
    ///   - ratings: Where members' ratings of solved tickets live.
    ///   - agentStatuses: Where agents' presence, absence and shift state live, shared by every desk on
    ///     the store; a restarted desk reads them back.
    ///   - access: The host's hook called when a removal or an approved refund ends a member's access;
    ///     `nil` (the default) leaves it to the host to watch the decisions.
    ///   - attachments: Where the bytes of attached files live, shared by every desk on the store; `nil`
    ///     (the default) keeps no files: a member's files are refused and noted on the ticket, an agent's
    ///     reply with files is refused.
    /// - Throws: ``DeskConfigurationError`` with ``DeskConfigurationError/Code/invalidConfiguration``,
    ///   naming the value at fault by its path in the configuration document (`delivery.claimDuration`)
    ///   and, for the top-level values, by its property (`DeskConfiguration.deliveryClaimDuration`).
    public init(
        store: any TicketStore,
        clock: any SupportClock,
        channels: [any Channel] = [],
        configuration: DeskConfiguration = DeskConfiguration(),
        ids: any IDGenerator = UUIDGenerator(),
        members: any MemberDirectory = InMemoryMemberDirectory(),
        ledgers: any PolicyLedgerStore = InMemoryPolicyLedgerStore(),
        journeys: any MemberJourneyStore = InMemoryMemberJourneyStore(),
        ratings: any RatingStore = InMemoryRatingStore(),
        agentStatuses: any AgentStatusStore = InMemoryAgentStatusStore(),
        access: (any MemberAccess)? = nil,
        attachments: (any AttachmentStore)? = nil
    ) throws {
        try configuration.validate()
        self.attachmentStore = attachments
        self.ratingStore = ratings
        self.agentStatusStore = agentStatuses
        self.access = access
        self.store = store
        self.members = members
        self.ledgers = ledgers
        self.journeys = journeys
        self.clock = clock
        var byKind: [ChannelKind: any Channel] = [:]
        for channel in channels { byKind[channel.kind] = channel }
        for (index, recipient) in configuration.alertRecipients.enumerated() where byKind[recipient.channel] == nil {
            throw DeskConfigurationError(
                .invalidConfiguration,
                path: "alerts[\(index)].channel",
                "the desk has no \(recipient.channel) channel for '\(recipient.name)': add one or choose another"
            )
        }
        self.channels = byKind
        self.configuration = configuration
        self.ids = ids
        var names: [AgentID: String] = [:]
        for agent in configuration.agents { names[agent.id] = agent.displayName }
        self.agentNames = names
        self.sortedAgents = configuration.agents.sorted { $0.id < $1.id }
        self.slaPlanner = configuration.sla.map(SLAPlanner.init(policy:))
        self.routing = RoutingState(strategy: configuration.routing.strategy)
    }

    /// How many times an operation is run again with fresh ids when an id it drew already exists in the
    /// store (``DeskError/Code/duplicateID``); each time the generator is moved on twice as far as before
    /// (at most 4,096 ids), so about 250,000 taken ids in a row are passed.
    static let idCollisionRetries = 64

    /// Runs `operation` again from a fresh read while the store reports a version conflict, and with fresh
    /// ids while an id it drew already exists in the store.
    func retryingConflicts<Result: Sendable>(
        _ what: String,
        _ operation: () async throws -> Result
    ) async throws -> Result {
        var attempt = 0
        var collisions = 0
        while true {
            do {
                return try await operation()
            } catch let error as DeskError where error.code == .duplicateID {
                collisions += 1
                // Skip ahead past a run of taken ids, twice as far each time: a generator counting from 1
                // again on a store that kept its tickets passes thousands of them in a few attempts.
                if let prefix = takenIDPrefix {
                    takenIDPrefix = nil
                    for _ in 1..<min(1 << min(collisions - 1, 12), 4096) { _ = ids.next(prefix) }
                }
                guard collisions <= Self.idCollisionRetries else {
                    throw DeskError(
                        .duplicateID,
                        "\(error.message) (\(what), after \(collisions) fresh ids): the desk's IDGenerator repeats "
                            + "ids this store already holds, as a SequentialIDGenerator does when it starts again on a "
                            + "store that kept its tickets; use UUIDGenerator for a store that outlives the process"
                    )
                }
            } catch let error as StoreError where error.code == .versionConflict {
                attempt += 1
                guard attempt <= configuration.conflictRetries else {
                    throw DeskError(
                        .conflict,
                        "\(what) kept conflicting with other changes after \(attempt) attempts; try again later"
                    )
                }
            }
        }
    }

    /// The next instant the desk must look at a ticket: its auto-close or its next SLA step.
    func dueAt(for ticket: Ticket) -> Date? {
        let close = TicketRules.autoCloseDue(for: ticket, after: configuration.autoCloseAfter)
        let step = slaPlanner?.nextStep(of: ticket)
        switch (close, step) {
        case (let close?, let step?): return min(close, step)
        case (let close?, nil): return close
        case (nil, let step?): return step
        case (nil, nil): return nil
        }
    }

    /// Runs a command on a ticket and adds the SLA clock changes it causes, as system events.
    func executeWithSLA(
        _ command: TicketCommand,
        on ticket: Ticket,
        by actor: SupportActor,
        at now: Date
    ) throws -> (ticket: Ticket, events: [TicketEvent]) {
        let result = try TicketRules.execute(command, on: ticket, by: actor, at: now)
        return try addingSLA(before: ticket, result, at: now)
    }

    /// Adds the SLA clock changes that `result`'s events cause.
    ///
    /// `result` is taken over (`consuming`): returned unchanged, as most commands' results are, it moves
    /// back out instead of being copied with every reference of its ticket.
    func addingSLA(
        before: Ticket?,
        _ result: consuming (ticket: Ticket, events: [TicketEvent]),
        at now: Date
    ) throws -> (ticket: Ticket, events: [TicketEvent]) {
        guard let slaPlanner else { return result }
        let changes = try slaPlanner.changes(before: before, after: result.ticket, events: result.events, at: now)
        guard !changes.isEmpty else { return result }
        let recorded = try TicketRules.execute(.recordSLA(changes), on: result.ticket, by: .system, at: now)
        return (recorded.ticket, result.events + recorded.events)
    }

    /// Commits, with the alerts its events call for, and then schedules the due work of every written
    /// ticket.
    func commitAndSchedule(_ commit: TicketCommit) async throws {
        var commit = commit
        commit.outbound += alerts(for: commit, at: clock.now)
        let claimed = claimOnCommit(&commit.outbound)
        do {
            try await store.commit(commit)
        } catch let error as StoreError where error.leavesNothingStored {
            // A new ticket or message whose id is taken shows as a conflict or a refused commit; say so
            // plainly, so the retry draws fresh ids and a persistent clash is named for what it is.
            if error.code == .versionConflict || error.code == .invalidCommit, let taken = await takenID(in: commit) {
                takenIDPrefix = taken.prefix
                throw DeskError(.duplicateID, taken.message)
            }
            throw error
        } catch {
            // The commit may stand though it was reported failed (the answer was lost on the way back):
            // its timers and messages must not wait for a restart. The tickets' timers are read again
            // from the store soon (a wake-up with nothing due just goes back to sleep), and the outbox
            // is looked at again.
            let soon = clock.now.addingTimeInterval(configuration.deliveryRetryDelay)
            for write in commit.writes { schedule(.ticket(write.ticket.id), at: soon) }
            if !commit.outbound.isEmpty { schedule(.outbox, at: soon) }
            // Messages committed claimed are this desk's to send while the claim holds (the next pass
            // sends them if the commit stood); after that any desk's pass may claim them.
            committedClaims.merge(claimed) { _, new in new }
            if let until = claimed.values.first?.claim?.until { schedule(.outbox, at: until) }
            throw error
        }
        committedClaims.merge(claimed) { _, new in new }
        for index in commit.writes.indices {  // by index: a loop variable would copy each write
            if let due = commit.writes[index].dueAt { schedule(.ticket(commit.writes[index].ticket.id), at: due) }
            track(commit.writes[index].ticket)
        }
        if let first = commit.outbound.map(\.nextAttemptAt).min() {
            let now = clock.now
            let queued = commit.outbound.filter { $0.nextAttemptAt <= now }.map(\.id)
            newOutbound += queued
            erasureReads.recordCommit(writing: commit.writes.map(\.ticket.id), queuing: queued)
            schedule(.outbox, at: first)
        } else {
            erasureReads.recordCommit(writing: commit.writes.map(\.ticket.id), queuing: [])
        }
    }

    func newMessageID() -> MessageID { MessageID(ids.next("M")) }

    /// Delivers right away what the last commits put in the outbox, claiming each message by its id;
    /// retries and messages due later wait for their timers.
    ///
    /// Runs after a commit, so it never throws: see ``deliverAfterCommit()``. A message's recipient is
    /// not read for an erasure again when a read made after the message's commit found them not erased
    /// (see ``ErasureReads``): the check after a received message's commit serves its acknowledgement.
    func deliverNewMessages() async {
        guard !newOutbound.isEmpty else { return }
        let ids = newOutbound
        newOutbound = []
        var committed: [OutboundID: UInt64] = [:]
        for id in ids { committed[id] = erasureReads.takeCommit(of: id) }
        do {
            var delivered = 0
            _ = try await deliver(ids, at: clock.now, delivered: &delivered, committed: committed)
        } catch {
            scheduleOutboxAfterFailedPass()
        }
    }

    /// Runs a delivery pass after a commit that stands. Stored means succeeded: a store failure here
    /// is not the caller's error. The messages stay in the outbox, and the outbox is scheduled again
    /// after the retry delay and when a claim the failed pass may have taken has expired.
    func deliverAfterCommit() async {
        do {
            try await deliverPendingMessages()
        } catch {
            scheduleOutboxAfterFailedPass()
        }
    }

    /// After a delivery that failed on the store: look at the outbox again after the retry delay, and
    /// when a claim the failed pass may have taken has expired.
    private func scheduleOutboxAfterFailedPass() {
        let now = clock.now
        schedule(.outbox, at: now.addingTimeInterval(configuration.deliveryRetryDelay))
        schedule(.outbox, at: now.addingTimeInterval(configuration.deliveryClaimDuration))
    }

    /// Drains the queue after a change that stands. Stored means succeeded: a failure here is not the
    /// caller's error; the tickets stay queued and the next drain (any command, a shift change, the
    /// due-work pass, which always ends with a drain) assigns them.
    func drainQueueAfterCommit() async {
        do {
            try await drainQueue()
        } catch {
            // Any due entry wakes the due-work pass, and with it the drain.
            schedule(.outbox, at: clock.now.addingTimeInterval(configuration.deliveryRetryDelay))
        }
    }

    /// The member's profile, or the unknown-contact profile; with the member journey on, its segment is
    /// the journey's, so routing and the journey agree.
    func profile(of member: MemberID) async throws -> MemberProfile {
        try await lookUp(member).profile
    }

    /// The member's profile, and whether the directory knows them (`false`: an unknown contact's
    /// stand-in profile, whose language is only the default).
    func lookUp(_ member: MemberID) async throws -> (profile: MemberProfile, isKnown: Bool) {
        let known = try await members.member(member)
        var profile = known ?? .unknown(member)
        if let segment = try await journeySegment(of: member) { profile.segment = segment }
        return (profile, known != nil)
    }

    /// The language a new ticket is answered in: the language the message states (a form's or channel's
    /// own field), else the profile's for a member the directory knows, else the language the message
    /// is written in as the classifier recognised it, else the profile's default.
    static func replyLanguage(
        stated: LocaleTag?,
        profile: MemberProfile,
        isKnown: Bool,
        written: LocaleTag?
    ) -> LocaleTag {
        stated ?? (isKnown ? profile.locale : written ?? profile.locale)
    }
}
