import Foundation

extension SupportDesk {
    /// Exports everything the desk holds about a member as one document: their profile, tickets (with
    /// internal notes), attachments' metadata, the messages sent about their tickets with delivery
    /// histories, refund decisions, moderation ledger, journey and ratings.
    ///
    /// Journey messages sent without a ticket are not listed one by one: the journey record lists each
    /// step taken and its outcome. For a member whose data was erased (``erase(member:by:)``) the export
    /// holds only the record of the erasure.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - actor: The owner, or the member asking for their own data.
    /// - Returns: The export.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for anyone else; a ``StoreError`` when a
    ///   store cannot be read.
    public func exportData(of member: MemberID, by actor: SupportActor) async throws -> MemberDataExport {
        guard actor.role == .owner || actor == .member(member) else {
            throw DeskError(
                .notPermitted,
                "only the owner or \(member) may export \(member)'s data, not \(actor)"
            )
        }
        if let erasure = try await ledgers.erasure(of: member) {
            return MemberDataExport(
                member: member,
                exportedAt: clock.now,
                profile: nil,
                tickets: [],
                attachments: [],
                outbound: [],
                refundDecisions: [],
                moderationLedger: nil,
                journey: nil,
                ratings: [],
                erasure: erasure
            )
        }
        var tickets: [Ticket] = []
        var cursor: TicketID?
        repeat {
            let page = try await store.tickets(
                matching: TicketQuery(requester: member, after: cursor, limit: TicketQuery.maximumLimit)
            )
            tickets += page.tickets.map(\.ticket)
            cursor = page.nextCursor
        } while cursor != nil
        var outbound: [OutboundMessage] = []
        var ratings: [Rating] = []
        for ticket in tickets {
            outbound += try await store.outbound(ofTicket: ticket.id).map {
                var message = $0
                message.claim = nil  // a delivery pass's bookkeeping, not the member's data
                return message
            }
            if let rating = try await ratingStore.rating(of: ticket.id) { ratings.append(rating) }
        }
        return MemberDataExport(
            member: member,
            exportedAt: clock.now,
            profile: try await members.member(member),
            tickets: tickets,
            attachments: tickets.flatMap { $0.messages.flatMap(\.attachments) },
            outbound: outbound,
            refundDecisions: try await ledgers.refundDecisions(of: member).decisions,
            moderationLedger: try await ledgers.moderationLedger(of: member),
            journey: try await journeys.journey(of: member)?.record,
            ratings: ratings
        )
    }
}
