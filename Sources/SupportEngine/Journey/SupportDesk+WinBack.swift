import Foundation

extension SupportDesk {
    /// The work behind ``JourneyDesk/announceFix(_:reason:note:by:)``, which documents it.
    @discardableResult
    func announceFix(
        _ id: FixID,
        reason: ExitReason,
        note: String,
        by actor: SupportActor
    ) async throws -> WinBackResult {
        let policy = try journeyPolicy()
        guard actor.role == .owner else {
            throw DeskError(.notPermitted, "only the owner announces a fix to former members; \(actor) cannot")
        }
        guard policy.exitReasons.contains(reason) else {
            throw DeskError(.invalidInput, "reason '\(reason)' is not one the exit survey offers")
        }
        let candidate = FixAnnouncement(
            id: id,
            reason: reason,
            note: note.trimmingCharacters(in: .whitespacesAndNewlines),
            announcedAt: clock.now
        )
        try candidate.validate()
        var fix = candidate
        var before = false
        if !(try await journeys.recordFix(candidate)) {
            guard let recorded = try await journeys.fix(id) else {
                throw StoreError(.notFound, "fix \(id) was reported as recorded but cannot be read")
            }
            guard recorded.reason == reason else {
                throw DeskError(
                    .invalidInput,
                    "fix id '\(id)' was already announced for '\(recorded.reason)'; choose a new id for '\(reason)'"
                )
            }
            fix = recorded
            before = true
        }
        var sent: [MemberID] = []
        var skipped: [MemberID: String] = [:]
        var after: MemberID?
        repeat {
            let page = try await journeys.journeys(leftFor: reason, after: after, limit: 500)
            for stored in page where policy.owesWinBack(fix, to: stored.record) {
                switch try await sendWinBack(fix, to: stored.record.member, policy: policy) {
                case .sent: sent.append(stored.record.member)
                case .skipped(let why): skipped[stored.record.member] = why
                case nil: break
                }
            }
            after = page.count == 500 ? page.last?.record.member : nil
        } while after != nil
        await deliverNewMessages()
        return WinBackResult(fix: fix, wasAnnouncedBefore: before, sent: sent, skipped: skipped)
    }

    /// Sends (or records as skipped) one member's win-back; `nil` when it is not owed after all.
    private func sendWinBack(
        _ fix: FixAnnouncement,
        to member: MemberID,
        policy: JourneyPolicy
    ) async throws -> JourneyStepRecord.Outcome? {
        try await withMemberLock(member) {
            try await retryingConflicts("the win-back of member \(member)") {
                guard let stored = try await journeys.journey(of: member), policy.owesWinBack(fix, to: stored.record)
                else { return nil }
                let now = clock.now
                let step = JourneyStep.winBack(fix.id)
                let outcome: JourneyStepRecord.Outcome
                if let blocked = try await contactBlock(stored.record, at: now) {
                    outcome = .skipped(reason: blocked)
                } else {
                    let profile = try await profile(of: member)
                    let values = ["reason": exitReasonName(fix.reason, locale: profile.locale), "fix_note": fix.note]
                    let message = try await journeyMessage(step, to: stored.record, values: values, at: now)
                    try await commitJourneyMessages([message])
                    outcome = .sent
                }
                let record = stored.record.taking(step, outcome: outcome, at: now)
                try await journeys.saveJourney(record, expectedVersion: stored.record.version, dueAt: stored.dueAt)
                return outcome
            }
        }
    }
}
