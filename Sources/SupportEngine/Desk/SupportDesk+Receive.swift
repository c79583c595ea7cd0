import Foundation

extension SupportDesk {
    /// Takes a member's message: creates a ticket, adds it to the conversation it belongs to, or
    /// recognizes a repeated delivery.
    ///
    /// - A message whose channel and external id were seen before changes nothing and returns the
    ///   ticket it went into (``ReceiveOutcome/Disposition/duplicate``), however many times it arrives,
    ///   even concurrently.
    /// - A message whose thread reference points at one of the sender's tickets is added to it; a
    ///   pending or solved ticket reopens. Without such a reference, a ticket number the message quotes
    ///   (a subject tag `[#1042]`, a quoted line of a reply) finds the sender's ticket the same way. A
    ///   reference or number of another member's ticket is never followed: the message opens a new
    ///   ticket.
    /// - A message about a closed ticket opens a follow-up linked to it (a ticket closed by a merge
    ///   passes the message on to the ticket it was merged into).
    /// - A message with ``InboundMessage/allowsAutomaticReplies`` off gets no automatic message back
    ///   (no acknowledgement, notice or redirect); it is otherwise received as usual.
    ///
    /// - Parameter inbound: The normalized message.
    /// - Returns: What happened and the ticket as it is now.
    /// - Throws: ``DeskError`` with ``DeskError/Code/invalidInput`` for an empty or oversized body, a
    ///   malformed sender, external id, subject or thread reference; ``DeskError/Code/memberErased`` for a
    ///   sender whose data was erased (no ticket, no automatic reply); ``DeskError/Code/conflict`` when
    ///   retries run out; ``StoreError`` when the store fails. Nothing is stored on error.
    @discardableResult
    public func receive(_ inbound: InboundMessage) async throws -> ReceiveOutcome {
        try validate(inbound)
        // The erasure record and the moderation ledger in one read: every message needs the first, every
        // new ticket the second.
        let start = erasureReads.commits
        let records = try await ledgers.policyRecords(of: inbound.sender)
        if let erased = records.erasure { throw Self.memberErased(erased) }
        erasureReads.recordNotErased(inbound.sender, readBeganAt: start)
        try await loadRoutingIfNeeded()
        // The files' bytes go in first: no commit ever names bytes the store does not hold.
        let kept = try await keepAttachments(of: inbound)
        // A number drawn for a new ticket whose commit was refused is kept for the next attempt, so that
        // conflicts and taken ids leave no gaps in the numbers.
        var number: TicketNumber?
        var outcome = try await retryingConflicts("receiving message \(inbound.key)") {
            do {
                return try await receiveOnce(
                    inbound,
                    kept: kept,
                    moderation: records.moderationLedger,
                    number: &number
                )
            } catch let error as StoreError where error.code == .duplicateExternalMessage {
                guard let duplicate = try await duplicate(of: inbound) else { throw error }
                return duplicate
            }
        }
        if outcome.disposition != .duplicate {
            try await redactIfErasedMeanwhile(inbound.sender, wrote: outcome.ticket.id)
            outcome.refusedAttachments = kept.refused
            await deliverNewMessages()
            if outcome.disposition != .appended, Self.wasRedirected(outcome.ticket) {
                await countMisuse(on: outcome.ticket)
            }
        }
        return outcome
    }

