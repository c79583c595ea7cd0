import Foundation

/// What a ticket opened for a policy decision starts with, besides its first message.
struct NewPolicyTicket: Sendable, Codable {
    var requester: MemberID
    var subject: String
    var channel: ChannelKind
    var reason: ContactReason
    var priority: Priority
    var locale: LocaleTag?
    var followUpOf: TicketID?
}

/// What the desk adds to a member's ticket for a refund or moderation decision.
struct PolicyPost: Sendable, Codable {
    /// The member's own words, added first as their message; `nil` when the member wrote nothing new.
    var memberWords: MessageDraft?
    /// The summary for the support side, added as an internal note by the system.
    var note: String
    /// The message for the member, rendered from a template, added as an automatic message.
    var memberMessage: RenderedMessage?
    /// A key only one post may write, such as the refund request's: a second post with it adds nothing
    /// and returns the ticket the first went to, even when both run at once. It is written with the post,
    /// so it also says that the post stands (a retry or the repair then posts nothing again).
    var claim: ExternalMessageKey?
    /// A tag that marks the ticket while the owner must decide, such as `refund-escalated`.
    var addTag: String?
    /// A tag to take off the ticket because the owner decided.
    var removeTag: String?

    /// A message rendered from a template.
    struct RenderedMessage: Sendable, Codable {
        /// The text.
        var body: String
        /// The template it was rendered from.
        var key: TemplateKey
    }
}

extension SupportDesk {
    /// The ticket an earlier post with the same claim went to, if any.
    func claimedTicket(_ post: PolicyPost) async throws -> Ticket? {
        guard let key = post.claim, let id = try await store.ticketID(forExternalMessage: key) else { return nil }
        return try await store.ticket(id)?.ticket
    }

    /// Adds a policy post to a member's ticket in one commit, with the member's message in the outbox.
    ///
    /// A closed ticket takes no more messages: the post then opens a follow-up ticket linked to it,
    /// starting with the member's words, or with the member's message as a public reply of the staff
    /// person acting. A post with neither on a closed ticket changes nothing (the ledger keeps the record).
    ///
    /// - Parameter owed: The owed post whose change the commit reports in the event feed.
    /// - Returns: The ticket the post went to.
    func post(
        _ post: PolicyPost,
        on id: TicketID,
        member: MemberID,
        by actor: SupportActor,
        reporting owed: OwedPolicyPost
    ) async throws -> Ticket {
        let ticket = try await retryingConflicts("adding a policy decision to ticket \(id)") {
            guard let stored = try await store.ticket(id), stored.ticket.requester == member else { throw notFound(id) }
            if let claimed = try await claimedTicket(post) { return claimed }
            let now = clock.now
            let write: TicketWrite
            if stored.ticket.status == .closed {
                let followUp = NewPolicyTicket(
                    requester: member,
                    subject: stored.ticket.subject,
                    channel: stored.ticket.channel,
                    reason: stored.ticket.reason,
                    priority: stored.ticket.priority,
                    locale: stored.ticket.locale,
                    followUpOf: stored.ticket.id
                )
                let number = try await store.nextTicketNumber()
                guard let created = try openTicket(followUp, with: post, by: actor, at: now, number: number) else {
                    return stored.ticket
                }
                write = created
            } else {
                var ticket = stored.ticket
                var events: [TicketEvent] = []
                for (command, author) in commands(for: post, member: member, tags: stored.ticket.tags) {
                    let result = try executeWithSLA(command, on: ticket, by: author, at: now)
                    ticket = result.ticket
                    events += result.events
                }
                write = TicketWrite(
                    ticket: ticket,
                    expectedVersion: stored.ticket.version,
                    events: events,
                    externalKeys: post.claim.map { [$0] } ?? [],
                    dueAt: dueAt(for: ticket)
                )
            }
            try await commitPolicyWrite(write, reporting: owed)
            return write.ticket
        }
        await deliverAfterCommit()
        return ticket
    }

