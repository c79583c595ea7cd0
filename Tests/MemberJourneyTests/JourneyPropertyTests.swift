import Foundation
import MemberJourney
import Testing

@Suite("Journey properties")
struct JourneyPropertyTests {
    /// What the seeded runs did, to show the invariants are not checked vacuously.
    struct Tally {
        var changes = 0
        var rejoins = 0
        var voluntaryDepartures = 0
        var lapses = 0
        var stepsTaken: [String: Int] = [:]
        var answers = 0
        var wakeUpsChecked = 0
        /// Requests to cancel from an active member after which no exit survey was due (see below).
        var surveysLost = 0

        mutating func add(_ other: Tally) {
            changes += other.changes
            rejoins += other.rejoins
            voluntaryDepartures += other.voluntaryDepartures
            lapses += other.lapses
            stepsTaken.merge(other.stepsTaken, uniquingKeysWith: +)
            answers += other.answers
            wakeUpsChecked += other.wakeUpsChecked
            surveysLost += other.surveysLost
        }
    }

    /// Random member lives (joins, activity, cancellations, lapses, withdrawals, rejoins, opt-outs,
    /// exit answers, segment refreshes, and the desk taking whatever is due) against random valid
    /// policies; the invariants must hold after every change.
    @Test("random journeys keep their invariants")
    func randomJourneysKeepTheirInvariants() throws {
        var total = Tally()
        for run in 0..<300 {
            let seed = UInt64(0x4A4F_5552_4E45_5900) &+ UInt64(run) &* 104_729
            total.add(try simulate(seed: seed))
        }
        #expect(total.rejoins > 100, "rejoins: \(total.rejoins)")
        #expect(total.voluntaryDepartures > 200, "voluntary departures: \(total.voluntaryDepartures)")
        #expect(total.lapses > 100, "lapses: \(total.lapses)")
        #expect(total.answers > 100, "answers: \(total.answers)")
        #expect(total.wakeUpsChecked > 1_000, "wake-ups: \(total.wakeUpsChecked)")
        for step in ["welcome", "onboarding_check_in", "quiet_check_in", "exit_survey"] {
            #expect(total.stepsTaken[step, default: 0] > 100, "\(step): \(total.stepsTaken)")
        }
        #expect(total.surveysLost == 0, "requests to cancel with no exit survey due: \(total.surveysLost)")
    }

    func randomPolicy(_ random: inout SplitMix64) -> JourneyPolicy {
        guard random.chance(70) else { return JourneyPolicy() }
        let hour = 3_600.0
        let newcomer = Double(random.int(24...(60 * 24))) * hour
        let quietAfter = Double(random.int(24...(40 * 24))) * hour
        let reasons = Array(ExitReason.builtIn.prefix(random.int(1...ExitReason.builtIn.count)))
        return JourneyPolicy(
            newcomerPeriod: newcomer,
            quietAfter: quietAfter,
            quietMargin: random.chance(20) ? 0 : Double(random.int(0...(Int(quietAfter / hour) - 1))) * hour,
            welcomeDelay: random.chance(60) ? 0 : Double(random.int(0...(Int(newcomer / hour) - 1))) * hour,
            onboardingCheckInDelay: Double(random.int(0...(Int(newcomer / hour) - 1))) * hour,
            quietCheckInInterval: Double(random.int(1...(60 * 24))) * hour,
            exitReasons: reasons,
            maximumCommentLength: random.int(2...50)
        )
    }

