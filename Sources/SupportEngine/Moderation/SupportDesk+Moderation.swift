import Foundation

extension SupportDesk {
    /// The work behind ``ModerationDesk/report(on:message:violation:by:)``, which documents it.
    @discardableResult
    func reportConduct(
        on ticket: TicketID,
        message: MessageID,
        violation: Violation,
        by actor: SupportActor
    ) async throws -> DeskModerationResult {
        guard actor.isStaff else {
            throw DeskError(.notPermitted, "\(actor) is a member and cannot report conduct; only staff moderate")
        }
        var violation = violation
        violation.ticket = ticket
        violation.message = message
        let reported = violation
        guard let first = try await store.ticket(ticket) else { throw notFound(ticket) }
        let finished = try await finishOwedPosts(of: first.ticket.requester)
        let step = try await retryingConflicts("reporting message \(message) on ticket \(ticket)") {
            () -> ModerationStep in
            guard let stored = try await store.ticket(ticket) else { throw notFound(ticket) }
            let member = stored.ticket.requester
            guard
                stored.ticket.messages.contains(where: {
                    $0.id == message && $0.kind == .memberMessage && $0.author == .member(member)
                })
            else {
                throw DeskError(
                    .invalidInput,
                    "message \(message) is not a message of member \(member) on ticket \(ticket); report the "
                        + "member's own message"
                )
            }
            let (current, version) = try await currentLedger(of: member)
            if let earlier = current.entries.first(where: {
                $0.action.isPenalty && $0.ticket == ticket && $0.message == message
                    && current.reversal(of: $0.id) == nil
            }) {
                // The retry of this report whose post failed: the post is finished now, the call succeeds.
                if let done = finished.values.first(where: {
                    Self.isModeration($0.owed, entry: earlier.id, of: member, by: actor)
                }) {
                    return .repeated(done, current)
                }
                // The retry of a report whose answer was lost (the post already stands, finished by this
                // desk before it answered or by another desk): the same moderator reporting the same
                // message for the same rule gets the recorded decision back.
                if earlier.actor == actor, earlier.violation?.kind == reported.kind {
                    return .recordedEarlier(recordedDecision(earlier, in: current), current, stored.ticket)
                }
                throw DeskError(
                    .conflict,
                    "message \(message) on ticket \(ticket) already carries a \(earlier.action.rawValue) "
                        + "(ledger entry \(earlier.id) by \(earlier.actor)); reverse it first to report it again"
                )
            }
            let decision = try moderating {
                try configuration.moderation.decide(violation: reported, ledger: current, actor: actor, at: clock.now)
            }
            // Rendered before the ledger is saved, so a missing template leaves nothing half-written.
            let post = try await moderationPost(decision, violation: reported, on: stored.ticket)
            return try await save(decision, on: current, storedVersion: version, post: post, on: ticket, by: actor)
        }
        return try await finishStep(step)
    }

    /// The work behind ``ModerationDesk/approveRemoval(of:note:by:)``, which documents it.
    @discardableResult
    func approveRemoval(
        of member: MemberID,
        note: String = "",
        by actor: SupportActor
    ) async throws
        -> DeskModerationResult
    {
        try requireOwner(actor, "approve the removal of a paying member")
        return try await resolveLedger(
            of: member,
            by: actor,
            what: "approving the removal of \(member)",
            repeating: .removalApproved
        ) {
            ledger,
            now in
            try ledger.approvePendingRemoval(by: actor, at: now, note: note)
        }
    }

    /// The work behind ``ModerationDesk/declineRemoval(of:note:by:)``, which documents it.
    @discardableResult
    func declineRemoval(
        of member: MemberID,
        note: String = "",
        by actor: SupportActor
    ) async throws
        -> DeskModerationResult
    {
        try requireOwner(actor, "decline the removal of a paying member")
        return try await resolveLedger(
            of: member,
            by: actor,
            what: "declining the removal of \(member)",
            repeating: .removalDeclined
        ) {
            ledger,
            now in
            try ledger.declinePendingRemoval(by: actor, at: now, note: note)
        }
    }

    /// The work behind ``ModerationDesk/reverse(of:entry:note:by:)``, which documents it.
    @discardableResult
    func reverseModeration(
        of member: MemberID,
        entry: Int,
        note: String = "",
        by actor: SupportActor
    ) async throws -> DeskModerationResult {
        guard actor.role == .agent || actor.role == .owner else {
            throw DeskError(.notPermitted, "only a person on staff reverses a penalty; \(actor) cannot")
        }
        return try await resolveLedger(
            of: member,
            by: actor,
            what: "reversing entry \(entry) of \(member)",
            repeating: .reversal,
            of: entry
        ) {
            ledger,
            now in
            try ledger.reverse(entry: entry, by: actor, at: now, note: note)
        }
    }

    /// The work behind ``ModerationDesk/mayReceiveReengagement(_:)``, which documents it.
    func mayReceiveReengagement(_ member: MemberID) async throws -> Bool {
        try await ledgers.moderationLedger(of: member)?.mayReceiveReengagement(at: clock.now) ?? true
    }

