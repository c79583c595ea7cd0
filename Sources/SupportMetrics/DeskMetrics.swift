import Foundation
import SupportCore
import SupportTemplates
import TicketLifecycle

/// The desk's figures, computed from ticket snapshots and the event log, never from running counters.
///
/// Build it with ``compute(tickets:events:ratings:deadLetterCount:)``: a pure function, so the same log
/// always gives the same figures, and figures can be recomputed for any past period by passing that
/// period's events.
///
/// Calendar durations come from the events (creation, the first public reply, the first solve).
/// Business durations and attainment come from the service-level measurements the desk records as
/// `sla` events, counted on the SLA calendar with pauses left out; without an `SLAPolicy` they are
/// empty.
public struct DeskMetrics: Sendable, Hashable {
    /// How many tickets were created.
    public var ticketCount: Int
    /// How many tickets are solved or closed in their latest snapshot.
    public var resolvedCount: Int
    /// From creation to the first public reply, calendar seconds.
    public var firstReplyCalendar: DurationSummary
    /// From creation to the first public reply, business seconds (from SLA measurements).
    public var firstReplyBusiness: DurationSummary
    /// From creation to the first solve, calendar seconds.
    public var resolutionCalendar: DurationSummary
    /// From creation to the first solve, business seconds with pauses left out (from SLA measurements).
    public var resolutionBusiness: DurationSummary
    /// Attainment per metric over every clock run.
    public var attainment: [SLAMetric: Attainment]
    /// Attainment per metric and priority: the priority when the clock run started (the promise made),
    /// so a ticket raised by an escalation after a breach counts against its original promise.
    public var attainmentByPriority: [SLAMetric: [Priority: Attainment]]
    /// Attainment per metric and the ticket's channel.
    public var attainmentByChannel: [SLAMetric: [ChannelKind: Attainment]]
    /// Attainment per metric and the ticket's contact reason.
    public var attainmentByReason: [SLAMetric: [ContactReason: Attainment]]
    /// How many breaches fired per metric.
    public var breaches: [SLAMetric: Int]
    /// How many escalation steps fired.
    public var escalations: Int
    /// The open tickets over time: one point per instant the number changed.
    public var backlog: [BacklogPoint]
    /// What each agent did.
    public var agents: [AgentID: AgentLoad]
    /// From creation to the automatic acknowledgement, calendar seconds.
    public var acknowledgementLatency: DurationSummary
    /// How many outbound messages were dead-lettered.
    public var deadLetters: Int
    /// The members' ratings.
    public var satisfaction: SatisfactionSummary

    /// The largest number of open tickets at any instant.
    public var backlogPeak: Int { backlog.map(\.open).max() ?? 0 }
}

extension DeskMetrics {
    private struct RunKey: Hashable {
        var ticket: TicketID
        var metric: SLAMetric
        var startedAt: Date
    }

