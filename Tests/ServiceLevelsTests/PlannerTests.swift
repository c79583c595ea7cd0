import Foundation
import ServiceLevels
import Testing

private let hour: TimeInterval = 3600
/// Monday 2026-01-05 09:00 in Moscow.
private let monday9 = Date(timeIntervalSince1970: 1_767_592_800)

private func planner(escalations: [SLAEscalation] = []) throws -> SLAPlanner {
    let calendar = try BusinessCalendar(
        .init(
            timeZone: "Europe/Moscow",
            windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
        )
    )
    return SLAPlanner(
        policy: SLAPolicy(
            calendar: calendar,
            targets: [.normal: ResponseTargets(firstReply: .business(4 * hour), resolution: .business(16 * hour))],
            warningFraction: 0.75,
            escalations: escalations
        )
    )
}

/// A new ticket with its SLA changes recorded, as the desk writes it.
private func created(by planner: SLAPlanner, at now: Date) throws -> Ticket {
    let first = TicketMessage(id: "m-1", kind: .memberMessage, author: .member("anna"), body: "Help", at: now)
    let creation = TicketCreation(requester: "anna", subject: "Login", channel: .email, firstMessage: first)
    let (ticket, event) = try TicketRules.create(creation, id: "T-1", by: .member("anna"), at: now)
    let changes = try planner.changes(before: nil, after: ticket, events: [event], at: now)
    return try TicketRules.execute(.recordSLA(changes), on: ticket, by: .system, at: now).ticket
}

@Suite("SLA planner")
struct PlannerTests {
    @Test("creation starts the first-reply and resolution clocks on business time")
    func creation() throws {
        let planner = try planner()
        let ticket = try created(by: planner, at: monday9)
        let firstReply = try #require(ticket.sla.running[.firstReply])
        #expect(firstReply.dueAt == monday9.addingTimeInterval(4 * hour))
        #expect(firstReply.warningAt == monday9.addingTimeInterval(3 * hour))
        #expect(ticket.sla.running[.resolution] != nil)
        #expect(planner.nextStep(of: ticket) == monday9.addingTimeInterval(3 * hour))
    }

    @Test("due steps come oldest first and only once due; escalations follow the breach")
    func dueSteps() throws {
        let planner = try planner(escalations: [SLAEscalation(after: hour, action: .raisePriority)])
        let ticket = try created(by: planner, at: monday9)
        #expect(planner.dueSteps(of: ticket, at: monday9.addingTimeInterval(2 * hour)).isEmpty)
        let due = planner.dueSteps(of: ticket, at: monday9.addingTimeInterval(5 * hour))
        #expect(due.map(\.step) == [.warning, .breach, .escalation(level: 1)])
        #expect(due.map(\.clock.metric) == [.firstReply, .firstReply, .firstReply])
        let steps = planner.steps(of: try #require(ticket.sla.running[.firstReply]), priority: .normal)
        #expect(steps.map(\.at) == [3, 4, 5].map { monday9.addingTimeInterval($0 * hour) })
    }
}
