import Foundation
import SupportEngine
import SupportEngineTesting

/// A desk with the email channel and intake on an in-memory store: business hours in Moscow, Monday
/// 10:00 by default, so that new tickets are acknowledged; members Olivia (Gmail) and Anna (Yandex).
struct EmailDeskHarness: Sendable {
    let store: InMemoryTicketStore
    let clock: any SupportClock
    let directory: InMemoryMemberDirectory
    let transport: InMemoryMailTransport
    let settings: EmailDeskSettings
    let desk: SupportDesk
    let intake: EmailIntake
    let fallback: InMemoryChannel

    static let olivia: MemberProfile = {
        var profile = MemberProfile(id: "olivia", displayName: "Olivia Bennett", contactChannels: [.email, .telegram])
        try! profile.addEmailAddress("Olivia.Bennett@gmail.example")
        return profile
    }()
    static let anna: MemberProfile = {
        var profile = MemberProfile(id: "anna", displayName: "Анна Петрова", locale: .ru)
        try! profile.addEmailAddress("anna.petrova@yandex.example")
        return profile
    }()
    /// Monday 2026-01-05 10:00 in Moscow.
    static let mondayMorning = Date(timeIntervalSince1970: 1_767_596_400)

    init(
        store: InMemoryTicketStore = InMemoryTicketStore(),
        clock: any SupportClock = ManualClock(now: EmailDeskHarness.mondayMorning),
        ids: any IDGenerator = SequentialIDGenerator(),
        transport: InMemoryMailTransport = InMemoryMailTransport(),
        maximumAutomaticRepliesPerDay: Int = 3,
        attachments: (any AttachmentStore)? = nil,
        bounceAddress: EmailAddress? = nil
    ) throws {
        self.store = store
        self.clock = clock
        self.transport = transport
        let directory = InMemoryMemberDirectory([Self.olivia, Self.anna])
        self.directory = directory
        settings = try EmailDeskSettings(
            mailbox: Mailbox(displayName: "Club Support", address: EmailAddress("support@club.example")),
            maximumAutomaticRepliesPerDay: maximumAutomaticRepliesPerDay,
            bounceAddress: bounceAddress
        )
        let email = EmailChannel(
            settings: settings,
            store: store,
            members: directory,
            clock: clock,
            transport: transport,
            attachments: attachments
        )
        fallback = InMemoryChannel(kind: .telegram)
        let hours = try BusinessCalendar(
            .init(
                timeZone: "Europe/Moscow",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        let boundaries = try BoundariesPolicy(
            hours: hours,
            channels: [ChannelPolicy(kind: .email)],
            promises: [.normal: ResponseTargets(firstReply: .business(4 * 3600))]
        )
        desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [email, fallback],
            configuration: DeskConfiguration(
                agents: [AgentProfile(id: "ivan", displayName: "Ivan")],
                boundaries: boundaries,
                routing: RoutingSettings(priorities: try PriorityPolicy(rules: [], defaultPriority: .normal))
            ),
            ids: ids,
            members: directory,
            attachments: attachments
        )
        intake = EmailIntake(desk: desk, settings: settings)
    }

    /// Receives a fixture and returns the desk's outcome; fails for a bounce.
    func receive(_ fixture: String, _ values: [String: String] = [:]) async throws -> ReceiveOutcome {
        let result = try await intake.receive(raw: EmailFixture.bytes(fixture, values))
        guard case .received(let outcome, _, _) = result else {
            throw HarnessError("\(fixture) was taken as a bounce")
        }
        return outcome
    }

    /// The mail sent so far, parsed back.
    func sentMail() throws -> [ParsedEmail] {
        try transport.sent.map { try EmailParser().parse($0.bytes) }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
