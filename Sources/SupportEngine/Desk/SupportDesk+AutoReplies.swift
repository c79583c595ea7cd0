import Foundation

extension SupportDesk {
    /// The automatic replies the boundaries policy calls for on a member's message, as commands.
    ///
    /// A new ticket gets the acknowledgement with the expected reply time (and the self-service links
    /// of its reason), the after-hours notice when the line is closed, the absence notice, or the
    /// out-of-scope reply. A message on an existing conversation gets only the after-hours notice. A
    /// member gets the after-hours notice at most once per ``BoundariesPolicy/afterHoursNoticeInterval``
    /// over all their conversations, however many tickets they open. During an absence with a substitute a
    /// new ticket is assigned to the substitute.
    func autoReplies(
        for ticket: Ticket,
        channel: ChannelKind,
        isNew: Bool,
        member: MemberProfile,
        at now: Date
    ) async throws -> [TicketCommand] {
        guard let boundaries = configuration.boundaries else { return [] }
        // A channel that says nobody is on (live chat) gets no instant promise: the line's own promise
        // for the priority applies instead of the channel's.
        let channelIsAvailable = await channels[channel]?.isAvailable ?? true
        var input = BoundariesInput(
            channel: channel,
            reason: ticket.reason,
            priority: ticket.priority,
            lastAfterHoursNotice: Self.lastNotice(.afterHours, in: ticket)
        )
        var decision = boundaries.decide(input, at: now)
        // The notice goes to the member, not to the conversation: a notice on another of their tickets
        // counts too. Their other tickets are read only when a notice is about to go out.
        if decision.replies.contains(where: { $0.kind == .afterHours }),
            let other = try await lastNotice(.afterHours, toMember: ticket.requester, besides: ticket.id),
            other > input.lastAfterHoursNotice ?? .distantPast
        {
            input.lastAfterHoursNotice = other
            decision = boundaries.decide(input, at: now)
        }
        let locale = ticket.locale ?? member.locale
        let zone = member.timeZone ?? boundaries.hours.configuration.timeZone
        var values = [
            "member_name": member.displayName, "ticket_id": ticket.id.rawValue,
            "ticket_number": reference(of: ticket), "ticket_subject": ticket.subject,
        ]
        var commands: [TicketCommand] = []
        for reply in decision.replies where isNew || reply.kind == .afterHours {
            let key: TemplateKey
            switch reply.kind {
            case .acknowledgement:
                // The stricter of the published promise and the SLA clock the desk actually runs.
                var promised = decision.expectedReply
                if !channelIsAvailable, boundaries.channel(channel)?.firstReply != nil {
                    promised = try? boundaries.targets(for: ticket.priority).firstReply?.deadline(
                        from: now,
                        on: boundaries.hours
                    )
                }
                let expectedReply = [promised, ticket.sla.running[.firstReply]?.dueAt].compactMap(\.self).min()
                key = expectedReply == nil ? .acknowledgementWithoutPromise : .acknowledgement
                if let expected = expectedReply {
                    values["expected_reply"] = timeFormatter.format(expected, locale: locale, timeZone: zone)
                }
                values["self_service"] = try selfServiceBlock(for: ticket.reason, locale: locale)
                values["reply_channel"] = try await replyChannelLine(for: ticket, member: member, locale: locale)
            case .afterHours:
                key = .afterHours
                let opening = try? boundaries.hours(for: channel).nextOpening(after: now)
                values["next_opening"] = opening.map { timeFormatter.format($0, locale: locale, timeZone: zone) } ?? "—"
                values["hours"] = boundaries.publishedRules(in: locale).sections.first?.lines.first ?? ""
            case .absence:
                guard let away = boundaries.absence(at: now) else { continue }
                let back = boundaries.answersAgain(after: away.range)
                values["absent_until"] = timeFormatter.format(back, locale: locale, timeZone: zone)
                if let substitute = away.absence.substitute {
                    key = .absenceWithSubstitute
                    values["substitute_name"] = agentNames[substitute] ?? substitute.rawValue
                } else {
                    key = .absence
                }
            case .outOfScope:
                key = .outOfScope
                values["topic"] = ticket.reason.rawValue.replacingOccurrences(of: "_", with: " ")
                values["redirect"] = decision.outOfScope?.redirect ?? reply.values["redirect"] ?? ""
            }
            let body = try configuration.templates.render(key, for: locale, values: values)
            commands.append(
                .automaticMessage(MessageDraft(id: newMessageID(), body: body, templateKey: key.rawValue))
            )
        }
        if isNew, let substitute = decision.routeTo, ticket.assignee == nil {
            commands.append(.assign(substitute))
        }
        return commands
    }

