import Foundation

extension InMemoryTicketStore {
    /// The pending outbound messages whose next attempt is due by an instant, earliest first; see
    /// ``TicketStore/pendingOutbound(dueBy:limit:)``.
    ///
    /// - Parameters:
    ///   - instant: The cut-off for the next attempt.
    ///   - limit: The most to return.
    /// - Returns: The due messages.
    public func pendingOutbound(dueBy instant: Date, limit: Int) -> [OutboundMessage] {
        let due = pendingOutboundIDs.compactMap { outbox[$0] }.filter { $0.nextAttemptAt <= instant }
        let sorted = due.sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
        return Array(sorted.prefix(max(0, limit)))
    }

    /// `true`: ``commit(_:)`` keeps the claim each outbound message carries; see
    /// ``TicketStore/storesClaimsOnCommit``.
    public nonisolated var storesClaimsOnCommit: Bool { true }

    /// Claims a pending, due message for one delivery pass; see ``TicketStore/claimOutbound(_:at:until:)``.
    ///
    /// Tokens are `claim-1`, `claim-2`, … in the order of the claims: unique in the store, and the same
    /// from run to run.
    ///
    /// - Parameters:
    ///   - id: The message's id.
    ///   - instant: Now.
    ///   - until: When the claim ends by itself.
    /// - Returns: The message carrying its new claim when claimed now, or `nil`.
    public func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) -> OutboundMessage? {
        guard var message = outbox[id], message.state == .pending, message.nextAttemptAt <= instant else { return nil }
        if let held = message.claim, held.until > instant { return nil }
        claimsMade += 1
        message.claim = DeliveryClaim(token: "claim-\(claimsMade)", until: until)
        outbox[id] = message
        return message
    }

    /// Stores an outbound message's new delivery state and ends any claim on it; see
    /// ``TicketStore/updateOutbound(_:)``.
    ///
    /// - Parameter message: The message with its updated state and the claim it was sent under.
    /// - Throws: ``StoreError`` with ``StoreError/Code/notFound`` for an unknown message,
    ///   ``StoreError/Code/claimLost`` when its claim is no longer the stored one.
    public func updateOutbound(_ message: OutboundMessage) throws {
        guard let stored = outbox[message.id] else {
            throw StoreError(.notFound, "outbound message \(message.id) is not in the outbox")
        }
        if let claim = message.claim, stored.claim?.token != claim.token {
            throw StoreError(.claimLost, Self.claimLostMessage(message.id, claim: claim, stored: stored.claim))
        }
        var updated = message
        updated.claim = nil
        outbox[message.id] = updated
        indexOutbound(updated)
        if updated.state == .deadLettered && stored.state != .deadLettered { appendNotice(.deadLettered(updated)) }
    }

    /// Why an update under `claim` was refused, for ``StoreError/Code/claimLost``.
    private static func claimLostMessage(_ id: OutboundID, claim: DeliveryClaim, stored: DeliveryClaim?) -> String {
        let now = stored.map { "claim \($0.token) holds it now" } ?? "it was updated since"
        return "outbound message \(id) is no longer held by claim \(claim.token) (\(now)): "
            + "another delivery pass owns it; its outcome was not recorded"
    }

    /// The outbound messages to `member` or about one of `tickets`, in id order: what an erasure redacts.
    func outboxIDs(of member: MemberID, tickets: Set<TicketID>) -> [OutboundID] {
        outbox.values.filter { $0.recipient == member || $0.ticketID.map(tickets.contains) == true }.map(\.id).sorted()
    }

    /// Puts a redacted message in place of the stored one, keeping the indexes in step.
    func replaceOutbound(_ message: OutboundMessage) {
        outbox[message.id] = message
        indexOutbound(message)
    }

    /// Keeps the pending and dead-letter indexes in step with a message's state.
    func indexOutbound(_ message: OutboundMessage) {
        switch message.state {
        case .pending:
            pendingOutboundIDs.insert(message.id)
            deadLetterIDs.remove(message.id)
        case .delivered, .withheld:
            pendingOutboundIDs.remove(message.id)
            deadLetterIDs.remove(message.id)
        case .deadLettered:
            pendingOutboundIDs.remove(message.id)
            deadLetterIDs.insert(message.id)
        }
    }

    /// Reads every outbound message of a ticket, oldest first.
    ///
    /// - Parameter ticket: The ticket's id.
    /// - Returns: The messages in commit order.
    public func outbound(ofTicket ticket: TicketID) -> [OutboundMessage] {
        (outboundByTicket[ticket] ?? []).compactMap { outbox[$0] }
    }

    /// Lists dead-lettered messages ordered by id.
    ///
    /// - Parameters:
    ///   - after: The last id of the previous page, or `nil`.
    ///   - limit: The most to return.
    /// - Returns: The dead letters.
    public func deadLetteredOutbound(after: OutboundID?, limit: Int) -> [OutboundMessage] {
        let ids = deadLetterIDs.filter { id in after.map { id > $0 } ?? true }.sorted()
        return ids.prefix(max(0, limit)).compactMap { outbox[$0] }
    }

    /// Reads one outbound message.
    ///
    /// - Parameter id: The message's id.
    /// - Returns: The message, or `nil`.
    public func outbound(_ id: OutboundID) -> OutboundMessage? { outbox[id] }

    /// Lists outbound messages of every kind in the states asked for, ordered by id.
    ///
    /// - Parameter query: The states and the page.
    /// - Returns: One page, with the cursor of the next page (`nil` on the last).
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    public func outbound(matching query: OutboxQuery) throws -> OutboxPage {
        try query.validate()
        let matching = outbox.values.filter(query.matches).sorted { $0.id < $1.id }
        let page = Array(matching.prefix(query.limit))
        return OutboxPage(messages: page, nextCursor: matching.count > page.count ? page.last?.id : nil)
    }
}
