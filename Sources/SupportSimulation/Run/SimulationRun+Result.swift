import Foundation
import SupportEngine

extension SimulationRun {
    /// Reads every ticket and event back from the desk and computes the figures.
    func result() async throws -> SimulationResult {
        var tickets: [Ticket] = []
        var events: [TicketEvent] = []
        var outcomes: [TicketOutcome] = []
        var cursor: TicketID?
        repeat {
            let page = try await desk.tickets(matching: TicketQuery(after: cursor, limit: TicketQuery.maximumLimit))
            for stored in page.tickets {
                tickets.append(stored.ticket)
                let ticketEvents = try await desk.agentView(of: stored.ticket.id).events
                outcomes.append(Self.outcome(of: stored.ticket, events: ticketEvents))
                events += ticketEvents
            }
            cursor = page.nextCursor
        } while cursor != nil
        var deadLetters: [OutboundMessage] = []
        var after: OutboundID?
        while true {
            let batch = try await desk.deadLetters(after: after, limit: 100)
            deadLetters += batch
            guard batch.count == 100, let last = batch.last else { break }
            after = last.id
        }
        let metrics = DeskMetrics.compute(
            tickets: tickets,
            events: events,
            ratings: try await ratings.all(),
            deadLetters: deadLetters
        )
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var byHour = [Int](repeating: 0, count: 168)
        for ticket in tickets {
            let parts = calendar.dateComponents([.weekday, .hour], from: ticket.createdAt)
            byHour[(((parts.weekday ?? 2) + 5) % 7) * 24 + (parts.hour ?? 0)] += 1
        }
        var names: [AgentID: String] = [:]
        for agent in club.desk.agents { names[agent.id] = agent.displayName }
        return SimulationResult(
            clubName: club.name,
            period: period,
            timeZone: timeZone,
            traffic: club.traffic,
            metrics: metrics,
            sla: sla,
            agentNames: names,
            arrivalsByHourOfWeek: byHour,
            refundRequests: refundRequests,
            refundsDecided: refundsDecided,
            refundsApproved: refundsApproved,
            refundsEscalated: refundsEscalated,
            moderationSteps: moderationSteps,
            difficultTickets: difficultTickets,
            moderationActions: moderationActions,
            policyMessages: policyMessages,
            messagesSent: channels.reduce(0) { $0 + $1.sentMessages.count },
            journey: try await journeyFigures(tickets: tickets),
            slowestFirstReplies: TicketWait.longest(in: tickets, prefix: club.desk.ticketNumberPrefix),
            outcomes: outcomes
        )
    }

    /// A ticket's wait for its first agent and whether its first reply was late, from its events.
    static func outcome(of ticket: Ticket, events: [TicketEvent]) -> TicketOutcome {
        var priority = ticket.priority
        var assignedAt: Date?
        for event in events {
            switch event.change {
            case .created(let creation): priority = creation.priority
            case .assigned(_, .some) where assignedAt == nil: assignedAt = event.at
            default: break
            }
        }
        return TicketOutcome(
            createdAt: ticket.createdAt,
            priority: priority,
            waitForAgent: assignedAt.map { $0.timeIntervalSince(ticket.createdAt) },
            firstReplyLate: ticket.sla.firstMeasurement(of: .firstReply)?.late
        )
    }
}