    /// The notice for a member whose agent is on a dated absence: who is away, until when support
    /// answers again, and who looks after the message meanwhile (or that the team will). `nil` when the
    /// agent has no dated absence now — they are only offline or off shift — or no boundaries are set.
    func agentAbsenceNotice(
        for ticket: Ticket,
        away agent: AgentID,
        takenBy substitute: AgentID?,
        member: MemberProfile,
        at now: Date
    ) throws -> TicketCommand? {
        guard let boundaries = configuration.boundaries, let away = boundaries.absence(of: agent, at: now) else {
            return nil
        }
        let locale = ticket.locale ?? member.locale
        let zone = member.timeZone ?? boundaries.hours.configuration.timeZone
        let back = boundaries.answersAgain(after: away.range)
        var values = [
            "member_name": member.displayName, "ticket_id": ticket.id.rawValue, "ticket_subject": ticket.subject,
            "agent_name": agentNames[agent] ?? agent.rawValue,
            "absent_until": timeFormatter.format(back, locale: locale, timeZone: zone),
        ]
        let key: TemplateKey
        if let substitute {
            key = .agentAbsence
            values["substitute_name"] = agentNames[substitute] ?? substitute.rawValue
        } else {
            key = .agentAbsenceWithoutSubstitute
        }
        let body = try configuration.templates.render(key, for: locale, values: values)
        return .automaticMessage(MessageDraft(id: newMessageID(), body: body, templateKey: key.rawValue))
    }

    /// When the ticket last carried an automatic message of this template, or `nil`.
    static func lastNotice(_ key: TemplateKey, in ticket: Ticket) -> Date? {
        ticket.messages.last { $0.templateKey == key.rawValue }?.at
    }

    /// When the member last got an automatic message of this template on any ticket but `excluded`.
    func lastNotice(_ key: TemplateKey, toMember member: MemberID, besides excluded: TicketID) async throws -> Date? {
        var latest: Date?
        var cursor: TicketID?
        repeat {
            let page = try await store.tickets(
                matching: TicketQuery(requester: member, after: cursor, limit: TicketQuery.maximumLimit)
            )
            for stored in page.tickets where stored.ticket.id != excluded {
                if let at = Self.lastNotice(key, in: stored.ticket), at > latest ?? .distantPast { latest = at }
            }
            cursor = page.nextCursor
        } while cursor != nil
        return latest
    }

    /// The acknowledgement's line naming the channel the answer goes out on (``replyChannel(for:to:)``);
    /// empty when no channel reaches the member.
    private func replyChannelLine(for ticket: Ticket, member: MemberProfile, locale: LocaleTag) async throws -> String {
        guard let kind = await replyChannel(for: ticket, to: member) else { return "" }
        return try configuration.templates.render(
            .replyChannel,
            for: locale,
            values: ["channel": kind.displayName(in: locale)]
        )
    }

    /// The rendered self-service block for a reason, or an empty string when it has no links.
    private func selfServiceBlock(for reason: ContactReason, locale: LocaleTag) throws -> String {
        guard let links = configuration.selfService[reason], !links.isEmpty else { return "" }
        let list = links.map { "\n- \($0.title(in: locale)): \($0.url)" }.joined()
        return try configuration.templates.render(.selfService, for: locale, values: ["links": list])
    }
}
