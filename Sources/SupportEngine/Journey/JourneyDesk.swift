import Foundation

/// The member journey: facts from the club, segments, welcome and check-ins, the exit survey, fixes and win-backs, "you said, we did".
///
/// Reach it through ``SupportDesk/journey``; it is a small value that forwards to the desk, so it can be
/// kept and passed around freely.
public struct JourneyDesk: Sendable {
    /// The desk this façade works on.
    let desk: SupportDesk

    /// Tells the desk what the host knows about a member now: joined, active, cancelled, lapsed.
    ///
    /// The desk stores the facts in the member's journey, recomputes the segment (the one routing
    /// uses), and takes every journey step that falls due: the welcome and the onboarding check-in after
    /// joining, the thank-you with the exit survey after a cancellation. Later steps (the check-in,
    /// quiet check-ins) run from the due-work timer, see ``SupportDesk/processDueWork()``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - facts: What the host knows now.
    /// - Returns: The member's journey after the update and the steps it caused.
    /// - Throws: ``DeskError`` with ``DeskError/Code/invalidInput`` when the journey is off
    ///   (``DeskConfiguration/journey`` is `nil`) or the member id is malformed; ``JourneyError`` with
    ///   ``JourneyError/Code/invalidFacts`` for contradicting facts; ``StoreError`` when a store fails.
    @discardableResult
    public func updateFacts(
        _ member: MemberID,
        _ facts: MemberFacts
    ) async throws -> JourneyRecord {
        try await desk.updateMemberFacts(member, facts)
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
    ///   journey (use ``updateFacts(_:_:)``); otherwise as ``updateFacts(_:_:)``.
    @discardableResult
    public func importMember(
        _ member: MemberID,
        _ facts: MemberFacts
    ) async throws -> JourneyRecord {
        try await desk.importMember(member, facts)
    }

    /// Records that a member joined now (or at `instant`), with an active subscription, or a trial.
    ///
    /// Reporting the join of a member who is already in (not leaving) changes nothing, so a host that
    /// reports twice does not restart the newcomer period; a member who left joins again. A join dated
    /// before the member's departure is a late copy of an earlier report (a retried webhook) and changes
    /// nothing either: the cancellation stands. The decision is taken on the journey as it is when the
    /// call's turn comes, so joins, activities and cancellations that race each other all stand.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - instant: When they joined; now by default.
    ///   - trial: Whether they joined on a trial.
    /// - Returns: The member's journey.
    /// - Throws: As ``updateFacts(_:_:)``.
    @discardableResult
    public func memberJoined(
        _ member: MemberID,
        at instant: Date? = nil,
        trial: Bool = false
    ) async throws -> JourneyRecord {
        try await desk.memberJoined(member, at: instant, trial: trial)
    }

    /// Records a member's activity in the club (a visit, a post, a lesson), which keeps them from
    /// counting as quiet.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - instant: When; now by default.
    /// - Returns: The member's journey.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` when the desk has no facts of the
    ///   member yet (report the join first); otherwise as ``updateFacts(_:_:)``.
    @discardableResult
    public func recordActivity(
        of member: MemberID,
        at instant: Date? = nil
    ) async throws -> JourneyRecord {
        try await desk.recordActivity(of: member, at: instant)
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
    public func memberCancelled(
        _ member: MemberID,
        at instant: Date? = nil
    ) async throws -> JourneyRecord {
        try await desk.memberCancelled(member, at: instant)
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
    public func setOptOut(
        _ member: MemberID,
        _ optedOut: Bool,
        by actor: SupportActor
    ) async throws -> JourneyRecord {
        try await desk.setJourneyOptOut(member, optedOut, by: actor)
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
    public func answerExitSurvey(
        _ member: MemberID,
        reasons: [ExitReason],
        comment: String? = nil,
        by actor: SupportActor
    ) async throws -> JourneyRecord {
        try await desk.answerExitSurvey(member, reasons: reasons, comment: comment, by: actor)
    }

    /// A member's journey, for the support side.
    ///
    /// - Parameter member: The member.
    /// - Returns: The journey, or `nil` when the desk has no facts of the member.
    /// - Throws: ``StoreError`` when the store fails.
    public func record(
        of member: MemberID
    ) async throws -> JourneyRecord? {
        try await desk.journeyRecord(of: member)
    }

    /// The member's segment now: from their journey when the desk has their facts, otherwise what the
    /// ``MemberDirectory`` says. Routing uses the same segment.
    ///
    /// - Parameter member: The member.
    /// - Returns: The segment.
    /// - Throws: Whatever the directory or the store throws.
    public func segment(
        of member: MemberID
    ) async throws -> MemberSegment {
        try await desk.segment(of: member)
    }

    /// Announces that a reason members left for is fixed, and writes to every former member it answers.
    ///
    /// Each member who left by choice, named `reason` in their exit survey before now, has not
    /// rejoined and has not opted out gets one win-back that names the fix and thanks them for the
    /// feedback — unless moderation removed or suspended them (they are listed as skipped). A member
    /// gets a fix's win-back once: announcing the same id again sends only to members a first run
    /// did not reach (say, because the desk stopped half-way).
    ///
    /// - Parameters:
    ///   - id: The fix's id, chosen by the owner, such as `"pricing-2026-12"`.
    ///   - reason: The exit reason it answers; one of ``JourneyPolicy/exitReasons``.
    ///   - note: What changed, in a sentence or two, in the owner's words; sent as written.
    ///   - actor: The owner.
    /// - Returns: Who got it and who was passed over.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for anyone but the owner,
    ///   ``DeskError/Code/invalidInput`` for a reason the survey does not offer or a fix id used before
    ///   for another reason; ``JourneyError`` with ``JourneyError/Code/invalidFix`` for a bad id or note.
    @discardableResult
    public func announceFix(
        _ id: FixID,
        reason: ExitReason,
        note: String,
        by actor: SupportActor
    ) async throws -> WinBackResult {
        try await desk.announceFix(id, reason: reason, note: note, by: actor)
    }

    /// Publishes a "you said, we did" note to the members whose feedback it answers.
    ///
    /// Each distinct requester of `tickets` gets one message quoting what they said (the ticket's
    /// subject, as data) and the owner's note. Publishing the same id again writes to nobody twice.
    /// Members who opted out of journey messages, or who are removed or suspended, are passed over.
    ///
    /// - Parameters:
    ///   - id: The note's id, chosen by the owner.
    ///   - note: What the club did, in the owner's words; at most 1,000 characters.
    ///   - tickets: The feedback tickets it answers.
    ///   - actor: The owner.
    /// - Returns: The members written to now.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for anyone but the owner,
    ///   ``DeskError/Code/invalidInput`` for a bad id, an empty or long note, or no tickets,
    ///   ``DeskError/Code/notFound`` for an unknown ticket (nothing is sent then).
    @discardableResult
    public func publishYouSaidWeDid(
        _ id: FeedbackNoteID,
        note: String,
        answering tickets: [TicketID],
        by actor: SupportActor
    ) async throws -> [MemberID] {
        try await desk.publishYouSaidWeDid(id, note: note, answering: tickets, by: actor)
    }
}

extension SupportDesk {
    /// The member journey: facts from the club, segments, welcome and check-ins, the exit survey, fixes and win-backs, "you said, we did".
    public nonisolated var journey: JourneyDesk { JourneyDesk(desk: self) }
}
