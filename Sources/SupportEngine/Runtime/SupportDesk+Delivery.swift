import Foundation

extension SupportDesk {
    /// Sends every outbound message whose attempt is due, and records each attempt.
    ///
    /// A failed attempt is retried after ``DeskConfiguration/deliveryRetryDelay``, doubling each time,
    /// or after the wait a ``RetryAfterError`` names.
    /// After ``DeskConfiguration/maximumDeliveryAttempts`` failures on one channel, or at once when the
    /// channel is unavailable, the message moves to the next of its ``OutboundMessage/fallbackChannels``;
    /// when none is left it is dead-lettered — kept, visible, never dropped. Every attempt is appended
    /// to the message's ``OutboundMessage/history``.
    ///
    /// Delivery is at least once, with the message's ``OutboundMessage/idempotencyKey`` handed to every
    /// send. Each message is claimed first (``TicketStore/claimOutbound(_:at:until:)``, or by the commit
    /// that wrote it with ``DeskConfiguration/deliveryClaimsOnCommit``), so two desks
    /// sharing a store do not send it at the same time, and its outcome is recorded under that claim. A
    /// send that outlasts ``DeskConfiguration/deliveryClaimDuration`` lets another desk claim the message;
    /// the late outcome is then refused with ``StoreError/Code/claimLost`` and dropped — the other desk
    /// owns the message — so a recorded delivery is never written over and the message is never sent
    /// again once its receipt is recorded.
    ///
    /// - Returns: How many messages this pass delivered and recorded.
    /// - Throws: ``StoreError`` when the outbox cannot be read or updated; never for a lost claim.
    @discardableResult
    public func deliverPendingMessages() async throws -> Int {
        let now = clock.now
        forgetEndedCommitClaims(at: now)
        var delivered = 0
        // Page through everything due: a pass takes up to 500, and goes on while it makes progress.
        while true {
            let due = try await store.pendingOutbound(dueBy: now, limit: 500)
            let progress = try await deliver(due.map(\.id), at: now, delivered: &delivered)
            guard due.count == 500, progress else { break }
        }
        return delivered
    }

    /// Attempts each message not already in flight, claiming it first (a message no longer pending or
    /// due is passed over); returns whether any was attempted.
    ///
    /// `committed` has the commit count of messages just committed (``ErasureReads``): a recipient that
    /// a read made after that commit found not erased is not read again before the send.
    func deliver(
        _ due: [OutboundID],
        at now: Date,
        delivered: inout Int,
        committed: [OutboundID: UInt64] = [:]
    ) async throws -> Bool {
        var progress = false
        for id in due where !deliveriesInFlight.contains(id) {
            deliveriesInFlight.insert(id)
            defer { deliveriesInFlight.remove(id) }
            // Claim it: another call, or another desk on the same store, may be sending it or may have
            // delivered it meanwhile. The claim ends with the update below, or by itself. A message this
            // desk committed already claimed is sent under that claim while it holds.
            var current: OutboundMessage
            if let held = takeCommittedClaim(of: id, at: clock.now) {
                current = held
            } else {
                guard
                    let claimed = try await store.claimOutbound(
                        id,
                        at: now,
                        until: now.addingTimeInterval(configuration.deliveryClaimDuration)
                    )
                else { continue }
                current = claimed
            }
            progress = true
            // The claim says the message is due now. A fallback makes the next channel due at the
            // instant of the failed attempt — later than `now` on a clock that moves during the pass —
            // so the loop follows the attempt's outcome, not a comparison with `now`.
            var tries = 0
            let maximumTries = current.fallbackChannels.count + 1
            // A member whose data was erased is never contacted again, whatever waited in the outbox.
            if current.staffAddress == nil, try await erasure(of: current.recipient, readAfter: committed[id]) != nil {
                current = current.redacted(with: MemberErasure.redactionMarker)
                current.state = .withheld
            }
            // A journey message waits in the outbox; the member may have opted out or been removed since
            // it was written. Whether they may be contacted is decided now, last before the send, so that
            // an opt-out has as little time as can be to come between the check and the send.
            if current.state == .pending, current.ticketID == nil, current.staffAddress == nil,
                let reason = try await journeyContactBlock(of: current.recipient, at: now)
            {
                current.state = .withheld
                current.lastError = reason
            }
            attempts: while current.state == .pending, tries < maximumTries {
                tries += 1
                switch await attempt(&current) {
                case .delivered, .retryLater:
                    break attempts
                case .nextChannelNow:
                    continue attempts
                }
            }
            // The update carries the claim: it stands only while the claim is still the message's.
            do {
                try await recordOutcome(current)
            } catch let error as StoreError where error.code == .claimLost {
                // The send outlasted the claim and another desk claimed the message meanwhile: that desk
                // owns it now, records its own outcome and keeps its timers. Nothing to record or retry here.
                continue
            }
            if current.state == .delivered { delivered += 1 }
            if current.state == .deadLettered { await alertDeadLetter(current) }
            // Whatever is still pending has its next attempt on the timers.
            if current.state == .pending { schedule(.outbox, at: current.nextAttemptAt) }
        }
        return progress
    }

