import Foundation

/// The ticket status machine: commands in, events out.
///
/// The rules:
/// - `new → open → pending | onHold → solved → closed`; a ticket never goes back to ``TicketStatus/new``.
/// - A member message on a ``TicketStatus/pending`` or ``TicketStatus/solved`` ticket reopens it to
///   ``TicketStatus/open``.
/// - ``TicketStatus/closed`` is terminal: every command on a closed ticket is refused; the engine makes a
///   follow-up ticket linked to it instead.
/// - Only a solved ticket can be closed (by an agent, or by the engine's auto-close timer).
/// - A merged ticket closes as merged into its target.
/// - Members write member messages on their own tickets; everything else is for the support side.
/// - A command that would change nothing is refused with ``LifecycleError/Code/noChange``.
///
/// Every function here is pure: the instant comes in as a parameter.
public enum TicketRules {
    /// The longest tag accepted, in characters.
    public static let maximumTagLength = 64

    /// Why a tag would be refused, or `nil` when it is accepted: 1 to ``maximumTagLength`` characters
    /// without white space (before lower-casing).
    ///
    /// - Parameter tag: The tag as written.
    /// - Returns: A sentence naming the tag (its first 80 characters) and the rule, or `nil`.
    public static func problem(withTag tag: String) -> String? {
        guard tag.isEmpty || tag.count > maximumTagLength || tag.contains(where: \.isWhitespace) else { return nil }
        return "tag '\(tag.prefix(80))' is not valid: use 1 to \(maximumTagLength) characters without spaces"
    }

    /// Creates a ticket.
    ///
    /// - Parameters:
    ///   - creation: What the ticket starts with.
    ///   - id: The new ticket's id.
    ///   - actor: Who creates it: the member, or an agent on the member's behalf.
    ///   - at: When.
    /// - Returns: The ``TicketChange/created(_:)`` event and the snapshot it gives.
    /// - Throws: ``LifecycleError`` when the first message is empty, is not the requester's own message
    ///   (or an agent's public reply when the support side opens the ticket), or a member opens a ticket
    ///   for someone else.
    public static func create(
        _ creation: TicketCreation,
        id: TicketID,
        by actor: SupportActor,
        at: Date
    ) throws -> (ticket: Ticket, event: TicketEvent) {
        if case .member(let member) = actor, member != creation.requester {
            throw LifecycleError(
                .notPermitted,
                "member \(member) cannot open a ticket for member \(creation.requester)"
            )
        }
        try validateFirstMessage(creation.firstMessage, of: creation, by: actor)
        try validateBody(creation.firstMessage.body, command: "create")
        let event = TicketEvent(ticketID: id, sequence: 1, at: at, actor: actor, change: .created(creation))
        return (Ticket(id: id, creation: creation, at: at), event)
    }

    /// Checks a command against the rules and returns the events it produces.
    ///
    /// - Parameters:
    ///   - command: What the actor wants to do.
    ///   - ticket: The ticket as the actor read it.
    ///   - actor: Who wants it.
    ///   - at: When.
    /// - Returns: One or more events, numbered after ``Ticket/version``.
    /// - Throws: ``LifecycleError`` naming the refused transition.
    public static func handle(
        _ command: TicketCommand,
        on ticket: Ticket,
        by actor: SupportActor,
        at: Date
    ) throws -> [TicketEvent] {
        let changes = try changes(for: command, on: ticket, by: actor, at: at)
        return changes.enumerated().map { offset, change in
            TicketEvent(
                ticketID: ticket.id,
                sequence: ticket.version + offset + 1,
                at: at,
                actor: actor,
                change: change
            )
        }
    }

    /// Runs a command and folds its events into the ticket.
    ///
    /// - Parameters:
    ///   - command: What the actor wants to do.
    ///   - ticket: The ticket as the actor read it.
    ///   - actor: Who wants it.
    ///   - at: When.
    /// - Returns: The new snapshot and the events that produced it.
    /// - Throws: ``LifecycleError`` naming the refused transition.
    public static func execute(
        _ command: TicketCommand,
        on ticket: Ticket,
        by actor: SupportActor,
        at: Date
    ) throws -> (ticket: Ticket, events: [TicketEvent]) {
        let events = try handle(command, on: ticket, by: actor, at: at)
        var result = ticket
        for event in events { try result.apply(event) }
        return (result, events)
    }

    /// When a solved ticket closes by itself.
    ///
    /// - Parameters:
    ///   - ticket: The ticket.
    ///   - delay: How long after solving a ticket closes.
    /// - Returns: ``Ticket/solvedAt`` plus `delay` for a solved ticket, otherwise `nil`.
    public static func autoCloseDue(for ticket: Ticket, after delay: TimeInterval) -> Date? {
        guard ticket.status == .solved, let solvedAt = ticket.solvedAt else { return nil }
        return solvedAt.addingTimeInterval(delay)
    }

