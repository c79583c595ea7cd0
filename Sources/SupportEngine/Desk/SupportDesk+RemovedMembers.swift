import Foundation

extension SupportDesk {
    /// The tag on a ticket opened by a message from a member removed from the club.
    static let removedMemberTag = "removed-member"

    /// The notice to a removed member who writes again: at most one a day over all their tickets.
    func removedMemberNotice(for ticket: Ticket, member: MemberProfile, at now: Date) async throws -> [TicketCommand] {
        if let last = try await lastNotice(.removedMember, toMember: ticket.requester, besides: ticket.id),
            now.timeIntervalSince(last) < 86_400
        {
            return []
        }
        let body = try configuration.templates.render(
            .removedMember,
            for: ticket.locale ?? member.locale,
            values: ["member_name": member.displayName, "ticket_id": ticket.id.rawValue]
        )
        return [
            .automaticMessage(
                MessageDraft(id: newMessageID(), body: body, templateKey: TemplateKey.removedMember.rawValue)
            )
        ]
    }
}
