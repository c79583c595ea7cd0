import Foundation

extension SupportDesk {
    /// Runs any lifecycle command on a ticket and commits the result.
    ///
    /// Public replies and automatic messages are put in the outbox for the member in the same commit
    /// and delivered right after it.
    ///
    /// - Parameters:
    ///   - command: What to do.
    ///   - id: The ticket.
    ///   - actor: Who does it.
    ///   - expectedVersion: The ``Ticket/version`` the actor's screen showed, or `nil` to act on the
    ///     ticket as it is. When the ticket has changed since (a message, a reply, a status, an
    ///     assignment — not the desk's SLA and routing records) nothing is done.
    /// - Returns: The ticket as it is now.
    /// - Throws: ``StaleTicketError`` when the ticket changed after `expectedVersion`;
    ///   ``DeskError`` with ``DeskError/Code/notFound`` for an unknown ticket (or a member
    ///   acting on a ticket not theirs), ``DeskError/Code/invalidInput`` for an oversized message or a
    ///   version the ticket never had; ``LifecycleError`` when the rules refuse the command.
    @discardableResult
    public func execute(
        _ command: TicketCommand,
        on id: TicketID,
        by actor: SupportActor,
        expectedVersion: Int? = nil
    ) async throws -> Ticket {
        try validateCommand(command)
        try await requireStoredAttachments(of: command)
        try await loadRoutingIfNeeded()
        let ticket = try await withTicketLock(id) {
            try await retryingConflicts("'\(command.name)' on ticket \(id)") {
                guard let stored = try await store.ticket(id) else { throw notFound(id) }
                if let member = actor.memberID, member != stored.ticket.requester { throw notFound(id) }
                if command.addsText, let erased = try await ledgers.erasure(of: stored.ticket.requester) {
                    throw Self.memberErased(erased)
                }
                try await requireUnchanged(stored.ticket, since: expectedVersion)
                // Assigning a ticket to whoever already holds it is what the caller wanted: nothing to do.
                if case .assign(let agent) = command, agent == stored.ticket.assignee { return stored.ticket }
                let now = clock.now
                var (ticket, events) = try executeWithSLA(command, on: stored.ticket, by: actor, at: now)
                let recipient = try await profile(of: ticket.requester)
                if let request = try ratingRequest(before: stored.ticket, after: ticket, to: recipient) {
                    let result = try executeWithSLA(request, on: ticket, by: .system, at: now)
                    ticket = result.ticket
                    events += result.events
                }
                let write = TicketWrite(
                    ticket: ticket,
                    expectedVersion: stored.ticket.version,
                    events: events,
                    dueAt: dueAt(for: ticket)
                )
                let outbound = outbound(for: events, of: ticket, to: recipient)
                try await commitAndSchedule(TicketCommit(writes: [write], outbound: outbound))
                return ticket
            }
        }
        if command.addsText { try await redactIfErasedMeanwhile(ticket.requester, wrote: ticket.id) }
        await deliverNewMessages()
        await drainQueueAfterCommit()
        return ticket
    }

    /// Answers a member publicly.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - body: The reply's text.
    ///   - actor: The agent or owner answering.
    ///   - status: The status to set with the reply (``TicketStatus/pending`` to wait for the member);
    ///     `nil` keeps it, but a new ticket becomes open.
    ///   - expectedVersion: The version the agent's screen showed, or `nil`; see
    ///     ``execute(_:on:by:expectedVersion:)``.
    /// - Returns: The ticket as it is now.
    /// - Throws: As ``execute(_:on:by:expectedVersion:)``.
    @discardableResult
    public func reply(
        to id: TicketID,
        body: String,
        by actor: SupportActor,
        status: TicketStatus? = nil,
        expectedVersion: Int? = nil
    ) async throws -> Ticket {
        try await execute(
            .reply(MessageDraft(id: newMessageID(), body: body), status: status),
            on: id,
            by: actor,
            expectedVersion: expectedVersion
        )
    }

    /// Adds a note the member never sees.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - body: The note's text.
    ///   - actor: Who writes it.
    /// - Returns: The ticket as it is now.
    /// - Throws: As ``execute(_:on:by:expectedVersion:)``.
    @discardableResult
    public func addInternalNote(to id: TicketID, body: String, by actor: SupportActor) async throws -> Ticket {
        try await execute(.internalNote(MessageDraft(id: newMessageID(), body: body)), on: id, by: actor)
    }

