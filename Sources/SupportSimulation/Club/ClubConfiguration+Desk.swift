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
        let day = BusinessDuration.calendar(24 * hour)
        let everyday = ResponseTargets(firstReply: day, nextReply: day, resolution: .calendar(72 * hour))
        let boundaries = try BoundariesPolicy(
            hours: hours,
            channels: seeds.channels,
            promises: [
                .urgent: ResponseTargets(
                    firstReply: .business(2 * hour),
                    nextReply: .business(4 * hour),
                    resolution: .business(16 * hour)
                ),
                .high: ResponseTargets(
                    firstReply: .business(8 * hour),
                    nextReply: .business(8 * hour),
                    resolution: .business(24 * hour)
                ),
                .normal: everyday,
                .low: everyday,
            ],
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
        let club = ClubConfiguration(
            name: "Default club",
            members: members,
            hours: hours,
            boundaries: boundaries,
            agents: profiles,
            sla: SLASettings(escalations: [SLAEscalation(after: 2 * hour, action: .raisePriority)]),
            selfService: [
                ContactReason.cancelSubscription.rawValue: [
                    SelfServiceLink(
                        titles: [
                            .en: "Cancel your subscription", .ru: "Отменить подписку", .es: "Cancelar la suscripción",
                        ],
                        url: "https://club.example/account/cancel"
                    )
                ],
                ContactReason.billing.rawValue: [
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
            rulesLink: "https://club.example/support-rules"
        )
        try club.validate()
        return club
    }

    /// The published rules the desk uses: ``boundaries`` or the seeds' defaults on ``hours``.
    ///
    /// - Returns: The policy.
    /// - Throws: `BoundariesError` for an invalid calendar.
    public func effectiveBoundaries() throws -> BoundariesPolicy {
        if let boundaries { return boundaries }
        return try BoundariesPolicy.seedDefaults(hours: hours)
    }

    /// The service levels the desk keeps: the published promises, replaced per priority by ``sla``'s targets.
    ///
    /// - Returns: The policy.
    /// - Throws: `BoundariesError` for an invalid calendar.
    public func slaPolicy() throws -> SLAPolicy {
        let boundaries = try effectiveBoundaries()
        var targets = boundaries.promises
        for (key, value) in sla.targets {
            if let priority = Priority(rawValue: key) { targets[priority] = value }
        }
        return SLAPolicy(
            calendar: boundaries.hours,
            targets: targets,
            warningFraction: sla.warningFraction,
            escalations: sla.escalations
        )
    }

    /// The channels the desk sends on: the published channels and those the traffic uses.
    public var channelKinds: [ChannelKind] {
        var kinds = Set((try? effectiveBoundaries().channels.map(\.kind)) ?? [])
        for (key, weight) in traffic.channels where weight > 0 { kinds.insert(ChannelKind(rawValue: key)) }
        kinds.insert(.email)
        return kinds.sorted()
    }

    /// The member journey the desk runs: ``journey``, or the default `JourneyPolicy()`.
    public var effectiveJourney: JourneyPolicy { journey ?? JourneyPolicy() }

    /// The desk configuration for this club, with the member journey on (``effectiveJourney``) and a
    /// rating request on every solved ticket when ``feedback`` asks after solving.
    ///
    /// - Returns: The configuration.
    /// - Throws: ``ClubConfigurationError`` for a classifier, SLA or journey that cannot be used.
    public func deskConfiguration() throws -> DeskConfiguration {
        var links: [ContactReason: [SelfServiceLink]] = [:]
        for (key, value) in selfService { links[ContactReason(rawValue: key)] = value }
        var routing = RoutingSettings()
        if let priorities { routing.priorities = priorities }
        if let classifier {
            do {
                routing.classifier = try ReasonClassifier(configuration: classifier)
            } catch {
                throw ClubConfigurationError(.invalidConfiguration, path: "classifier", "\(error)")
            }
        }
        do {
            try effectiveJourney.validate()
        } catch let error as JourneyError {
            throw ClubConfigurationError.from(error, under: "journey")
        }
        let policy = try slaPolicy()
        do {
            try policy.validate()
        } catch let error as DeskError {
            throw ClubConfigurationError(.invalidConfiguration, path: "sla", error.message)
        }
        return DeskConfiguration(
            agents: agents,
            sla: policy,
            boundaries: acknowledgement ? try effectiveBoundaries() : nil,
            selfService: links,
            refunds: refunds,
            moderation: moderation ?? .standard,
            routing: routing,
            rulesLink: rulesLink,
            journey: effectiveJourney,
            requestsRatings: feedback.askAfterSolve
        )
    }
}
