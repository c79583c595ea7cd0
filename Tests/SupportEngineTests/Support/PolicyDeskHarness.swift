import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A desk wired for refund and moderation tests: a manual clock, in-memory stores, an email channel and
/// four members (English, Russian and Spanish speakers who pay, and one who does not).
///
/// The desks reach the ticket store through ``faults``, which fails nothing until a test scripts a fault.
struct PolicyDeskHarness {
    let clock = ManualClock()
    let store = InMemoryTicketStore()
    let faults: FaultInjectingTicketStore
    let ledgers: any PolicyLedgerStore
    let email = InMemoryChannel(kind: .email)
    let desk: SupportDesk
    let configuration: DeskConfiguration

    static let anna = MemberProfile(id: "anna", displayName: "Anna", locale: .en)
    static let ivan = MemberProfile(id: "ivan", displayName: "Иван", locale: .ru)
    static let lucia = MemberProfile(id: "lucia", displayName: "Lucía", locale: .es)
    static let boris = MemberProfile(id: "boris", displayName: "Boris", locale: .en, isPaying: false)

    static let policy = RefundPolicy(plans: [
        "monthly": PlanRefundTerms(
            guaranteeDays: 14,
            windowStart: .eachRenewal,
            afterWindow: .goodwill(maxDaysAfterWindow: 30)
        ),
        "annual": PlanRefundTerms(guaranteeDays: 30, afterWindow: .strict),
    ])

    init(
        refunds: RefundPolicy? = PolicyDeskHarness.policy,
        moderation: ModerationPolicy = .standard,
        ledgers: any PolicyLedgerStore = InMemoryPolicyLedgerStore(),
        templates: TemplateCatalog = .builtIn,
        rulesLink: String? = nil,
        access: (any MemberAccess)? = nil,
        alerts: [AlertRecipient] = []
    ) {
        self.ledgers = ledgers
        faults = FaultInjectingTicketStore(wrapping: store, seed: 0)
        var configuration = DeskConfiguration(
            templates: templates,
            refunds: refunds,
            moderation: moderation,
            rulesLink: rulesLink
        )
        configuration.alertRecipients = alerts
        self.configuration = configuration
        desk = try! SupportDesk(
            store: faults,
            clock: clock,
            channels: [email],
            configuration: configuration,
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([Self.anna, Self.ivan, Self.lucia, Self.boris]),
            ledgers: ledgers,
            access: access
        )
    }

    /// A second desk on the same stores, clock and channel: another server of the same club.
    func secondDesk() -> SupportDesk {
        try! SupportDesk(
            store: faults,
            clock: clock,
            channels: [email],
            configuration: configuration,
            ids: UUIDGenerator(),
            members: InMemoryMemberDirectory([Self.anna, Self.ivan, Self.lucia, Self.boris]),
            ledgers: ledgers
        )
    }

    /// The member's facts: one charge of 19.00 EUR paid `daysAgo` days before now, for a month.
    func facts(
        _ member: MemberID,
        plan: PlanID = "monthly",
        paidDaysAgo daysAgo: Double,
        dispute: DisputeState = .undisputed
    ) -> RefundFacts {
        let paid = clock.now.addingTimeInterval(-daysAgo * 86_400)
        let charge = Charge(
            id: "ch-1",
            amount: Money(minorUnits: 1900, currency: .eur),
            at: paid,
            periodEnd: paid.addingTimeInterval(plan == "annual" ? 365 * 86_400 : 31 * 86_400),
            dispute: dispute
        )
        return RefundFacts(member: member, plan: plan, charges: [charge])
    }

    /// Opens a ticket with a member's message and returns the ticket and the message's id.
    func open(
        _ member: MemberID,
        body: String = "Hello, I have a question",
        id: String = "in-1"
    ) async throws
        -> (TicketID, MessageID)
    {
        let outcome = try await desk.receive(
            InboundMessage(channel: .email, externalID: id, sender: member, body: body, receivedAt: clock.now)
        )
        let message = try #require(outcome.ticket.messages.last { $0.kind == .memberMessage })
        return (outcome.ticket.id, message.id)
    }

    /// Adds a member's message to their ticket and returns its id.
    func write(_ member: MemberID, on ticket: TicketID, body: String, id: String) async throws -> MessageID {
        let updated = try await desk.execute(
            .memberMessage(MessageDraft(id: MessageID(id), body: body)),
            on: ticket,
            by: .member(member)
        )
        return try #require(updated.messages.last).id
    }

    /// The automatic messages of a ticket, with their template keys.
    func automaticMessages(of ticket: TicketID) async throws -> [TicketMessage] {
        try await desk.agentView(of: ticket).ticket.messages.filter { $0.kind == .automatic }
    }

    /// The internal notes of a ticket.
    func notes(of ticket: TicketID) async throws -> [TicketMessage] {
        try await desk.agentView(of: ticket).ticket.messages.filter { $0.kind == .internalNote }
    }
}

/// A ledger store where another moderator acts between the desk's read and its first save.
actor RacingLedgerStore: ForwardingPolicyLedgerStore {
    let base = InMemoryPolicyLedgerStore()
    private var interloper: (@Sendable () async throws -> Void)?
    private var afterRecord: (@Sendable () async throws -> Void)?
    private var beforeRecord: (@Sendable () async throws -> Void)?
    private(set) var saveAttempts = 0

    /// Sets what the other moderator does, once, just before the desk's next save.
    func beforeNextSave(_ action: @escaping @Sendable () async throws -> Void) { interloper = action }

    func saveModerationLedger(
        _ ledger: MemberLedger,
        expectedVersion: Int,
        owing post: PendingPolicyPost?
    ) async throws {
        saveAttempts += 1
        if let action = interloper {
            interloper = nil
            try await action()
        }
        try await base.saveModerationLedger(ledger, expectedVersion: expectedVersion, owing: post)
    }

    func recordRefundDecision(
        _ decision: RefundDecision,
        replacing: Bool,
        expectedVersion: Int,
        owing post: PendingPolicyPost?
    ) async throws {
        if let action = beforeRecord {
            beforeRecord = nil
            try await action()
        }
        try await base.recordRefundDecision(
            decision,
            replacing: replacing,
            expectedVersion: expectedVersion,
            owing: post
        )
        if let action = afterRecord {
            afterRecord = nil
            try await action()
        }
    }

    /// Sets what another call does, once, just before the desk's next refund decision is recorded: the
    /// desk has read the decisions and decided, and the other call runs to its end before the record.
    func beforeNextRecord(_ action: @escaping @Sendable () async throws -> Void) { beforeRecord = action }

    /// Sets what another call does, once, right after the desk's next refund decision is recorded.
    func afterNextRecord(_ action: @escaping @Sendable () async throws -> Void) { afterRecord = action }
}
