import Foundation

extension SupportDesk {
    /// The statuses of tickets that still need work, scanned for missed targets.
    private static let openStatuses: Set<TicketStatus> = [.new, .open, .pending, .onHold]

    /// Everything waiting on the owner, each item with the action that resolves it.
    ///
    /// Refunds and removals are found through the tags the desk puts on their tickets
    /// (`refund-escalated`, `removal-pending`) and read from the members' ledgers, so the ledger's
    /// state wins over a stale tag. A pending removal whose ticket post is still owed (the ticket store
    /// failed after the ledger was saved) is listed once the desk makes that post, on its next pass of
    /// ``processDueWork()``. Dead letters come from the outbox. Breached tickets (a running or
    /// paused clock whose target was missed) are found by
    /// scanning the open tickets, up to `scanning` of them.
    ///
    /// - Parameter scanning: The most open tickets to look at for missed targets, 1 to 100,000.
    /// - Returns: The inbox; ``OwnerInbox/isComplete`` is `false` when the scan stopped at `scanning`.
    /// - Throws: ``DeskError`` with ``DeskError/Code/invalidInput`` for `scanning` out of range; a
    ///   ``StoreError`` when a store cannot be read.
    public func ownerInbox(scanning: Int = 10_000) async throws -> OwnerInbox {
        guard (1...100_000).contains(scanning) else {
            throw DeskError(.invalidInput, "the owner's inbox scans 1 to 100000 open tickets, not \(scanning)")
        }
        var items = try await refundsAwaitingOwner()
        items += try await removalsAwaitingOwner()
        items += try await deadLetterItems()
        let (breached, complete) = try await breachedTickets(scanning: scanning)
        items += breached
        return OwnerInbox(items: items, isComplete: complete)
    }

    /// Every ticket with a tag, over all pages.
    private func tickets(tagged tag: String) async throws -> [Ticket] {
        var found: [Ticket] = []
        var cursor: TicketID?
        repeat {
            let page = try await store.tickets(
                matching: TicketQuery(text: nil, tags: [tag], after: cursor, limit: TicketQuery.maximumLimit)
            )
            found += page.tickets.map(\.ticket)
            cursor = page.nextCursor
        } while cursor != nil
        return found
    }

    private func refundsAwaitingOwner() async throws -> [OwnerInboxItem] {
        var items: [OwnerInboxItem] = []
        var seen = Set<RefundRequestID>()
        for ticket in try await tickets(tagged: Self.escalatedTag) {
            for decision in try await ledgers.refundDecisions(of: ticket.requester).decisions
            where decision.verdict == .escalateToOwner && seen.insert(decision.requestID).inserted {
                items.append(
                    OwnerInboxItem(
                        kind: .refundAwaitingOwner,
                        ticket: ticket.id,
                        member: decision.member,
                        since: decision.at,
                        summary:
                            "refund of \(decision.amount) asked in request \(decision.requestID) (\(decision.reason))",
                        action: .decideRefund(request: decision.requestID, member: decision.member)
                    )
                )
            }
        }
        return items.sorted { $0.since < $1.since }
    }

    private func removalsAwaitingOwner() async throws -> [OwnerInboxItem] {
        var items: [OwnerInboxItem] = []
        var members = Set<MemberID>()
        for ticket in try await tickets(tagged: Self.pendingRemovalTag) where members.insert(ticket.requester).inserted
        {
            guard let ledger = try await ledgers.moderationLedger(of: ticket.requester) else { continue }
            for entry in ledger.openPendingRemovals {
                items.append(
                    OwnerInboxItem(
                        kind: .removalAwaitingOwner,
                        ticket: entry.ticket ?? ticket.id,
                        member: ticket.requester,
                        since: entry.at,
                        summary: "removal of \(ticket.requester) waits for approval (ledger entry \(entry.id))",
                        action: .decideRemoval(member: ticket.requester, entry: entry.id)
                    )
                )
            }
        }
        return items.sorted { $0.since < $1.since }
    }

    private func deadLetterItems() async throws -> [OwnerInboxItem] {
        var items: [OwnerInboxItem] = []
        var cursor: OutboundID?
        while true {
            let page = try await store.deadLetteredOutbound(after: cursor, limit: 500)
            for message in page {
                items.append(
                    OwnerInboxItem(
                        kind: .deadLetter,
                        ticket: message.ticketID,
                        member: message.recipient,
                        since: message.history.last?.at ?? message.createdAt,
                        summary: "message \(message.id) to \(message.recipient) failed on \(message.channel) after "
                            + "\(message.attempts) attempts: \(message.lastError ?? "no error recorded")",
                        action: .retryDelivery(message.id)
                    )
                )
            }
            guard page.count == 500, let last = page.last?.id else { break }
            cursor = last
        }
        return items.sorted { $0.since < $1.since }
    }

    private func breachedTickets(scanning limit: Int) async throws -> ([OwnerInboxItem], Bool) {
        var items: [OwnerInboxItem] = []
        var scanned = 0
        var cursor: TicketID?
        repeat {
            let page = try await store.tickets(
                matching: TicketQuery(
                    statuses: Self.openStatuses,
                    after: cursor,
                    limit: min(TicketQuery.maximumLimit, limit - scanned)
                )
            )
            scanned += page.tickets.count
            cursor = page.nextCursor
            for stored in page.tickets {
                if let item = Self.breachItem(stored.ticket) { items.append(item) }
            }
        } while cursor != nil && scanned < limit
        return (items.sorted { $0.since < $1.since }, cursor == nil)
    }

    /// The item of a ticket with an unmet clock whose breach fired, naming the latest step.
    ///
    /// A clock paused while the ticket waits on the member or a third party still counts: its target
    /// was missed before it paused, and the miss stands until the clock is met.
    private static func breachItem(_ ticket: Ticket) -> OwnerInboxItem? {
        var worst: SLAFiring?
        for clock in Array(ticket.sla.running.values) + ticket.sla.paused.values.map(\.clock) {
            for firing in ticket.sla.firings
            where firing.metric == clock.metric && firing.clockStartedAt == clock.startedAt {
                switch firing.step {
                case .breach, .escalation:
                    if firing.firedAt > worst?.firedAt ?? .distantPast { worst = firing }
                case .warning, .additionalWarning:
                    continue
                }
            }
        }
        guard let worst else { return nil }
        return OwnerInboxItem(
            kind: .slaBreached,
            ticket: ticket.id,
            member: ticket.requester,
            since: worst.firedAt,
            summary: "\(worst.metric) target missed (\(worst.step)), due \(worst.dueAt.ISO8601Format())",
            action: .attendTicket(ticket.id)
        )
    }
}
