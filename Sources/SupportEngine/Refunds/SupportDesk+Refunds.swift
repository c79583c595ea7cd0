import Foundation

extension SupportDesk {
    /// The work behind ``RefundDesk/request(_:for:facts:charge:amount:message:on:via:by:)``, which documents it.
    @discardableResult
    func requestRefund(
        _ id: RefundRequestID,
        for member: MemberID,
        facts: RefundFacts,
        charge: ChargeID? = nil,
        amount: Money? = nil,
        message: String,
        on ticket: TicketID? = nil,
        via channel: ChannelKind = .webForm,
        by actor: SupportActor
    ) async throws -> DeskRefundResult {
        let policy = try refundPolicy()
        if let asking = actor.memberID, asking != member {
            throw DeskError(.notPermitted, "member \(asking) cannot request a refund for member \(member)")
        }
        guard id.isWellFormed else {
            throw DeskError(.invalidInput, "refund request id '\(id)' must be 1 to 200 printable characters")
        }
        try validateBody(message, what: "refund request \(id)")
        var existingTicket: Ticket?
        if let ticket {
            guard let stored = try await store.ticket(ticket), stored.ticket.requester == member else {
                throw notFound(ticket)
            }
            existingTicket = stored.ticket
        }
        let words = MessageDraft(id: newMessageID(), body: message, channel: channel)
        let target = RefundTarget(ticket: existingTicket, channel: channel, words: words, actor: actor)
        // One decision at a time per member on this desk: two requests for the same charge never both
        // read the facts before either is recorded.
        return try await withRefundLock(member) {
            if let recorded = try await refundDecision(id, of: member) {
                return try await repeated(recorded, target: target)
            }
            let request = RefundRequest(
                id: id,
                member: member,
                chargeID: charge,
                requestedAmount: amount,
                at: clock.now,
                reasonText: message
            )
            let decision = try policy.decide(request, facts: try await countingDeskRefunds(facts, of: member))
            // Rendered before anything is recorded, so a missing template leaves nothing half-written.
            let post = try await refundPost(decision, to: target)
            do {
                try await ledgers.recordRefundDecision(decision, replacing: false)
            } catch let error as StoreError where error.code == .versionConflict {
                // The same request id was decided meanwhile by a concurrent call: that decision stands.
                guard let recorded = try await refundDecision(id, of: member) else { throw error }
                return try await repeated(recorded, target: target)
            }
            let posted = try await deliver(post, of: decision, to: target)
            return DeskRefundResult(decision: decision, ticket: posted, isRepeat: false)
        }
    }

    /// The host's facts plus every refund this desk approved that the host has not recorded yet, so
    /// that two requests for one charge (different request ids, in a row or at once) never refund more
    /// than the charge: the rules count the first approval as issued.
    private func countingDeskRefunds(_ facts: RefundFacts, of member: MemberID) async throws -> RefundFacts {
        var counted = facts
        let known = Set(facts.refunds.map(\.requestID))
        for decision in try await ledgers.refundDecisions(of: member)
        where decision.verdict == .approve && decision.outcomes.contains(.refund)
            && decision.amount.minorUnits > 0 && !known.contains(decision.requestID)
        {
            counted.refunds.append(
                IssuedRefund(
                    requestID: decision.requestID,
                    chargeID: decision.chargeID,
                    amount: decision.amount,
                    at: decision.at
                )
            )
        }
        return counted
    }

    /// The work behind ``RefundDesk/approve(_:of:facts:amount:note:by:)``, which documents it.
    @discardableResult
    func approveRefund(
        _ request: RefundRequestID,
        of member: MemberID,
        facts: RefundFacts,
        amount: Money? = nil,
        note: String = "",
        by actor: SupportActor
    ) async throws -> DeskRefundResult {
        let counted = try await countingDeskRefunds(facts, of: member)
        return try await resolveRefund(request, of: member, note: note, by: actor, verb: "approve") { escalated, now in
            try escalated.approved(by: actor, facts: counted, at: now, amount: amount)
        }
    }

