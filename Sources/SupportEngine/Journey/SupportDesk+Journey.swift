import Foundation

extension SupportDesk {
    /// Tells the desk what the host knows about a member now: joined, active, cancelled, lapsed.
    ///
    /// The desk stores the facts in the member's journey, recomputes the segment (the one routing
    /// uses), and takes every journey step that falls due: the welcome and the onboarding check-in after
    /// joining, the thank-you with the exit survey after a cancellation. Later steps (the check-in,
    /// quiet check-ins) run from the due-work timer, see ``processDueWork()``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - facts: What the host knows now.
    /// - Returns: The member's journey after the update and the steps it caused.
    /// - Throws: ``DeskError`` with ``DeskError/Code/invalidInput`` when the journey is off
    ///   (``DeskConfiguration/journey`` is `nil`) or the member id is malformed; ``JourneyError`` with
    ///   ``JourneyError/Code/invalidFacts`` for contradicting facts; ``StoreError`` when a store fails.
    @discardableResult
    func updateMemberFacts(_ member: MemberID, _ facts: MemberFacts) async throws -> JourneyRecord {
        let policy = try journeyPolicy()
        try checkMember(member)
        return try await changeJourney(of: member, "updating the facts of member \(member)") { record, now in
            try record.updating(facts, policy: policy, at: now)
        }
    }

    /// Brings a member the club already has into the journey without writing to them: the steps that
    /// would be due at once (a welcome, a quiet check-in, an exit survey) are recorded as skipped,
    /// "handled before the desk". Later steps — the onboarding check-in of a recent joiner, the next
    /// quiet check-in — go out as usual. Use it when the journey goes live, so existing members are not
    /// all written to on day one.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - facts: What the host knows about them.
    /// - Returns: The member's journey.
    /// - Throws: ``DeskError`` with ``DeskError/Code/conflict`` when the desk already has the member's
    ///   journey (use ``updateMemberFacts(_:_:)``); otherwise as ``updateMemberFacts(_:_:)``.
    @discardableResult
    func importMember(_ member: MemberID, _ facts: MemberFacts) async throws -> JourneyRecord {
        let policy = try journeyPolicy()
        try checkMember(member)
        return try await changeJourney(of: member, "importing member \(member)") { record, now in
            guard record.version == 0 else {
                throw DeskError(
                    .conflict,
                    "the desk already has the journey of member \(member); report changes with journey.updateFacts"
                )
            }
            var imported = try record.updating(facts, policy: policy, at: now)
            for step in policy.dueSteps(for: imported, at: now) {
                imported = imported.taking(step, outcome: .skipped(reason: "handled before the desk"), at: now)
            }
            return imported
        }
    }

    /// Records that a member joined now (or at `instant`), with an active subscription, or a trial.
    ///
    /// Reporting the join of a member who is already in (not leaving) changes nothing, so a host that
    /// reports twice does not restart the newcomer period; a member who left joins again.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - instant: When they joined; now by default.
    ///   - trial: Whether they joined on a trial.
    /// - Returns: The member's journey.
    /// - Throws: As ``updateMemberFacts(_:_:)``.
    @discardableResult
    func memberJoined(
        _ member: MemberID,
        at instant: Date? = nil,
        trial: Bool = false
    ) async throws
        -> JourneyRecord
    {
        _ = try journeyPolicy()
        if let current = try await journeys.journey(of: member)?.record, current.membership > 0,
            current.facts.subscription != .none, !current.facts.isLeaving
        {
            return current
        }
        let joined = instant ?? clock.now
        return try await updateMemberFacts(
            member,
            MemberFacts(joinedAt: joined, lastActivityAt: joined, subscription: trial ? .trial : .active)
        )
    }

    /// Records a member's activity in the club (a visit, a post, a lesson), which keeps them from
    /// counting as quiet.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - instant: When; now by default.
    /// - Returns: The member's journey.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` when the desk has no facts of the
    ///   member yet (report the join first); otherwise as ``updateMemberFacts(_:_:)``.
    @discardableResult
    func recordActivity(of member: MemberID, at instant: Date? = nil) async throws -> JourneyRecord {
        try await changeKnownFacts(of: member, "recording the activity of member \(member)") { facts, now in
            let at = instant ?? now
            facts.lastActivityAt = max(facts.lastActivityAt ?? at, at)
        }
    }

    /// Records that a member cancelled by their own choice: the desk thanks them and sends the exit
    /// survey.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - instant: When they asked to cancel; now by default.
    /// - Returns: The member's journey.
    /// - Throws: As ``recordActivity(of:at:)``.
    @discardableResult
    func memberCancelled(_ member: MemberID, at instant: Date? = nil) async throws -> JourneyRecord {
        try await changeKnownFacts(of: member, "recording the cancellation of member \(member)") { facts, now in
            facts.subscription = .cancelled
            facts.cancellationRequestedAt = facts.cancellationRequestedAt ?? instant ?? now
        }
    }

    /// Turns a member's journey messages (check-ins, surveys, win-backs) off or on again.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - optedOut: Whether they want none.
    ///   - actor: The member themselves, or a person on staff acting on their word.
    /// - Returns: The member's journey.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for another member;
    ///   ``DeskError/Code/notFound`` when the desk has no facts of the member.
    @discardableResult
    func setJourneyOptOut(
        _ member: MemberID,
        _ optedOut: Bool,
        by actor: SupportActor
    ) async throws
        -> JourneyRecord
    {
        try checkActsFor(member, actor, what: "change the journey messages of")
        _ = try await knownFacts(of: member)
        return try await changeJourney(of: member, "setting the opt-out of member \(member)") { record, _ in
            record.settingOptOut(optedOut)
        }
    }

