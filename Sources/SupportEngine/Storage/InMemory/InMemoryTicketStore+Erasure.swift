import Foundation

extension InMemoryTicketStore {
    /// Erases a member's personal data; see ``TicketStore/eraseMember(_:redaction:)``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: How many tickets, messages and outbound messages were redacted.
    public func eraseMember(_ member: MemberID, redaction: String) async -> ErasureCounts {
        var counts = ErasureCounts()
        var ticketIDs: Set<TicketID> = []
        for record in records.all where record.ticket.requester == member {
            ticketIDs.insert(record.ticket.id)
            let old = record.ticket
            let redacted = old.redacted(with: redaction)
            guard redacted != old else { continue }
            let events = record.log.events(of: old.id, snapshot: old).map { $0.redacted(with: redaction) }
            var log = CompactEventLog()
            log.append(events, from: nil, to: redacted)
            record.log = log
            record.ticket = redacted
            textIndex?.update(redacted, from: old)
            counts.tickets += 1
            counts.messages += zip(old.messages, redacted.messages).filter { $0 != $1 }.count
        }
        for id in outboxIDs(of: member, tickets: ticketIDs) {
            guard let message = outbound(id) else { continue }
            var redacted = message.redacted(with: redaction)
            guard redacted != message else { continue }
            // The erasure ends any claim: a send under way cannot write the words back.
            redacted.claim = nil
            replaceOutbound(redacted)
            counts.outboundMessages += 1
        }
        return counts
    }
}