    /// The work behind ``RefundDesk/decline(_:of:note:by:)``, which documents it.
    @discardableResult
    func declineRefund(
        _ request: RefundRequestID,
        of member: MemberID,
        note: String = "",
        by actor: SupportActor
    ) async throws -> DeskRefundResult {
        try await resolveRefund(request, of: member, note: note, by: actor, verb: "decline") { escalated, now in
            try escalated.declined(by: actor, at: now)
        }
    }

    /// The work behind ``RefundDesk/decisions(of:)``, which documents it.
    func refundDecisions(of member: MemberID) async throws -> [RefundDecision] {
        try await ledgers.refundDecisions(of: member)
    }

    private func resolveRefund(
        _ request: RefundRequestID,
        of member: MemberID,
        note: String,
        by actor: SupportActor,
        verb: String,
        _ resolve: (RefundDecision, Date) throws -> RefundDecision
    ) async throws -> DeskRefundResult {
        _ = try refundPolicy()
        switch actor.role {
        case .owner:
            break
        case .member:
            throw DeskError(
                .notPermitted,
                "a member cannot \(verb) a refund, not even their own; only the owner resolves an escalation"
            )
        case .agent, .system:
            throw DeskError(
                .notPermitted,
                "only the owner may \(verb) an escalated refund; \(actor) has the \(actor.role.rawValue) role"
            )
        }
        guard let recorded = try await refundDecision(request, of: member) else {
            throw DeskError(.notFound, "refund request \(request) of member \(member) was not found")
        }
        let resolution = try resolve(recorded, clock.now)
        var ticket: Ticket?
        if let id = try await store.ticketID(forExternalMessage: Self.refundKey(request, of: member)) {
            ticket = try await store.ticket(id)?.ticket
        }
        let target = RefundTarget(ticket: ticket, channel: ticket?.channel ?? .email, words: nil, actor: actor)
        let post = try await refundPost(resolution, to: target, staffNote: note)
        do {
            try await ledgers.recordRefundDecision(resolution, replacing: true)
        } catch let error as StoreError where error.code == .versionConflict {
            throw DeskError(
                .conflict,
                "refund request \(request) was resolved by someone else meanwhile; reload it before acting again"
            )
        }
        let posted = try await deliver(post, of: resolution, to: target)
        return DeskRefundResult(decision: resolution, ticket: posted, isRepeat: false)
    }

    /// Where a refund decision goes and who put it there.
    private struct RefundTarget: Sendable {
        var ticket: Ticket?
        var channel: ChannelKind
        var words: MessageDraft?
        var actor: SupportActor
    }

    /// The recorded decision for a repeated request id, finishing the ticket part if it is missing
    /// (a desk that stopped between recording the decision and committing the ticket).
    private func repeated(_ recorded: RefundDecision, target: RefundTarget) async throws -> DeskRefundResult {
        let key = Self.refundKey(recorded.requestID, of: recorded.member)
        if let id = try await store.ticketID(forExternalMessage: key), let stored = try await store.ticket(id) {
            return DeskRefundResult(decision: recorded, ticket: stored.ticket, isRepeat: true)
        }
        let posted = try await deliver(try await refundPost(recorded, to: target), of: recorded, to: target)
        return DeskRefundResult(decision: recorded, ticket: posted, isRepeat: true)
    }

    /// What a decision adds to its ticket: the member's words (when they wrote them), the internal note
    /// and the member's message, rendered in the member's language.
    private func refundPost(
        _ decision: RefundDecision,
        to target: RefundTarget,
        staffNote: String = ""
    ) async throws -> PolicyPost {
        // The owner's resolution follows the request onto its ticket; only the request claims the key.
        let resolving = decision.decidedBy.role == .owner
        let member = try await profile(of: decision.member)
        let locale = language(of: target.ticket, for: member)
        let key = TemplateKey(rawValue: decision.templateKey)
        let body = try configuration.templates.render(key, for: locale, values: refundValues(decision, member: member))
        // Staff recording a request on an existing ticket keep the member's words in the note; otherwise
        // the words are the member's own message (on a new ticket they open it).
        let staffPerson = target.actor.role == .agent || target.actor.role == .owner
        let memberWrites = !staffPerson || target.ticket == nil
        var extra = staffNote
        if !memberWrites, let words = target.words {
            extra = "Member's words as recorded by \(target.actor): \(words.body)" + (extra.isEmpty ? "" : "\n\(extra)")
        }
        return PolicyPost(
            memberWords: memberWrites ? target.words : nil,
            note: PolicyNotes.refund(decision, staffNote: extra),
            memberMessage: PolicyPost.RenderedMessage(body: body, key: key),
            claim: resolving ? nil : Self.refundKey(decision.requestID, of: decision.member),
            addTag: decision.verdict == .escalateToOwner ? Self.escalatedTag : nil,
            removeTag: decision.verdict == .escalateToOwner ? nil : Self.escalatedTag
        )
    }

