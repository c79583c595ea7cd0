import Foundation
import SupportEngine

extension SimulationRun {
    /// Reads every ticket and event back from the desk and computes the figures.
    func result() async throws -> SimulationResult {
        var tickets: [Ticket] = []
        var events: [TicketEvent] = []
        var cursor: TicketID?
        repeat {
            let page = try await desk.tickets(matching: TicketQuery(after: cursor, limit: TicketQuery.maximumLimit))
            for stored in page.tickets {
                tickets.append(stored.ticket)
                events += try await desk.agentView(of: stored.ticket.id).events
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
            messagesSent: channels.reduce(0) { $0 + $1.sentMessages.count },
            journey: try await journeyFigures(tickets: tickets),
            slowestFirstReplies: TicketWait.longest(in: tickets, prefix: club.desk.ticketNumberPrefix)
        )
    }
}
