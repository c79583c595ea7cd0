import Foundation

/// A person on the support side: how members see them and what the desk may route to them.
public struct AgentProfile: Sendable, Hashable, Codable {
    /// The agent's id.
    public var id: AgentID
    /// The name members see.
    public var displayName: String
    /// The languages the agent answers in; empty for any.
    public var languages: [LocaleTag]
    /// The contact reasons the agent handles best; empty for none in particular.
    public var skills: [ContactReason]
    /// How many open tickets the agent can carry at once.
    public var capacity: Int
    /// The agent's working hours; `nil` means always on shift while online.
    public var shift: BusinessCalendar?
    /// Who takes the agent's tickets while they are absent.
    public var substitute: AgentID?

    /// Creates a profile.
    ///
    /// - Parameters:
    ///   - id: The agent's id.
    ///   - displayName: The name members see.
    ///   - languages: The languages the agent answers in.
    ///   - skills: The contact reasons the agent handles best.
    ///   - capacity: How many open tickets the agent can carry at once.
    ///   - shift: The agent's working hours, or `nil`.
    ///   - substitute: Who takes the agent's tickets while they are absent.
    public init(
        id: AgentID,
        displayName: String,
        languages: [LocaleTag] = [],
        skills: [ContactReason] = [],
        capacity: Int = 20,
        shift: BusinessCalendar? = nil,
        substitute: AgentID? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.languages = languages
        self.skills = skills
        self.capacity = capacity
        self.shift = shift
        self.substitute = substitute
    }
}

