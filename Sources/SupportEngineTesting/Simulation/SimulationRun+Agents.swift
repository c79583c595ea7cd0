import Foundation

extension SimulationRun {
    /// Median handling time per contact reason, in minutes.
    static let handlingMinutes: [String: Double] = [
        "access": 8, "broken_feature": 18, "content_question": 10, "cancel_subscription": 5, "feedback": 4,
        "pre_sales": 7, "billing": 12, "refund": 15,
    ]

    func changeShift(_ agent: AgentID, online isOnline: Bool) async throws {
        if isOnline {
            online.insert(agent)
            try await desk.setPresence(.online, of: agent)
            if !busy.contains(agent) { queue.push(.agentFree(agent), at: clock.now) }
        } else {
            online.remove(agent)
            try await desk.setPresence(.offline, of: agent)
        }
    }

    /// The agent picks their most urgent unanswered ticket and starts on it.
    func takeNext(_ agent: AgentID) async throws {
        guard online.contains(agent), !busy.contains(agent) else { return }
        let page = try await desk.tickets(
            matching: TicketQuery(
                statuses: [.new, .open],
                assignee: agent,
                after: searchCursor,
                limit: TicketQuery.maximumLimit
            )
        )
        let waiting = page.tickets.map(\.ticket).compactMap { ticket -> (Ticket, Date)? in
            guard let oldest = ticket.unansweredMemberMessages.first?.at else { return nil }
            return (ticket, oldest)
        }
        guard
            let (ticket, _) = waiting.min(by: { lhs, rhs in
                (lhs.0.priority, rhs.1) > (rhs.0.priority, lhs.1)
            })
        else { return }
        busy.insert(agent)
        let reason = conversations[ticket.id]?.reason ?? ticket.reason.rawValue
        let median = (Self.handlingMinutes[reason] ?? 10) * 60
        let handling = min(max(random.logNormal(median: median, sigma: 0.5), 60), 3 * 3600).rounded()
        queue.push(.agentDone(agent, ticket.id), at: clock.now.addingTimeInterval(handling))
    }

    /// The agent sends their answer: a question (pending) or the solution.
    func finish(_ agent: AgentID, _ id: TicketID) async throws {
        busy.remove(agent)
        defer { queue.push(.agentFree(agent), at: clock.now) }
        let ticket = try await desk.agentView(of: id).ticket
        guard ticket.assignee == agent, ticket.status.needsAttention, !ticket.unansweredMemberMessages.isEmpty else {
            return
        }
        var conversation =
            conversations[id]
            ?? Conversation(
                member: ticket.requester,
                language: ticket.locale?.language ?? "en",
                reason: ticket.reason.rawValue,
                channel: ticket.channel,
                externalID: "",
                difficult: false
            )
        let actor = SupportActor.agent(agent)
        if conversation.difficult, !conversation.moderated {
            conversation.moderated = true
            moderationActions += 1
            try await desk.addInternalNote(
                to: id,
                body: "Conduct: insulting tone; warning under the conduct ladder, rules link sent.",
                by: actor
            )
        }
        var asking = random.chance(conversation.agentReplies == 0 ? 0.45 : 0.15)
        if conversation.reason == ContactReason.refund.rawValue, conversation.agentReplies == 0 {
            asking = false
            refundsDecided += 1
            let approved = random.chance(0.6)
            if approved { refundsApproved += 1 }
            try await desk.addInternalNote(
                to: id,
                body: approved
                    ? "Refund approved: inside the guarantee window." : "Refund refused: outside the guarantee window.",
                by: actor
            )
        }
        if conversation.externalID.isEmpty { asking = false }
        conversation.agentReplies += 1
        conversations[id] = conversation
        let body = MessageBook.agentReply(asking: asking, conversation.language)
        if asking {
            try await desk.reply(to: id, body: body, by: actor, status: .pending)
            if random.chance(0.75) {
                let delay = min(max(random.logNormal(median: 3 * 3600, sigma: 1.0), 300), 5 * 86_400).rounded()
                queue.push(.memberReply(id), at: clock.now.addingTimeInterval(delay))
            }
            queue.push(.pendingCheck(id, since: clock.now), at: clock.now.addingTimeInterval(3 * 86_400))
        } else {
            try await desk.reply(to: id, body: body, by: actor, status: .solved)
            resolved(id)
            scheduleRating(id)
        }
    }
}
