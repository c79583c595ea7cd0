import Foundation

// Erasing a member's data (GDPR article 17, Russia's 152-FZ article 21) keeps the shape of their
// tickets — ids, event kinds and times, statuses, numbers, tags, service-level records — and replaces
// what the member and staff wrote. These are the pure replacements every store applies alike.

extension TicketAttachment {
    /// The attachment with its file name replaced by `marker`; its id, type, size, hash and visibility
    /// are kept.
    ///
    /// - Parameter marker: The text that stands for what was erased.
    /// - Returns: The redacted attachment.
    public func redacted(with marker: String) -> TicketAttachment {
        TicketAttachment(
            id: id,
            fileName: marker,
            mediaType: mediaType,
            byteSize: byteSize,
            contentHash: contentHash,
            visibility: visibility
        )
    }
}

extension TicketMessage {
    /// The message with its body and its attachments' file names replaced by `marker`; its id, kind,
    /// author, time, channel, external id and template key are kept.
    ///
    /// - Parameter marker: The text that stands for what was erased.
    /// - Returns: The redacted message.
    public func redacted(with marker: String) -> TicketMessage {
        TicketMessage(
            id: id,
            kind: kind,
            author: author,
            body: marker,
            at: at,
            channel: channel,
            externalID: externalID,
            templateKey: templateKey,
            attachments: attachments.map { $0.redacted(with: marker) }
        )
    }
}

extension TicketChange {
    /// The change with every text a person wrote replaced by `marker`: a creation's subject and first
    /// message, an added message, the messages a merge brought. Every other change is returned as it is.
    ///
    /// - Parameter marker: The text that stands for what was erased.
    /// - Returns: The redacted change.
    public func redacted(with marker: String) -> TicketChange {
        switch self {
        case .created(var creation):
            creation.subject = marker
            creation.firstMessage = creation.firstMessage.redacted(with: marker)
            return .created(creation)
        case .messageAdded(let message):
            return .messageAdded(message.redacted(with: marker))
        case .mergeReceived(let from, let messages):
            return .mergeReceived(from: from, messages: messages.map { $0.redacted(with: marker) })
        case .statusChanged, .assigned, .priorityChanged, .reasonChanged, .tagsChanged, .mergedInto, .sla,
            .explained:
            return self
        }
    }
}

extension TicketEvent {
    /// The event with its change redacted (``TicketChange/redacted(with:)``); its ticket, sequence, time
    /// and actor are kept, so the event's kind and time still count in statistics.
    ///
    /// - Parameter marker: The text that stands for what was erased.
    /// - Returns: The redacted event.
    public func redacted(with marker: String) -> TicketEvent {
        TicketEvent(ticketID: ticketID, sequence: sequence, at: at, actor: actor, change: change.redacted(with: marker))
    }
}

extension Ticket {
    /// The snapshot with its subject, every message's body and every attachment's file name replaced by
    /// `marker`. It is exactly what replaying the redacted events (``TicketEvent/redacted(with:)``) gives.
    ///
    /// - Parameter marker: The text that stands for what was erased.
    /// - Returns: The redacted ticket.
    public func redacted(with marker: String) -> Ticket {
        var ticket = self
        ticket.subject = marker
        ticket.messages = messages.map { $0.redacted(with: marker) }
        return ticket
    }
}