    /// What one delivery attempt leads to.
    private enum AttemptOutcome {
        /// The channel accepted the message.
        case delivered
        /// The message waits for a retry, or is dead-lettered.
        case retryLater
        /// The message moved to its next channel, which is tried at once.
        case nextChannelNow
    }

    /// Makes one attempt and updates the message's state.
    private func attempt(_ message: inout OutboundMessage) async -> AttemptOutcome {
        let at = clock.now
        message.attempts += 1
        guard let channel = channels[message.channel] else {
            let reason = "no channel of kind \(message.channel) is configured on this desk"
            record(.unavailable(reason: reason), on: &message, at: at)
            return fallBack(&message, at: at)
        }
        guard await channel.isAvailable else {
            record(.unavailable(reason: "channel \(message.channel) is unavailable"), on: &message, at: at)
            return fallBack(&message, at: at)
        }
        if message.staffAddress == nil, !(await channel.canReach(message.recipient)) {
            let reason = "channel \(message.channel) cannot reach \(message.recipient)"
            record(.unavailable(reason: reason), on: &message, at: at)
            return fallBack(&message, at: at)
        }
        do {
            let receipt = try await channel.send(message)
            message.receipt = receipt
            message.state = .delivered
            message.lastError = nil
            message.history.append(
                DeliveryAttempt(
                    number: message.attempts,
                    channel: message.channel,
                    at: at,
                    outcome: .delivered(externalID: receipt.externalID)
                )
            )
            return .delivered
        } catch let error as any UndeliverableError {
            record(.failed(reason: error.description), on: &message, at: at)
            return fallBack(&message, at: at)
        } catch let error as any RetryAfterError {
            record(.failed(reason: error.description), on: &message, at: at)
            if error.countsAsFailure {
                message.attemptsOnChannel += 1
                if message.attemptsOnChannel >= configuration.maximumDeliveryAttempts {
                    return fallBack(&message, at: at)
                }
            }
            // The wait the provider (or the channel's pacing) asked for, to the second; never NaN.
            let wait = error.retryAfter.isFinite ? max(error.retryAfter, 0) : configuration.deliveryRetryDelay
            message.nextAttemptAt = at.addingTimeInterval(wait)
            return .retryLater
        } catch {
            record(.failed(reason: String(describing: error)), on: &message, at: at)
            message.attemptsOnChannel += 1
            if message.attemptsOnChannel >= configuration.maximumDeliveryAttempts {
                return fallBack(&message, at: at)
            }
            let delay = configuration.deliveryRetryDelay * pow(2, Double(message.attemptsOnChannel - 1))
            message.nextAttemptAt = at.addingTimeInterval(delay)
            return .retryLater
        }
    }

    private func record(_ outcome: DeliveryAttempt.Outcome, on message: inout OutboundMessage, at: Date) {
        switch outcome {
        case .failed(let reason), .unavailable(let reason): message.lastError = reason
        case .delivered: break
        }
        message.history.append(
            DeliveryAttempt(number: message.attempts, channel: message.channel, at: at, outcome: outcome)
        )
    }

    /// Moves the message to its next channel, to be tried at once, or dead-letters it when none is left.
    private func fallBack(_ message: inout OutboundMessage, at: Date) -> AttemptOutcome {
        guard !message.fallbackChannels.isEmpty else {
            message.state = .deadLettered
            return .retryLater
        }
        message.channel = message.fallbackChannels.removeFirst()
        message.attemptsOnChannel = 0
        message.nextAttemptAt = at
        return .nextChannelNow
    }

    /// Commits the alerts of a message just dead-lettered. The dead letter stands already, so a failure
    /// here is not the delivery pass's: the message waits in the owner's inbox either way
    /// (``ownerInbox(scanning:)``), and another desk's or a retried alert with the same id is refused by
    /// the store as already there.
    private func alertDeadLetter(_ message: OutboundMessage) async {
        var ticket: Ticket?
        if let id = message.ticketID { ticket = try? await store.ticket(id)?.ticket }
        let alerts = deadLetterAlerts(for: message, ticket: ticket, at: clock.now)
        guard !alerts.isEmpty else { return }
        try? await commitAndSchedule(TicketCommit(writes: [], outbound: alerts))
    }
}