    // MARK: - Rules

    private static func changes(
        for command: TicketCommand,
        on ticket: Ticket,
        by actor: SupportActor,
        at: Date
    ) throws -> [TicketChange] {
        // A closed ticket takes nothing more, except the SLA bookkeeping its closing causes (a merge
        // closes a ticket whose clocks are still running: they are cancelled after it).
        let isBookkeeping: Bool
        if case .recordSLA = command { isBookkeeping = true } else { isBookkeeping = false }
        guard ticket.status != .closed || isBookkeeping else {
            let merged = ticket.mergedInto.map { " (merged into \($0))" } ?? ""
            throw LifecycleError(
                .ticketClosed,
                "ticket \(ticket.id) is closed\(merged): '\(command.name)' is refused; "
                    + "a new message from the member makes a follow-up ticket linked to it"
            )
        }
        switch command {
        case .memberMessage(let draft):
            try requireRequester(actor, of: ticket, command: command)
            try validateBody(draft.body, command: command.name)
            var changes: [TicketChange] = [.messageAdded(message(draft, kind: .memberMessage, by: actor, at: at))]
            if ticket.status == .pending || ticket.status == .solved {
                changes.append(.statusChanged(from: ticket.status, to: .open))
            }
            return changes

        case .reply(let draft, let status):
            try requireAgent(actor, command: command)
            try validateBody(draft.body, command: command.name)
            var changes: [TicketChange] = [.messageAdded(message(draft, kind: .publicReply, by: actor, at: at))]
            if let status {
                if status == .new {
                    throw LifecycleError(
                        .neverBackToNew,
                        "a reply on ticket \(ticket.id) cannot leave it new: answered tickets are open or later"
                    )
                }
                if status != ticket.status {
                    try validateStatusChange(from: ticket.status, to: status, ticket: ticket.id)
                    changes.append(.statusChanged(from: ticket.status, to: status))
                }
            } else if ticket.status == .new {
                changes.append(.statusChanged(from: .new, to: .open))
            }
            return changes

        case .internalNote(let draft):
            try requireStaff(actor, command: command)
            try validateBody(draft.body, command: command.name)
            return [.messageAdded(message(draft, kind: .internalNote, by: actor, at: at))]

        case .automaticMessage(let draft):
            guard actor == .system else {
                throw LifecycleError(.notPermitted, "only the system sends automatic messages, not \(actor)")
            }
            try validateBody(draft.body, command: command.name)
            return [.messageAdded(message(draft, kind: .automatic, by: actor, at: at))]

        case .setStatus(let status):
            try requireStaff(actor, command: command)
            guard status != ticket.status else {
                throw LifecycleError(.noChange, "ticket \(ticket.id) is already \(status)")
            }
            try validateStatusChange(from: ticket.status, to: status, ticket: ticket.id)
            return [.statusChanged(from: ticket.status, to: status)]

        case .assign(let agent):
            try requireStaff(actor, command: command)
            guard agent != ticket.assignee else {
                let who = agent.map { "assigned to \($0)" } ?? "unassigned"
                throw LifecycleError(.noChange, "ticket \(ticket.id) is already \(who)")
            }
            return [.assigned(from: ticket.assignee, to: agent)]

        case .setPriority(let priority):
            try requireStaff(actor, command: command)
            guard priority != ticket.priority else {
                throw LifecycleError(.noChange, "ticket \(ticket.id) already has priority \(priority)")
            }
            return [.priorityChanged(from: ticket.priority, to: priority)]

        case .setReason(let reason):
            try requireStaff(actor, command: command)
            guard reason != ticket.reason else {
                throw LifecycleError(.noChange, "ticket \(ticket.id) already has reason \(reason)")
            }
            return [.reasonChanged(from: ticket.reason, to: reason)]

        case .addTags(let tags):
            try requireStaff(actor, command: command)
            let added = try normalized(tags).filter { !ticket.tags.contains($0) }
            guard !added.isEmpty else {
                throw LifecycleError(.noChange, "ticket \(ticket.id) already has tags \(tags.joined(separator: ", "))")
            }
            return [.tagsChanged(added: added, removed: [])]

        case .removeTags(let tags):
            try requireStaff(actor, command: command)
            let removed = try normalized(tags).filter { ticket.tags.contains($0) }
            guard !removed.isEmpty else {
                throw LifecycleError(
                    .noChange,
                    "ticket \(ticket.id) has none of the tags \(tags.joined(separator: ", "))"
                )
            }
            return [.tagsChanged(added: [], removed: removed)]

        case .merge(let target):
            try requireAgent(actor, command: command)
            guard target != ticket.id else {
                throw LifecycleError(.mergeIntoItself, "ticket \(ticket.id) cannot be merged into itself")
            }
            return [.mergedInto(target)]

        case .recordSLA(let changes):
            guard actor == .system else {
                throw LifecycleError(.notPermitted, "only the system records service-level clocks, not \(actor)")
            }
            guard !changes.isEmpty else {
                throw LifecycleError(.noChange, "no service-level change to record on ticket \(ticket.id)")
            }
            return changes.map { .sla($0) }

        case .explain(let explanations):
            guard actor == .system else {
                throw LifecycleError(.notPermitted, "only the system records routing explanations, not \(actor)")
            }
            guard !explanations.isEmpty else {
                throw LifecycleError(.noChange, "no routing explanation to record on ticket \(ticket.id)")
            }
            return [.explained(explanations)]

        case .receiveMerge(let source, let messages):
            try requireAgent(actor, command: command)
            guard source != ticket.id else {
                throw LifecycleError(.mergeIntoItself, "ticket \(ticket.id) cannot be merged into itself")
            }
            return [.mergeReceived(from: source, messages: messages)]
        }
    }

