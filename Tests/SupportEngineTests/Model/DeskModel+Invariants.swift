import Foundation

@testable import SupportEngine

extension DeskModel {
    /// How far past the start the drain runs the timers.
    static let horizon: TimeInterval = 60 * 86_400

    /// Stops the faults and lets both desks work until nothing is pending and the clock is past the
    /// horizon. Returns the errors the desks still threw (there should be none).
    func drain() async -> [String] {
        stopFaults()
        var errors: [String] = []
        let end = start.addingTimeInterval(Self.horizon)
        for _ in 0..<3_000 {
            for (index, desk) in desks.enumerated() {
                do {
                    try await desk.processDueWork()
                    try await desk.deliverPendingMessages()
                } catch {
                    errors.append("desk \(index) drain: \(error)")
                }
            }
            let pending = await shared.pendingOutbound(dueBy: .distantFuture, limit: 10_000)
            let now = clock.peek
            if now > end && pending.isEmpty { break }
            var next = now.addingTimeInterval(86_400)
            for desk in desks {
                if let due = await desk.nextDueInstant, due > now { next = min(next, due) }
            }
            for message in pending where message.nextAttemptAt > now { next = min(next, message.nextAttemptAt) }
            // Claims taken by a failed pass end by themselves; step past them too.
            clock.advance(to: max(next, now.addingTimeInterval(1)).addingTimeInterval(0.5))
        }
        return errors
    }

    /// Every invariant the desks must keep, as a list of violations (empty when all hold).
    func violations() async throws -> [String] {
        var found: [String] = []
        let log = log.withLock { $0 }
        let tickets = try await allTickets()

        // Every accepted inbound message is in exactly one ticket; no message is stored twice.
        var stored: [String: Int] = [:]
        for ticket in tickets {
            for message in ticket.messages where message.kind == .memberMessage && message.channel == .email {
                if let external = message.externalID { stored[external, default: 0] += 1 }
            }
        }
        for externalID in log.inbound.keys.sorted() {
            let count = stored[externalID, default: 0]
            if log.accepted.contains(externalID) && count != 1 {
                found.append("accepted inbound \(externalID) is stored \(count) times")
            } else if count > 1 {
                found.append("inbound \(externalID) (its receive failed) is stored \(count) times")
            }
        }

        // Every outbound message ends delivered or dead-lettered; a channel sees a message more than
        // once only when a desk could not record the attempt (at-least-once).
        let calls = channels.flatMap(\.calls)
        var ids = Set(calls.map(\.outbound))
        for ticket in tickets {
            for message in await shared.outbound(ofTicket: ticket.id) { ids.insert(message.id) }
        }
        let failedUpdates = witnesses.reduce(into: Set<OutboundID>()) { $0.formUnion($1.messagesWithFailedUpdates) }
        for id in ids.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let message = await shared.outbound(id) else {
                found.append("outbound \(id) was sent but is not in the outbox")
                continue
            }
            let delivered = calls.filter { $0.outbound == id && $0.delivered }
            switch message.state {
            case .pending:
                found.append("outbound \(id) is still pending after the drain")
            case .delivered:
                if delivered.isEmpty { found.append("outbound \(id) is recorded delivered but no channel took it") }
            case .deadLettered, .withheld:
                break
            }
            if delivered.count > 1 && !failedUpdates.contains(id) {
                found.append("outbound \(id) was delivered \(delivered.count) times, though every update stood")
            }
        }

        // Journey messages never reach a member after they opted out or were removed.
        for call in calls where call.delivered && call.key.hasPrefix("journey") {
            if let at = log.optedOutAt[call.recipient], at < call.order {
                found.append("journey message \(call.outbound) reached \(call.recipient) after they opted out")
            }
            if let at = log.removedAt[call.recipient], at < call.order {
                found.append("journey message \(call.outbound) reached \(call.recipient) after their removal")
            }
        }

