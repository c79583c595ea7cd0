/// The delivery outcomes a desk has to write, gathered while an earlier write is on its way.
///
/// Every send ends with a write of its outcome, under the message's claim. Written one by one, a desk
/// under load makes as many round trips as it sends messages; gathered, the outcomes that come in while
/// one write is on its way go together in the next (``TicketStore/updateOutboundMessages(_:)``): one
/// round trip for all of them on a database. Nothing waits for a timer: a write starts as soon as the one
/// before it ends, taking up to ``batchLimit`` of the outcomes that waited.
struct OutcomeWrites {
    /// An outcome waiting to be written, and the delivery waiting for the write.
    struct Waiting {
        /// The message as the attempt left it, with its claim.
        let message: OutboundMessage
        /// Resumed when the write has stood or failed.
        let delivery: CheckedContinuation<Void, any Error>
    }

    /// The outcomes to write next, in the order they came.
    var waiting: [Waiting] = []
    /// Whether a write is on its way: a new outcome then waits for the next.
    var writing = false

    /// The most outcomes written together.
    static let batchLimit = 256
}

extension SupportDesk {
    /// Writes a delivery attempt's outcome under the message's claim, together with the outcomes other
    /// deliveries hand over meanwhile, and returns once it is written.
    ///
    /// - Parameter message: The message as the attempt left it.
    /// - Throws: What ``TicketStore/updateOutbound(_:)`` throws for this message alone: a
    ///   ``StoreError`` with ``StoreError/Code/claimLost`` when the claim is no longer the message's, or
    ///   the store's failure.
    func recordOutcome(_ message: OutboundMessage) async throws {
        try await withCheckedThrowingContinuation { delivery in
            outcomeWrites.waiting.append(OutcomeWrites.Waiting(message: message, delivery: delivery))
            guard !outcomeWrites.writing else { return }
            outcomeWrites.writing = true
            Task { await self.writeOutcomes() }
        }
    }

    /// Writes the waiting outcomes, a batch at a time, until none is left.
    private func writeOutcomes() async {
        while !outcomeWrites.waiting.isEmpty {
            let count = min(outcomeWrites.waiting.count, OutcomeWrites.batchLimit)
            let batch = Array(outcomeWrites.waiting.prefix(count))
            outcomeWrites.waiting.removeFirst(count)
            let failures = await store.updateOutboundMessages(batch.map(\.message))
            for waiting in batch {
                if let failure = failures[waiting.message.id] {
                    waiting.delivery.resume(throwing: failure)
                } else {
                    waiting.delivery.resume()
                }
            }
        }
        outcomeWrites.writing = false
    }
}