    private func receiveOnce(
        _ inbound: InboundMessage,
        kept: KeptAttachments,
        moderation: MemberLedger?,
        number: inout TicketNumber?
    ) async throws -> ReceiveOutcome {
        var candidates = [ThreadKey(rawValue: inbound.externalID)]
        if let reference = inbound.threadReference { candidates.append(ThreadKey(rawValue: reference)) }
        // The message's own key and its thread keys in one read.
        let lookup = try await store.lookUpInbound(inbound.key, threads: candidates)
        if let duplicate = try await duplicate(of: inbound, storedIn: lookup.storedIn) { return duplicate }
        // A thread key is claimed only when it is free or already the sender's: another member's message
        // can never take a conversation over.
        var threadKeys: [ThreadKey] = []
        for key in candidates where !threadKeys.contains(key) {
            if let owner = lookup.threadOwners[key], let stored = try await store.ticket(owner),
                stored.ticket.requester != inbound.sender
            {
                continue
            }
            threadKeys.append(key)
        }
        var existing: StoredTicket?
        if let reference = inbound.threadReference, let owner = lookup.threadOwners[ThreadKey(rawValue: reference)] {
            // The sender's ticket the reference points at, following merges; never another member's.
            existing = try await ownConversation(startingAt: owner, sender: inbound.sender)
        }
        if existing == nil { existing = try await numberedConversation(of: inbound) }
        if let existing {
            if existing.ticket.status != .closed {
                return try await withTicketLock(existing.ticket.id) {
                    // Re-read under the lock: the desk's own writes to one ticket never race.
                    if let duplicate = try await duplicate(of: inbound) { return duplicate }
                    guard let current = try await store.ticket(existing.ticket.id), current.ticket.status != .closed
                    else { throw StoreError(.versionConflict, "ticket \(existing.ticket.id) changed; retrying") }
                    return try await append(inbound, kept: kept, to: current, threadKeys: threadKeys, at: clock.now)
                }
            }
            return try await create(
                from: inbound,
                kept: kept,
                followUpOf: existing.ticket.id,
                threadKeys: threadKeys,
                moderation: moderation,
                number: &number,
                at: clock.now
            )
        }
        return try await create(
            from: inbound,
            kept: kept,
            followUpOf: nil,
            threadKeys: threadKeys,
            moderation: moderation,
            number: &number,
            at: clock.now
        )
    }

    /// The outcome for a repeated delivery, or `nil` for a new message. A message id reused by another
    /// sender is refused rather than answered with someone else's ticket.
    private func duplicate(of inbound: InboundMessage) async throws -> ReceiveOutcome? {
        try await duplicate(of: inbound, storedIn: try await store.ticketID(forExternalMessage: inbound.key))
    }

    /// The outcome for a repeated delivery, given the ticket the store holds the message in (`nil`: a
    /// new message).
    private func duplicate(of inbound: InboundMessage, storedIn id: TicketID?) async throws -> ReceiveOutcome? {
        guard let id, let stored = try await store.ticket(id) else { return nil }
        guard
            stored.ticket.messages.contains(where: {
                $0.externalID == inbound.externalID && $0.author == .member(inbound.sender)
            })
                || stored.ticket.requester == inbound.sender
        else {
            throw DeskError(
                .invalidInput,
                "message \(inbound.key) was already received from another sender; a channel's message ids must be unique"
            )
        }
        return ReceiveOutcome(disposition: .duplicate, ticket: stored.ticket)
    }

    private func append(
        _ inbound: InboundMessage,
        kept: KeptAttachments,
        to stored: StoredTicket,
        threadKeys: [ThreadKey],
        at now: Date
    ) async throws -> ReceiveOutcome {
        let draft = MessageDraft(
            id: newMessageID(),
            body: inbound.body,
            channel: inbound.channel,
            externalID: inbound.externalID,
            attachments: kept.records
        )
        var (ticket, events) = try executeWithSLA(
            .memberMessage(draft),
            on: stored.ticket,
            by: .member(inbound.sender),
            at: now
        )
        let member = try await profile(of: inbound.sender)
        var commands = [refusalNote(kept.refused)].compactMap(\.self)
        if inbound.allowsAutomaticReplies {
            commands += try await autoReplies(
                for: ticket,
                channel: inbound.channel,
                isNew: false,
                member: member,
                at: now
            )
        }
        var reserved: AgentID?
        if let holder = ticket.assignee, ticket.status.needsAttention,
            currentAgentStates(at: now).first(where: { $0.id == holder })?.isAvailable != true
        {
            let next = try await chooseAgentCheckingStore(for: ticket, excluding: holder)
            reserved = next?.agentID
            if inbound.allowsAutomaticReplies,
                let notice = try agentAbsenceNotice(
                    for: ticket,
                    away: holder,
                    takenBy: next?.agentID,
                    member: member,
                    at: now
                )
            {
                commands.append(notice)
            }
            commands.append(.assign(next?.agentID))
            let because =
                "\(holder) is not available" + (next.map { "; \(describe($0.basis))" } ?? "; back to the queue")
            commands.append(
                .explain([
                    RoutingExplanation(aspect: .assignee, value: next?.agentID.rawValue ?? "queue", because: because)
                ])
            )
        }
        for command in commands {
            // Taken apart, so the new snapshot moves into `ticket` instead of being copied out of the pair.
            let (next, produced) = try executeWithSLA(command, on: ticket, by: .system, at: now)
            ticket = next
            events += produced
        }
        let write = TicketWrite(
            ticket: ticket,
            expectedVersion: stored.ticket.version,
            events: events,
            externalKeys: [inbound.key],
            threadKeys: threadKeys,
            dueAt: dueAt(for: ticket)
        )
        let outbound = outbound(for: events, of: ticket, to: member)
        try await commitReserving(reserved, for: ticket.id, TicketCommit(writes: [write], outbound: outbound))
        return ReceiveOutcome(disposition: .appended, ticket: ticket)
    }

