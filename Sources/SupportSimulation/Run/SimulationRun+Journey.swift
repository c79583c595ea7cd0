import Foundation
import SupportEngine

extension SimulationRun {
    /// A member as the simulation knows them: when they joined, when they were last active, how
    /// often they visit, and whether they are on their way out.
    struct Person {
        var id: MemberID
        var lastActivity: Date
        /// The mean time between the activity reports of the host (its "last seen" sync, about weekly);
        /// `nil` once the member has stopped coming (gone quiet).
        var visitEvery: TimeInterval?
        /// Whether the member decided to cancel (or did): no more visits, no second cancellation.
        var leaving = false
    }

    /// What only the simulation knows about the journey; the rest is read back from the desk.
    struct JourneyCounts {
        var newcomersAtStart = 0
        var quietAtStart = 0
        var joins = 0
        var cancellations = 0
        /// Exit reasons answered so far, for the owner's choice of what to fix.
        var reasonsSoFar: [String: Int] = [:]
        var fixedReason: String?
        var fixAnnouncedAt: Date?
    }

    /// The share of answers that name a second reason.
    static let secondReasonShare = 0.35
    /// How often leavers choose each built-in reason; a club's own reasons weigh 8.
    static let exitReasonWeights: [String: Double] = [
        ExitReason.tooExpensive.rawValue: 30, ExitReason.notEnoughTime.rawValue: 28,
        ExitReason.contentNotExpected.rawValue: 14, ExitReason.technicalProblems.rawValue: 10,
        ExitReason.supportExperience.rawValue: 6, ExitReason.other.rawValue: 12,
    ]
    /// Short comments of leavers.
    static let exitComments = [
        "Moving to another city, maybe later.", "My employer stopped paying for it.",
        "I found a local group that meets in person.", "Too many emails.", "Taking a break for a few months.",
        "The app kept logging me out.", "I only needed the beginner course.",
    ]
    /// What the owner says was fixed, by reason.
    static let fixNotes: [String: String] = [
        ExitReason.tooExpensive.rawValue: "We added a cheaper plan and a pause option instead of cancelling.",
        ExitReason.notEnoughTime.rawValue: "Every class now has a 15-minute version you can do any time.",
        ExitReason.contentNotExpected.rawValue: "We published the full programme and a free preview week.",
        ExitReason.technicalProblems.rawValue: "The app and the site were rebuilt; logins and video work again.",
        ExitReason.supportExperience.rawValue: "Support now answers within a working day, with a second agent.",
        ExitReason.other.rawValue: "We read every comment and changed what came up most.",
    ]

    /// Reports the club's members to the desk with their facts and schedules the journey's traffic:
    /// visits, joins, the daily cancellations and the owner's fix at 10:00 on the day two thirds into
    /// the run.
    func startJourney() async throws {
        let day = JourneyPolicy.day
        let start = period.start
        people.reserveCapacity(
            club.members + Int(Double(club.members) * club.traffic.membership.joinsPerMemberPerDay * 2) * options.days
        )
        for index in 0..<club.members {
            let id = Self.memberID(index)
            let newcomer = journeyRandom.chance(0.06)
            let joinedAt = start.addingTimeInterval(
                -(newcomer ? journeyRandom.uniform(0.5...29.5) : journeyRandom.uniform(31...1100)) * day
            )
            let kind = journeyRandom.unit()
            let idle: TimeInterval
            var visitEvery: TimeInterval?
            if kind < 0.08 {
                idle = journeyRandom.uniform(22...120) * day
            } else if kind < 0.18 {
                idle = journeyRandom.uniform(7...20) * day
            } else {
                idle = min(20 * day, exponential(mean: 2 * day))
                visitEvery = journeyRandom.uniform(newcomer ? 3...6 : 6...14) * day
            }
            let facts = MemberFacts(
                joinedAt: joinedAt,
                lastActivityAt: max(joinedAt, start.addingTimeInterval(-idle)),
                subscription: .active
            )
            try await desk.journey.importMember(id, facts)
            switch journeyPolicy.segment(for: facts, previous: nil, at: start) {
            case .newcomer: journeyCounts.newcomersAtStart += 1
            case .quiet: journeyCounts.quietAtStart += 1
            default: break
            }
            people.append(Person(id: id, lastActivity: facts.lastActivityAt ?? joinedAt, visitEvery: visitEvery))
            if let visitEvery { queue.push(.visit(index), at: start.addingTimeInterval(exponential(mean: visitEvery))) }
        }
        scheduleJoins()
        for dayIndex in 0..<options.days {
            queue.push(.memberDay, at: start.addingTimeInterval(TimeInterval(dayIndex) * day))
        }
        let fixDay = TimeInterval(options.days * 2 / 3) * day
        queue.push(.announceFix, at: start.addingTimeInterval(fixDay + 10 * 3600))
    }

