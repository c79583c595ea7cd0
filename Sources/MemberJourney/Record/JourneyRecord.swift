import Foundation

/// One member's journey with the club: their facts, segment, departures, exit answers and every
/// journey message taken, with a version for optimistic concurrency.
///
/// A record only changes through its methods, each returning a new record with ``version`` raised
/// by one; a store saves it over the version it was read at. This is the member's ledger for the
/// journey: the exit reasons the win-back later reads live here.
public struct JourneyRecord: Sendable, Hashable, Codable {
    /// The member.
    public let member: MemberID
    /// What the host last reported about the member.
    public private(set) var facts: MemberFacts
    /// The segment as last computed; the hysteresis of ``JourneyPolicy/segment(for:previous:at:)``
    /// starts from it.
    public private(set) var segment: MemberSegment
    /// Whether the member asked for no journey messages (check-ins, surveys, win-backs).
    public private(set) var optedOut: Bool
    /// The current membership, from 1; `0` while the member never joined.
    public private(set) var membership: Int
    /// Every departure, oldest first, with its exit answer.
    public private(set) var departures: [Departure]
    /// Every journey step taken, oldest first.
    public private(set) var steps: [JourneyStepRecord]
    /// The number of changes made to the record.
    public private(set) var version: Int

    /// Creates the empty record of a member the journey has not seen: a prospect, version 0.
    ///
    /// - Parameter member: The member.
    public init(member: MemberID) {
        self.member = member
        self.facts = MemberFacts()
        self.segment = .prospect
        self.optedOut = false
        self.membership = 0
        self.departures = []
        self.steps = []
        self.version = 0
    }

    /// The departure of the current membership while the member is leaving or gone, or `nil`.
    public var currentDeparture: Departure? {
        guard membership > 0, let last = departures.last, last.membership == membership, last.withdrawnAt == nil
        else { return nil }
        return last
    }

    /// Whether the exit survey of the current departure was taken (sent or skipped).
    public var hasTakenExitSurveyOfCurrentDeparture: Bool {
        guard let departure = currentDeparture else { return false }
        return steps.contains { $0.step == .exitSurvey && $0.membership == membership && $0.at >= departure.at }
    }

    /// Whether a step was taken (sent or skipped), in a membership or in any.
    ///
    /// - Parameters:
    ///   - step: The step.
    ///   - membership: The membership, or `nil` for any.
    /// - Returns: Whether it was taken.
    public func hasTaken(_ step: JourneyStep, inMembership membership: Int? = nil) -> Bool {
        steps.contains { $0.step == step && (membership == nil || $0.membership == membership) }
    }

    /// When a step was last taken in a membership, if it was.
    ///
    /// - Parameters:
    ///   - step: The step.
    ///   - membership: The membership.
    /// - Returns: The instant, or `nil`.
    public func lastTaken(_ step: JourneyStep, inMembership membership: Int) -> Date? {
        steps.last { $0.step == step && $0.membership == membership }?.at
    }

    /// The record with new facts from the host, its segment recomputed.
    ///
    /// A member with a subscription and a join date starts membership 1; one who left and joins again
    /// (a later join date, no longer leaving) starts the next membership, with its own welcome. A
    /// member who starts leaving gets a ``Departure`` dated at their cancellation request (or at
    /// `instant`), voluntary unless the subscription lapsed; one who comes back with the same join date
    /// (a recovered payment, a withdrawn cancellation) closes it, and a later departure is a new one.
    ///
    /// - Parameters:
    ///   - newFacts: What the host knows now.
    ///   - policy: The journey policy, for the segment.
    ///   - instant: Now.
    /// - Returns: The updated record.
    /// - Throws: ``JourneyError`` with ``JourneyError/Code/invalidFacts`` when the facts contradict
    ///   each other.
    public func updating(_ newFacts: MemberFacts, policy: JourneyPolicy, at instant: Date) throws -> JourneyRecord {
        try newFacts.validate()
        var copy = self
        if let joined = newFacts.joinedAt, newFacts.subscription != .none {
            if membership == 0 {
                copy.membership = 1
            } else if facts.isLeaving, !newFacts.isLeaving {
                if joined > (departures.last?.at ?? .distantPast) {
                    copy.membership += 1
                } else if copy.currentDeparture != nil {
                    // Back within the same membership: a recovered payment, a withdrawn cancellation.
                    copy.departures[copy.departures.count - 1].withdrawnAt = instant
                }
            }
        }
        copy.facts = newFacts
        if newFacts.isLeaving, copy.membership > 0, copy.currentDeparture == nil {
            copy.departures.append(
                Departure(
                    membership: copy.membership,
                    at: newFacts.cancellationRequestedAt ?? instant,
                    voluntary: newFacts.leftVoluntarily
                )
            )
        }
        copy.segment = policy.segment(for: newFacts, previous: segment, at: instant)
        copy.version += 1
        return copy
    }

