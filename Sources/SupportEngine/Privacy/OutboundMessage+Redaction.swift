import Foundation

extension OutboundMessage {
    /// The message with its subject, body, attachment names, last error and every failed attempt's
    /// reason replaced by `marker`, for erasing a member's data. Ids, recipient, channel, state, times,
    /// attempts and receipts are kept. A pending message to a member (not an alert to staff) becomes
    /// ``State/withheld``, so it is never sent.
    ///
    /// - Parameter marker: The text that stands for what was erased.
    /// - Returns: The redacted message, its claim kept.
    public func redacted(with marker: String) -> OutboundMessage {
        var message = OutboundMessage(
            id: id,
            ticketID: ticketID,
            messageID: messageID,
            recipient: recipient,
            channel: channel,
            subject: marker,
            body: marker,
            createdAt: createdAt,
            attachments: attachments.map { $0.redacted(with: marker) },
            staffAddress: staffAddress
        )
        message.attempts = attempts
        message.state = state == .pending && staffAddress == nil ? .withheld : state
        message.nextAttemptAt = nextAttemptAt
        message.receipt = receipt
        message.lastError = lastError.map { _ in marker }
        message.fallbackChannels = fallbackChannels
        message.attemptsOnChannel = attemptsOnChannel
        message.history = history.map { attempt in
            var attempt = attempt
            switch attempt.outcome {
            case .delivered: break
            case .failed: attempt.outcome = .failed(reason: marker)
            case .unavailable: attempt.outcome = .unavailable(reason: marker)
            }
            return attempt
        }
        message.claim = claim
        return message
    }
}
