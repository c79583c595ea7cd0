import Foundation
import SupportEngine

extension SimulationRun {
    /// Median handling time per contact reason, in minutes.
    static let handlingMinutes: [String: Double] = [
        "access": 8, "broken_feature": 18, "content_question": 10, "cancel_subscription": 5, "feedback": 4,
        "pre_sales": 7, "billing": 12, "refund": 15,
    ]

    func changeShift(_ agent: AgentID, online isOnline: Bool) async throws {
        if isOnline {
            online.insert(agent)
            try await desk.agents.setPresence(.online, of: agent)
            if !busy.contains(agent) { queue.push(.agentFree(agent), at: clock.now) }
        } else {
            online.remove(agent)
            try await desk.agents.setPresence(.offline, of: agent)
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
        let handling: TimeInterval
        if let stationary {
            handling = random.exponential(mean: stationary.meanHandlingTime)
        } else {
            let reason = conversations[ticket.id]?.reason ?? ticket.reason.rawValue
            let median = (Self.handlingMinutes[reason] ?? 10) * 60
            handling = min(max(random.logNormal(median: median, sigma: 0.5), 60), 3 * 3600).rounded()
        }
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
            try await moderate(id, member: conversation.member, by: actor)
        }
        var asking = random.chance(conversation.agentReplies == 0 ? 0.45 : 0.15)
        if conversation.reason == ContactReason.refund.rawValue, conversation.agentReplies == 0 {
            asking = false
            try await decideRefund(id, member: conversation.member, by: actor)
        }
        if conversation.externalID.isEmpty || stationary != nil { asking = false }
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

    /// Reports the difficult member's rude message through the desk's moderation: the club's conduct
    /// ladder decides against the member's ledger in the desk's store, the ticket gets the internal
    /// note and the member the step's message.
    func moderate(_ id: TicketID, member: MemberID, by actor: SupportActor) async throws {
        let ticket = try await desk.agentView(of: id).ticket
        guard let message = ticket.messages.first(where: { $0.kind == .memberMessage && $0.author == .member(member) })
        else { return }
        let before = ticket.messages.count { $0.kind == .automatic }
        do {
            let result = try await desk.moderation.report(
                on: id,
                message: message.id,
                violation: Violation(.rudeness, severity: .minor, note: "insulting tone in a support message"),
                by: actor
            )
            moderationActions += 1
            moderationSteps["\(result.decision.action)", default: 0] += 1
            policyMessages += max(0, (result.ticket?.messages.count { $0.kind == .automatic } ?? before) - before)
        } catch let error as DeskError where error.code == .conflict {
            // The message already carries a penalty: nothing more to do.
        }
    }

    /// Asks the desk to decide a refund request on the ticket by the club's refund rules, with a charge
    /// from the last 45 days: the decision goes to the desk's ledger, the ticket gets the internal note
    /// and the member the decision's message.
    func decideRefund(_ id: TicketID, member: MemberID, by actor: SupportActor) async throws {
        refundsDecided += 1
        guard let policy = club.desk.refunds, !policy.plans.isEmpty else {
            try await desk.addInternalNote(to: id, body: "Refund refused: the club has no refund policy.", by: actor)
            return
        }
        let plans = policy.plans.keys.sorted()
        let plan = plans[Int(random.next() % UInt64(plans.count))]
        let annual = plan.rawValue.contains("annual")
        let paidAt = clock.now.addingTimeInterval(-random.uniform(1...45).rounded() * 86_400)
        let charge = Charge(
            id: ChargeID("C-\(id)"),
            amount: Money(minorUnits: annual ? 19_900 : 1_999, currency: .eur),
            at: paidAt,
            periodEnd: paidAt.addingTimeInterval((annual ? 365 : 30) * 86_400)
        )
        let before = try await desk.agentView(of: id).ticket.messages.count { $0.kind == .automatic }
        do {
            let result = try await desk.refunds.request(
                RefundRequestID("R-\(id)"),
                for: member,
                facts: RefundFacts(member: member, plan: plan, charges: [charge]),
                charge: charge.id,
                message: "The member asks for a refund (plan \(plan), paid \(charge.at)).",
                on: id,
                via: conversations[id]?.channel ?? .email,
                by: actor
            )
            switch result.decision.verdict {
            case .approve: refundsApproved += 1
            case .escalateToOwner: refundsEscalated += 1
            case .deny: break
            }
            policyMessages += max(0, result.ticket.messages.count { $0.kind == .automatic } - before)
        } catch let error as RefundError {
            try await desk.addInternalNote(
                to: id,
                body: "Refund could not be decided by the rules: \(error)",
                by: actor
            )
        }
    }
}