    private func create(
        from inbound: InboundMessage,
        kept: KeptAttachments,
        followUpOf: TicketID?,
        threadKeys: [ThreadKey],
        moderation: MemberLedger?,
        number reserved: inout TicketNumber?,
        at now: Date
    ) async throws -> ReceiveOutcome {
        let id = TicketID(ids.next("T"))
        let number: TicketNumber
        if let reserved {
            number = reserved
        } else {
            number = try await store.nextTicketNumber()
        }
        reserved = number
        let (member, isKnown) = try await lookUp(inbound.sender)
        let removed = moderation?.standing(at: now) == .removed
        let routed = classify(inbound, member: member)
        let message = TicketMessage(
            id: newMessageID(),
            kind: .memberMessage,
            author: .member(inbound.sender),
            body: inbound.body,
            at: now,
            channel: inbound.channel,
            externalID: inbound.externalID,
            attachments: kept.records
        )
        let creation = TicketCreation(
            requester: inbound.sender,
            subject: Self.subject(of: inbound),
            channel: inbound.channel,
            reason: routed.reason,
            priority: routed.priority,
            locale: Self.replyLanguage(
                stated: inbound.locale,
                profile: member,
                isKnown: isKnown,
                written: routed.language
            ),
            followUpOf: followUpOf,
            number: number,
            firstMessage: message
        )
        let created = try TicketRules.create(creation, id: id, by: .member(inbound.sender), at: now)
        var (ticket, events) = try addingSLA(before: nil, (created.ticket, [created.event]), at: now)
        func run(_ command: TicketCommand) throws {
            // Taken apart, so the new snapshot moves into `ticket` instead of being copied out of the pair.
            let (next, produced) = try executeWithSLA(command, on: ticket, by: .system, at: now)
            ticket = next
            events += produced
        }
        if let note = refusalNote(kept.refused) { try run(note) }
        // A message that must not be answered by a machine (an auto-responder's, say) gets nothing
        // automatic back, not even the removed-member notice: two machines never answer each other.
        let replies =
            !inbound.allowsAutomaticReplies
            ? []
            : removed
                ? try await removedMemberNotice(for: ticket, member: member, at: now)
                : try await autoReplies(for: ticket, channel: inbound.channel, isNew: true, member: member, at: now)
        for command in replies { try run(command) }
        var explanations = routed.explanations
        var reserved: AgentID?
        if removed {
            // Kept for the record and for staff to see, never answered: no clock, no queue, no agent.
            try run(.setStatus(.solved))
            try run(.addTags([Self.removedMemberTag]))
            explanations.append(
                RoutingExplanation(
                    aspect: .assignee,
                    value: "none",
                    because: "the member was removed from the club: the message is kept, not answered"
                )
            )
        } else if Self.wasRedirected(ticket) {
            // Nothing for an agent to do: the member has the redirect, and writing back reopens it.
            try run(.setStatus(.solved))
            explanations.append(
                RoutingExplanation(
                    aspect: .assignee,
                    value: ticket.assignee?.rawValue ?? "none",
                    because: "out of scope: answered with where to go instead, and solved"
                )
            )
        } else if let substitute = ticket.assignee {
            explanations.append(
                RoutingExplanation(
                    aspect: .assignee,
                    value: substitute.rawValue,
                    because: "substitute during the published absence"
                )
            )
        } else if let assignment = try await chooseAgentCheckingStore(for: ticket) {
            reserved = assignment.agentID
            try run(.assign(assignment.agentID))
            explanations.append(
                RoutingExplanation(
                    aspect: .assignee,
                    value: assignment.agentID.rawValue,
                    because: describe(assignment.basis)
                )
            )
        } else {
            explanations.append(
                RoutingExplanation(aspect: .assignee, value: "queue", because: "no agent is available now")
            )
        }
        try run(.explain(routing.sharedExplanations(explanations)))
        let write = TicketWrite(
            ticket: ticket,
            expectedVersion: 0,
            events: events,
            externalKeys: [inbound.key],
            threadKeys: threadKeys + [.ticket(id)],
            dueAt: dueAt(for: ticket)
        )
        let outbound = outbound(for: events, of: ticket, to: member)
        try await commitReserving(reserved, for: id, TicketCommit(writes: [write], outbound: outbound))
        return ReceiveOutcome(disposition: followUpOf.map { .followUp(of: $0) } ?? .created, ticket: ticket)
    }

