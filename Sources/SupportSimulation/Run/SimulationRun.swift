import Foundation
import SupportEngine

/// One simulation's state: the desk, the clock, the pending steps and what the simulated people know.
final class SimulationRun {
    enum Step {
        case arrival(Arrival)
        case shift(AgentID, online: Bool)
        case agentFree(AgentID)
        case agentDone(AgentID, TicketID)
        case memberReply(TicketID)
        case pendingCheck(TicketID, since: Date)
        case rating(TicketID)
        case join
        case visit(Int)
        case memberDay
        case cancel(Int)
        case exitAnswer(Int)
        case announceFix
    }

    struct Arrival {
        var member: MemberID
        var reason: String
        var language: String
        var channel: ChannelKind
        var difficult: Bool
    }

    struct Conversation {
        var member: MemberID
        var language: String
        var reason: String
        var channel: ChannelKind
        var externalID: String
        var difficult: Bool
        var agentReplies = 0
        var moderated = false
    }

    let club: ClubConfiguration
    let options: SimulationOptions
    let clock: SimulationClock
    let desk: SupportDesk
    let ratings: RatingDesk
    let channels: [InMemoryChannel]
    let directory: InMemoryMemberDirectory
    let journeyPolicy: JourneyPolicy
    let sla: SLAPolicy
    let timeZone: TimeZone
    let period: DateInterval
    /// The stationary queue the run plays instead of the club's traffic, if any.
    let stationary: StationaryQueue?
    var random: SeededRandom
    var queue = EventQueue<Step>()
    var conversations: [TicketID: Conversation] = [:]
    var busy: Set<AgentID> = []
    var online: Set<AgentID> = []
    var messageCounter = 0
    var refundRequests = 0
    var refundsDecided = 0
    var refundsApproved = 0
    var difficultTickets = 0
    var moderationActions = 0
    var refundsEscalated = 0
    var moderationSteps: [String: Int] = [:]
    /// Automatic messages the refund and moderation calls added for the member.
    var policyMessages = 0
    /// Every ticket the simulation created, in id order, and where each is in that list.
    var createdIDs: [TicketID] = []
    var createdIndex: [TicketID: Int] = [:]
    /// Tickets not solved or closed, as far as the simulated people know.
    var unresolved: Set<TicketID> = []
    /// Every ticket before this index in ``createdIDs`` is resolved: agents' searches start here.
    var floorIndex = 0
    /// What the simulated members do with their membership, drawn from its own generator so that the
    /// journey does not shift the ticket traffic's random choices.
    var journeyRandom: SeededRandom
    /// The members as the simulation knows them, by index: the club's first, then those who join.
    var people: [Person] = []
    var journeyCounts = JourneyCounts()