    /// Changes a ticket's status.
    ///
    /// - Parameters:
    ///   - status: The new status.
    ///   - id: The ticket.
    ///   - actor: Who changes it.
    ///   - expectedVersion: The version the agent's screen showed, or `nil`; see
    ///     ``execute(_:on:by:expectedVersion:)``.
    /// - Returns: The ticket as it is now.
    /// - Throws: As ``execute(_:on:by:expectedVersion:)``.
    @discardableResult
    public func setStatus(
        _ status: TicketStatus,
        of id: TicketID,
        by actor: SupportActor,
        expectedVersion: Int? = nil
    ) async throws -> Ticket {
        try await execute(.setStatus(status), on: id, by: actor, expectedVersion: expectedVersion)
    }

    /// Marks a ticket solved; it closes by itself after ``DeskConfiguration/autoCloseAfter``.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - actor: Who solves it.
    ///   - expectedVersion: The version the agent's screen showed, or `nil`; see
    ///     ``execute(_:on:by:expectedVersion:)``.
    /// - Returns: The ticket as it is now.
    /// - Throws: As ``execute(_:on:by:expectedVersion:)``.
    @discardableResult
    public func solve(_ id: TicketID, by actor: SupportActor, expectedVersion: Int? = nil) async throws -> Ticket {
        try await execute(.setStatus(.solved), on: id, by: actor, expectedVersion: expectedVersion)
    }

    /// Assigns a ticket to an agent, or unassigns it with `nil`.
    ///
    /// Assigning a ticket to its current assignee (or unassigning an unassigned one) changes nothing and
    /// returns the ticket as it is: two agents pressing "take it" at once both succeed.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - agent: The agent, or `nil`.
    ///   - actor: Who assigns.
    ///   - expectedVersion: The version the agent's screen showed, or `nil`; see
    ///     ``execute(_:on:by:expectedVersion:)``.
    /// - Returns: The ticket as it is now.
    /// - Throws: As ``execute(_:on:by:expectedVersion:)``.
    @discardableResult
    public func assign(
        _ id: TicketID,
        to agent: AgentID?,
        by actor: SupportActor,
        expectedVersion: Int? = nil
    ) async throws -> Ticket {
        try await execute(.assign(agent), on: id, by: actor, expectedVersion: expectedVersion)
    }

    /// Changes a ticket's priority.
    ///
    /// - Parameters:
    ///   - priority: The new priority.
    ///   - id: The ticket.
    ///   - actor: Who changes it.
    ///   - expectedVersion: The version the agent's screen showed, or `nil`; see
    ///     ``execute(_:on:by:expectedVersion:)``.
    /// - Returns: The ticket as it is now.
    /// - Throws: As ``execute(_:on:by:expectedVersion:)``.
    @discardableResult
    public func setPriority(
        _ priority: Priority,
        of id: TicketID,
        by actor: SupportActor,
        expectedVersion: Int? = nil
    ) async throws -> Ticket {
        try await execute(.setPriority(priority), on: id, by: actor, expectedVersion: expectedVersion)
    }