    /// Draws the joins of the period hour by hour, from the daily and weekly pattern of the traffic.
    func scheduleJoins() {
        let traffic = club.traffic
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let shape = traffic.weekdayWeights.reduce(0, +) * traffic.hourWeights.reduce(0, +)
        guard shape > 0 else { return }
        let weekly = Double(club.members) * club.traffic.membership.joinsPerMemberPerDay * 7
        for hour in 0..<Int(period.duration / 3600) {
            let at = period.start.addingTimeInterval(TimeInterval(hour) * 3600)
            let parts = calendar.dateComponents([.weekday, .hour], from: at)
            let weekday = ((parts.weekday ?? 2) + 5) % 7
            let share = traffic.weekdayWeights[weekday] * traffic.hourWeights[parts.hour ?? 0] / shape
            for _ in 0..<journeyRandom.poisson(weekly * share) {
                queue.push(.join, at: at.addingTimeInterval(journeyRandom.uniform(0...3599).rounded()))
            }
        }
    }

    /// A new member joins: the host adds them to its directory and tells the desk.
    func join() async throws {
        let index = people.count
        let id = Self.memberID(index)
        let language = journeyRandom.pick(club.traffic.languages)
        await directory.upsert(
            MemberProfile(
                id: id,
                displayName: "Member \(index + 1)",
                locale: LocaleTag(rawValue: language) ?? .en,
                segment: .newcomer,
                isPaying: true
            )
        )
        try await desk.journey.memberJoined(id, at: clock.now, trial: journeyRandom.chance(0.2))
        journeyCounts.joins += 1
        let visitEvery = journeyRandom.uniform(3...6) * JourneyPolicy.day
        people.append(Person(id: id, lastActivity: clock.now, visitEvery: visitEvery))
        queue.push(.visit(index), at: clock.now.addingTimeInterval(exponential(mean: visitEvery)))
    }

    /// The host reports a member's activity; now and then it is their last and they go quiet.
    func visit(_ index: Int) async throws {
        guard !people[index].leaving, let every = people[index].visitEvery else { return }
        try await desk.journey.recordActivity(of: people[index].id, at: clock.now)
        people[index].lastActivity = clock.now
        if journeyRandom.chance(club.traffic.membership.goQuietChancePerVisit) {
            people[index].visitEvery = nil
            return
        }
        queue.push(.visit(index), at: clock.now.addingTimeInterval(max(3600, exponential(mean: every))))
    }

    /// At the start of a day: who cancels today, quiet members more likely; each at an hour of the
    /// daily pattern.
    func memberDay() {
        let now = clock.now
        for index in people.indices where !people[index].leaving {
            let quiet = now.timeIntervalSince(people[index].lastActivity) >= journeyPolicy.quietAfter
            guard
                journeyRandom.chance(
                    quiet ? club.traffic.membership.quietCancelChancePerDay : club.traffic.membership.cancelChancePerDay
                )
            else {
                continue
            }
            people[index].leaving = true
            let hour = journeyRandom.pick(hourWeights)
            let offset = TimeInterval(Int(hour) ?? 12) * 3600 + journeyRandom.uniform(0...3599).rounded()
            queue.push(.cancel(index), at: now.addingTimeInterval(offset))
        }
    }

    /// The club's hourly pattern as weights keyed by hour, for ``SeededRandom/pick(_:)``.
    var hourWeights: [String: Double] {
        Dictionary(uniqueKeysWithValues: club.traffic.hourWeights.enumerated().map { (String($0.offset), $0.element) })
    }

