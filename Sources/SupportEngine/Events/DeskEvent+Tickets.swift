import Foundation

extension DeskEvent {
    /// The feed event a ticket event reports, or `nil` for bookkeeping the feed leaves out (routing
    /// explanations, the copy of messages a merge brings, and the starts, pauses, resumes and cancellations of SLA clocks, which a consumer
    /// reads from the ticket when it needs them).
    ///
    /// A ``TicketStore`` stores this for each event of each write of a commit, in order; an adapter calls
    /// this function so that every store reports the same events.
    ///
    /// - Parameters:
    ///   - event: The ticket event.
    ///   - requester: The member the ticket belongs to.
    public init?(_ event: TicketEvent, requester: MemberID) {
        guard let (kind, details) = Self.report(of: event.change) else { return nil }
        self.init(
            key: Self.key(of: event.ticketID, sequence: event.sequence),
            kind: kind,
            at: event.at,
            ticket: event.ticketID,
            member: requester,
            actor: event.actor,
            details: details
        )
    }

    /// The key of a ticket event's feed event: `ticket/<id>/<sequence>`.
    ///
    /// - Parameters:
    ///   - ticket: The ticket's id.
    ///   - sequence: The event's sequence number in the ticket.
    /// - Returns: The key.
    public static func key(of ticket: TicketID, sequence: Int) -> String {
        "ticket/\(ticket.rawValue)/\(sequence)"
    }

    /// Whether a ticket change has a feed event: cheaper than building it, for stores that keep only
    /// a reference to the ticket event and build the feed event when it is read.
    ///
    /// - Parameter change: The change.
    /// - Returns: `true` when ``init(_:requester:)`` returns an event for it.
    public static func isReported(_ change: TicketChange) -> Bool {
        switch change {
        case .explained, .mergeReceived: false
        case .sla(let sla):
            switch sla {
            case .fired, .met: true
            case .started, .paused, .resumed, .cancelled: false
            }
        default: true
        }
    }

    private static func report(of change: TicketChange) -> (DeskEventKind, [String: String])? {
        switch change {
        case .created(let creation):
            var details = [
                "channel": creation.channel.rawValue,
                "reason": creation.reason.rawValue,
                "priority": creation.priority.rawValue,
            ]
            if let number = creation.number { details["number"] = String(number.rawValue) }
            return (.ticketCreated, details)
        case .messageAdded(let message):
            var details = ["message": message.id.rawValue, "message_kind": message.kind.rawValue]
            if let channel = message.channel { details["channel"] = channel.rawValue }
            return (.messageAdded, details)
        case .statusChanged(let from, let to):
            return (.statusChanged, ["from": from.rawValue, "to": to.rawValue])
        case .assigned(let from, let to):
            return (.assigned, ["from": from?.rawValue ?? "", "to": to?.rawValue ?? ""])
        case .priorityChanged(let from, let to):
            return (.priorityChanged, ["from": from.rawValue, "to": to.rawValue])
        case .reasonChanged(let from, let to):
            return (.reasonChanged, ["from": from.rawValue, "to": to.rawValue])
        case .tagsChanged(let added, let removed):
            return (.tagsChanged, ["added": added.joined(separator: ","), "removed": removed.joined(separator: ",")])
        case .mergedInto(let target):
            return (.ticketMerged, ["into": target.rawValue])
        case .mergeReceived, .explained:
            return nil
        case .sla(let sla):
            return report(of: sla)
        }
    }

    private static func report(of change: SLAChange) -> (DeskEventKind, [String: String])? {
        switch change {
        case .fired(let firing):
            let details = [
                "metric": firing.metric.rawValue,
                "step": firing.step.description,
                "due_at": firing.dueAt.ISO8601Format(),
            ]
            switch firing.step {
            case .warning, .additionalWarning: return (.slaWarning, details)
            case .breach: return (.slaBreach, details)
            case .escalation: return (.slaEscalation, details)
            }
        case .met(let measurement):
            return (.slaMet, ["metric": measurement.metric.rawValue, "late": String(measurement.late)])
        case .started, .paused, .resumed, .cancelled:
            return nil
        }
    }
}