    /// Stores a leaver's answer to the exit survey in their journey: the reasons the win-back later
    /// reads.
    ///
    /// - Parameters:
    ///   - member: The member who left.
    ///   - reasons: The reasons chosen from ``JourneyPolicy/exitReasons``.
    ///   - comment: Their own words, if any.
    ///   - actor: The member themselves, or the system for the host's survey form.
    /// - Returns: The member's journey.
    /// - Throws: ``JourneyError`` with ``JourneyError/Code/invalidAnswer``,
    ///   ``JourneyError/Code/notLeaving`` or ``JourneyError/Code/alreadyAnswered``; ``DeskError`` with
    ///   ``DeskError/Code/notPermitted`` for another member, ``DeskError/Code/notFound`` for an
    ///   unknown one.
    @discardableResult
    func answerExitSurvey(
        _ member: MemberID,
        reasons: [ExitReason],
        comment: String? = nil,
        by actor: SupportActor
    ) async throws -> JourneyRecord {
        let policy = try journeyPolicy()
        try checkActsFor(member, actor, what: "answer the exit survey of")
        _ = try await knownFacts(of: member)
        return try await changeJourney(of: member, "storing the exit survey of member \(member)") { record, now in
            try record.answeringExitSurvey(
                ExitSurveyAnswer(reasons: reasons, comment: comment, at: now),
                policy: policy
            )
        }
    }

    /// A member's journey, for the support side.
    ///
    /// - Parameter member: The member.
    /// - Returns: The journey, or `nil` when the desk has no facts of the member.
    /// - Throws: ``StoreError`` when the store fails.
    func journeyRecord(of member: MemberID) async throws -> JourneyRecord? {
        try await journeys.journey(of: member)?.record
    }

    /// The member's segment now: from their journey when the desk has their facts, otherwise what the
    /// ``MemberDirectory`` says. Routing uses the same segment.
    ///
    /// - Parameter member: The member.
    /// - Returns: The segment.
    /// - Throws: Whatever the directory or the store throws.
    func segment(of member: MemberID) async throws -> MemberSegment {
        try await profile(of: member).segment
    }

    // MARK: - Internals

    func journeyPolicy() throws -> JourneyPolicy {
        guard let policy = configuration.journey else {
            throw DeskError(
                .invalidInput,
                "the member journey is off: set DeskConfiguration.journey to a JourneyPolicy"
            )
        }
        if let journeyPolicyProblem { throw journeyPolicyProblem }
        return policy
    }

    /// The journey's segment for a member, when the journey is on and knows the member.
    func journeySegment(of member: MemberID) async throws -> MemberSegment? {
        guard let policy = configuration.journey,
            let stored = try await journeys.journey(of: member), stored.record.membership > 0
        else { return nil }
        return policy.segment(for: stored.record.facts, previous: stored.record.segment, at: clock.now)
    }

    private func checkMember(_ member: MemberID) throws {
        guard member.isWellFormed else {
            throw DeskError(.invalidInput, "member id '\(member)' must be 1 to 200 printable characters")
        }
    }

    private func checkActsFor(_ member: MemberID, _ actor: SupportActor, what: String) throws {
        if let acting = actor.memberID, acting != member {
            throw DeskError(.notPermitted, "member \(acting) cannot \(what) member \(member)")
        }
    }

    private func knownFacts(of member: MemberID) async throws -> MemberFacts {
        _ = try journeyPolicy()
        guard let stored = try await journeys.journey(of: member), stored.record.version > 0 else {
            throw DeskError(.notFound, "the desk has no facts of member \(member): report the join first")
        }
        return stored.record.facts
    }

    /// Changes the facts the desk already has of a member, reading them under the member's lock (and again
    /// on every retry), so that two changes — an activity and a cancellation — both stand; a change made
    /// from facts read earlier would write the old subscription back over the new one.
    private func changeKnownFacts(
        of member: MemberID,
        _ what: String,
        _ change: @escaping @Sendable (inout MemberFacts, Date) -> Void
    ) async throws -> JourneyRecord {
        let policy = try journeyPolicy()
        try checkMember(member)
        return try await changeJourney(of: member, what) { record, now in
            guard record.version > 0 else {
                throw DeskError(.notFound, "the desk has no facts of member \(member): report the join first")
            }
            var facts = record.facts
            change(&facts, now)
            return try record.updating(facts, policy: policy, at: now)
        }
    }

    /// Changes a member's journey and takes the steps that fall due, under the member's lock.
    func changeJourney(
        of member: MemberID,
        _ what: String,
        _ change: @Sendable (JourneyRecord, Date) throws -> JourneyRecord
    ) async throws -> JourneyRecord {
        let record = try await withMemberLock(member) {
            try await retryingConflicts(what) {
                let stored = try await journeys.journey(of: member)
                let now = clock.now
                let read = stored?.record ?? JourneyRecord(member: member)
                let changed = try change(read, now)
                return try await takeDueSteps(of: changed, readVersion: read.version, storedDue: stored?.dueAt, at: now)
            }
        }
        await deliverNewMessages()
        return record
    }

    /// Runs a member's journey timer.
    func fireJourney(of member: MemberID, scheduledFor due: Date, now: Date) async throws {
        try await withMemberLock(member) {
            try await retryingConflicts("journey steps of member \(member)") {
                guard let stored = try await journeys.journey(of: member), stored.dueAt == due else { return }
                _ = try await takeDueSteps(
                    of: stored.record,
                    readVersion: stored.record.version,
                    storedDue: stored.dueAt,
                    at: now
                )
            }
        }
    }
}