    /// Merges one ticket into another in one atomic commit: the source closes as merged, the target
    /// receives the source's messages.
    ///
    /// - Parameters:
    ///   - source: The ticket that closes.
    ///   - target: The ticket that goes on.
    ///   - actor: The agent or owner merging.
    /// - Returns: The target as it is now.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound``, or ``LifecycleError`` when either
    ///   ticket refuses (a closed one, or a merge into itself).
    @discardableResult
    public func merge(_ source: TicketID, into target: TicketID, by actor: SupportActor) async throws -> Ticket {
        try await loadRoutingIfNeeded()
        let merged = try await retryingConflicts("merging ticket \(source) into \(target)") {
            guard let from = try await store.ticket(source) else { throw notFound(source) }
            guard let into = try await store.ticket(target) else { throw notFound(target) }
            guard from.ticket.requester == into.ticket.requester else {
                throw DeskError(
                    .notPermitted,
                    "tickets \(source) and \(target) belong to different members; only one member's tickets merge"
                )
            }
            let now = clock.now
            let closed = try executeWithSLA(.merge(into: target), on: from.ticket, by: actor, at: now)
            let received = try executeWithSLA(
                .receiveMerge(from: source, messages: from.ticket.messages),
                on: into.ticket,
                by: actor,
                at: now
            )
            let writes = [
                TicketWrite(
                    ticket: closed.ticket,
                    expectedVersion: from.ticket.version,
                    events: closed.events,
                    dueAt: dueAt(for: closed.ticket)
                ),
                TicketWrite(
                    ticket: received.ticket,
                    expectedVersion: into.ticket.version,
                    events: received.events,
                    dueAt: dueAt(for: received.ticket)
                ),
            ]
            try await commitAndSchedule(TicketCommit(writes: writes))
            return received.ticket
        }
        // A merge copies messages it read before writing them: an erasure in between must not be undone.
        try await redactIfErasedMeanwhile(merged.requester, wrote: merged.id)
        await drainQueueAfterCommit()
        return merged
    }

    /// Applies a macro: its templated public reply (in the ticket's language, with `values` and the
    /// member's name, ticket id and subject), its status and its tags, in one commit.
    ///
    /// - Parameters:
    ///   - macro: The macro.
    ///   - id: The ticket.
    ///   - actor: The agent applying it.
    ///   - values: Extra template values.
    ///   - expectedVersion: The version the agent's screen showed, or `nil`; see
    ///     ``execute(_:on:by:expectedVersion:)``.
    /// - Returns: The ticket as it is now.
    /// - Throws: `TemplateError` when the reply's template is missing or lacks a value;
    ///   ``LifecycleError`` or ``DeskError`` as ``execute(_:on:by:expectedVersion:)``. Nothing is stored on error.
    @discardableResult
    public func apply(
        _ macro: Macro,
        to id: TicketID,
        by actor: SupportActor,
        values: [String: String] = [:],
        expectedVersion: Int? = nil
    ) async throws -> Ticket {
        try await loadRoutingIfNeeded()
        let ticket = try await withTicketLock(id) {
            try await retryingConflicts("macro '\(macro.name)' on ticket \(id)") {
                guard let stored = try await store.ticket(id) else { throw notFound(id) }
                if macro.reply != nil, let erased = try await ledgers.erasure(of: stored.ticket.requester) {
                    throw Self.memberErased(erased)
                }
                try await requireUnchanged(stored.ticket, since: expectedVersion)
                let member = try await profile(of: stored.ticket.requester)
                let now = clock.now
                var result = (ticket: stored.ticket, events: [TicketEvent]())
                func run(_ command: TicketCommand) throws {
                    let next = try executeWithSLA(command, on: result.ticket, by: actor, at: now)
                    result = (next.ticket, result.events + next.events)
                }
                if let key = macro.reply {
                    var all = [
                        "member_name": member.displayName, "ticket_id": id.rawValue,
                        "ticket_number": reference(of: stored.ticket), "ticket_subject": stored.ticket.subject,
                    ]
                    all.merge(values) { $1 }
                    let body = try configuration.templates.render(
                        key,
                        for: stored.ticket.locale ?? member.locale,
                        values: all
                    )
                    try validateBody(body, what: "macro '\(macro.name)'")
                    let draft = MessageDraft(id: newMessageID(), body: body, templateKey: key.rawValue)
                    try run(.reply(draft, status: macro.status))
                } else if let status = macro.status, status != result.ticket.status {
                    try run(.setStatus(status))
                }
                let newTags = macro.addTags.filter { !result.ticket.tags.contains($0.lowercased()) }
                if !newTags.isEmpty { try run(.addTags(newTags)) }
                let write = TicketWrite(
                    ticket: result.ticket,
                    expectedVersion: stored.ticket.version,
                    events: result.events,
                    dueAt: dueAt(for: result.ticket)
                )
                let outbound = outbound(for: result.events, of: result.ticket, to: member)
                try await commitAndSchedule(TicketCommit(writes: [write], outbound: outbound))
                return result.ticket
            }
        }
        if macro.reply != nil { try await redactIfErasedMeanwhile(ticket.requester, wrote: ticket.id) }
        await deliverNewMessages()
        await drainQueueAfterCommit()
        return ticket
    }

