import Foundation

extension SupportDesk {
    /// Sends every outbound message whose attempt is due, and records each result.
    ///
    /// A failed attempt is retried after ``DeskConfiguration/deliveryRetryDelay``, doubling each time;
    /// after ``DeskConfiguration/maximumDeliveryAttempts`` the message is dead-lettered, never dropped.
    /// A message is never sent twice at once, and never again once its receipt is recorded.
    ///
    /// - Returns: How many messages were delivered.
    /// - Throws: ``StoreError`` when the outbox cannot be read or updated.
    @discardableResult
    public func deliverPendingMessages() async throws -> Int {
        let now = clock.now
        let due = try await store.pendingOutbound(dueBy: now, limit: 500)
        var delivered = 0
        for message in due where !deliveriesInFlight.contains(message.id) {
            deliveriesInFlight.insert(message.id)
            defer { deliveriesInFlight.remove(message.id) }
            // Re-read: another call may have delivered it while this one awaited.
            guard var current = try await store.outbound(message.id), current.state == .pending else { continue }
            current.attempts += 1
            do {
                guard let channel = channels[current.channel] else {
                    throw DeskError(.notFound, "no channel of kind \(current.channel) is configured on this desk")
                }
                current.receipt = try await channel.send(current)
                current.state = .delivered
                current.lastError = nil
                delivered += 1
            } catch {
                current.lastError = String(describing: error)
                if current.attempts >= configuration.maximumDeliveryAttempts {
                    current.state = .deadLettered
                } else {
                    let delay = configuration.deliveryRetryDelay * pow(2, Double(current.attempts - 1))
                    current.nextAttemptAt = clock.now.addingTimeInterval(delay)
                    schedule(.outbox, at: current.nextAttemptAt)
                }
            }
            try await store.updateOutbound(current)
        }
        return delivered
    }
}