    init(club: ClubConfiguration, options: SimulationOptions) async throws {
        self.club = club
        self.options = options
        if case .stationaryQueue(let queue) = options.scenario {
            try queue.validate()
            self.stationary = queue
        } else {
            self.stationary = nil
        }
        self.random = SeededRandom(seed: options.seed)
        self.journeyRandom = SeededRandom(seed: options.seed ^ 0x10_0E_5E)
        self.journeyPolicy = club.effectiveJourney
        self.timeZone = club.hours.timeZone
        let start = simulationStart(in: timeZone)
        self.period = DateInterval(start: start, duration: TimeInterval(options.days) * 86_400)
        self.clock = SimulationClock(now: start)
        self.channels = club.channelKinds.map { InMemoryChannel(kind: $0) }
        try club.validate()
        // The stationary queue plays no member journey: only tickets.
        var configuration = stationary == nil ? club.simulatedDesk : club.desk
        // The simulated desk is alone on its store: nothing another desk wrote is there to read.
        configuration.storeScanInterval = nil
        self.sla = club.desk.sla ?? SLAPolicy(calendar: club.hours, targets: [:])
        var profiles: [MemberProfile] = []
        var memberRandom = SeededRandom(seed: options.seed ^ 0xC1_0B)
        for index in 0..<club.members {
            let language = memberRandom.pick(club.traffic.languages)
            profiles.append(
                MemberProfile(
                    id: Self.memberID(index),
                    displayName: "Member \(index + 1)",
                    locale: LocaleTag(rawValue: language) ?? .en,
                    // The stationary queue's members are all regular, so that every ticket has one priority.
                    segment: memberRandom.chance(0.1) && stationary == nil ? .newcomer : .regular,
                    isPaying: true
                )
            )
        }
        let directory = InMemoryMemberDirectory(profiles)
        self.directory = directory
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: channels,
            configuration: configuration,
            ids: SequentialIDGenerator(),
            members: directory,
            journeys: InMemoryMemberJourneyStore()
        )
        self.desk = desk
        self.ratings = desk.ratings
    }

    static func memberID(_ index: Int) -> MemberID {
        let number = String(index + 1)
        return MemberID("m" + String(repeating: "0", count: max(0, 5 - number.count)) + number)
    }

    func play(progress: (@Sendable (Double) -> Void)?) async throws -> SimulationResult {
        scheduleShifts()
        if let stationary {
            scheduleArrivals(of: stationary)
        } else {
            scheduleArrivals()
            try await startJourney()
        }
        var lastReported = -1
        while let (at, step) = queue.pop() {
            guard at < period.end else { break }
            try await advance(to: at)
            try await perform(step)
            let percent = Int(at.timeIntervalSince(period.start) / period.duration * 100)
            if percent != lastReported {
                lastReported = percent
                progress?(Double(percent) / 100)
            }
        }
        try await advance(to: period.end)
        progress?(1)
        return try await result()
    }

    /// Moves the clock to `instant`, firing the desk's timers on the way at their own instants.
    func advance(to instant: Date) async throws {
        var guardCount = 0
        while let due = await desk.nextDueInstant, due <= instant, guardCount < 10_000 {
            guardCount += 1
            if due > clock.now { clock.advance(to: due) }
            try await desk.processDueWork()
        }
        if instant > clock.now { clock.advance(to: instant) }
        try await desk.processDueWork()
    }

    func perform(_ step: Step) async throws {
        switch step {
        case .arrival(let arrival): try await arrive(arrival)
        case .shift(let agent, let isOnline): try await changeShift(agent, online: isOnline)
        case .agentFree(let agent): try await takeNext(agent)
        case .agentDone(let agent, let ticket): try await finish(agent, ticket)
        case .memberReply(let ticket): try await memberReplies(ticket)
        case .pendingCheck(let ticket, let since): try await checkPending(ticket, since: since)
        case .rating(let ticket): try await rate(ticket)
        case .join: try await join()
        case .visit(let index): try await visit(index)
        case .memberDay: memberDay()
        case .cancel(let index): try await cancel(index)
        case .exitAnswer(let index): try await answerExitSurvey(index)
        case .announceFix: try await announceFix()
        }
    }

    func nextExternalID() -> String {
        messageCounter += 1
        return "<sim-\(messageCounter)@club.example>"
    }

    func opened(_ id: TicketID) {
        if createdIndex[id] == nil {
            createdIndex[id] = createdIDs.count
            createdIDs.append(id)
        }
        unresolved.insert(id)
        if let index = createdIndex[id], index < floorIndex { floorIndex = index }
    }

    func resolved(_ id: TicketID) {
        unresolved.remove(id)
        while floorIndex < createdIDs.count, !unresolved.contains(createdIDs[floorIndex]) { floorIndex += 1 }
    }

    /// The cursor that skips the tickets known to be resolved.
    var searchCursor: TicketID? { floorIndex > 0 ? createdIDs[floorIndex - 1] : nil }

    func wakeIdleAgents() {
        for agent in club.desk.agents where online.contains(agent.id) && !busy.contains(agent.id) {
            queue.push(.agentFree(agent.id), at: clock.now)
        }
    }
}
