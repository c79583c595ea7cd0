import Foundation

extension SupportDesk {
    /// A ticket as its member sees it.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - member: The member asking.
    /// - Returns: Status, assignee's display name and the public conversation; never internal notes.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` when the ticket does not exist or is
    ///   not this member's — the two are indistinguishable on purpose.
    public func memberView(of id: TicketID, for member: MemberID) async throws -> MemberTicketView {
        guard let stored = try await store.ticket(id), stored.ticket.requester == member else { throw notFound(id) }
        let ticket = stored.ticket
        let messages = ticket.memberVisibleMessages.map { message -> MemberTicketView.Message in
            var seen = self.memberMessage(message)
            seen.attachments = message.memberVisibleAttachments
            return seen
        }
        let replyChannel = await replyChannel(for: ticket, to: try await profile(of: member))
        return MemberTicketView(
            id: ticket.id,
            number: ticket.number,
            reference: ticket.number.map { $0.formatted(prefix: configuration.ticketNumberPrefix) },
            subject: ticket.subject,
            status: ticket.status.memberFacing,
            assigneeName: ticket.assignee.flatMap { agentNames[$0] },
            messages: messages,
            createdAt: ticket.createdAt,
            updatedAt: max(
                ticket.memberVisibleMessages.last?.at ?? ticket.createdAt,
                ticket.solvedAt ?? .distantPast,
                ticket.closedAt ?? .distantPast
            ),
            followUpOf: ticket.followUpOf,
            expectedReply: [ticket.sla.running[.firstReply], ticket.sla.running[.nextReply]]
                .compactMap { $0?.dueAt }.min(),
            rulesLink: configuration.rulesLink,
            replyChannel: replyChannel
        )
    }

    /// The channel the next answer on a ticket goes out on, as a delivery now would choose it: the first
    /// of its delivery route that is available and can reach the member (``Channel/canReach(_:)``).
    ///
    /// - Parameters:
    ///   - ticket: The ticket.
    ///   - member: The member's profile.
    /// - Returns: The channel, or `nil` when none reaches the member.
    func replyChannel(for ticket: Ticket, to member: MemberProfile) async -> ChannelKind? {
        for kind in deliveryRoute(for: ticket, to: member) {
            guard let channel = channels[kind], await channel.isAvailable, await channel.canReach(ticket.requester)
            else { continue }
            return kind
        }
        return nil
    }

    /// A member's own tickets as they see them, ordered by id, across every page of the store.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - limit: The most to return.
    /// - Returns: The member views.
    /// - Throws: ``StoreError`` when the store fails or the limit is out of range.
    public func memberTickets(of member: MemberID, limit: Int = 100) async throws -> [MemberTicketView] {
        var views: [MemberTicketView] = []
        var cursor: TicketID?
        repeat {
            let page = try await store.tickets(
                matching: TicketQuery(requester: member, after: cursor, limit: min(limit, TicketQuery.maximumLimit))
            )
            for stored in page.tickets where views.count < limit {
                views.append(try await memberView(of: stored.ticket.id, for: member))
            }
            cursor = page.nextCursor
        } while cursor != nil && views.count < limit
        return views
    }

    /// A ticket as the support side sees it: the snapshot with internal notes, every event, its timer.
    ///
    /// - Parameter id: The ticket.
    /// - Returns: The agent view.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound``.
    public func agentView(of id: TicketID) async throws -> AgentTicketView {
        guard let stored = try await store.ticket(id) else { throw notFound(id) }
        return AgentTicketView(
            ticket: stored.ticket,
            reference: stored.ticket.number.map { $0.formatted(prefix: configuration.ticketNumberPrefix) },
            events: try await store.events(of: id),
            dueAt: stored.dueAt,
            deliveries: try await store.outbound(ofTicket: id)
        )
    }

    /// Lists tickets for the support side.
    ///
    /// ```swift
    /// var query = TicketQuery(text: nil, statuses: [.new, .open], sort: .priority, limit: 50)
    /// let page = try await desk.tickets(matching: query)  // urgent first, then by due time
    /// query.cursor = page.next                            // the next page, `nil` after the last
    /// ```
    ///
    /// - Parameter query: The conditions, the order and the page.
    /// - Returns: One page, in the query's ``TicketQuery/sort`` (by id unless set).
    /// - Throws: ``StoreError`` when the store fails or the query is out of range (a bad cursor too).
    public func tickets(matching query: TicketQuery) async throws -> TicketPage {
        try await store.tickets(matching: query)
    }

    /// One message as its member sees it, without its files.
    private func memberMessage(_ message: TicketMessage) -> MemberTicketView.Message {
        switch message.kind {
        case .memberMessage:
            MemberTicketView.Message(author: .you, authorName: nil, body: message.body, at: message.at)
        case .publicReply:
            MemberTicketView.Message(
                author: .support,
                authorName: message.author.agentID.flatMap { agentNames[$0] },
                body: message.body,
                at: message.at
            )
        case .automatic, .internalNote:
            MemberTicketView.Message(author: .automatic, authorName: nil, body: message.body, at: message.at)
        }
    }
}