    func simulate(seed: UInt64) throws -> Tally {
        var random = SplitMix64(seed: seed)
        let policy = randomPolicy(&random)
        let context = "seed 0x\(String(seed, radix: 16))"
        try policy.validate()

        var tally = Tally()
        var now = t0
        var journey = JourneyRecord(member: anna)
        var facts = MemberFacts()
        var changes = 0
        var failed = false

        func check(_ condition: Bool, _ what: @autoclosure () -> String, step: Int) {
            guard !condition, !failed else { return }
            failed = true
            Issue.record("\(context), step \(step): \(what())\nrecord: \(journey)")
        }

        /// Stores the next record, counting one change when the operation should have made one.
        func apply(_ next: JourneyRecord, isChange: Bool = true) {
            if isChange { changes += 1 }
            journey = next
        }

        for index in 0..<150 where !failed {
            let before = journey
            let isMember = facts.joinedAt != nil && facts.subscription != .none
            switch random.int(0...99) {
            case 0..<24:
                if random.chance(30), let next = policy.nextDue(for: journey, at: now), next > now {
                    now = next
                } else {
                    let hours = random.chance(20) ? random.int(0...(24 * 45)) : random.int(0...(24 * 8))
                    now = now.addingTimeInterval(Double(hours) * 3_600 + Double(random.int(0...59)))
                }
            case 24..<36 where isMember:
                facts.lastActivityAt = now
                apply(try journey.updating(facts, policy: policy, at: now))
            case 36..<46 where !isMember || facts.isLeaving:
                let imported = journey.membership == 0 && random.chance(40)
                let joined = imported ? now.addingTimeInterval(-Double(random.int(0...120)) * day) : now
                facts = MemberFacts(
                    joinedAt: joined,
                    lastActivityAt: imported && random.chance(50) ? now : nil,
                    subscription: random.chance(30) ? .trial : .active
                )
                let lastDeparture = journey.departures.last
                apply(try journey.updating(facts, policy: policy, at: now))
                if before.facts.isLeaving, let lastDeparture, joined > lastDeparture.at {
                    tally.rejoins += 1
                    check(
                        journey.membership == before.membership + 1,
                        "a rejoin starts the next membership",
                        step: index
                    )
                    check(journey.currentDeparture == nil, "a rejoin clears the current departure", step: index)
                    check(journey.segment == .newcomer, "a member who rejoined is a newcomer", step: index)
                }
                if before.membership == 0 {
                    check(journey.membership == 1, "joining starts membership 1", step: index)
                }
            case 46..<52 where isMember && !facts.isLeaving:
                let earliest = max(facts.joinedAt ?? now, now.addingTimeInterval(-2 * day))
                let requested = earliest.addingTimeInterval(
                    now.timeIntervalSince(earliest) * Double(random.int(0...4)) / 4
                )
                facts.cancellationRequestedAt = requested
                if random.chance(30) { facts.subscription = .cancelled }
                apply(try journey.updating(facts, policy: policy, at: now))
                // Every request to cancel from an active member is asked about, once per membership.
                let surveyDue = policy.dueSteps(for: journey, at: now).contains(.exitSurvey)
                if !surveyDue, !journey.hasTaken(.exitSurvey, inMembership: journey.membership) {
                    tally.surveysLost += 1
                }
                if before.currentDeparture == nil {
                    tally.voluntaryDepartures += 1
                    check(
                        journey.currentDeparture
                            == Departure(membership: journey.membership, at: requested, voluntary: true),
                        "asking to cancel opens a voluntary departure at the request",
                        step: index
                    )
                }
            case 52..<55 where isMember:
                facts.subscription = .cancelled
                let wasOpen = before.currentDeparture != nil
                apply(try journey.updating(facts, policy: policy, at: now))
                if !wasOpen {
                    tally.voluntaryDepartures += 1
                    let expected = Departure(
                        membership: journey.membership,
                        at: facts.cancellationRequestedAt ?? now,
                        voluntary: true
                    )
                    check(journey.currentDeparture == expected, "a cancellation opens a departure", step: index)
                }
            case 55..<59 where isMember:
                facts.subscription = .lapsed
                let wasOpen = before.currentDeparture != nil
                apply(try journey.updating(facts, policy: policy, at: now))
                if !wasOpen {
                    tally.lapses += 1
                    let expected = Departure(membership: journey.membership, at: now, voluntary: false)
                    check(journey.currentDeparture == expected, "a lapse opens an involuntary departure", step: index)
                }
            case 59..<62 where isMember && facts.isLeaving:
                // A withdrawn cancellation, or a failed payment that went through after all.
                facts.subscription = .active
                facts.cancellationRequestedAt = nil
                apply(try journey.updating(facts, policy: policy, at: now))
                check(journey.membership == before.membership, "a withdrawal keeps the membership", step: index)
            case 62..<84:
                let due = policy.dueSteps(for: journey, at: now)
                for step in due {
                    let outcome: JourneyStepRecord.Outcome = random.chance(80) ? .sent : .skipped(reason: "test")
                    apply(journey.taking(step, outcome: outcome, at: now))
                    tally.stepsTaken[String(step.description.prefix { $0 != ":" }), default: 0] += 1
                }
                let again = Set(policy.dueSteps(for: journey, at: now))
                check(again.isDisjoint(with: due), "steps \(due) taken at \(now) are due again: \(again)", step: index)
            case 84..<87:
                apply(journey.settingOptOut(!journey.optedOut))
                check(journey.version == before.version + 1, "an opt-out change is one change", step: index)
                if random.chance(50) {
                    apply(journey.settingOptOut(journey.optedOut), isChange: false)
                    check(
                        journey == before.settingOptOut(!before.optedOut),
                        "the same opt-out is no change",
                        step: index
                    )
                }
            case 87..<94:
                var reasons = policy.exitReasons
                reasons.removeFirst(random.int(0...(reasons.count - 1)))
                let answer = ExitSurveyAnswer(
                    reasons: Array(reasons.prefix(random.int(1...reasons.count))),
                    comment: random.chance(50) ? "  ok\n" : nil,
                    at: now
                )
                let canAnswer = journey.facts.isLeaving && journey.currentDeparture?.voluntary == true
                do {
                    let isFirstAnswer = journey.currentDeparture?.answer == nil
                    apply(try journey.answeringExitSurvey(answer, policy: policy), isChange: isFirstAnswer)
                    check(canAnswer, "an answer was taken from a member who cannot answer", step: index)
                    check(
                        journey.currentDeparture?.answer?.reasons == answer.reasons,
                        "the stored answer is the one given",
                        step: index
                    )
                    if journey != before { tally.answers += 1 }
                } catch let error as JourneyError {
                    let expected: JourneyError.Code = canAnswer ? .alreadyAnswered : .notLeaving
                    check(error.code == expected, "answering threw \(error), expected \(expected)", step: index)
                    if canAnswer {
                        check(journey.currentDeparture?.answer != nil, "refused as already answered", step: index)
                    }
                }
            case 94..<98:
                let expected = policy.segment(for: journey.facts, previous: before.segment, at: now)
                apply(journey.refreshingSegment(policy: policy, at: now), isChange: expected != before.segment)
                check(journey.segment == expected, "refresh stores the computed segment", step: index)
                check(
                    (journey.version == before.version) == (before.segment == expected),
                    "a refresh is a change exactly when the segment changes",
                    step: index
                )
            case 98..<100 where journey.version > 0:
                // The host reports the same facts again: a new update (one change), same membership and departures.
                apply(try journey.updating(facts, policy: policy, at: now))
                check(
                    journey.membership == before.membership && journey.departures == before.departures,
                    "the same facts again moved the membership or the departures",
                    step: index
                )
            default:
                continue
            }

            if journey.facts != before.facts || journey.version > before.version, journey.steps == before.steps,
                journey.optedOut == before.optedOut, journey.departures.map(\.answer) == before.departures.map(\.answer)
            {
                // A facts update (or a refresh): the stored segment is the policy's, from the one before.
                let expected = policy.segment(for: facts, previous: before.segment, at: now)
                check(journey.segment == expected, "segment \(journey.segment), expected \(expected)", step: index)
            }
            check(journey.facts == facts, "the record holds the facts last reported", step: index)
            check(journey.version == changes, "version \(journey.version) after \(changes) changes", step: index)
            check(journey.membership >= before.membership, "the membership went down", step: index)
            checkDepartures(journey, check: { check($0, $1, step: index) })
            checkPlan(journey, policy: policy, at: now, random: &random, tally: &tally) { check($0, $1, step: index) }
        }

        let decoded = try JSONDecoder().decode(JourneyRecord.self, from: JSONEncoder().encode(journey))
        check(decoded == journey, "the record round-trips through JSON", step: 150)
        tally.changes = changes
        return tally
    }