/// How a ``SupportDesk`` behaves.
///
/// Written as JSON, it is the configuration document (the article "The configuration document"): read one with
/// ``decode(json:)`` or ``load(path:)``, check one built in code with ``validate()``.
public struct DeskConfiguration: Sendable {
    /// The largest message body accepted, in UTF-8 bytes. Default 64 KiB.
    public var maximumBodyBytes: Int
    /// The longest subject accepted, in characters. Default 998, as for an email header line.
    public var maximumSubjectLength: Int
    /// How long after being solved a ticket closes by itself. Default 4 days.
    public var autoCloseAfter: TimeInterval
    /// How many times a change is retried when the ticket changed under it. Default 8.
    public var conflictRetries: Int
    /// How long to wait before retrying a failed delivery; doubles with each attempt. Default 60 s.
    public var deliveryRetryDelay: TimeInterval
    /// How long a desk holds an outbound message while sending it; if the desk stops meanwhile, another
    /// desk on the same store takes the message over after this long. Default 5 minutes.
    public var deliveryClaimDuration: TimeInterval
    /// Whether a commit stores the messages it makes due at once already claimed by this desk, on a store
    /// that keeps a commit's claims (``TicketStore/storesClaimsOnCommit``), so that the send right after
    /// the commit needs no ``TicketStore/claimOutbound(_:at:until:)`` round trip. Journey messages and
    /// staff alerts are claimed as usual. Default `false`.
    ///
    /// The cost: a message whose commit was reported failed though it stood, or whose desk stopped
    /// between the commit and the send, waits for its claim to end (``deliveryClaimDuration``) before
    /// another desk sends it; the committing desk itself, still running, sends it at its next pass. Turn
    /// it on where a round trip per message matters (a database shared by several servers) and the
    /// claim duration is short.
    public var deliveryClaimsOnCommit: Bool
    /// How many delivery attempts before a message is dead-lettered. Default 5.
    public var maximumDeliveryAttempts: Int
    /// How often the desk reads the store for timers and deliveries it did not schedule itself:
    /// those written by other desks on the same store, or left behind by a desk that stopped.
    /// A ticket another desk wrote gets its SLA steps and auto-close from this desk at most this late
    /// when the other desk is gone (on time when the scan saw it before it fell due). Default 30 s;
    /// `nil` never reads, for a desk that is alone on its store (an ``InMemoryTicketStore`` of its own).
    public var storeScanInterval: TimeInterval?
    /// The people on the support side, for display names in member views.
    public var agents: [AgentProfile]
    /// The service levels to keep; `nil` runs no SLA clocks.
    public var sla: SLAPolicy?
    /// The published rules of the support line: hours, promises, scope, absences. With them the desk
    /// acknowledges every new ticket with the expected reply time, sends after-hours, absence and
    /// out-of-scope notices. `nil` sends no automatic replies.
    public var boundaries: BoundariesPolicy?
    /// The message templates; the built-in English, Russian and Spanish ones by default.
    public var templates: TemplateCatalog
    /// Self-service links per contact reason, offered in the acknowledgement.
    public var selfService: [ContactReason: [SelfServiceLink]]
    /// The refund-guarantee rules; `nil` means refund requests are refused with a clear error.
    public var refunds: RefundPolicy?
    /// The conduct ladder for difficult members.
    public var moderation: ModerationPolicy
    /// How new tickets are classified, prioritized and assigned.
    public var routing: RoutingSettings
    /// Where the published rules of the support line are, shown in member views and moderation messages.
    public var rulesLink: String?
    /// The member journey: segments, welcome and check-ins, exit survey, win-backs. `nil` (the default)
    /// runs no journey; the desk then takes segments from the ``MemberDirectory``.
    public var journey: JourneyPolicy?
    /// Whether solving a ticket asks the member to rate it from 1 to 5 (once per ticket). Default `false`.
    public var requestsRatings: Bool
    /// The support line's hours, as the configuration document's `hours` names them: the calendar the
    /// SLA clocks and the default published rules were built on. The desk itself reads ``sla`` and
    /// ``boundaries``; `nil` when none was given.
    public var hours: BusinessCalendar?
    /// What comes before a ticket number wherever people see it: `#` (the default) shows `#1042`.
    /// One to eight characters, none of them a digit, white space, a control character or a square
    /// bracket (the desk finds references written as `[#1042]`).
    public var ticketNumberPrefix: String
    /// What files the desk keeps from a message: size, count and types. Set it in code; the
    /// configuration document does not carry it yet.
    public var attachmentLimits = AttachmentLimits()
    /// The people on staff the desk alerts of breaches, escalations and what waits for the owner, each on
    /// their channel and in their language; empty (the default) for no alerts. See ``AlertRecipient``.
    public var alertRecipients: [AlertRecipient] = []
    /// The macros agents apply by name (``SupportDesk/apply(macroNamed:to:by:values:expectedVersion:)``):
    /// names unique regardless of case, reply templates in ``templates``. Empty by default.
    public var macros: [Macro] = []

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - maximumBodyBytes: The largest body accepted, in UTF-8 bytes.
    ///   - maximumSubjectLength: The longest subject accepted, in characters.
    ///   - autoCloseAfter: How long after being solved a ticket closes by itself.
    ///   - conflictRetries: How many times a change is retried on a version conflict.
    ///   - deliveryRetryDelay: The first delay before retrying a failed delivery.
    ///   - deliveryClaimDuration: How long a desk holds a message while sending it.
    ///   - deliveryClaimsOnCommit: Whether a commit stores the messages it makes due at once already
    ///     claimed by this desk, on a store that keeps a commit's claims. `false` by default.
    ///   - maximumDeliveryAttempts: Attempts before a message is dead-lettered.
    ///   - storeScanInterval: How often the desk reads the store for timers other desks scheduled;
    ///     `nil` for never.
    ///   - agents: The people on the support side.
    ///   - sla: The service levels to keep, or `nil`.
    ///   - boundaries: The published rules of the support line, or `nil` for no automatic replies.
    ///   - templates: The message templates.
    ///   - selfService: Self-service links per contact reason.
    ///   - refunds: The refund-guarantee rules, or `nil`.
    ///   - moderation: The conduct ladder.
    ///   - routing: How new tickets are classified, prioritized and assigned.
    ///   - rulesLink: Where the published rules are.
    ///   - journey: The member journey, or `nil` for none.
    ///   - requestsRatings: Whether solving a ticket asks the member for a rating.
    ///   - hours: The support line's hours, or `nil`.
    ///   - ticketNumberPrefix: What comes before a ticket number people see, `#` by default.
    public init(
        maximumBodyBytes: Int = 64 * 1024,
        maximumSubjectLength: Int = 998,
        autoCloseAfter: TimeInterval = 4 * 86_400,
        conflictRetries: Int = 8,
        deliveryRetryDelay: TimeInterval = 60,
        deliveryClaimDuration: TimeInterval = 300,
        deliveryClaimsOnCommit: Bool = false,
        maximumDeliveryAttempts: Int = 5,
        storeScanInterval: TimeInterval? = 30,
        agents: [AgentProfile] = [],
        sla: SLAPolicy? = nil,
        boundaries: BoundariesPolicy? = nil,
        templates: TemplateCatalog = .builtIn,
        selfService: [ContactReason: [SelfServiceLink]] = [:],
        refunds: RefundPolicy? = nil,
        moderation: ModerationPolicy = .standard,
        routing: RoutingSettings = RoutingSettings(),
        rulesLink: String? = nil,
        journey: JourneyPolicy? = nil,
        requestsRatings: Bool = false,
        hours: BusinessCalendar? = nil,
        ticketNumberPrefix: String = "#"
    ) {
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumSubjectLength = maximumSubjectLength
        self.autoCloseAfter = autoCloseAfter
        self.conflictRetries = conflictRetries
        self.deliveryRetryDelay = deliveryRetryDelay
        self.deliveryClaimDuration = deliveryClaimDuration
        self.deliveryClaimsOnCommit = deliveryClaimsOnCommit
        self.maximumDeliveryAttempts = maximumDeliveryAttempts
        self.storeScanInterval = storeScanInterval
        self.agents = agents
        self.sla = sla
        self.boundaries = boundaries
        self.templates = templates
        self.selfService = selfService
        self.refunds = refunds
        self.moderation = moderation
        self.routing = routing
        self.rulesLink = rulesLink
        self.journey = journey
        self.requestsRatings = requestsRatings
        self.hours = hours
        self.ticketNumberPrefix = ticketNumberPrefix
    }
}
