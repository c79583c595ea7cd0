extension TicketStore {
    /// Calls ``TicketStore/updateOutbound(_:)`` for each message in turn: a failure refuses that message
    /// alone, and the others are still written.
    public func updateOutboundMessages(_ messages: [OutboundMessage]) async -> [OutboundID: any Error] {
        var failures: [OutboundID: any Error] = [:]
        for message in messages {
            do {
                try await updateOutbound(message)
            } catch {
                failures[message.id] = error
            }
        }
        return failures
    }
}
