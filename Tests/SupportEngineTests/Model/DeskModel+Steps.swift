import Foundation

@testable import SupportEngine

extension DeskModel {
    /// Runs a program: the steps of each batch at once, the batches in order.
    func run(_ program: [[ModelStep]]) async {
        for batch in program {
            log.withLock { $0.program.append(batch.map(\.description).joined(separator: " ‖ ")) }
            await withTaskGroup(of: Void.self) { group in
                for step in batch {
                    group.addTask { await self.perform(step) }
                }
            }
            // The opt-outs and removals of the batch count from its end: what ran beside them is not judged.
            log.withLock { log in
                for member in log.optedOutInBatch {
                    log.optedOutAt[member] = log.optedOutAt[member] ?? self.order.next()
                }
                for member in log.removedInBatch { log.removedAt[member] = log.removedAt[member] ?? self.order.next() }
                log.optedOutInBatch = []
                log.removedInBatch = []
            }
            // An opt-out and an opt-in of one member in the same batch race: the stored record says
            // which won, and an opt-out that lost is not judged.
            for member in log.withLock({ Array($0.optedOutAt.keys) }) {
                let record = await journeys.journey(of: member)?.record
                if record?.optedOut == false { log.withLock { $0.optedOutAt[member] = nil } }
            }
        }
    }

    /// Runs one step and records what its caller was told.
    func perform(_ step: ModelStep) async {
        do {
            try await execute(step)
            log.withLock { $0.count("ok \(step.kind)") }
        } catch {
            log.withLock { $0.count("\(step.kind): \(Self.name(of: error))") }
        }
    }

    /// A short name for an error: its type and code.
    static func name(of error: any Error) -> String {
        if let coded = error as? any CodedError { return "\(type(of: coded)).\(coded.code.name)" }
        return "\(type(of: error))"
    }

    private func ticket(_ index: Int) -> (id: TicketID, requester: MemberID)? {
        log.withLock { log in log.tickets.isEmpty ? nil : log.tickets[index % log.tickets.count] }
    }

    private func learned(_ ticket: Ticket) {
        log.withLock { log in
            if !log.tickets.contains(where: { $0.id == ticket.id }) {
                log.tickets.append((ticket.id, ticket.requester))
            }
            for message in ticket.messages where message.kind == .memberMessage {
                guard case .member(let member) = message.author else { continue }
                if !log.memberMessages.contains(where: { $0.message == message.id }) {
                    log.memberMessages.append((ticket.id, message.id, member))
                }
            }
        }
    }

    private func execute(_ step: ModelStep) async throws {
        switch step {
        case .receive(let desk, let externalID, let member, let body):
            let inbound = InboundMessage(
                channel: .email,
                externalID: externalID,
                sender: member,
                body: body,
                receivedAt: clock.now
            )
            log.withLock { $0.inbound[externalID] = inbound }
            let outcome = try await desks[desk].receive(inbound)
            log.withLock { _ = $0.accepted.insert(externalID) }
            learned(outcome.ticket)
        case .receiveAgain(let desk, let index):
            let inbound: InboundMessage? = log.withLock { log in
                let ids = log.inbound.keys.sorted()
                return ids.isEmpty ? nil : log.inbound[ids[index % ids.count]]
            }
            guard let inbound else { return }
            let outcome = try await desks[desk].receive(inbound)
            log.withLock { _ = $0.accepted.insert(inbound.externalID) }
            learned(outcome.ticket)
        case .memberWrites(let desk, let index, let id):
            guard let (ticket, member) = ticket(index) else { return }
            let updated = try await desks[desk].execute(
                .memberMessage(MessageDraft(id: MessageID(id), body: "One more thing about this")),
                on: ticket,
                by: .member(member)
            )
            learned(updated)
        case .reply(let desk, let index, let agent):
            guard let (ticket, _) = ticket(index) else { return }
            learned(try await desks[desk].reply(to: ticket, body: "Thanks, we are on it.", by: .agent(agent)))
        case .note(let desk, let index):
            guard let (ticket, _) = ticket(index) else { return }
            learned(try await desks[desk].addInternalNote(to: ticket, body: "Checked the logs.", by: .agent("pavel")))
        case .solve(let desk, let index):
            guard let (ticket, _) = ticket(index) else { return }
            learned(try await desks[desk].solve(ticket, by: .agent("olga")))
        case .assign(let desk, let index, let agent):
            guard let (ticket, _) = ticket(index) else { return }
            learned(try await desks[desk].assign(ticket, to: agent, by: .agent("olga")))
        case .presence(let desk, let agent, let online):
            try await desks[desk].agents.setPresence(online ? .online : .offline, of: agent)
        case .dueWork(let desk):
            try await desks[desk].processDueWork()
        case .deliver(let desk):
            try await desks[desk].deliverPendingMessages()
        case .advance(let seconds):
            clock.advance(by: seconds)
        case .requestRefund(let desk, let member, let request, let days):
            let result = try await desks[desk].refunds.request(
                RefundRequestID(request),
                for: member,
                facts: facts(member, paidDaysAgo: days),
                charge: "ch-1",
                message: "Please refund my payment",
                by: .member(member)
            )
            learned(result.ticket)
        case .resolveRefund(let desk, let member, let approve, let days):
            let escalated = await ledgers.refundDecisions(of: member).decisions.last { $0.verdict == .escalateToOwner }
            guard let escalated else { return }
            let result =
                approve
                ? try await desks[desk].refunds.approve(
                    escalated.requestID,
                    of: member,
                    facts: facts(member, paidDaysAgo: days),
                    by: Self.owner
                )
                : try await desks[desk].refunds.decline(escalated.requestID, of: member, by: Self.owner)
            learned(result.ticket)
        case .report(let desk, let index, let kind):
            let target: (ticket: TicketID, message: MessageID, member: MemberID)? = log.withLock { log in
                log.memberMessages.isEmpty ? nil : log.memberMessages[index % log.memberMessages.count]
            }
            guard let target else { return }
            _ = try await desks[desk].moderation.report(
                on: target.ticket,
                message: target.message,
                violation: Violation(kind),
                by: .agent("pavel")
            )
        case .decideRemoval(let desk, let member, let approve):
            if approve {
                _ = try await desks[desk].moderation.approveRemoval(of: member, by: Self.owner)
                log.withLock { _ = $0.removedInBatch.insert(member) }
            } else {
                _ = try await desks[desk].moderation.declineRemoval(of: member, by: Self.owner)
            }
        case .reverse(let desk, let member):
            _ = try await desks[desk].moderation.reverse(of: member, entry: 1, by: Self.owner)
        case .joined(let desk, let member):
            _ = try await desks[desk].journey.memberJoined(member)
        case .activity(let desk, let member):
            _ = try await desks[desk].journey.recordActivity(of: member)
        case .cancelled(let desk, let member):
            _ = try await desks[desk].journey.memberCancelled(member)
        case .optOut(let desk, let member, let optedOut):
            _ = try await desks[desk].journey.setOptOut(member, optedOut, by: .member(member))
            if optedOut {
                log.withLock { _ = $0.optedOutInBatch.insert(member) }
            } else {
                // Opting in again: messages after this are allowed. (A race with a concurrent opt-out in
                // the same batch is not judged: the model forgets the opt-out.)
                log.withLock { log in
                    log.optedOutAt[member] = nil
                    log.optedOutInBatch.remove(member)
                }
            }
        }
    }
}

extension ModelStep {
    /// The step's kind, for counting outcomes.
    var kind: String { Mirror(reflecting: self).children.first?.label ?? "\(self)" }
}
