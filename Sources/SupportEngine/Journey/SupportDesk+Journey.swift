import Foundation

extension SupportDesk {
    /// The work behind ``JourneyDesk/updateFacts(_:_:)``, which documents it.
    @discardableResult
    func updateMemberFacts(_ member: MemberID, _ facts: MemberFacts) async throws -> JourneyRecord {
        let policy = try journeyPolicy()
        try checkMember(member)
        return try await changeJourney(of: member, "updating the facts of member \(member)") { record, now in
            try record.updating(facts, policy: policy, at: now)
        }
    }

    /// The work behind ``JourneyDesk/importMember(_:_:)``, which documents it.
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

    /// The work behind ``JourneyDesk/memberJoined(_:at:trial:)``, which documents it.
    ///
    /// The decision — already in, a late copy of an earlier report, or a (re)join — is taken on the
    /// journey read under the member's lock, so a cancellation or an activity that lands meanwhile is
    /// never written over.
    @discardableResult
    func memberJoined(
        _ member: MemberID,
        at instant: Date? = nil,
        trial: Bool = false
    ) async throws
        -> JourneyRecord
    {
        let policy = try journeyPolicy()
        try checkMember(member)
        return try await changeJourney(of: member, "recording the join of member \(member)") { record, now in
            let joined = instant ?? now
            if record.membership > 0, record.facts.subscription != .none {
                // Already in: nothing changes, so a second report does not restart the newcomer period.
                guard record.facts.isLeaving else { return record }
                // A join dated before the member's departure is a late copy of an earlier report (a retried
                // webhook), not a return: the departure stands.
                if let departure = record.departures.last, joined < departure.at { return record }
            }
            let facts = MemberFacts(joinedAt: joined, lastActivityAt: joined, subscription: trial ? .trial : .active)
            return try record.updating(facts, policy: policy, at: now)
        }
    }

    /// The work behind ``JourneyDesk/recordActivity(of:at:)``, which documents it.
    @discardableResult
    func recordActivity(of member: MemberID, at instant: Date? = nil) async throws -> JourneyRecord {
        try await changeKnownFacts(of: member, "recording the activity of member \(member)") { facts, now in
            let at = instant ?? now
            facts.lastActivityAt = max(facts.lastActivityAt ?? at, at)
        }
    }

    /// The work behind ``JourneyDesk/memberCancelled(_:at:)``, which documents it.
    @discardableResult
    func memberCancelled(_ member: MemberID, at instant: Date? = nil) async throws -> JourneyRecord {
        try await changeKnownFacts(of: member, "recording the cancellation of member \(member)") { facts, now in
            facts.subscription = .cancelled
            facts.cancellationRequestedAt = facts.cancellationRequestedAt ?? instant ?? now
        }
    }

    /// The work behind ``JourneyDesk/setOptOut(_:_:by:)``, which documents it.
    @discardableResult
    func setJourneyOptOut(
        _ member: MemberID,
        _ optedOut: Bool,
        by actor: SupportActor
    ) async throws
        -> JourneyRecord
    {
        _ = try journeyPolicy()
        try checkActsFor(member, actor, what: "change the journey messages of")
        return try await changeJourney(of: member, "setting the opt-out of member \(member)") { record, _ in
            try Self.requireKnown(record)
            return record.settingOptOut(optedOut)
        }
    }

    /// The work behind ``JourneyDesk/answerExitSurvey(_:reasons:comment:by:)``, which documents it.
    @discardableResult
    func answerExitSurvey(
        _ member: MemberID,
        reasons: [ExitReason],
        comment: String? = nil,
        by actor: SupportActor
    ) async throws -> JourneyRecord {
        let policy = try journeyPolicy()
        try checkActsFor(member, actor, what: "answer the exit survey of")
        return try await changeJourney(of: member, "storing the exit survey of member \(member)") { record, now in
            try Self.requireKnown(record)
            return try record.answeringExitSurvey(
                ExitSurveyAnswer(reasons: reasons, comment: comment, at: now),
                policy: policy
            )
        }
    }

    /// The work behind ``JourneyDesk/record(of:)``, which documents it.
    func journeyRecord(of member: MemberID) async throws -> JourneyRecord? {
        try await journeys.journey(of: member)?.record
    }

    /// The work behind ``JourneyDesk/segment(of:)``, which documents it.
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

    /// Throws when the desk has no facts of the record's member yet.
    private static func requireKnown(_ record: JourneyRecord) throws {
        guard record.version > 0 else {
            throw DeskError(.notFound, "the desk has no facts of member \(record.member): report the join first")
        }
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
            try Self.requireKnown(record)
            var facts = record.facts
            change(&facts, now)
            return try record.updating(facts, policy: policy, at: now)
        }
    }

    /// Changes a member's journey and takes the steps that fall due, under the member's lock: the read,
    /// the decision and the write, again from a fresh read on a conflict. Every read-modify-write of a
    /// journey goes through here (or takes the member's lock itself); the lock is not reentrant, so
    /// `change` must not call back into the journey.
    ///
    /// A change that leaves the record as it was (same version) writes nothing.
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
                guard changed.version != read.version else { return read }
                return try await takeDueSteps(of: changed, readVersion: read.version, storedDue: stored?.dueAt, at: now)
            }
        }
        await deliverNewMessages()
        return record
    }

    /// Runs a member's journey timer when the stored due instant has come; a timer that woke early (an
    /// activity moved the next step later since it was scheduled) is put back at the stored instant.
    func fireJourney(of member: MemberID, now: Date) async throws {
        try await withMemberLock(member) {
            try await retryingConflicts("journey steps of member \(member)") {
                guard let stored = try await journeys.journey(of: member), let due = stored.dueAt else { return }
                guard due <= now else {
                    schedule(.member(member), at: due)
                    return
                }
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
