import Foundation
import SupportEngine

extension ClubConfiguration {
    /// The built-in club of `supportdesk simulate`: Mon–Fri 09:00–18:00 in one time zone, the seeds'
    /// promises (urgent within 2 business hours, high within 8, the rest within 24 hours), self-service
    /// links, refund and conduct rules, a rating after solving.
    ///
    /// - Parameters:
    ///   - agents: How many agents, 1 to 26.
    ///   - members: How many members.
    /// - Returns: The club.
    /// - Throws: Never for valid arguments; ``ClubConfigurationError`` otherwise.
    public static func defaultClub(agents: Int = 2, members: Int = 1500) throws -> ClubConfiguration {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "Europe/Berlin",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        let seeds = try BoundariesPolicy.seedDefaults(hours: hours)
        let hour: TimeInterval = 3600
        // The seeds' promises, the same as the default SLA: urgent 2 business hours, high 8, the rest 24 hours.
        let boundaries = try BoundariesPolicy(
            hours: hours,
            channels: seeds.channels,
            promises: SLAPolicy.seedDefaults(calendar: hours).targets,
            scope: seeds.scope
        )
        let names = [
            ("anna", "Anna", [LocaleTag.en, .es]), ("ivan", "Ivan", [.ru, .en]), ("lucia", "Lucía", [.es, .en]),
            ("olga", "Olga", [.ru]), ("mark", "Mark", [.en]),
        ]
        guard (1...26).contains(agents) else {
            throw ClubConfigurationError(.invalidArgument, path: "--agents", "give 1 to 26 agents, not \(agents)")
        }
        var profiles: [AgentProfile] = []
        for index in 0..<agents {
            let (id, name, languages) =
                index < names.count
                ? names[index] : ("agent\(index + 1)", "Agent \(index + 1)", [LocaleTag.en, .ru, .es])
            profiles.append(
                AgentProfile(id: AgentID(id), displayName: name, languages: languages, capacity: 30, shift: hours)
            )
        }
        if profiles.count > 1 {
            for index in profiles.indices { profiles[index].substitute = profiles[(index + 1) % profiles.count].id }
        }
        let desk = DeskConfiguration(
            agents: profiles,
            sla: SLAPolicy(
                boundaries: boundaries,
                escalations: [SLAEscalation(after: 2 * hour, action: .raisePriority)]
            ),
            boundaries: boundaries,
            selfService: [
                .cancelSubscription: [
                    SelfServiceLink(
                        titles: [
                            .en: "Cancel your subscription", .ru: "Отменить подписку", .es: "Cancelar la suscripción",
                        ],
                        url: "https://club.example/account/cancel"
                    )
                ],
                .billing: [
                    SelfServiceLink(
                        titles: [.en: "Update payment details", .ru: "Изменить способ оплаты", .es: "Cambiar el pago"],
                        url: "https://club.example/account/payment"
                    )
                ],
            ],
            refunds: RefundPolicy(plans: [
                "monthly": PlanRefundTerms(guaranteeDays: 14, afterWindow: .strict),
                "annual": PlanRefundTerms(guaranteeDays: 30, amount: .proratedByUnusedTime),
            ]),
            moderation: .standard,
            rulesLink: "https://club.example/support-rules",
            requestsRatings: true,
            hours: hours
        )
        let club = ClubConfiguration(name: "Default club", members: members, desk: desk)
        try club.validate()
        return club
    }

    /// The support line's hours: the desk's `hours` (required by ``validate()``), else its SLA calendar or
    /// published hours, else every hour in UTC.
    public var hours: BusinessCalendar {
        desk.hours ?? desk.sla?.calendar ?? desk.boundaries?.hours ?? Self.aroundTheClock
    }

    private static let aroundTheClock: BusinessCalendar = {
        do {
            return try BusinessCalendar(.init(timeZone: "UTC", alwaysOpen: true))
        } catch {
            preconditionFailure("an always-open UTC calendar is valid: \(error)")
        }
    }()

    /// The channels the desk sends on: the published channels and those the traffic uses.
    public var channelKinds: [ChannelKind] {
        var kinds = Set(desk.boundaries?.channels.map(\.kind) ?? [])
        for (key, weight) in traffic.channels where weight > 0 { kinds.insert(ChannelKind(rawValue: key)) }
        kinds.insert(.email)
        return kinds.sorted()
    }

    /// The member journey a simulation runs: the desk's `journey`, or the default `JourneyPolicy()` (a
    /// simulation always plays joins, check-ins and departures).
    public var effectiveJourney: JourneyPolicy { desk.journey ?? JourneyPolicy() }

    /// The desk configuration a simulation runs: ``desk`` with the member journey on (``effectiveJourney``).
    public var simulatedDesk: DeskConfiguration {
        var configuration = desk
        configuration.journey = effectiveJourney
        return configuration
    }
}