    /// Commits with an agent's capacity held for the ticket while the commit is under way, so that
    /// concurrent messages never overfill an agent; the hold is released when the commit fails.
    private func commitReserving(_ agent: AgentID?, for ticket: TicketID, _ commit: TicketCommit) async throws {
        let previous = routing.holders[ticket]
        if let agent { routing.hold(ticket, by: agent) }
        do {
            try await commitAndSchedule(commit)
        } catch {
            if agent != nil { routing.hold(ticket, by: previous) }
            throw error
        }
    }

    func validate(_ inbound: InboundMessage) throws {
        let key = inbound.key
        guard !inbound.channel.rawValue.isEmpty else {
            throw DeskError(.invalidInput, "message \(inbound.externalID) has no channel kind")
        }
        guard Self.isWellFormedReference(inbound.externalID) else {
            throw DeskError(
                .invalidInput,
                "the external id of a message from \(inbound.channel) must be 1 to 512 printable bytes"
            )
        }
        guard inbound.sender.isWellFormed else {
            throw DeskError(
                .invalidInput,
                "message \(key) has an invalid sender '\(inbound.sender)': use 1 to 200 bytes of printable text"
            )
        }
        try validateBody(inbound.body, what: "message \(key)")
        if let subject = inbound.subject,
            subject.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            throw DeskError(
                .invalidInput,
                "the subject of message \(key) contains line breaks or control characters; send it as one line"
            )
        }
        if let subject = inbound.subject, subject.count > configuration.maximumSubjectLength {
            throw DeskError(
                .invalidInput,
                "the subject of message \(key) has \(subject.count) characters; the limit is "
                    + "\(configuration.maximumSubjectLength)"
            )
        }
        if let reference = inbound.threadReference, !Self.isWellFormedReference(reference) {
            throw DeskError(.invalidInput, "the thread reference of message \(key) must be 1 to 512 printable bytes")
        }
    }

    /// Checks a body's text: not blank, no NUL, within ``DeskConfiguration/maximumBodyBytes``.
    ///
    /// - Parameters:
    ///   - body: The text.
    ///   - what: What the body belongs to, for the error's message (worked out only for an error).
    func validateBody(_ body: String, what: @autoclosure () -> String) throws {
        guard TicketRules.startsWithVisibleASCII(body) || body.contains(where: { !$0.isWhitespace }) else {
            throw DeskError(.invalidInput, "\(what()) has an empty body; write some text")
        }
        let size = body.utf8.count
        guard !StoredText.hasNUL(body) else {
            throw DeskError(.invalidInput, StoredText.nulMessage(what()))
        }
        guard size <= configuration.maximumBodyBytes else {
            throw DeskError(
                .invalidInput,
                "\(what()) has a body of \(size) bytes; the limit is \(configuration.maximumBodyBytes) bytes"
            )
        }
    }

    private static func isWellFormedReference(_ text: String) -> Bool {
        let size = text.utf8.count
        guard size > 0, size <= 512 else { return false }
        // Fast path for ASCII, the usual case: no control bytes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F } }
        return !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