    /// A member cancels; most answer the exit survey a little later.
    func cancel(_ index: Int) async throws {
        try await desk.journey.memberCancelled(people[index].id, at: clock.now)
        journeyCounts.cancellations += 1
        guard journeyRandom.chance(club.traffic.membership.surveyAnswerShare) else { return }
        let delay = min(3 * JourneyPolicy.day, max(120, journeyRandom.logNormal(median: 3 * 3600, sigma: 1.2)))
        queue.push(.exitAnswer(index), at: clock.now.addingTimeInterval(delay.rounded()))
    }

    /// A leaver answers the exit survey: one or two reasons from the weighted mix, a comment with
    /// `other` (and now and then without).
    func answerExitSurvey(_ index: Int) async throws {
        var weights: [String: Double] = [:]
        for reason in journeyPolicy.exitReasons {
            weights[reason.rawValue] = Self.exitReasonWeights[reason.rawValue] ?? 8
        }
        var reasons = [journeyRandom.pick(weights)]
        if weights.count > 1, journeyRandom.chance(Self.secondReasonShare) {
            weights[reasons[0]] = nil
            reasons.append(journeyRandom.pick(weights))
        }
        var comment: String?
        if reasons.contains(ExitReason.other.rawValue) || journeyRandom.chance(0.2) {
            let text = Self.exitComments[Int(journeyRandom.next() % UInt64(Self.exitComments.count))]
            comment = String(text.prefix(journeyPolicy.maximumCommentLength))
        }
        let member = people[index].id
        try await desk.journey.answerExitSurvey(
            member,
            reasons: reasons.map { ExitReason(rawValue: $0) },
            comment: comment,
            by: .member(member)
        )
        for reason in reasons { journeyCounts.reasonsSoFar[reason, default: 0] += 1 }
    }

    /// The owner announces a fix for the most common exit reason so far; the win-backs go out.
    func announceFix() async throws {
        let ranked = journeyCounts.reasonsSoFar.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        guard let reason = ranked.first?.key else { return }
        try await desk.journey.announceFix(
            FixID("sim-\(reason)"),
            reason: ExitReason(rawValue: reason),
            note: Self.fixNotes[reason]
                ?? "We fixed what you told us about: \(reason.replacingOccurrences(of: "_", with: " ")).",
            by: .owner(AgentID("owner"))
        )
        journeyCounts.fixedReason = reason
        journeyCounts.fixAnnouncedAt = clock.now
    }

    /// An exponentially distributed duration with mean `mean`.
    func exponential(mean: TimeInterval) -> TimeInterval {
        -log(1 - journeyRandom.unit()) * mean
    }

    /// Reads every member's journey back from the desk and counts what it sent.
    func journeyFigures(tickets: [Ticket]) async throws -> JourneyFigures {
        var figures = JourneyFigures(
            membersAtStart: club.members,
            newcomersAtStart: journeyCounts.newcomersAtStart,
            quietAtStart: journeyCounts.quietAtStart,
            joins: journeyCounts.joins,
            cancellations: journeyCounts.cancellations,
            surveysAnswered: 0,
            exitReasons: [:],
            welcomes: 0,
            onboardingCheckIns: 0,
            quietCheckIns: 0,
            exitSurveys: 0,
            winBacks: 0,
            skippedSteps: 0,
            sentAtStart: 0,
            fixedReason: journeyCounts.fixedReason,
            fixAnnouncedAt: journeyCounts.fixAnnouncedAt,
            ratingsRequested: 0
        )
        for person in people {
            guard let record = try await desk.journey.record(of: person.id) else { continue }
            for taken in record.steps {
                guard taken.outcome == .sent else {
                    figures.skippedSteps += 1
                    continue
                }
                if taken.at == period.start { figures.sentAtStart += 1 }
                switch taken.step {
                case .welcome: figures.welcomes += 1
                case .onboardingCheckIn: figures.onboardingCheckIns += 1
                case .quietCheckIn: figures.quietCheckIns += 1
                case .exitSurvey: figures.exitSurveys += 1
                case .winBack: figures.winBacks += 1
                }
            }
            for departure in record.departures {
                guard let answer = departure.answer else { continue }
                figures.surveysAnswered += 1
                for reason in answer.reasons { figures.exitReasons[reason.rawValue, default: 0] += 1 }
            }
        }
        let ratingRequest = TemplateKey.ratingRequest.rawValue
        for ticket in tickets {
            figures.ratingsRequested += ticket.messages.count { $0.templateKey == ratingRequest }
        }
        return figures
    }
}