    /// A ticket starts with the requester's own message, or with a public reply when the support side
    /// opens it for the member; never with a note, an automatic message or someone else's words.
    private static func validateFirstMessage(
        _ message: TicketMessage,
        of creation: TicketCreation,
        by actor: SupportActor
    ) throws {
        switch message.kind {
        case .memberMessage:
            guard message.author == .member(creation.requester) else {
                throw LifecycleError(
                    .notPermitted,
                    "the first message of a ticket for \(creation.requester) is signed by \(message.author); "
                        + "a member message must be the requester's own"
                )
            }
        case .publicReply:
            guard actor.role == .agent || actor.role == .owner, message.author == actor else {
                throw LifecycleError(
                    .notPermitted,
                    "only an agent or the owner opens a ticket with a public reply, signed by themselves; "
                        + "got \(message.author) acting as \(actor)"
                )
            }
        case .internalNote, .automatic:
            throw LifecycleError(
                .notPermitted,
                "a ticket cannot start with a \(message.kind.rawValue) message: start it with the member's message"
            )
        }
    }

    private static func validateStatusChange(from: TicketStatus, to: TicketStatus, ticket: TicketID) throws {
        if to == .new {
            throw LifecycleError(.neverBackToNew, "ticket \(ticket) cannot go from \(from) back to new")
        }
        if to == .closed && from != .solved {
            throw LifecycleError(.notSolved, "ticket \(ticket) is \(from): solve it before closing it")
        }
    }

    private static func message(
        _ draft: MessageDraft,
        kind: TicketMessage.Kind,
        by actor: SupportActor,
        at: Date
    ) -> TicketMessage {
        TicketMessage(
            id: draft.id,
            kind: kind,
            author: actor,
            body: draft.body,
            at: at,
            channel: draft.channel,
            externalID: draft.externalID,
            templateKey: draft.templateKey,
            // A note is for the support side: so is every file on it, whatever the draft said.
            attachments: kind == .internalNote
                ? draft.attachments.map { $0.with(visibility: .internal) } : draft.attachments
        )
    }

    static func validateBody(_ body: String, command: String) throws {
        guard startsWithVisibleASCII(body) || body.contains(where: isVisible) else {
            throw LifecycleError(.invalidMessage, "'\(command)' needs a message with text; the body is empty")
        }
    }

    /// Whether the text starts with a visible ASCII character (`!` to `~`): then it is not blank, and no
    /// character needs to be looked up in Unicode's tables.
    package static func startsWithVisibleASCII(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first > 0x20 && first < 0x7F
    }

    /// Whether a character shows as text: not white space, and not only control or format scalars
    /// (NUL, zero-width space, byte-order mark).
    static func isVisible(_ character: Character) -> Bool {
        guard !character.isWhitespace else { return false }
        return character.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format: false
            default: scalar.value != 0x200B
            }
        }
    }

    private static func normalized(_ tags: [String]) throws -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for raw in tags {
            if let problem = problem(withTag: raw) { throw LifecycleError(.invalidTag, problem) }
            let tag = raw.lowercased()
            if seen.insert(tag).inserted { result.append(tag) }
        }
        return result
    }

    private static func requireRequester(_ actor: SupportActor, of ticket: Ticket, command: TicketCommand) throws {
        switch actor {
        case .member(let member) where member == ticket.requester: return
        case .system: return
        default:
            throw LifecycleError(
                .notPermitted,
                "\(actor) cannot add a member message to ticket \(ticket.id): only its requester writes member messages"
            )
        }
    }

    private static func requireStaff(_ actor: SupportActor, command: TicketCommand) throws {
        guard actor.isStaff else {
            throw LifecycleError(.notPermitted, "a member cannot '\(command.name)': it is for the support side")
        }
    }

    private static func requireAgent(_ actor: SupportActor, command: TicketCommand) throws {
        guard actor.role == .agent || actor.role == .owner else {
            throw LifecycleError(.notPermitted, "\(actor) cannot '\(command.name)': it takes an agent or the owner")
        }
    }
}
