import Foundation

extension JourneyPolicy {
    /// The journey steps due for a member at an instant, in the order to take them.
    ///
    /// - The welcome, at ``welcomeDelay`` after joining, and the onboarding check-in, at
    ///   ``onboardingCheckInDelay``, once per membership and only while the member is still a newcomer:
    ///   a member imported long after joining gets neither.
    /// - A quiet check-in while the member is `MemberSegment.quiet`, at most once per
    ///   ``quietCheckInInterval``, never to a member who opted out.
    /// - The exit survey when a member cancels by choice (not when a subscription lapses), once per
    ///   departure: a member who withdrew a cancellation and cancels again is asked again. Only within
    ///   ``exitSurveyWindow`` of the cancellation: a member reported as cancelled long ago is not asked.
    ///
    /// The desk takes each due step: it sends the message, or records it as skipped when the member
    /// opted out, is suspended or removed. Either way the step is not due again.
    ///
    /// - Parameters:
    ///   - record: The member's journey.
    ///   - instant: Now.
    /// - Returns: The due steps.
    public func dueSteps(for record: JourneyRecord, at instant: Date) -> [JourneyStep] {
        candidates(for: record, at: instant).filter { $0.due <= instant }.map(\.step)
    }

    /// The earliest instant a step of the member's journey falls due, or `nil` when none is waiting.
    ///
    /// An instant at or before `instant` means a step is due now. Steps whose window has passed (the
    /// welcome of a member who is no longer a newcomer) are not counted.
    ///
    /// - Parameters:
    ///   - record: The member's journey.
    ///   - instant: Now.
    /// - Returns: The instant, or `nil`.
    public func nextDue(for record: JourneyRecord, at instant: Date) -> Date? {
        candidates(for: record, at: instant).map(\.due).min()
    }

    /// Whether a fix's win-back is owed to a member.
    ///
    /// Owed to a former member who left by choice, named the fix's reason in their exit survey before
    /// the fix was announced, has not rejoined, has not opted out, and has not had this fix's win-back.
    /// (The desk also checks that the member is not removed or suspended.)
    ///
    /// - Parameters:
    ///   - fix: The announced fix.
    ///   - record: The member's journey.
    /// - Returns: Whether to send it.
    public func owesWinBack(_ fix: FixAnnouncement, to record: JourneyRecord) -> Bool {
        guard record.facts.isLeaving, !record.optedOut, let departure = record.currentDeparture, departure.voluntary,
            let answer = departure.answer, answer.reasons.contains(fix.reason), answer.at <= fix.announcedAt
        else { return false }
        return !record.hasTaken(.winBack(fix.id))
    }

    private func candidates(for record: JourneyRecord, at instant: Date) -> [(step: JourneyStep, due: Date)] {
        let membership = record.membership
        let facts = record.facts
        guard membership > 0, let joined = facts.joinedAt else { return [] }
        var result: [(step: JourneyStep, due: Date)] = []
        if facts.isLeaving {
            if let departure = record.currentDeparture, departure.voluntary,
                !record.hasTakenExitSurveyOfCurrentDeparture,
                instant < departure.at.addingTimeInterval(exitSurveyWindow)
            {
                result.append((.exitSurvey, departure.at))
            }
            return result
        }
        let newcomerEnds = joined.addingTimeInterval(newcomerPeriod)
        if instant < newcomerEnds {
            if !record.hasTaken(.welcome, inMembership: membership) {
                result.append((.welcome, joined.addingTimeInterval(welcomeDelay)))
            }
            if !record.hasTaken(.onboardingCheckIn, inMembership: membership) {
                result.append((.onboardingCheckIn, joined.addingTimeInterval(onboardingCheckInDelay)))
            }
        }
        if !record.optedOut {
            var due = max(newcomerEnds, (facts.lastActivityAt ?? joined).addingTimeInterval(quietAfter))
            if let last = record.lastTaken(.quietCheckIn, inMembership: membership) {
                due = max(due, last.addingTimeInterval(quietCheckInInterval))
            }
            // Due only while the member really is quiet then (the hysteresis may keep them regular).
            if due > instant || segment(for: facts, previous: record.segment, at: instant) == .quiet {
                result.append((.quietCheckIn, due))
            }
        }
        return result
    }
}
