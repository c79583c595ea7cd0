import Foundation
import SupportEngine

/// How long and from which seed a simulation runs.
public struct SimulationOptions: Sendable, Hashable {
    /// How many days to simulate, from midnight of the first Monday of 2026 in the club's time zone.
    public var days: Int
    /// The seed of every random choice: the same seed gives the same run.
    public var seed: UInt64
    /// What the run plays: the club's traffic (the default) or a stationary queue.
    public var scenario: SimulationScenario

    /// Creates options.
    ///
    /// - Parameters:
    ///   - days: How many days to simulate, 1 to 366.
    ///   - seed: The seed.
    ///   - scenario: What the run plays; the club's traffic by default.
    public init(days: Int = 14, seed: UInt64 = 1, scenario: SimulationScenario = .club) {
        self.days = days
        self.seed = seed
        self.scenario = scenario
    }
}

/// What a simulation produced: the desk's metrics plus what only the simulation knows.
public struct SimulationResult: Sendable {
    /// The club's name.
    public var clubName: String
    /// The simulated period.
    public var period: DateInterval
    /// The club's time zone, for local times.
    public var timeZone: TimeZone
    /// The traffic and membership rates the run played, from the club document.
    public var traffic: TrafficModel
    /// The figures computed from the desk's event log.
    public var metrics: DeskMetrics
    /// The service levels the desk kept.
    public var sla: SLAPolicy
    /// The agents' display names.
    public var agentNames: [AgentID: String]
    /// New tickets per local hour of the week, Monday 00:00 first (168 values).
    public var arrivalsByHourOfWeek: [Int]
    /// Refund requests the members sent.
    public var refundRequests: Int
    /// Refund requests decided by the club's refund rules (``ClubConfiguration/desk``'s `refunds`).
    public var refundsDecided: Int
    /// Refunds approved among those decided.
    public var refundsApproved: Int
    /// Refund requests the rules sent to the owner.
    public var refundsEscalated: Int
    /// Conduct steps applied, by action (`warning`, `finalWarning`, …).
    public var moderationSteps: [String: Int]
    /// Tickets from difficult members.
    public var difficultTickets: Int
    /// Conduct steps applied by the club's conduct ladder (``ClubConfiguration/desk``'s `moderation`) to
    /// difficult members.
    public var moderationActions: Int
    /// Messages the desk wrote to members about their refund requests and conduct (the refund
    /// decision, the moderation step), through `SupportDesk.refunds` and `SupportDesk.moderation`.
    public var policyMessages: Int
    /// Messages the desk sent on its channels.
    public var messagesSent: Int
    /// What the member journey did: joins, cancellations, exit reasons and the journey's messages.
    public var journey: JourneyFigures
    /// The tickets whose members waited longest for a first public reply, longest first, by number.
    public var slowestFirstReplies: [TicketWait] = []
    /// Every ticket's wait for an agent and first reply, in creation order.
    public var outcomes: [TicketOutcome]
}

/// One ticket of a simulation as the desk recorded it: when it came, how urgent it was, how long it
/// waited for an agent and whether its first reply kept the promise.
public struct TicketOutcome: Sendable, Hashable {
    /// When the ticket was created.
    public var createdAt: Date
    /// Its priority when it was created.
    public var priority: Priority
    /// From its creation to its first assignment to an agent (the desk's `assigned` event); `nil` when
    /// no agent was ever assigned.
    public var waitForAgent: TimeInterval?
    /// Whether the first reply kept the promise: `false` on time, `true` late, `nil` when there was no
    /// first-reply promise or no reply yet.
    public var firstReplyLate: Bool?

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - createdAt: When the ticket was created.
    ///   - priority: Its priority at creation.
    ///   - waitForAgent: The wait for the first assignment.
    ///   - firstReplyLate: Whether the first reply was late.
    public init(createdAt: Date, priority: Priority, waitForAgent: TimeInterval?, firstReplyLate: Bool?) {
        self.createdAt = createdAt
        self.priority = priority
        self.waitForAgent = waitForAgent
        self.firstReplyLate = firstReplyLate
    }
}

/// The member journey of a simulation: who joined and left, why they left, and what the desk sent them.
///
/// The message counts are read back from the desk's journey records (steps sent, not skipped); the
/// rating requests from the tickets.
public struct JourneyFigures: Sendable, Hashable {
    /// Members the club had at the start, reported to the desk with their facts.
    public var membersAtStart: Int
    /// Of those, the ones who had joined within the newcomer period.
    public var newcomersAtStart: Int
    /// Of those, the ones whose last activity was already longer ago than the quiet threshold.
    public var quietAtStart: Int
    /// Members who joined during the run.
    public var joins: Int
    /// Members who cancelled during the run.
    public var cancellations: Int
    /// Leavers who answered the exit survey.
    public var surveysAnswered: Int
    /// How often each exit reason was chosen, by the reason's stable name.
    public var exitReasons: [String: Int]
    /// Welcomes sent.
    public var welcomes: Int
    /// Onboarding check-ins sent.
    public var onboardingCheckIns: Int
    /// Quiet check-ins sent.
    public var quietCheckIns: Int
    /// Exit surveys (the thank-you with the survey) sent.
    public var exitSurveys: Int
    /// Win-backs sent after the fix.
    public var winBacks: Int
    /// Journey steps the desk passed over (opted out, not in good standing).
    public var skippedSteps: Int
    /// Journey messages sent at the start, to members the club already had (a welcome the desk had
    /// not sent before, a check-in already due).
    public var sentAtStart: Int
    /// The exit reason the owner announced a fix for, if any answer came in before the announcement.
    public var fixedReason: String?
    /// When the fix was announced.
    public var fixAnnouncedAt: Date?
    /// Rating requests the desk added to solved tickets.
    public var ratingsRequested: Int

    /// The exit reasons, most chosen first, then by name.
    public var exitReasonsByCount: [(reason: String, count: Int)] {
        exitReasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (reason: $0.key, count: $0.value) }
    }
}