    func checkDepartures(_ journey: JourneyRecord, check: (Bool, String) -> Void) {
        let memberships = journey.departures.map(\.membership)
        check(zip(memberships, memberships.dropFirst()).allSatisfy(<=), "departures in membership order")
        let open = journey.departures.dropLast().filter { $0.withdrawnAt == nil }.map(\.membership)
        check(
            zip(open, open.dropFirst()).allSatisfy(<) && !open.contains(journey.departures.last?.membership ?? 0),
            "at most one open departure per membership; earlier ones of a membership were withdrawn"
        )
        check(memberships.allSatisfy { $0 >= 1 && $0 <= journey.membership }, "departures belong to memberships")
        if journey.facts.isLeaving {
            check(journey.currentDeparture != nil, "a leaving member has a current departure")
        }
        if let answered = journey.departures.last(where: { $0.answer != nil }) {
            check(answered.voluntary, "only voluntary departures hold answers")
        }
    }

    func checkPlan(
        _ journey: JourneyRecord,
        policy: JourneyPolicy,
        at now: Date,
        random: inout SplitMix64,
        tally: inout Tally,
        check: (Bool, String) -> Void
    ) {
        let due = policy.dueSteps(for: journey, at: now)
        let next = policy.nextDue(for: journey, at: now)
        check(Set(due).count == due.count, "due steps repeat: \(due)")
        check((next.map { $0 <= now } ?? false) == !due.isEmpty, "nextDue \(String(describing: next)) vs due \(due)")
        let membership = journey.membership
        for step in due {
            switch step {
            case .welcome, .onboardingCheckIn:
                check(!journey.hasTaken(step, inMembership: membership), "\(step) due after it was taken")
                check(!journey.facts.isLeaving, "\(step) due to a leaver")
                if let joined = journey.facts.joinedAt {
                    check(
                        now < joined.addingTimeInterval(policy.newcomerPeriod),
                        "\(step) due after the newcomer period"
                    )
                }
            case .quietCheckIn:
                check(!journey.optedOut, "quiet check-in due to a member who opted out")
                if let last = journey.lastTaken(.quietCheckIn, inMembership: membership) {
                    check(
                        now >= last.addingTimeInterval(policy.quietCheckInInterval),
                        "quiet check-in due again before its interval"
                    )
                }
                let segment = policy.segment(for: journey.facts, previous: journey.segment, at: now)
                check(segment == .quiet, "quiet check-in due to a member who is \(segment)")
            case .exitSurvey:
                check(!journey.hasTakenExitSurveyOfCurrentDeparture, "exit survey due after it was taken")
                check(journey.facts.isLeaving, "exit survey due to a member who is not leaving")
                check(journey.currentDeparture?.voluntary == true, "exit survey due after a lapse")
            case .winBack:
                check(false, "a win-back is never planned")
            }
        }
        // The desk sleeps until nextDue: nothing falls due before it, and something is due at it.
        if let next, next > now {
            tally.wakeUpsChecked += 1
            check(!policy.dueSteps(for: journey, at: next).isEmpty, "nothing is due at nextDue \(next)")
            let between = now.addingTimeInterval(next.timeIntervalSince(now) * Double(random.int(1...99)) / 100)
            let early = policy.dueSteps(for: journey, at: between)
            check(early.isEmpty, "\(early) due at \(between), before nextDue \(next)")
        }
    }
}
