import Foundation

/// The ticket post a recorded refund or moderation change owes, as the desk keeps it in the
/// ``PolicyLedgerStore`` (the payload of a ``PendingPolicyPost``) until the post stands.
struct OwedPolicyPost: Sendable, Codable {
    /// The change the post announces.
    enum Change: Sendable, Codable {
        case refund(RefundDecision)
        case moderation(ModerationDecision)
    }

    var change: Change
    /// The note and the member's message; its claim key says that the post stands.
    var post: PolicyPost
    /// The ticket to post on, or `nil` for a new ticket.
    var ticket: TicketID?
    /// What a new ticket starts with, when there is no ticket to post on.
    var newTicket: NewPolicyTicket?
    /// Who made the change.
    var actor: SupportActor

    /// The member the change is about.
    var member: MemberID {
        switch change {
        case .refund(let decision): decision.member
        case .moderation(let decision): decision.member
        }
    }

    /// The pending post's id: the kind of change, the member and the record it changed.
    var id: String {
        switch change {
        case .refund(let decision):
            CompositeKey.join([
                decision.decidedBy.role == .owner ? "refund-resolution" : "refund-request",
                decision.member.rawValue, decision.requestID.rawValue,
            ])
        case .moderation(let decision):
            CompositeKey.join(["moderation", decision.member.rawValue, String(decision.entry.id)])
        }
    }

    /// When the change was made.
    var at: Date {
        switch change {
        case .refund(let decision): decision.at
        case .moderation(let decision): decision.entry.at
        }
    }

    /// The feed event that reports the change once its post is on `ticket`, keyed by the post's ``id``.
    func deskEvent(on ticket: TicketID) -> DeskEvent {
        switch change {
        case .refund(let decision): .refund(decision, key: id, ticket: ticket)
        case .moderation(let decision): .moderation(decision, key: id, ticket: ticket)
        }
    }

    /// The record the ledger store keeps until the post stands.
    func pending() throws -> PendingPolicyPost {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return PendingPolicyPost(id: id, member: member, at: at, payload: try encoder.encode(self))
    }
}

/// An owed post a call finished before doing its own work, with the ticket it went to.
struct FinishedPolicyPost: Sendable {
    var owed: OwedPolicyPost
    var ticket: Ticket?
}

extension SupportDesk {
    /// How many owed posts one repair pass finishes at most.
    static let owedPostsPerPass = 100

    /// Finishes the ticket posts that recorded refund and moderation changes still owe: a change whose
    /// post failed (a store error, a conflict, a desk that stopped) after the change was recorded.
    ///
    /// Call it when the desk starts (``run()`` before its first pass) and from the due-work pass, so a
    /// half-done change is finished without a retry from the caller. A post that already stands is not
    /// posted again (its claim key is on the ticket); it only leaves the list. Each pass finishes up to
    /// ``owedPostsPerPass`` posts, oldest first; one that fails stays for the next pass while the others go on.
    ///
    /// - Returns: How many owed posts were finished.
    /// - Throws: The first failure, after every listed post was tried.
    @discardableResult
    func finishOwedPolicyPosts() async throws -> Int {
        var finished = 0
        var firstError: (any Error)?
        for pending in try await ledgers.pendingPolicyPosts(of: nil, limit: Self.owedPostsPerPass) {
            do {
                guard let owed = decodeOwedPost(pending) else { continue }
                _ = try await finish(owed)
                finished += 1
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        return finished
    }

    /// Finishes one member's owed posts before a call for that member decides anything, so a retried
    /// call finds its earlier post done and the member's posts keep their order.
    ///
    /// - Returns: The finished posts by id: a call that finds its own among them is the retry of a call
    ///   whose post failed, and returns success instead of refusing to act twice.
    func finishOwedPosts(of member: MemberID) async throws -> [String: FinishedPolicyPost] {
        var finished: [String: FinishedPolicyPost] = [:]
        for pending in try await ledgers.pendingPolicyPosts(of: member, limit: Self.owedPostsPerPass) {
            guard let owed = decodeOwedPost(pending) else { continue }
            finished[pending.id] = FinishedPolicyPost(owed: owed, ticket: try await finish(owed))
        }
        return finished
    }

    /// Carries out an owed post, then takes it off the list. A post that can never go anywhere (its
    /// ticket is gone) is taken off too; the change stays in the ledger.
    ///
    /// - Returns: The ticket the post went to, or `nil` when there was nothing to post on.
    func finish(_ owed: OwedPolicyPost) async throws -> Ticket? {
        let ticket: Ticket?
        do {
            ticket = try await carryOut(owed)
        } catch let error as DeskError where error.code == .notFound {
            ticket = nil
        }
        // The post stands: a failure to take it off the list only leaves work for the repair, which finds
        // the claim on the ticket and posts nothing again.
        try? await ledgers.removePendingPolicyPost(owed.id)
        return ticket
    }

    /// Posts on the owed post's ticket, or opens its new ticket, unless the post already stands.
    private func carryOut(_ owed: OwedPolicyPost) async throws -> Ticket? {
        if let id = owed.ticket {
            return try await post(owed.post, on: id, member: owed.member, by: owed.actor, reporting: owed)
        }
        guard let new = owed.newTicket else { return nil }
        do {
            if let claimed = try await claimedTicket(owed.post) {
                await resumeAfterClaim(claimed)
                return claimed
            }
            let number = try await store.nextTicketNumber()
            guard let write = try openTicket(new, with: owed.post, by: owed.actor, at: clock.now, number: number)
            else { return nil }
            try await commitPolicyWrite(write, reporting: owed)
            await deliverNewMessages()
            return write.ticket
        } catch let error as StoreError where error.code == .duplicateExternalMessage {
            // Another call opened the ticket with this post first.
            guard let claimed = try await claimedTicket(owed.post) else { throw error }
            return claimed
        }
    }

    /// After finding a post that stands: its commit may have been reported failed after it was written,
    /// so its messages and timers were never handed on; deliver them and schedule the ticket again.
    func resumeAfterClaim(_ ticket: Ticket) async {
        if let due = dueAt(for: ticket) { schedule(.ticket(ticket.id), at: due) }
        await deliverAfterCommit()
    }

    /// The owed post in a pending record, or `nil` for one this desk cannot read (written by another
    /// version): it stays in the store for a person or a newer desk.
    private func decodeOwedPost(_ pending: PendingPolicyPost) -> OwedPolicyPost? {
        try? JSONDecoder().decode(OwedPolicyPost.self, from: pending.payload)
    }
}