    /// Computes the figures.
    ///
    /// - Parameters:
    ///   - tickets: The latest snapshots, for each ticket's priority, channel, reason and assignee.
    ///   - events: The event log of those tickets, in any order.
    ///   - ratings: The members' ratings (from the desk's `RatingDesk`).
    ///   - deadLetterCount: How many outbound messages were dead-lettered (with SupportEngine,
    ///     `compute(tickets:events:ratings:deadLetters:)` counts the desk's dead letters for you).
    /// - Returns: The figures.
    public static func compute(
        tickets: [Ticket],
        events: [TicketEvent],
        ratings: [Rating] = [],
        deadLetterCount: Int = 0
    ) -> DeskMetrics {
        let byID = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let ordered = events.sorted {
            ($0.at, $0.ticketID.rawValue, $0.sequence) < ($1.at, $1.ticketID.rawValue, $1.sequence)
        }
        var created: [TicketID: Date] = [:]
        var firstReply: [TicketID: TimeInterval] = [:]
        var firstSolve: [TicketID: TimeInterval] = [:]
        var acknowledged: [TicketID: TimeInterval] = [:]
        var firstReplyBusiness: [TicketID: TimeInterval] = [:]
        var resolutionBusiness: [TicketID: TimeInterval] = [:]
        var runs: [RunKey: Bool] = [:]
        var breaches: [SLAMetric: Int] = [:]
        var escalations = 0
        var agents: [AgentID: AgentLoad] = [:]
        var backlog: [BacklogPoint] = []
        var open = 0
        var priority: [TicketID: Priority] = [:]
        var runPriority: [RunKey: Priority] = [:]

        func record(_ at: Date) {
            if let last = backlog.last, last.at == at {
                backlog[backlog.count - 1].open = open
            } else {
                backlog.append(BacklogPoint(at: at, open: open))
            }
        }

        for event in ordered {
            let id = event.ticketID
            switch event.change {
            case .created(let creation):
                created[id] = event.at
                priority[id] = creation.priority
                open += 1
                record(event.at)
            case .messageAdded(let message):
                guard let start = created[id] else { break }
                if message.kind == .publicReply {
                    if firstReply[id] == nil { firstReply[id] = event.at.timeIntervalSince(start) }
                    if let agent = event.actor.agentID { agents[agent, default: AgentLoad()].replies += 1 }
                } else if message.kind == .automatic, message.templateKey == TemplateKey.acknowledgement.rawValue,
                    acknowledged[id] == nil
                {
                    acknowledged[id] = event.at.timeIntervalSince(start)
                }
            case .statusChanged(let from, let to):
                let wasOpen = from != .solved && from != .closed
                let isOpen = to != .solved && to != .closed
                if wasOpen != isOpen {
                    open += isOpen ? 1 : -1
                    record(event.at)
                }
                if to == .solved {
                    if let start = created[id], firstSolve[id] == nil {
                        firstSolve[id] = event.at.timeIntervalSince(start)
                    }
                    if let agent = event.actor.agentID { agents[agent, default: AgentLoad()].solved += 1 }
                }
            case .priorityChanged(_, let to):
                priority[id] = to
            case .sla(.started(let clock)):
                let key = RunKey(ticket: id, metric: clock.metric, startedAt: clock.startedAt)
                if runPriority[key] == nil, let current = priority[id] { runPriority[key] = current }
            case .assigned(_, let to):
                if let to { agents[to, default: AgentLoad()].assigned += 1 }
            case .sla(.met(let measurement)):
                let key = RunKey(ticket: id, metric: measurement.metric, startedAt: measurement.startedAt)
                runs[key] = (runs[key] ?? false) || measurement.late
                if measurement.metric == .firstReply, firstReplyBusiness[id] == nil {
                    firstReplyBusiness[id] = measurement.businessSeconds
                }
                if measurement.metric == .resolution, resolutionBusiness[id] == nil {
                    resolutionBusiness[id] = measurement.businessSeconds
                }
            case .sla(.fired(let firing)):
                switch firing.step {
                case .breach:
                    breaches[firing.metric, default: 0] += 1
                    runs[RunKey(ticket: id, metric: firing.metric, startedAt: firing.clockStartedAt)] = true
                case .escalation:
                    escalations += 1
                case .warning, .additionalWarning:
                    break
                }
            default:
                break
            }
        }

        var attainment: [SLAMetric: Attainment] = [:]
        var byPriority: [SLAMetric: [Priority: Attainment]] = [:]
        var byChannel: [SLAMetric: [ChannelKind: Attainment]] = [:]
        var byReason: [SLAMetric: [ContactReason: Attainment]] = [:]
        for (key, late) in runs {
            attainment[key.metric, default: Attainment()].add(late: late)
            guard let ticket = byID[key.ticket] else { continue }
            let promised = runPriority[key] ?? ticket.priority
            byPriority[key.metric, default: [:]][promised, default: Attainment()].add(late: late)
            byChannel[key.metric, default: [:]][ticket.channel, default: Attainment()].add(late: late)
            byReason[key.metric, default: [:]][ticket.reason, default: Attainment()].add(late: late)
        }
        for ticket in tickets {
            if let assignee = ticket.assignee, ticket.status != .solved, ticket.status != .closed {
                agents[assignee, default: AgentLoad()].openNow += 1
            }
        }

        return DeskMetrics(
            ticketCount: created.count,
            resolvedCount: tickets.count { $0.status == .solved || $0.status == .closed },
            firstReplyCalendar: DurationSummary(Array(firstReply.values)),
            firstReplyBusiness: DurationSummary(Array(firstReplyBusiness.values)),
            resolutionCalendar: DurationSummary(Array(firstSolve.values)),
            resolutionBusiness: DurationSummary(Array(resolutionBusiness.values)),
            attainment: attainment,
            attainmentByPriority: byPriority,
            attainmentByChannel: byChannel,
            attainmentByReason: byReason,
            breaches: breaches,
            escalations: escalations,
            backlog: backlog,
            agents: agents,
            acknowledgementLatency: DurationSummary(Array(acknowledged.values)),
            deadLetters: deadLetterCount,
            satisfaction: SatisfactionSummary(ratings)
        )
    }
}
