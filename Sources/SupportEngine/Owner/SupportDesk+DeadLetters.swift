import Foundation

extension SupportDesk {
    /// Puts a dead-lettered message back in the outbox for a fresh round of attempts on its last
    /// channel, now: the owner's or an agent's answer to a dead letter once the cause is fixed (a
    /// channel back up, an address corrected in the member directory).
    ///
    /// The message keeps its history and attempt count, so a second dead-lettering is reported in the
    /// event feed again. A delivery pass runs before the call returns.
    ///
    /// - Parameters:
    ///   - id: The message's id.
    ///   - actor: The owner or an agent.
    /// - Returns: The message as stored after that delivery pass: delivered, pending a retry, or
    ///   dead-lettered again.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for a member or the system,
    ///   ``DeskError/Code/notFound`` for an unknown message, ``DeskError/Code/invalidInput`` for a
    ///   message that is not dead-lettered; a ``StoreError`` when the store fails.
    @discardableResult
    public func retryDeadLetter(_ id: OutboundID, by actor: SupportActor) async throws -> OutboundMessage {
        guard actor.role == .agent || actor.role == .owner else {
            throw DeskError(.notPermitted, "only the owner or an agent may send a dead letter again, not \(actor)")
        }
        guard var message = try await store.outbound(id) else {
            throw DeskError(.notFound, "outbound message \(id) is not in the outbox")
        }
        guard message.state == .deadLettered else {
            throw DeskError(
                .invalidInput,
                "outbound message \(id) is \(message.state.rawValue), not dead-lettered: nothing to send again"
            )
        }
        message.state = .pending
        message.attemptsOnChannel = 0
        message.nextAttemptAt = clock.now
        message.claim = nil
        try await store.updateOutbound(message)
        newOutbound.append(id)
        await deliverNewMessages()
        return (try? await store.outbound(id)) ?? message
    }
}
