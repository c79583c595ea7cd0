import Foundation

extension SupportDesk {
    /// Takes the due steps of a record, puts their messages in the outbox, and saves the record.
    ///
    /// The messages are committed first, under ids made from the member, the step and the membership,
    /// then the record. When the desk stops between the two, the next run finds the messages already
    /// in the outbox and only records the steps: a member never gets one step twice.
    func takeDueSteps(
        of changed: JourneyRecord,
        readVersion: Int,
        storedDue: Date?,
        at now: Date
    ) async throws -> JourneyRecord {
        let policy = try journeyPolicy()
        var record = changed.refreshingSegment(policy: policy, at: now)
        let steps = policy.dueSteps(for: record, at: now)
        var outbound: [OutboundMessage] = []
        if !steps.isEmpty {
            let blocked = try await contactBlock(record, at: now)
            for step in steps {
                if let blocked {
                    record = record.taking(step, outcome: .skipped(reason: blocked), at: now)
                    continue
                }
                let message = try await journeyMessage(step, to: record, values: [:], at: now)
                record = record.taking(step, outcome: .sent, at: now)
                outbound.append(message)
            }
        }
        let due = policy.nextDue(for: record, at: now)
        guard record.version != readVersion || due != storedDue else { return record }
        try await commitJourneyMessages(outbound)
        try await journeys.saveJourney(record, expectedVersion: readVersion, dueAt: due)
        if let due { schedule(.member(record.member), at: due) }
        return record
    }

    /// Why the desk may not send a member journey messages now, or `nil` when it may.
    func contactBlock(_ record: JourneyRecord, at now: Date) async throws -> String? {
        if record.optedOut { return "the member opted out of journey messages" }
        if let ledger = try await ledgers.moderationLedger(of: record.member),
            !ledger.mayReceiveReengagement(at: now)
        {
            return "the member is not in good standing (\(ledger.standing(at: now)))"
        }
        return nil
    }

    /// Why the desk may not send `member` a journey message now, or `nil` when it may: read just before
    /// a journey message in the outbox is sent.
    func journeyContactBlock(of member: MemberID, at now: Date) async throws -> String? {
        if let stored = try await journeys.journey(of: member) { return try await contactBlock(stored.record, at: now) }
        if let ledger = try await ledgers.moderationLedger(of: member), !ledger.mayReceiveReengagement(at: now) {
            return "the member is not in good standing (\(ledger.standing(at: now)))"
        }
        return nil
    }

    /// Commits the messages not already in the outbox.
    func commitJourneyMessages(_ messages: [OutboundMessage]) async throws {
        var fresh: [OutboundMessage] = []
        for message in messages where try await store.outbound(message.id) == nil { fresh.append(message) }
        guard !fresh.isEmpty else { return }
        do {
            try await commitAndSchedule(
                TicketCommit(writes: [], outbound: fresh, notices: fresh.map(DeskEvent.journeyMessage))
            )
        } catch let error as StoreError where error.code == .invalidCommit {
            // Another desk on the same store may have put the same step's message in the outbox between
            // the check and the commit: that is a conflict, and the retry finds the message there.
            for message in fresh where try await store.outbound(message.id) != nil {
                throw StoreError(.versionConflict, "journey message \(message.id) was put in the outbox meanwhile")
            }
            throw error
        }
    }

    /// Renders a journey step's message for the member, in their language, on their channels.
    func journeyMessage(
        _ step: JourneyStep,
        to record: JourneyRecord,
        values extra: [String: String],
        at now: Date
    ) async throws -> OutboundMessage {
        let profile = try await profile(of: record.member)
        let key = TemplateKey.journey(step)
        var values = extra
        values["member_name"] = profile.displayName
        if step == .exitSurvey, let policy = configuration.journey {
            values["reasons"] = policy.exitReasons.enumerated()
                .map { "\($0.offset + 1). \(exitReasonName($0.element, locale: profile.locale))" }
                .joined(separator: "\n")
        }
        let route = deliveryRoute(to: profile)
        return OutboundMessage(
            id: Self.journeyOutboundID(step, of: record),
            ticketID: nil,
            messageID: nil,
            recipient: record.member,
            channel: route.first ?? .email,
            subject: try configuration.templates.render(key.subject, for: profile.locale, values: values),
            body: try configuration.templates.render(key, for: profile.locale, values: values),
            createdAt: now,
            fallbackChannels: Array(route.dropFirst())
        )
    }

    /// The outbox id of a journey step's message: `journey/<member>/<membership>/<step>/<n>`, where `n`
    /// counts the times the step was taken in the membership, this one included.
    ///
    /// The same step run twice (the desk stopped between the outbox and the record) gets the same id, so
    /// the outbox keeps one message and the member gets it once.
    ///
    /// - Parameters:
    ///   - step: The step about to be taken.
    ///   - record: The member's journey before taking it.
    /// - Returns: The id.
    public static func journeyOutboundID(_ step: JourneyStep, of record: JourneyRecord) -> OutboundID {
        let taken = record.steps.count { $0.step == step && $0.membership == record.membership }
        return OutboundID(
            CompositeKey.join(["journey", record.member.rawValue, "\(record.membership)", "\(step)", "\(taken + 1)"])
        )
    }

    /// The name of an exit reason in a language: its template, or the raw name with spaces.
    func exitReasonName(_ reason: ExitReason, locale: LocaleTag) -> String {
        (try? configuration.templates.render(.exitReasonName(reason), for: locale, values: [:]))
            ?? reason.rawValue.replacingOccurrences(of: "_", with: " ")
    }
}
