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
        if let erased = try await ledgers.erasure(of: member) { throw Self.memberErased(erased) }
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
        // read the facts before either is recorded. Across desks the store's version check does the same.
        return try await withRefundLock(member) {
            _ = try await finishOwedPosts(of: member)
            let step = try await retryingConflicts("deciding refund request \(id) of member \(member)") {
                () -> RefundStep in
                // The same request id decided meanwhile (a retry, a concurrent call): that decision stands.
                if let recorded = try await ledgers.refundDecision(id, of: member) { return .repeated(recorded, nil) }
                let stored = try await ledgers.refundDecisions(of: member)
                let request = RefundRequest(
                    id: id,
                    member: member,
                    chargeID: charge,
                    requestedAmount: amount,
                    at: clock.now,
                    reasonText: message
                )
                let decision = try policy.decide(request, facts: Self.counting(stored.decisions, in: facts))
                // Rendered before anything is recorded, so a missing template leaves nothing half-written.
                let owed = try await owedPost(decision, to: target)
                try await ledgers.recordRefundDecision(
                    decision,
                    replacing: false,
                    expectedVersion: stored.version,
                    owing: try owed.pending()
                )
                return .recorded(decision, owed)
            }
            return try await finishStep(step, target: target)
        }
    }

    /// What a refund call's deciding step ended with.
    private enum RefundStep: Sendable {
        /// The decision was on record already; the ticket is known when the call finished its post.
        case repeated(RefundDecision, Ticket?)
        /// The call recorded a decision that owes this post.
        case recorded(RefundDecision, OwedPolicyPost)
    }

    /// Posts a recorded decision, or returns a repeated one with its ticket.
    private func finishStep(_ step: RefundStep, target: RefundTarget) async throws -> DeskRefundResult {
        let result = try await postStep(step, target: target)
        let decision = result.decision
        if decision.actionableOutcomes.contains(.revokeAccess), let access {
            try await access.revokeAccess(
                AccessRevocation(member: decision.member, cause: .refund(decision.requestID), decidedAt: decision.at)
            )
        }
        return result
    }

    /// Posts a recorded decision, or returns a repeated one with its ticket.
    private func postStep(_ step: RefundStep, target: RefundTarget) async throws -> DeskRefundResult {
        switch step {
        case .repeated(let recorded, let ticket?):
            return DeskRefundResult(decision: recorded, ticket: ticket, isRepeat: true)
        case .repeated(let recorded, nil):
            return try await repeated(recorded, target: target)
        case .recorded(let decision, let owed):
            guard let ticket = try await finish(owed) else {
                throw DeskError(
                    .notFound,
                    "refund decision for request \(decision.requestID) of \(decision.member) is recorded but has no "
                        + "ticket to go to"
                )
            }
            return DeskRefundResult(decision: decision, ticket: ticket, isRepeat: false)
        }
    }

    /// The host's facts plus every refund the desks approved that the host has not recorded yet, so
    /// that two requests for one charge (different request ids, in a row or at once) never refund more
    /// than the charge: the rules count the first approval as issued. One pass over the decisions.
    private static func counting(_ decisions: [RefundDecision], in facts: RefundFacts) -> RefundFacts {
        var counted = facts
        let known = Set(facts.refunds.map(\.requestID))
        for decision in decisions
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
        try await resolveRefund(request, of: member, note: note, by: actor, verb: "approve") {
            escalated,
            decisions,
            now in
            try escalated.approved(by: actor, facts: Self.counting(decisions, in: facts), at: now, amount: amount)
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
        try await resolveRefund(request, of: member, note: note, by: actor, verb: "decline") { escalated, _, now in
            try escalated.declined(by: actor, at: now)
        }
    }

    /// The work behind ``RefundDesk/decisions(of:)``, which documents it.
    func refundDecisions(of member: MemberID) async throws -> [RefundDecision] {
        try await ledgers.refundDecisions(of: member).decisions
    }

    private func resolveRefund(
        _ request: RefundRequestID,
        of member: MemberID,
        note: String,
        by actor: SupportActor,
        verb: String,
        _ resolve: (RefundDecision, [RefundDecision], Date) throws -> RefundDecision
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
        return try await withRefundLock(member) {
            let finished = try await finishOwedPosts(of: member)
            var sawEscalation = false
            let step = try await retryingConflicts("resolving refund request \(request) of member \(member)") {
                () -> RefundStep in
                let stored = try await ledgers.refundDecisions(of: member)
                guard let recorded = stored.decisions.first(where: { $0.requestID == request }) else {
                    throw DeskError(.notFound, "refund request \(request) of member \(member) was not found")
                }
                if recorded.verdict != .escalateToOwner {
                    // The retry of a resolution whose post failed: the post is finished now, the call succeeds.
                    if let done = finished.values.first(where: { Self.isResolution($0.owed, of: recorded, by: actor) })
                    {
                        return .repeated(recorded, done.ticket)
                    }
                    if sawEscalation {
                        throw DeskError(
                            .conflict,
                            "refund request \(request) was resolved by someone else meanwhile; reload it before acting again"
                        )
                    }
                }
                sawEscalation = true
                let resolution = try resolve(recorded, stored.decisions, clock.now)
                var ticket: Ticket?
                if let id = try await store.ticketID(forExternalMessage: Self.refundKey(request, of: member)) {
                    ticket = try await store.ticket(id)?.ticket
                }
                let target = RefundTarget(ticket: ticket, channel: ticket?.channel ?? .email, words: nil, actor: actor)
                let owed = try await owedPost(resolution, to: target, staffNote: note)
                try await ledgers.recordRefundDecision(
                    resolution,
                    replacing: true,
                    expectedVersion: stored.version,
                    owing: try owed.pending()
                )
                return .recorded(resolution, owed)
            }
            let target = RefundTarget(ticket: nil, channel: .email, words: nil, actor: actor)
            return try await finishStep(step, target: target)
        }
    }

    /// Whether an owed post is the owner's resolution now on record, made by `actor`.
    private static func isResolution(
        _ owed: OwedPolicyPost,
        of recorded: RefundDecision,
        by actor: SupportActor
    ) -> Bool {
        guard case .refund(let decision) = owed.change else { return false }
        return decision == recorded && decision.decidedBy == actor
    }

    /// Where a refund decision goes and who put it there.
    private struct RefundTarget: Sendable {
        var ticket: Ticket?
        var channel: ChannelKind
        var words: MessageDraft?
        var actor: SupportActor
    }

    /// The recorded decision for a repeated request id with the ticket it went to. An owed post was
    /// finished before (``finishOwedPosts(of:)``); a decision with no post at all gets it now.
    private func repeated(_ recorded: RefundDecision, target: RefundTarget) async throws -> DeskRefundResult {
        let key = Self.refundKey(recorded.requestID, of: recorded.member)
        if let id = try await store.ticketID(forExternalMessage: key), let stored = try await store.ticket(id) {
            return DeskRefundResult(decision: recorded, ticket: stored.ticket, isRepeat: true)
        }
        // A decision recorded without its post (by a desk of an earlier version): post it now.
        guard let posted = try await finish(try await owedPost(recorded, to: target)) else {
            throw DeskError(.notFound, "refund request \(recorded.requestID) of \(recorded.member) has no ticket")
        }
        return DeskRefundResult(decision: recorded, ticket: posted, isRepeat: true)
    }

    /// What a decision owes its ticket: the member's words (when they wrote them), the internal note
    /// and the member's message in the member's language, and where they go.
    private func owedPost(
        _ decision: RefundDecision,
        to target: RefundTarget,
        staffNote: String = ""
    ) async throws -> OwedPolicyPost {
        // The owner's resolution follows the request onto its ticket, with a claim key of its own.
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
        let post = PolicyPost(
            memberWords: memberWrites ? target.words : nil,
            note: PolicyNotes.refund(decision, staffNote: extra),
            memberMessage: PolicyPost.RenderedMessage(body: body, key: key),
            claim: resolving
                ? Self.refundResolutionKey(decision.requestID, of: decision.member)
                : Self.refundKey(decision.requestID, of: decision.member),
            addTag: decision.verdict == .escalateToOwner ? Self.escalatedTag : nil,
            removeTag: decision.verdict == .escalateToOwner ? nil : Self.escalatedTag
        )
        var newTicket: NewPolicyTicket?
        if target.ticket == nil {
            // Checked before anything is recorded: a new ticket starts with the member's words or with the
            // message as a staff person's reply.
            guard post.memberWords != nil || staffPerson else {
                throw DeskError(
                    .invalidInput,
                    "refund decision for \(decision.member) has no ticket to go to; pass the member's ticket"
                )
            }
            newTicket = NewPolicyTicket(
                requester: decision.member,
                subject: PolicyNotes.subject(
                    from: target.words?.body,
                    fallback: "Refund request \(decision.requestID)"
                ),
                channel: target.channel,
                reason: .refund,
                priority: .normal,
                locale: member.locale,
                followUpOf: nil
            )
        }
        return OwedPolicyPost(
            change: .refund(decision),
            post: post,
            ticket: target.ticket?.id,
            newTicket: newTicket,
            actor: target.actor
        )
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

    /// The key the owner's resolution of a request writes with its post: the post stands once the key
    /// is on a ticket, so a retry or the repair never posts it twice.
    static func refundResolutionKey(_ request: RefundRequestID, of member: MemberID) -> ExternalMessageKey {
        ExternalMessageKey(
            channel: ChannelKind(rawValue: "refund_resolution"),
            externalID: CompositeKey.join([member.rawValue, request.rawValue])
        )
    }
}