    /// The work behind ``ModerationDesk/ledger(of:)``, which documents it.
    func moderationLedger(of member: MemberID) async throws -> MemberLedger? {
        try await ledgers.moderationLedger(of: member)
    }

    /// Decides a resolution on the fresh ledger, saves it with the post it owes (deciding again on a
    /// version conflict), and puts the note and the member's message on the ticket of the entry it acts on.
    ///
    /// When the ledger refuses the resolution because it was made already, and this call just finished
    /// the owed post of such a resolution (`action`, of entry `target` when given, by the same actor),
    /// the call is the retry of one whose post failed, and succeeds.
    private func resolveLedger(
        of member: MemberID,
        by actor: SupportActor,
        what: String,
        repeating action: ModerationAction,
        of target: Int? = nil,
        _ resolve: (MemberLedger, Date) throws -> ModerationDecision
    ) async throws -> DeskModerationResult {
        let finished = try await finishOwedPosts(of: member)
        let step = try await retryingConflicts(what) { () -> ModerationStep in
            let (current, version) = try await currentLedger(of: member)
            let decision: ModerationDecision
            do {
                decision = try moderating { try resolve(current, clock.now) }
            } catch let error as ModerationError {
                let done = finished.values.first { done in
                    guard case .moderation(let earlier) = done.owed.change else { return false }
                    return earlier.entry.actor == actor && earlier.action == action
                        && (target == nil || earlier.entry.target == target)
                }
                guard let done else { throw error }
                return .repeated(done, current)
            }
            let violation = decision.entry.target.flatMap { current.entry($0) }?.violation
            var post: PolicyPost?
            if let id = violation?.ticket, let stored = try await store.ticket(id) {
                post = try await moderationPost(decision, violation: violation, on: stored.ticket)
            }
            return try await save(
                decision,
                on: current,
                storedVersion: version,
                post: post,
                on: violation?.ticket,
                by: actor
            )
        }
        return try await finishStep(step)
    }

    /// What a moderation call's deciding step ended with.
    private enum ModerationStep: Sendable {
        /// The change was made by an earlier call, whose owed post this call finished.
        case repeated(FinishedPolicyPost, MemberLedger)
        /// The call saved the ledger; the change owes this post, if any.
        case recorded(ModerationDecision, MemberLedger, OwedPolicyPost?)
        /// The change was recorded and posted by an earlier call; nothing is owed.
        case recordedEarlier(ModerationDecision, MemberLedger, Ticket)
    }

    /// The decision that appended `entry` to `ledger`, decided again on the ledger as it stood before the
    /// entry, at the entry's instant; when the policy changed since and decides otherwise, the entry with
    /// the rule `recorded`.
    private func recordedDecision(_ entry: LedgerEntry, in ledger: MemberLedger) -> ModerationDecision {
        if let violation = entry.violation,
            let before = try? MemberLedger(
                member: ledger.member,
                isPaying: ledger.isPaying,
                entries: Array(ledger.entries.prefix(entry.id - 1)),
                version: entry.id - 1
            ),
            var again = try? configuration.moderation.decide(
                violation: violation,
                ledger: before,
                actor: entry.actor,
                at: entry.at
            ),
            again.entry.action == entry.action
        {
            again.entry = entry
            return again
        }
        return ModerationDecision(
            member: ledger.member,
            basedOnVersion: entry.id - 1,
            entry: entry,
            rule: "recorded",
            templateKey: nil
        )
    }

    /// Posts what a saved change owes, or returns the repeated one with its ticket.
    private func finishStep(_ step: ModerationStep) async throws -> DeskModerationResult {
        let result: DeskModerationResult
        switch step {
        case .repeated(let done, let ledger):
            guard case .moderation(let decision) = done.owed.change else {
                preconditionFailure("a moderation step repeats a moderation change")
            }
            result = DeskModerationResult(decision: decision, ledger: ledger, ticket: done.ticket, isRepeat: true)
        case .recordedEarlier(let decision, let ledger, let ticket):
            result = DeskModerationResult(decision: decision, ledger: ledger, ticket: ticket, isRepeat: true)
        case .recorded(let decision, let ledger, let owed):
            var ticket: Ticket?
            if let owed { ticket = try await finish(owed) }
            result = DeskModerationResult(decision: decision, ledger: ledger, ticket: ticket)
        }
        let entry = result.decision.entry
        if entry.action == .removal || entry.action == .removalApproved, let access {
            let member = result.ledger.member
            try await access.revokeAccess(
                AccessRevocation(member: member, cause: .removal(ledgerEntry: entry.id), decidedAt: entry.at)
            )
        }
        return result
    }

    /// Whether an owed post announces ledger entry `entry` of `member`, made by `actor`.
    private static func isModeration(
        _ owed: OwedPolicyPost,
        entry: Int,
        of member: MemberID,
        by actor: SupportActor
    ) -> Bool {
        guard case .moderation(let decision) = owed.change else { return false }
        return decision.member == member && decision.entry.id == entry && decision.entry.actor == actor
    }

