// Two tickets are equal when every property a caller can read is equal, whether the rarely set fields
// sit in a box or not: the comparison and the hash read their values, never the box's identity.

extension Ticket: Hashable {
    /// Whether two snapshots are the same in every property.
    ///
    /// - Parameters:
    ///   - lhs: A ticket.
    ///   - rhs: Another ticket.
    /// - Returns: `true` when every property is equal.
    public static func == (lhs: Ticket, rhs: Ticket) -> Bool {
        // The cheap and most telling fields first: two different snapshots usually differ in them.
        guard lhs.id == rhs.id, lhs.version == rhs.version, lhs.updatedAt == rhs.updatedAt,
            lhs.status == rhs.status, lhs.priority == rhs.priority, lhs.number == rhs.number,
            lhs.createdAt == rhs.createdAt, lhs.requester == rhs.requester, lhs.assignee == rhs.assignee,
            lhs.reason == rhs.reason, lhs.channel == rhs.channel, lhs.locale == rhs.locale,
            lhs.hasSameSubject(as: rhs)
        else { return false }
        return (lhs.rare === rhs.rare || lhs.rareFields == rhs.rareFields) && lhs.sla == rhs.sla
            && lhs.explanations == rhs.explanations && lhs.messages == rhs.messages
    }

    /// Hashes every property, the rarely set fields by value.
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(requester)
        hasher.combine(subject)
        hasher.combine(channel)
        hasher.combine(reason)
        hasher.combine(locale)
        hasher.combine(assignee)
        hasher.combine(number)
        hasher.combine(messages)
        hasher.combine(createdAt)
        hasher.combine(updatedAt)
        hasher.combine(version)
        hasher.combine(explanations)
        hasher.combine(priority)
        hasher.combine(status)
        hasher.combine(sla)
        hasher.combine(rareFields)
    }
}

extension Ticket {
    /// Whether this ticket's subject reads as the same text as another's (`String` equality), without
    /// building either text when both are the same piece of equal bodies: what the store's commit and
    /// search index ask on every write.
    ///
    /// - Parameter other: Another ticket.
    /// - Returns: `true` when `subject` of both is equal.
    package func hasSameSubject(as other: Ticket) -> Bool {
        SubjectPiece.equal(
            (subjectText, subjectPiece, messages.first?.body),
            (other.subjectText, other.subjectPiece, other.messages.first?.body)
        )
    }

    /// Whether this ticket's subject reads as `subject` (`String` equality), without building the
    /// ticket's text when it is a piece of the body with the same bytes: what the store asks of a new
    /// ticket's creation event.
    ///
    /// - Parameter subject: A subject's text.
    /// - Returns: `true` when ``subject`` equals it.
    package func hasSubject(_ subject: String) -> Bool {
        SubjectPiece.equal((subjectText, subjectPiece, messages.first?.body), (subject, .notAPiece, nil))
    }
}