    func notFound(_ id: TicketID) -> DeskError {
        DeskError(.notFound, "ticket \(id) was not found")
    }

    private func validateCommand(_ command: TicketCommand) throws {
        switch command {
        case .memberMessage(let draft), .reply(let draft, _), .internalNote(let draft), .automaticMessage(let draft):
            try validateBody(draft.body, what: "'\(command.name)'")
        case .merge, .receiveMerge:
            throw DeskError(
                .invalidInput,
                "'\(command.name)' merges only together with its other ticket: use merge(_:into:by:)"
            )
        case .recordSLA, .explain:
            throw DeskError(.invalidInput, "'\(command.name)' is recorded by the desk itself, not through execute")
        case .setStatus, .assign, .setPriority, .setReason, .addTags, .removeTags:
            break
        }
    }

    func outbound(for events: [TicketEvent], of ticket: Ticket, to member: MemberProfile) -> [OutboundMessage] {
        // The route is worked out only for a change that sends something: most commits send nothing.
        var route: [ChannelKind]?
        var messages: [OutboundMessage] = []
        for event in events {
            guard case .messageAdded(let message) = event.change,
                message.kind == .publicReply || message.kind == .automatic
            else { continue }
            let channels = route ?? deliveryRoute(for: ticket, to: member)
            route = channels
            messages.append(
                OutboundMessage(
                    id: OutboundID(ids.next("O")),
                    ticketID: ticket.id,
                    messageID: message.id,
                    recipient: ticket.requester,
                    channel: channels.first ?? ticket.channel,
                    subject: outboundSubject(of: ticket),
                    body: message.body,
                    createdAt: event.at,
                    fallbackChannels: Array(channels.dropFirst()),
                    attachments: message.memberVisibleAttachments
                )
            )
        }
        return messages
    }

    /// The channels a message to the member goes out on, in order: the ticket's own channel when the
    /// desk can send on it, then the member's preferred channels, then email; only kinds the desk has.
    func deliveryRoute(for ticket: Ticket, to member: MemberProfile) -> [ChannelKind] {
        deliveryRoute(to: member, startingWith: ticket.channel)
    }

    /// The channels a message to the member goes out on, in order: `first` when given, then the
    /// member's preferred channels, then email; only kinds the desk has (any one when it has none of
    /// them).
    func deliveryRoute(to member: MemberProfile, startingWith first: ChannelKind? = nil) -> [ChannelKind] {
        var route: [ChannelKind] = []
        for kind in [first].compactMap(\.self) + member.contactChannels + [.email]
        where channels[kind] != nil && !route.contains(kind) {
            route.append(kind)
        }
        if route.isEmpty, let any = channels.keys.sorted().first { route.append(any) }
        return route
    }

    /// Dead-lettered messages: every attempt on every channel failed. A person must look at them.
    ///
    /// - Parameters:
    ///   - after: The last id of the previous page, or `nil`.
    ///   - limit: The most to return.
    /// - Returns: The dead letters, ordered by id, each with its attempt history.
    /// - Throws: ``StoreError`` when the store fails.
    public func deadLetters(after: OutboundID? = nil, limit: Int = 100) async throws -> [OutboundMessage] {
        try await store.deadLetteredOutbound(after: after, limit: limit)
    }

    /// Every outbound message the desk wrote — replies, automatic messages, policy messages and journey
    /// messages, which have no ticket — one page at a time, optionally only in some states: the
    /// operator's view of the outbox.
    ///
    /// ```swift
    /// var query = OutboxQuery(states: [.pending, .deadLettered])
    /// repeat {
    ///     let page = try await desk.outbox(matching: query)
    ///     for message in page.messages { print(message.id, message.state, message.recipient) }
    ///     query.after = page.nextCursor
    /// } while query.after != nil
    /// ```
    ///
    /// - Parameter query: The states and the page; every state, first 100 by default.
    /// - Returns: One page, ordered by id, with the cursor of the next page.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range, or when
    ///   the store fails.
    public func outbox(matching query: OutboxQuery = OutboxQuery()) async throws -> OutboxPage {
        try await store.outbound(matching: query)
    }
}
