import Foundation

/// Tags ``FeedbackNoteID``.
public enum FeedbackNoteTag: Sendable {}
/// Identifies one "you said, we did" note, chosen by the owner, such as `"2026-12-calendar-export"`.
public typealias FeedbackNoteID = Identifier<FeedbackNoteTag>

extension SupportDesk {
    /// The work behind ``JourneyDesk/publishYouSaidWeDid(_:note:answering:by:)``, which documents it.
    @discardableResult
    func publishYouSaidWeDid(
        _ id: FeedbackNoteID,
        note: String,
        answering tickets: [TicketID],
        by actor: SupportActor
    ) async throws -> [MemberID] {
        guard actor.role == .owner else {
            throw DeskError(.notPermitted, "only the owner publishes a 'you said, we did' note; \(actor) cannot")
        }
        guard id.isWellFormed else {
            throw DeskError(.invalidInput, "note id '\(id)' must be 1 to 200 printable characters")
        }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= FixAnnouncement.maximumNoteLength else {
            throw DeskError(
                .invalidInput,
                "the note must say what was done in 1 to \(FixAnnouncement.maximumNoteLength) characters"
            )
        }
        guard !tickets.isEmpty else { throw DeskError(.invalidInput, "name at least one feedback ticket it answers") }
        var firstTicket: [MemberID: Ticket] = [:]
        var order: [MemberID] = []
        for ticketID in tickets {
            guard let ticket = try await store.ticket(ticketID)?.ticket else { throw notFound(ticketID) }
            if firstTicket[ticket.requester] == nil {
                firstTicket[ticket.requester] = ticket
                order.append(ticket.requester)
            }
        }
        let now = clock.now
        var messages: [OutboundMessage] = []
        for member in order {
            guard let ticket = firstTicket[member] else { continue }
            let outboundID = OutboundID(CompositeKey.join(["feedback", id.rawValue, member.rawValue]))
            guard try await store.outbound(outboundID) == nil, try await mayWrite(to: member, at: now) else { continue }
            let profile = try await profile(of: member)
            let values = ["member_name": profile.displayName, "feedback": ticket.subject, "note": text]
            let route = deliveryRoute(for: ticket, to: profile)
            messages.append(
                OutboundMessage(
                    id: outboundID,
                    ticketID: ticket.id,
                    messageID: nil,
                    recipient: member,
                    channel: route.first ?? ticket.channel,
                    subject: try configuration.templates.render(
                        .youSaidWeDid.subject,
                        for: profile.locale,
                        values: values
                    ),
                    body: try configuration.templates.render(.youSaidWeDid, for: profile.locale, values: values),
                    createdAt: now,
                    fallbackChannels: Array(route.dropFirst())
                )
            )
        }
        if !messages.isEmpty { try await commitAndSchedule(TicketCommit(writes: [], outbound: messages)) }
        await deliverNewMessages()
        return messages.map(\.recipient)
    }

    /// Whether a message outside any conversation may go to the member: not opted out of the journey,
    /// not removed or suspended.
    private func mayWrite(to member: MemberID, at now: Date) async throws -> Bool {
        if let record = try await journeys.journey(of: member)?.record {
            return try await contactBlock(record, at: now) == nil
        }
        return try await mayReceiveReengagement(member)
    }

    /// The rating request to add when a command solved a ticket: once per ticket, when
    /// ``DeskConfiguration/requestsRatings`` is on.
    func ratingRequest(before: Ticket, after: Ticket, to member: MemberProfile) throws -> TicketCommand? {
        guard configuration.requestsRatings, before.status != .solved, after.status == .solved,
            !after.messages.contains(where: { $0.templateKey == TemplateKey.ratingRequest.rawValue })
        else { return nil }
        let body = try configuration.templates.render(
            .ratingRequest,
            for: after.locale ?? member.locale,
            values: ["member_name": member.displayName, "ticket_subject": after.subject]
        )
        return .automaticMessage(
            MessageDraft(id: newMessageID(), body: body, templateKey: TemplateKey.ratingRequest.rawValue)
        )
    }
}
