import Foundation
import TicketLifecycle

/// Tickets that use every field, built through the lifecycle's public commands, for the layout tests.
enum LayoutStories {
    static let start = Date(timeIntervalSince1970: 1_767_261_600)

    static func at(_ minutes: Int) -> Date { start.addingTimeInterval(TimeInterval(minutes * 60)) }

    static func creation(followUpOf: TicketID?, number: Int?) -> TicketCreation {
        TicketCreation(
            requester: "m-1",
            subject: "Login",
            channel: .email,
            reason: .access,
            priority: .normal,
            locale: .en,
            followUpOf: followUpOf,
            number: number.flatMap { TicketNumber(rawValue: $0) },
            firstMessage: TicketMessage(
                id: "msg-0",
                kind: .memberMessage,
                author: .member("m-1"),
                body: "I cannot log in",
                at: start,
                channel: .email
            )
        )
    }

    static func clock(_ metric: SLAMetric, minutes: Int) -> SLAClock {
        SLAClock(metric: metric, startedAt: start, dueAt: at(minutes), warningAt: at(minutes / 2), pausedFor: 30)
    }

    /// Every command run on a new ticket, one a minute; returns the snapshot after each step and the history.
    static func run(
        _ commands: [(TicketCommand, SupportActor)],
        creation: TicketCreation
    ) throws -> (snapshots: [Ticket], events: [TicketEvent]) {
        var (ticket, event) = try TicketRules.create(creation, id: "T-1", by: .member("m-1"), at: start)
        var snapshots = [ticket]
        var events = [event]
        for (minute, step) in commands.enumerated() {
            let (next, more) = try TicketRules.execute(step.0, on: ticket, by: step.1, at: at(minute + 1))
            ticket = next
            snapshots.append(next)
            events += more
        }
        return (snapshots, events)
    }

    /// A follow-up with a number, tags, explanations, SLA clocks, firings and measurements, solved and
    /// then closed: every field set at some step.
    static func full() throws -> (snapshots: [Ticket], events: [TicketEvent]) {
        let agent = SupportActor.agent("a-1")
        return try run(
            [
                (.explain([RoutingExplanation(aspect: .reason, value: "access", because: "rule 'войти'")]), .system),
                (
                    .recordSLA([.started(clock(.firstReply, minutes: 60)), .started(clock(.resolution, minutes: 600))]),
                    .system
                ),
                (.assign("a-1"), .system),
                (.addTags(["vip", "billing"]), agent),
                (
                    .recordSLA([
                        .fired(
                            SLAFiring(
                                metric: .firstReply,
                                step: .warning,
                                clockStartedAt: start,
                                dueAt: at(60),
                                firedAt: at(30)
                            )
                        )
                    ]), .system
                ),
                (.reply(MessageDraft(id: "r-1", body: "Please retry", channel: .email), status: .pending), agent),
                (.recordSLA([.paused(metric: .resolution, at: at(7), remaining: 500)]), .system),
                (.memberMessage(MessageDraft(id: "m-2", body: "Done", channel: .email)), .member("m-1")),
                (.removeTags(["billing"]), agent),
                (.setStatus(.solved), agent),
                (.setStatus(.closed), .system),
            ],
            creation: creation(followUpOf: "T-0", number: 1042)
        )
    }

    /// A ticket merged into another one, reopened from solved on the way.
    static func merged() throws -> (snapshots: [Ticket], events: [TicketEvent]) {
        let agent = SupportActor.agent("a-1")
        return try run(
            [
                (.setStatus(.solved), agent),
                (.memberMessage(MessageDraft(id: "m-2", body: "Still broken", channel: .email)), .member("m-1")),
                (.merge(into: "T-2"), agent),
            ],
            creation: creation(followUpOf: nil, number: nil)
        )
    }
}
