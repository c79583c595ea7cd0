import Foundation
import ServiceLevels
import Testing

private let hour: TimeInterval = 3600
/// Monday 2026-01-05 09:00 in Madrid (UTC+1).
private let monday9 = Date(timeIntervalSince1970: 1_767_600_000)

private func madridOffice() throws -> BusinessCalendar {
    try BusinessCalendar(
        .init(
            timeZone: "Europe/Madrid",
            windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
        )
    )
}

private func newTicket(by planner: SLAPlanner, at now: Date) throws -> Ticket {
    let first = TicketMessage(id: "m-1", kind: .memberMessage, author: .member("ana"), body: "Ayuda", at: now)
    let creation = TicketCreation(requester: "ana", subject: "Acceso", channel: .email, firstMessage: first)
    let (ticket, event) = try TicketRules.create(creation, id: "T-1", by: .member("ana"), at: now)
    let changes = try planner.changes(before: nil, after: ticket, events: [event], at: now)
    return try TicketRules.execute(.recordSLA(changes), on: ticket, by: .system, at: now).ticket
}

@Suite("SLA warnings: several thresholds, and none at night")
struct WarningThresholdTests {
    @Test("warnings at 50, 75 and 90 % of a business target, then the breach")
    func threeWarnings() throws {
        let planner = SLAPlanner(
            policy: SLAPolicy(
                calendar: try madridOffice(),
                targets: [.normal: ResponseTargets(firstReply: .business(4 * hour))],
                warningFractions: [0.5, 0.75, 0.9]
            )
        )
        let ticket = try newTicket(by: planner, at: monday9)
        let clock = try #require(ticket.sla.running[.firstReply])
        let steps = planner.steps(of: clock, priority: .normal)
        #expect(steps.map(\.step) == [.warning, .additionalWarning(level: 2), .additionalWarning(level: 3), .breach])
        #expect(steps.map(\.at) == [2, 3, 3.6, 4].map { monday9.addingTimeInterval($0 * hour) })
        #expect(planner.nextStep(of: ticket) == monday9.addingTimeInterval(2 * hour))
        let due = planner.dueSteps(of: ticket, at: monday9.addingTimeInterval(3.5 * hour))
        #expect(due.map(\.step) == [.warning, .additionalWarning(level: 2)])
        #expect(SLAStep.additionalWarning(level: 3).description == "warning 3")
    }

    @Test("a calendar-time target's warning at night waits for the opening, unless asked; the breach does not")
    func noWarningAtNight() throws {
        // Created Monday 20:00 with 24 h of calendar time: 50 % falls at Tuesday 08:00, before opening.
        let evening = monday9.addingTimeInterval(11 * hour)
        let targets: [Priority: ResponseTargets] = [.normal: ResponseTargets(firstReply: .calendar(24 * hour))]
        let quiet = SLAPlanner(
            policy: SLAPolicy(calendar: try madridOffice(), targets: targets, warningFractions: [0.5, 0.75])
        )
        let ticket = try newTicket(by: quiet, at: evening)
        let clock = try #require(ticket.sla.running[.firstReply])
        let steps = quiet.steps(of: clock, priority: .normal)
        #expect(steps.map(\.step) == [.warning, .additionalWarning(level: 2), .breach])
        // 08:00 waits for 09:00; 14:00 is in hours; the breach stays at Tuesday 20:00.
        #expect(steps.map(\.at) == [24, 29, 35].map { monday9.addingTimeInterval($0 * hour) })

        let awake = SLAPlanner(
            policy: SLAPolicy(
                calendar: try madridOffice(),
                targets: targets,
                warningFractions: [0.5, 0.75],
                alertsOutsideHours: true
            )
        )
        #expect(awake.steps(of: clock, priority: .normal).first?.at == monday9.addingTimeInterval(23 * hour))
    }

    @Test("a warning held past the breach is dropped")
    func heldPastTheBreach() throws {
        // Created Friday 17:00 with 4 h of calendar time: the 75 % warning (20:00) would wait for Monday.
        let friday17 = monday9.addingTimeInterval(-3 * 86_400 + 8 * hour)
        let planner = SLAPlanner(
            policy: SLAPolicy(
                calendar: try madridOffice(),
                targets: [.normal: ResponseTargets(firstReply: .calendar(4 * hour))],
                warningFractions: [0.1, 0.75]
            )
        )
        let clock = try #require(try newTicket(by: planner, at: friday17).sla.running[.firstReply])
        #expect(planner.steps(of: clock, priority: .normal).map(\.step) == [.warning, .breach])
    }

    @Test("a single warningFraction still decodes; several decode from warningFractions and round-trip")
    func coding() throws {
        let single = try SLAPolicy.decode(json: Data(#"{"warningFraction": 0.8}"#.utf8))
        #expect(single.warningFractions == [0.8])
        #expect(single.alertsOutsideHours == false)
        let none = try SLAPolicy.decode(json: Data(#"{"warningFraction": null}"#.utf8))
        #expect(none.warningFractions.isEmpty)
        let several = try SLAPolicy.decode(
            json: Data(#"{"warningFractions": [0.5, 0.75, 0.9], "alertsOutsideHours": true}"#.utf8)
        )
        #expect(several.warningFractions == [0.5, 0.75, 0.9])
        #expect(several.warningFraction == 0.5)
        #expect(several.alertsOutsideHours)
        #expect(try SLAPolicy.decode(json: JSONEncoder().encode(several)) == several)
        #expect(try SLAPolicy.decode(json: Data("{}".utf8)).warningFractions == [0.75])
    }

    @Test(
        "invalid thresholds are refused with the path of the value",
        arguments: [
            (#"{"warningFractions": [0.5, 1.2]}"#, "warningFractions[1]"),
            (#"{"warningFractions": [0.5, 0.5]}"#, "warningFractions[1]"),
            (#"{"warningFractions": [0.9, 0.5]}"#, "warningFractions[1]"),
            (#"{"warningFractions": [0]}"#, "warningFractions[0]"),
            (#"{"warningFraction": 1}"#, "warningFraction"),
            (#"{"warningFraction": 0.5, "warningFractions": [0.9]}"#, "warningFractions"),
        ]
    )
    func validation(json: String, path: String) {
        let error = #expect(throws: ServiceLevelError.self) { try SLAPolicy.decode(json: Data(json.utf8)) }
        #expect(error?.path == path, "\(error?.message ?? "")")
        #expect(error?.code == .invalidPolicy)
    }
}
