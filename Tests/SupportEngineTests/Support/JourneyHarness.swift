import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A desk with the member journey on: a manual clock, in-memory stores, an email channel and four
/// members (English, Russian, Spanish, and a non-paying one).
struct JourneyHarness {
    let clock: ManualClock
    let store: InMemoryTicketStore
    let ledgers: InMemoryPolicyLedgerStore
    let journeys: InMemoryMemberJourneyStore
    let email: InMemoryChannel
    let desk: SupportDesk
    let start: Date
    let policy: JourneyPolicy?
    let requestsRatings: Bool

    static let day = JourneyPolicy.day
    static let members = [
        MemberProfile(id: "anna", displayName: "Anna", locale: .en),
        MemberProfile(id: "ivan", displayName: "Иван", locale: .ru),
        MemberProfile(id: "lucia", displayName: "Lucía", locale: .es),
        MemberProfile(id: "boris", displayName: "Boris", locale: .en, isPaying: false),
    ]

    init(policy: JourneyPolicy? = JourneyPolicy(), requestsRatings: Bool = false) {
        self.init(
            clock: ManualClock(),
            store: InMemoryTicketStore(),
            ledgers: InMemoryPolicyLedgerStore(),
            journeys: InMemoryMemberJourneyStore(),
            email: InMemoryChannel(kind: .email),
            policy: policy,
            requestsRatings: requestsRatings
        )
    }

    /// A second desk on the same stores, clock and channel: a restart.
    func restarted() -> JourneyHarness {
        JourneyHarness(
            clock: clock,
            store: store,
            ledgers: ledgers,
            journeys: journeys,
            email: email,
            policy: policy,
            requestsRatings: requestsRatings
        )
    }

    private init(
        clock: ManualClock,
        store: InMemoryTicketStore,
        ledgers: InMemoryPolicyLedgerStore,
        journeys: InMemoryMemberJourneyStore,
        email: InMemoryChannel,
        policy: JourneyPolicy?,
        requestsRatings: Bool
    ) {
        self.clock = clock
        self.store = store
        self.ledgers = ledgers
        self.journeys = journeys
        self.email = email
        self.start = clock.now
        self.policy = policy
        self.requestsRatings = requestsRatings
        // The harness builds valid configurations; a test of an invalid one starts its own desk.
        desk = try! SupportDesk(
            store: store,
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(journey: policy, requestsRatings: requestsRatings),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory(Self.members),
            ledgers: ledgers,
            journeys: journeys
        )
    }

    /// The instant `days` days after the harness started.
    func day(_ days: Double) -> Date { start.addingTimeInterval(days * Self.day) }

    /// Moves the clock to a day and runs the due work.
    func advance(toDay days: Double) async throws {
        clock.advance(to: day(days))
        try await desk.processDueWork()
    }

    /// The messages sent to a member outside any ticket, oldest first.
    func journeyMessages(to member: MemberID) -> [OutboundMessage] {
        email.sentMessages.filter { $0.recipient == member && $0.ticketID == nil }
    }

    /// Removes a non-paying member through the conduct ladder: three reported messages.
    func remove(_ member: MemberID) async throws {
        for index in 1...3 {
            let outcome = try await desk.receive(
                InboundMessage(
                    channel: .email,
                    externalID: "rude-\(member)-\(index)",
                    sender: member,
                    body: "You are all useless, number \(index)",
                    receivedAt: clock.now
                )
            )
            let message = try #require(outcome.ticket.messages.last { $0.kind == .memberMessage })
            try await desk.moderation.report(
                on: outcome.ticket.id,
                message: message.id,
                violation: Violation(.rudeness, note: "insults"),
                by: .agent("olga")
            )
        }
    }
}