    /// A new ticket's write for a post: the member's words first, else the member's message as the
    /// acting person's public reply; then the note and the automatic message. `number` is the new
    /// ticket's, from the store; it is skipped for good when the post opens no ticket.
    func openTicket(
        _ new: NewPolicyTicket,
        with post: PolicyPost,
        by actor: SupportActor,
        at now: Date,
        number: TicketNumber
    ) throws -> TicketWrite? {
        var rest = post
        let creator: SupportActor
        let first: TicketMessage
        if let words = post.memberWords {
            first = TicketMessage(
                id: words.id,
                kind: .memberMessage,
                author: .member(new.requester),
                body: words.body,
                at: now,
                channel: words.channel
            )
            rest.memberWords = nil
            creator = actor.role == .member ? .member(new.requester) : actor
        } else if let message = post.memberMessage, actor.role == .agent || actor.role == .owner {
            first = TicketMessage(
                id: newMessageID(),
                kind: .publicReply,
                author: actor,
                body: message.body,
                at: now,
                templateKey: message.key.rawValue
            )
            rest.memberMessage = nil
            creator = actor
        } else {
            return nil
        }
        let creation = TicketCreation(
            requester: new.requester,
            subject: new.subject,
            channel: new.channel,
            reason: new.reason,
            priority: new.priority,
            locale: new.locale,
            followUpOf: new.followUpOf,
            number: number,
            firstMessage: first
        )
        let id = TicketID(ids.next("T"))
        let created = try TicketRules.create(creation, id: id, by: creator, at: now)
        var (ticket, events) = try addingSLA(before: nil, (created.ticket, [created.event]), at: now)
        for (command, author) in commands(for: rest, member: new.requester, tags: ticket.tags) {
            let result = try executeWithSLA(command, on: ticket, by: author, at: now)
            ticket = result.ticket
            events += result.events
        }
        return TicketWrite(
            ticket: ticket,
            expectedVersion: 0,
            events: events,
            externalKeys: post.claim.map { [$0] } ?? [],
            threadKeys: [.ticket(id)],
            dueAt: dueAt(for: ticket)
        )
    }

    /// The commands of a post, each with who runs it.
    private func commands(
        for post: PolicyPost,
        member: MemberID,
        tags: [String]
    ) -> [(TicketCommand, SupportActor)] {
        var commands: [(TicketCommand, SupportActor)] = []
        if let words = post.memberWords { commands.append((.memberMessage(words), .member(member))) }
        if let tag = post.addTag, !tags.contains(tag) { commands.append((.addTags([tag]), .system)) }
        if let tag = post.removeTag, tags.contains(tag) { commands.append((.removeTags([tag]), .system)) }
        commands.append((.internalNote(MessageDraft(id: newMessageID(), body: post.note)), .system))
        if let message = post.memberMessage {
            let draft = MessageDraft(id: newMessageID(), body: message.body, templateKey: message.key.rawValue)
            commands.append((.automaticMessage(draft), .system))
        }
        return commands
    }

    /// Commits one write with the outbound messages its events call for, and the feed event of the
    /// change it posts.
    func commitPolicyWrite(_ write: TicketWrite, reporting owed: OwedPolicyPost) async throws {
        let recipient = try await profile(of: write.ticket.requester)
        var events = write.events
        // A ticket opened with a public reply (a follow-up of a closed ticket) sends that reply too; the
        // creation event carries it, so it is offered to the outbox as the message it is.
        if write.expectedVersion == 0, let first = write.ticket.messages.first, first.kind == .publicReply {
            let added = TicketEvent(
                ticketID: write.ticket.id,
                sequence: 1,
                at: first.at,
                actor: first.author,
                change: .messageAdded(first)
            )
            events.insert(added, at: 0)
        }
        let outbound = outbound(for: events, of: write.ticket, to: recipient)
        let notice = owed.deskEvent(on: write.ticket.id)
        try await commitAndSchedule(TicketCommit(writes: [write], outbound: outbound, notices: [notice]))
    }

    /// The member's language for a ticket: the ticket's own, else the member's.
    func language(of ticket: Ticket?, for member: MemberProfile) -> LocaleTag {
        ticket?.locale ?? member.locale
    }
}
