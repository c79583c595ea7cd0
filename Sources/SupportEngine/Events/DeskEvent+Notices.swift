import Foundation

extension DeskEvent {
    /// The feed event of a message that was dead-lettered: a ``TicketStore`` stores it in the same
    /// atomic step as an ``TicketStore/updateOutbound(_:)`` that moves a message into
    /// ``OutboundMessage/State/deadLettered`` from another state.
    ///
    /// - Parameter message: The message as updated.
    /// - Returns: The event, keyed by the message and its attempt count, so that a message re-queued and
    ///   dead-lettered again is reported again.
    public static func deadLettered(_ message: OutboundMessage) -> DeskEvent {
        DeskEvent(
            key: "dead-letter/\(message.id.rawValue)/\(message.attempts)",
            kind: .deadLettered,
            at: message.history.last?.at ?? message.nextAttemptAt,
            ticket: message.ticketID,
            member: message.recipient,
            actor: .system,
            details: [
                "outbound": message.id.rawValue,
                "channel": message.channel.rawValue,
                "attempts": String(message.attempts),
            ]
        )
    }

    /// The feed event of a refund decision posted to a ticket.
    static func refund(_ decision: RefundDecision, key: String, ticket: TicketID) -> DeskEvent {
        let details = [
            "request": decision.requestID.rawValue,
            "verdict": decision.verdict.rawValue,
            "amount": decision.amount.description,
            "rule": decision.rule,
        ]
        return DeskEvent(
            key: key,
            kind: decision.verdict == .escalateToOwner ? .refundEscalated : .refundDecided,
            at: decision.at,
            ticket: ticket,
            member: decision.member,
            actor: decision.decidedBy,
            details: details
        )
    }

    /// The feed event of a moderation decision posted to a ticket.
    static func moderation(_ decision: ModerationDecision, key: String, ticket: TicketID) -> DeskEvent {
        let kind: DeskEventKind
        switch decision.action {
        case .pendingRemoval: kind = .removalPending
        case .removalApproved, .removalDeclined: kind = .removalDecided
        case .warning, .finalWarning, .suspension, .removal, .reversal: kind = .moderationRecorded
        }
        return DeskEvent(
            key: key,
            kind: kind,
            at: decision.entry.at,
            ticket: ticket,
            member: decision.member,
            actor: decision.entry.actor,
            details: ["entry": String(decision.entry.id), "action": decision.action.rawValue]
        )
    }

    /// The feed event of a journey message put in the outbox.
    static func journeyMessage(_ message: OutboundMessage) -> DeskEvent {
        DeskEvent(
            key: "journey/\(message.id.rawValue)",
            kind: .journeyMessageQueued,
            at: message.createdAt,
            ticket: message.ticketID,
            member: message.recipient,
            actor: .system,
            details: ["outbound": message.id.rawValue, "channel": message.channel.rawValue]
        )
    }

    /// The feed event of a rating: one per ticket, as a ticket takes one rating.
    static func rating(_ rating: Rating) -> DeskEvent {
        DeskEvent(
            key: "rating/\(rating.ticket.rawValue)",
            kind: .ratingReceived,
            at: rating.at,
            ticket: rating.ticket,
            member: rating.member,
            actor: .member(rating.member),
            details: ["score": String(rating.score)]
        )
    }
}
