import Foundation
import SupportEngineTesting

@testable import SupportEngine

/// Two desks of one club on one set of stores, a clock that moves on every read, channels and a
/// store that fail on a seeded schedule: the world the model-based test drives.
///
/// The program — which calls, on which desk, in which batches — is a pure function of the seed. The
/// calls of one batch run at once, so their interleaving is the scheduler's: a failure names the seed
/// and the program, and replays the same program (usually the same failure).
final class DeskModel: Sendable {
    static let members: [MemberProfile] = [
        MemberProfile(id: "anna", displayName: "Anna", locale: .en),
        MemberProfile(id: "ivan", displayName: "Иван", locale: .ru, contactChannels: [.telegram, .email]),
        MemberProfile(id: "lucia", displayName: "Lucía", locale: .es),
        MemberProfile(id: "boris", displayName: "Boris", locale: .en, isPaying: false),
    ]
    static let prospects: [MemberID] = ["guest-1", "guest-2"]
    static let agents: [AgentProfile] = [
        AgentProfile(id: "pavel", displayName: "Pavel", capacity: 2),
        AgentProfile(id: "olga", displayName: "Olga", capacity: 3),
    ]
    static let owner = SupportActor.owner("olga")
    /// The one charge every member has: 19.00 EUR.
    static let chargeAmount = Money(minorUnits: 1900, currency: .eur)

    let seed: UInt64
    let start: Date
    let clock: MovingClock
    let shared: InMemoryTicketStore
    let faults: FaultInjectingTicketStore
    let witnesses: [ModelWitnessStore]
    let ledgers: InMemoryPolicyLedgerStore
    let journeys: InMemoryMemberJourneyStore
    let order = ModelOrder()
    let channels: [ModelChannel]
    let desks: [SupportDesk]
    let configuration: DeskConfiguration
    let log = LockedBox(ModelLog())

    init(seed: UInt64, storeFaultRate: Double = 0.04, channelFailureRate: Double = 0.15) throws {
        var random = ModelRandom(seed: seed)
        self.seed = seed
        // Friday 2026-01-09 10:00 UTC; every read moves the clock on by 50 ms.
        let clock = MovingClock(start: Date(timeIntervalSince1970: 1_767_952_800), step: 0.05)
        self.clock = clock
        start = clock.peek
        shared = InMemoryTicketStore()
        faults = FaultInjectingTicketStore(wrapping: shared, seed: random.fork(), rate: storeFaultRate)
        ledgers = InMemoryPolicyLedgerStore()
        journeys = InMemoryMemberJourneyStore()
        var configuration = try Self.configuration()
        // Every other seed commits the messages it sends at once already claimed (the fast path a
        // database uses), so both ways of claiming meet the faults, the moving clock and the other desk.
        configuration.deliveryClaimsOnCommit = seed % 2 == 1
        self.configuration = configuration
        var channels: [ModelChannel] = []
        for kind in [ChannelKind.email, .telegram] {
            channels.append(
                ModelChannel(
                    kind: kind,
                    seed: random.fork(),
                    order: order,
                    clock: clock,
                    failureRate: channelFailureRate,
                    slowRate: 0.03,
                    slowBy: configuration.deliveryClaimDuration * 1.5
                )
            )
        }
        self.channels = channels
        let directory = InMemoryMemberDirectory(Self.members)
        var witnesses: [ModelWitnessStore] = []
        var desks: [SupportDesk] = []
        for _ in 0..<2 {
            let witness = ModelWitnessStore(base: faults)
            witnesses.append(witness)
            desks.append(
                try SupportDesk(
                    store: witness,
                    clock: clock,
                    channels: channels,
                    configuration: configuration,
                    ids: UUIDGenerator(),
                    members: directory,
                    ledgers: ledgers,
                    journeys: journeys
                )
            )
        }
        self.witnesses = witnesses
        self.desks = desks
    }

    /// The club: business hours every day 08:00–20:00 UTC, an SLA, routing to two agents with small
    /// capacities, refunds, moderation and the member journey.
    static func configuration() throws -> DeskConfiguration {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.allCases, start: "08:00", end: "20:00")]
            )
        )
        let hour: TimeInterval = 3600
        return DeskConfiguration(
            autoCloseAfter: 2 * 86_400,
            deliveryRetryDelay: 60,
            deliveryClaimDuration: 300,
            maximumDeliveryAttempts: 3,
            agents: agents,
            sla: SLAPolicy(
                calendar: hours,
                targets: [
                    .normal: .init(
                        firstReply: .business(2 * hour),
                        nextReply: .business(2 * hour),
                        resolution: .business(8 * hour)
                    )
                ],
                warningFraction: 0.75
            ),
            refunds: PolicyDeskHarness.policy,
            moderation: .standard,
            routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal)),
            journey: JourneyPolicy()
        )
    }

    /// The member's facts as the host knows them: one charge paid `daysAgo` days ago; the host never
    /// records the refunds the desk approves (the desk must count them itself).
    func facts(_ member: MemberID, paidDaysAgo daysAgo: Double) -> RefundFacts {
        let paid = start.addingTimeInterval(-daysAgo * 86_400)
        let charge = Charge(
            id: "ch-1",
            amount: Self.chargeAmount,
            at: paid,
            periodEnd: paid.addingTimeInterval(31 * 86_400)
        )
        return RefundFacts(member: member, plan: "monthly", charges: [charge])
    }

    /// The club before the program: three members joined a while ago (their journeys run), faults
    /// off while it is set up.
    func setUp() async throws {
        faults.setFaulting(false)
        defer { faults.setFaulting(true) }
        for member in Self.members.prefix(3) {
            _ = try await desks[0].journey.memberJoined(member.id, at: start.addingTimeInterval(-20 * 86_400))
        }
    }

    /// Stops every injected fault: the store's, the channels' failures and slow sends.
    func stopFaults() {
        faults.setFaulting(false)
        for channel in channels { channel.stopFaults() }
    }
}

/// What the callers were told, in the model's global order.
struct ModelLog: Sendable {
    /// Every inbound message the program sent, by external id.
    var inbound: [String: InboundMessage] = [:]
    /// The external ids whose `receive` returned.
    var accepted: Set<String> = []
    /// Tickets the callers learned about, in order, with their requester.
    var tickets: [(id: TicketID, requester: MemberID)] = []
    /// Member messages callers learned about: the ticket, the message and its author.
    var memberMessages: [(ticket: TicketID, message: MessageID, member: MemberID)] = []
    /// When (in the model's order) the batch in which each member opted out ended; removed on opting in.
    /// A send made during that batch ran at the same time as the opt-out, which may have committed
    /// between the desk's check and the send (on another desk, nothing can order them), so it is not
    /// judged; every later batch is.
    var optedOutAt: [MemberID: Int] = [:]
    /// When (in the model's order) the batch in which the owner approved each member's removal ended.
    var removedAt: [MemberID: Int] = [:]
    /// The members who opted out, and those whose removal was approved, in the batch running now.
    var optedOutInBatch: Set<MemberID> = []
    var removedInBatch: Set<MemberID> = []
    /// How many calls ended in each kind of error: a program that never reaches a path says so here.
    var outcomes: [String: Int] = [:]
    /// The calls in program order, for a failure message.
    var program: [String] = []

    mutating func count(_ outcome: String) { outcomes[outcome, default: 0] += 1 }
}