        // Timers: each fires once, and every timer due well before the horizon has fired.
        let settled = start.addingTimeInterval(Self.horizon - 7 * 86_400)
        for ticket in tickets {
            var firings = Set<String>()
            for firing in ticket.sla.firings {
                let key = "\(firing.metric) \(firing.clockStartedAt.timeIntervalSince1970) \(firing.step)"
                if !firings.insert(key).inserted { found.append("ticket \(ticket.id) fired \(key) twice") }
            }
            for clock in ticket.sla.running.values where clock.dueAt < settled {
                let breached = ticket.sla.firings.contains {
                    $0.metric == clock.metric && $0.clockStartedAt == clock.startedAt && $0.step == .breach
                }
                if !breached {
                    found.append(
                        "ticket \(ticket.id)'s \(clock.metric) clock was due \(clock.dueAt) and never breached"
                    )
                }
            }
            if ticket.status == .solved, let solved = ticket.solvedAt,
                solved.addingTimeInterval(configuration.autoCloseAfter) < settled
            {
                found.append("ticket \(ticket.id) was solved at \(solved) and never auto-closed")
            }
            let closes = await shared.events(of: ticket.id).filter {
                if case .statusChanged(_, .closed) = $0.change { return true }
                return false
            }
            if closes.count > 1 { found.append("ticket \(ticket.id) was closed \(closes.count) times") }
        }

        found += try await feedViolations(tickets: tickets, outbound: ids)

        // Journeys: no step due well before the horizon is still waiting.
        for stored in try await journeys.journeys(dueBefore: settled, after: nil, limit: 100) {
            found.append(
                "\(stored.record.member)'s journey step was due \(stored.dueAt.map { "\($0)" } ?? "-") and never taken"
            )
        }

        // Every refund and moderation change has its post on a ticket: none is still owed.
        for owed in await ledgers.pendingPolicyPosts(of: nil, limit: 10) {
            found.append("a policy post for \(owed.member) is still owed after the drain")
        }

        // Refunds for the charge never exceed it.
        for member in Self.members.map(\.id) {
            var refunded: Int64 = 0
            for decision in await ledgers.refundDecisions(of: member).decisions
            where decision.verdict == .approve && decision.outcomes.contains(.refund) && decision.chargeID == "ch-1" {
                refunded += decision.amount.minorUnits
            }
            if refunded > Self.chargeAmount.minorUnits {
                found.append(
                    "\(member) was refunded \(refunded) minor units of a \(Self.chargeAmount.minorUnits) charge"
                )
            }
        }
        return found
    }

    /// The event feed: positions 1, 2, 3, … with no gap; each event once; every stored ticket event the
    /// feed reports there exactly once, in order, and nothing for a change that failed; every dead letter
    /// reported; every notice about a ticket that exists.
    func feedViolations(tickets: [Ticket], outbound: Set<OutboundID>) async throws -> [String] {
        var found: [String] = []
        var feed: [DeskFeedEntry] = []
        while true {
            let page = try await shared.deskEvents(
                after: feed.last?.position ?? 0,
                limit: DeskFeedEntry.maximumPageSize
            )
            if page.isEmpty { break }
            feed += page
        }
        if feed.enumerated().contains(where: { $0.element.position != $0.offset + 1 }) {
            found.append("the feed's positions are not 1…\(feed.count) in order")
        }
        var keys = Set<String>()
        for entry in feed where !keys.insert(entry.event.key).inserted {
            found.append("the feed holds \(entry.event.key) twice")
        }
        let known = Set(tickets.map(\.id))
        var reportedByTicket: [TicketID: [String]] = [:]
        for entry in feed {
            guard let ticket = entry.event.ticket else { continue }
            if !known.contains(ticket) {
                found.append("feed event \(entry.event.key) is about unknown ticket \(ticket)")
            }
            if entry.event.key.hasPrefix("ticket/") { reportedByTicket[ticket, default: []].append(entry.event.key) }
        }
        for ticket in tickets {
            let expected = await shared.events(of: ticket.id).compactMap {
                DeskEvent($0, requester: ticket.requester)?.key
            }
            let reported = reportedByTicket[ticket.id] ?? []
            if reported != expected {
                found.append("ticket \(ticket.id)'s feed events \(reported) are not its stored events \(expected)")
            }
        }
        for id in outbound {
            guard let message = await shared.outbound(id), message.state == .deadLettered else { continue }
            if !keys.contains(DeskEvent.deadLettered(message).key) {
                found.append("dead letter \(id) is not in the feed")
            }
        }
        return found
    }

    /// Every stored ticket.
    func allTickets() async throws -> [Ticket] {
        var result: [Ticket] = []
        var cursor: TicketID?
        repeat {
            let page = try await shared.tickets(matching: TicketQuery(after: cursor, limit: TicketQuery.maximumLimit))
            result += page.tickets.map(\.ticket)
            cursor = page.nextCursor
        } while cursor != nil
        return result
    }
}
