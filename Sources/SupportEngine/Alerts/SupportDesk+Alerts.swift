import Foundation

extension SupportDesk {
    /// The alerts a commit's events call for: one outbound message per feed event and recipient whose
    /// ``AlertRecipient/events`` include the event's kind (or, for an SLA escalation step that notifies an
    /// agent, whose ``AlertRecipient/agent`` is that agent).
    ///
    /// The desk adds them to the commit itself, so an alert is stored exactly when its event is. Each id
    /// is `alert/<recipient>/<event key>`: an event is committed once, so its alert is too.
    func alerts(for commit: TicketCommit, at now: Date) -> [OutboundMessage] {
        let recipients = configuration.alertRecipients
        guard !recipients.isEmpty else { return [] }
        var alerts: [OutboundMessage] = []
        for write in commit.writes {
            for event in write.events where DeskEvent.isReported(event.change) {
                guard let reported = DeskEvent(event, requester: write.ticket.requester) else { continue }
                var firing: SLAFiring?
                if case .sla(.fired(let fired)) = event.change { firing = fired }
                for recipient in recipients where isAlerted(recipient, by: reported.kind, firing: firing) {
                    alerts.append(alert(reported, to: recipient, ticket: write.ticket, firing: firing, at: now))
                }
            }
        }
        for notice in commit.notices {
            let ticket = notice.ticket.flatMap { id in commit.writes.first { $0.ticket.id == id }?.ticket }
            for recipient in recipients where recipient.events.contains(notice.kind) {
                alerts.append(alert(notice, to: recipient, ticket: ticket, firing: nil, at: now))
            }
        }
        return alerts
    }

    /// The alerts of a message the delivery pass just dead-lettered; none for an alert's own dead letter,
    /// so an alert channel that fails cannot alert about itself forever.
    func deadLetterAlerts(for message: OutboundMessage, ticket: Ticket?, at now: Date) -> [OutboundMessage] {
        guard message.staffAddress == nil, message.state == .deadLettered else { return [] }
        let event = DeskEvent.deadLettered(message)
        return configuration.alertRecipients.filter { $0.events.contains(.deadLettered) }.map {
            alert(event, to: $0, ticket: ticket, firing: nil, at: now)
        }
    }

    private func isAlerted(_ recipient: AlertRecipient, by kind: DeskEventKind, firing: SLAFiring?) -> Bool {
        if recipient.events.contains(kind) { return true }
        guard let agent = recipient.agent, let firing, case .escalation(let level) = firing.step,
            let escalations = configuration.sla?.escalations, escalations.indices.contains(level - 1),
            case .notify(let notified) = escalations[level - 1].action
        else { return false }
        return notified == agent
    }

    /// One alert, rendered in the recipient's language with times in their zone.
    private func alert(
        _ event: DeskEvent,
        to recipient: AlertRecipient,
        ticket: Ticket?,
        firing: SLAFiring?,
        at now: Date
    ) -> OutboundMessage {
        let locale = recipient.language
        let zone = recipient.timeZone ?? teamTimeZone(of: recipient.agent)
        var values = [
            "event": event.kind.rawValue,
            "ticket_id": event.ticket?.rawValue ?? "",
            "ticket_number": ticket?.number?.formatted(prefix: configuration.ticketNumberPrefix)
                ?? event.ticket?.rawValue ?? "",
            "member": event.member?.rawValue ?? "",
            "at": timeFormatter.format(event.at, locale: locale, timeZone: zone),
            "metric": "", "due_at": "", "level": "", "request": "", "amount": "", "channel": "", "attempts": "",
            "outbound": "",
        ]
        for (key, value) in event.details where values[key] != nil { values[key] = value }
        if let firing {
            values["due_at"] = timeFormatter.format(firing.dueAt, locale: locale, timeZone: zone)
            values["metric"] = metricName(firing.metric.rawValue, in: locale)
            if case .escalation(let level) = firing.step { values["level"] = String(level) }
        } else if let metric = event.details["metric"] {
            values["metric"] = metricName(metric, in: locale)
        }
        let subject = render(
            AlertTemplateKeys.subject(event.kind.rawValue),
            AlertTemplateKeys.genericSubject,
            locale,
            values
        )
        let body = render(AlertTemplateKeys.text(event.kind.rawValue), AlertTemplateKeys.genericText, locale, values)
        return OutboundMessage(
            id: OutboundID("alert/\(recipient.name)/\(event.key)"),
            ticketID: nil,
            messageID: nil,
            recipient: MemberID("staff/\(recipient.name)"),
            channel: recipient.channel,
            subject: subject ?? "\(event.kind.rawValue) \(values["ticket_number"] ?? "")",
            body: body ?? "\(event.kind.rawValue) at \(values["at"] ?? "") on ticket \(values["ticket_number"] ?? "")",
            createdAt: now,
            staffAddress: StaffAddress(name: recipient.name, address: recipient.address)
        )
    }

    /// The kind's own template, else the generic one; `nil` when a host's text cannot be rendered.
    private func render(
        _ own: TemplateKey,
        _ generic: TemplateKey,
        _ locale: LocaleTag,
        _ values: [String: String]
    ) -> String? {
        let key = configuration.templates.template(own, for: locale) == nil ? generic : own
        return try? configuration.templates.render(key, for: locale, values: values)
    }

    private func metricName(_ metric: String, in locale: LocaleTag) -> String {
        (try? configuration.templates.render(AlertTemplateKeys.metricName(metric), for: locale, values: [:]))
            ?? metric.replacingOccurrences(of: "_", with: " ")
    }
}