    /// Commits a decision's post on its ticket, or on a new refund ticket, and delivers the message.
    private func deliver(
        _ post: PolicyPost,
        of decision: RefundDecision,
        to target: RefundTarget
    ) async throws
        -> Ticket
    {
        do {
            return try await deliverOnce(post, of: decision, to: target)
        } catch let error as StoreError where error.code == .duplicateExternalMessage {
            // Another call put this request on a ticket first: that ticket has the decision.
            guard let claimed = try await claimedTicket(post) else { throw error }
            return claimed
        }
    }

    private func deliverOnce(
        _ post: PolicyPost,
        of decision: RefundDecision,
        to target: RefundTarget
    ) async throws
        -> Ticket
    {
        if let claimed = try await claimedTicket(post) { return claimed }
        if let ticket = target.ticket {
            return try await self.post(post, on: ticket.id, member: decision.member, by: target.actor)
        }
        let new = NewPolicyTicket(
            requester: decision.member,
            subject: PolicyNotes.subject(from: target.words?.body, fallback: "Refund request \(decision.requestID)"),
            channel: target.channel,
            reason: .refund,
            priority: .normal,
            locale: try await profile(of: decision.member).locale,
            followUpOf: nil
        )
        let write = try openNewTicket(new, post: post, actor: target.actor)
        try await commitPolicyWrite(write)
        await deliverNewMessages()
        return write.ticket
    }

    private func openNewTicket(_ new: NewPolicyTicket, post: PolicyPost, actor: SupportActor) throws -> TicketWrite {
        guard let write = try openTicket(new, with: post, by: actor, at: clock.now) else {
            throw DeskError(
                .invalidInput,
                "refund decision for \(new.requester) has no ticket to go to; pass the member's ticket"
            )
        }
        return write
    }

    /// The values refund templates may use.
    private func refundValues(_ decision: RefundDecision, member: MemberProfile) -> [String: String] {
        let days = try? configuration.refunds?.terms(for: decision.plan).guaranteeDays
        return [
            "member_name": member.displayName,
            "amount": decision.amount.description,
            "request_id": decision.requestID.rawValue,
            "guarantee_days": days.map(String.init) ?? "-",
        ]
    }

    /// The recorded decision for a request, if any.
    private func refundDecision(_ id: RefundRequestID, of member: MemberID) async throws -> RefundDecision? {
        try await ledgers.refundDecisions(of: member).first { $0.requestID == id }
    }

    /// The configured refund policy, or the error every refund call gives without one.
    private func refundPolicy() throws -> RefundPolicy {
        guard let policy = configuration.refunds else {
            throw DeskError(
                .invalidInput,
                "no refund policy is configured; set DeskConfiguration.refunds to take refund requests"
            )
        }
        return policy
    }

    /// The tag on a ticket whose refund request waits for the owner.
    static let escalatedTag = "refund-escalated"

    /// The key that finds a refund request's ticket. The store keeps it unique, so a request's first
    /// decision goes on one ticket only, however many calls race to put it there. The parts are
    /// escaped (``CompositeKey``), so ids containing `/` never share a key.
    static func refundKey(_ request: RefundRequestID, of member: MemberID) -> ExternalMessageKey {
        ExternalMessageKey(
            channel: ChannelKind(rawValue: "refund_request"),
            externalID: CompositeKey.join([member.rawValue, request.rawValue])
        )
    }
}
