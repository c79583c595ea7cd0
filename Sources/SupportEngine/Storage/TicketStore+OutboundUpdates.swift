extension TicketStore {
    /// Calls ``TicketStore/updateOutbound(_:)`` for every message at once, as the desk did before it
    /// handed outcomes over together: a failure refuses that message alone, and the others are still
    /// written. An adapter that can write them in one statement overrides this.
    public func updateOutboundMessages(_ messages: [OutboundMessage]) async -> [OutboundID: any Error] {
        guard messages.count > 1 else {
            guard let message = messages.first else { return [:] }
            do {
                try await updateOutbound(message)
                return [:]
            } catch {
                return [message.id: error]
            }
        }
        return await withTaskGroup(of: (OutboundID, (any Error)?).self) { group in
            for message in messages {
                group.addTask {
                    do {
                        try await updateOutbound(message)
                        return (message.id, nil)
                    } catch {
                        return (message.id, error)
                    }
                }
            }
            var failures: [OutboundID: any Error] = [:]
            for await (id, error) in group {
                if let error { failures[id] = error }
            }
            return failures
        }
    }
}
