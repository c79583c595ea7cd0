import Foundation

extension SupportDesk {
    /// Records that a message a channel accepted did not reach the member after all — an email that
    /// bounced — so that delivery falls back as for a failed send.
    ///
    /// Only a delivered email is marked: its receipt is dropped, the failure is added to its
    /// ``OutboundMessage/history`` with `reason`, and it moves to its next
    /// ``OutboundMessage/fallbackChannels`` at once (and is sent there now), or is dead-lettered when
    /// none is left. A message pending, dead-lettered, or already moved to another channel is left
    /// alone, so the same bounce delivered twice changes nothing the second time. ``EmailIntake`` calls
    /// this for every failure report naming one of the desk's messages.
    ///
    /// - Parameters:
    ///   - id: The outbound message.
    ///   - reason: What the report says, for the history.
    /// - Returns: The message as stored now, or `nil` when it was unknown or not a delivered email.
    /// - Throws: ``StoreError`` when the store fails.
    @discardableResult
    public func recordBounce(of id: OutboundID, reason: String) async throws -> OutboundMessage? {
        // A delivery pass of this desk holding the message, or another bounce of it, goes first.
        guard !deliveriesInFlight.contains(id) else { return nil }
        deliveriesInFlight.insert(id)
        let marked: OutboundMessage?
        do {
            marked = try await markBounced(id, reason: reason)
        } catch {
            deliveriesInFlight.remove(id)
            throw error
        }
        // Released before the delivery pass, which skips messages in flight.
        deliveriesInFlight.remove(id)
        guard let marked, marked.state == .pending else { return marked }
        schedule(.outbox, at: marked.nextAttemptAt)
        newOutbound.append(id)
        await deliverNewMessages()
        return try await store.outbound(id) ?? marked
    }

    private func markBounced(_ id: OutboundID, reason: String) async throws -> OutboundMessage? {
        guard var message = try await store.outbound(id), message.state == .delivered, message.channel == .email
        else { return nil }
        let now = clock.now
        message.history.append(
            DeliveryAttempt(
                number: message.attempts,
                channel: message.channel,
                at: now,
                outcome: .failed(reason: reason)
            )
        )
        message.lastError = reason
        message.receipt = nil
        message.claim = nil
        if message.fallbackChannels.isEmpty {
            message.state = .deadLettered
        } else {
            message.state = .pending
            message.channel = message.fallbackChannels.removeFirst()
            message.attemptsOnChannel = 0
            message.nextAttemptAt = now
        }
        try await store.updateOutbound(message)
        return message
    }
}