    /// The record with the segment recomputed at an instant (time passing moves newcomers to regular
    /// and regulars to quiet); unchanged, same version, when the segment is the same.
    ///
    /// - Parameters:
    ///   - policy: The journey policy.
    ///   - instant: Now.
    /// - Returns: The record.
    public func refreshingSegment(policy: JourneyPolicy, at instant: Date) -> JourneyRecord {
        let now = policy.segment(for: facts, previous: segment, at: instant)
        guard now != segment else { return self }
        var copy = self
        copy.segment = now
        copy.version += 1
        return copy
    }

    /// The record with the member's opt-out set; unchanged when it already is.
    ///
    /// - Parameter optedOut: Whether the member wants no journey messages.
    /// - Returns: The record.
    public func settingOptOut(_ optedOut: Bool) -> JourneyRecord {
        guard optedOut != self.optedOut else { return self }
        var copy = self
        copy.optedOut = optedOut
        copy.version += 1
        return copy
    }

    /// The record with the leaver's exit survey answer stored in the current departure.
    ///
    /// Sending the same answer again (a double submit) returns the record unchanged.
    ///
    /// - Parameters:
    ///   - answer: The answer.
    ///   - policy: The policy whose ``JourneyPolicy/exitReasons`` the survey offered.
    /// - Returns: The updated record.
    /// - Throws: ``JourneyError`` with ``JourneyError/Code/notLeaving`` when the member has not
    ///   cancelled, ``JourneyError/Code/alreadyAnswered`` for a second, different answer, or
    ///   ``JourneyError/Code/invalidAnswer`` naming the reason or the comment at fault.
    public func answeringExitSurvey(_ answer: ExitSurveyAnswer, policy: JourneyPolicy) throws -> JourneyRecord {
        guard facts.isLeaving, let departure = currentDeparture, departure.voluntary else {
            throw JourneyError(
                .notLeaving,
                "member '\(member)' has not cancelled, so there is no exit survey to answer"
            )
        }
        let cleaned = try Self.cleaned(answer, policy: policy)
        if let given = departure.answer {
            guard given.reasons == cleaned.reasons, given.comment == cleaned.comment else {
                throw JourneyError(.alreadyAnswered, "member '\(member)' already answered the exit survey")
            }
            return self
        }
        var copy = self
        copy.departures[copy.departures.count - 1].answer = cleaned
        copy.version += 1
        return copy
    }

    /// The record with a journey step taken.
    ///
    /// - Parameters:
    ///   - step: The step.
    ///   - outcome: Sent or skipped.
    ///   - instant: When.
    /// - Returns: The updated record.
    public func taking(_ step: JourneyStep, outcome: JourneyStepRecord.Outcome, at instant: Date) -> JourneyRecord {
        var copy = self
        copy.steps.append(JourneyStepRecord(step: step, membership: membership, at: instant, outcome: outcome))
        copy.version += 1
        return copy
    }

    private static func cleaned(_ answer: ExitSurveyAnswer, policy: JourneyPolicy) throws -> ExitSurveyAnswer {
        guard !answer.reasons.isEmpty else {
            throw JourneyError(.invalidAnswer, "reasons: choose at least one reason")
        }
        var seen = Set<ExitReason>()
        for (index, reason) in answer.reasons.enumerated() {
            guard policy.exitReasons.contains(reason) else {
                let offered = policy.exitReasons.map(\.rawValue).joined(separator: ", ")
                throw JourneyError(
                    .invalidAnswer,
                    "reasons[\(index)]: '\(reason)' is not one the survey offers (\(offered))"
                )
            }
            guard seen.insert(reason).inserted else {
                throw JourneyError(.invalidAnswer, "reasons[\(index)]: '\(reason)' is chosen twice")
            }
        }
        var result = answer
        if let comment = answer.comment {
            let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count <= policy.maximumCommentLength else {
                throw JourneyError(
                    .invalidAnswer,
                    "comment: \(trimmed.count) characters is over the limit of \(policy.maximumCommentLength)"
                )
            }
            let control = trimmed.unicodeScalars.contains {
                // Line breaks (LF, and CR LF as web forms send them) and tabs are text, not control.
                $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t"
            }
            guard !control else {
                throw JourneyError(.invalidAnswer, "comment: contains control characters")
            }
            result.comment = trimmed.isEmpty ? nil : trimmed
        }
        return result
    }
}

extension JourneyRecord {
    /// The record with the comment of every exit answer replaced by `marker`, for erasing a member's
    /// data. Facts, segment, departures, reasons and steps are kept (they are what statistics count), and
    /// the version is raised by one when a comment changed, so a writer holding the old record conflicts
    /// and reads the redacted one.
    ///
    /// - Parameter marker: The text that stands for what was erased.
    /// - Returns: The redacted record and how many comments changed.
    public func redacted(with marker: String) -> (record: JourneyRecord, comments: Int) {
        var record = self
        var changed = 0
        record.departures = departures.map { departure in
            var departure = departure
            if var answer = departure.answer, let comment = answer.comment, comment != marker {
                answer.comment = marker
                departure.answer = answer
                changed += 1
            }
            return departure
        }
        if changed > 0 { record.version += 1 }
        return (record, changed)
    }
}