    /// The member's ledger with their paying state from the directory, and the version stored.
    private func currentLedger(of member: MemberID) async throws -> (MemberLedger, Int) {
        let paying = try await profile(of: member).isPaying
        let stored = try await ledgers.moderationLedger(of: member)
        let ledger = (stored ?? MemberLedger(member: member, isPaying: paying)).settingPaying(paying)
        return (ledger, stored?.version ?? 0)
    }

    /// Applies a decision and saves the ledger over the version read, with the post the change owes on
    /// `ticket` (claimed by a key naming the new entry, so it is never posted twice); a conflict is a
    /// `StoreError`.
    private func save(
        _ decision: ModerationDecision,
        on ledger: MemberLedger,
        storedVersion: Int,
        post: PolicyPost?,
        on ticket: TicketID?,
        by actor: SupportActor
    ) async throws -> ModerationStep {
        let updated = try moderating { try ledger.applying(decision) }
        var decision = decision
        decision.entry.id = updated.entries.count
        var owed: OwedPolicyPost?
        if var post, let ticket {
            post.claim = Self.moderationKey(entry: decision.entry.id, of: decision.member)
            owed = OwedPolicyPost(
                change: .moderation(decision),
                post: post,
                ticket: ticket,
                newTicket: nil,
                actor: actor
            )
        }
        try await ledgers.saveModerationLedger(updated, expectedVersion: storedVersion, owing: try owed?.pending())
        return .recorded(decision, updated, owed)
    }

    /// The key a moderation change's post writes: the post stands once the key is on a ticket.
    static func moderationKey(entry: Int, of member: MemberID) -> ExternalMessageKey {
        ExternalMessageKey(
            channel: ChannelKind(rawValue: "moderation_entry"),
            externalID: CompositeKey.join([member.rawValue, String(entry)])
        )
    }

    /// The note and the member's message of a decision, for the ticket its violation happened in.
    private func moderationPost(
        _ decision: ModerationDecision,
        violation: Violation?,
        on ticket: Ticket
    ) async throws -> PolicyPost {
        var message: PolicyPost.RenderedMessage?
        if let raw = decision.templateKey {
            let member = try await profile(of: decision.member)
            let locale = language(of: ticket, for: member)
            let key = TemplateKey(rawValue: raw)
            let values = moderationValues(decision, violation: violation, member: member, locale: locale)
            message = PolicyPost.RenderedMessage(
                body: try configuration.templates.render(key, for: locale, values: values),
                key: key
            )
        }
        let settles = decision.action == .removalApproved || decision.action == .removalDeclined
        return PolicyPost(
            memberWords: nil,
            note: PolicyNotes.moderation(decision, violation: violation),
            memberMessage: message,
            addTag: decision.action == .pendingRemoval ? Self.pendingRemovalTag : nil,
            removeTag: settles ? Self.pendingRemovalTag : nil
        )
    }

    /// The values moderation templates may use.
    private func moderationValues(
        _ decision: ModerationDecision,
        violation: Violation?,
        member: MemberProfile,
        locale: LocaleTag
    ) -> [String: String] {
        let kind = violation?.kind ?? ViolationKind(rawValue: "rules")
        let named = try? configuration.templates.render(PolicyTemplateKeys.ruleName(kind), for: locale, values: [:])
        let link = rulesLink(in: locale)
        let zone = member.timeZone ?? configuration.boundaries?.hours.configuration.timeZone ?? "UTC"
        return [
            "member_name": member.displayName,
            "rule": named ?? kind.rawValue.replacingOccurrences(of: "_", with: " "),
            "rules_link": link ?? "",
            "suspended_until": decision.entry.until.map { timeFormatter.format($0, locale: locale, timeZone: zone) }
                ?? "-",
        ]
    }

    /// The link to the published rules a moderation message gives: the host's own
    /// ``PolicyTemplateKeys/rulesLink`` template for the language when it set one, else
    /// ``DeskConfiguration/rulesLink``, else the built-in template.
    func rulesLink(in locale: LocaleTag) -> String? {
        let key = PolicyTemplateKeys.rulesLink
        let own = configuration.templates.template(key, for: locale)
        if let configured = configuration.rulesLink,
            own == nil || own == TemplateCatalog.builtIn.template(key, for: locale)
        {
            return configured
        }
        return try? configuration.templates.render(key, for: locale, values: [:])
    }

    /// The tag on the ticket of a removal that waits for the owner.
    static let pendingRemovalTag = "removal-pending"

    private func requireOwner(_ actor: SupportActor, _ step: String) throws {
        switch actor.role {
        case .owner: return
        case .member: throw DeskError(.notPermitted, "a member cannot \(step); only the owner can")
        case .agent, .system:
            throw DeskError(.notPermitted, "only the owner may \(step); \(actor) has the \(actor.role.rawValue) role")
        }
    }

    /// Runs a moderation step, turning the ladder's role refusals into ``DeskError/Code/notPermitted``.
    private func moderating<Value>(_ step: () throws -> Value) throws -> Value {
        do {
            return try step()
        } catch let error as ModerationError where error.code == .notAuthorized {
            throw DeskError(.notPermitted, error.message)
        }
    }
}
