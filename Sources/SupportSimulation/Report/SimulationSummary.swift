import Foundation
import SupportEngine

/// The plain-text summary of a simulation, as `supportdesk simulate` prints it.
public struct SimulationSummary: Sendable {
    /// The result summarized.
    public let result: SimulationResult

    /// Creates a summary.
    ///
    /// - Parameter result: The result.
    public init(_ result: SimulationResult) {
        self.result = result
    }

    /// The summary's lines, joined with newlines.
    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// The summary's lines.
    public var lines: [String] {
        let metrics = result.metrics
        let days = Int(result.period.duration / 86_400)
        var out: [String] = []
        out.append("== \(result.clubName): \(days) simulated day(s), time zone \(result.timeZone.identifier)")
        let traffic = result.traffic
        out.append(
            "traffic        "
                + String(
                    format: "%.2f ticket(s) a member a week, %.1f refund request(s) a week, %d difficult member(s)",
                    traffic.ticketsPerMemberPerWeek,
                    traffic.refundRequestsPerWeek,
                    traffic.difficultMembers
                )
        )
        out.append(
            "tickets        \(metrics.ticketCount) created, \(metrics.resolvedCount) solved or closed, "
                + "\(result.messagesSent) messages sent"
        )
        func row(_ name: String, _ summary: DurationSummary) -> String {
            name.padding(toLength: 15, withPad: " ", startingAt: 0)
                + "p50 \(DurationFormat.short(summary.p50).padding(toLength: 8, withPad: " ", startingAt: 0))"
                + "p90 \(DurationFormat.short(summary.p90).padding(toLength: 8, withPad: " ", startingAt: 0))"
                + "p95 \(DurationFormat.short(summary.p95).padding(toLength: 8, withPad: " ", startingAt: 0))"
                + "max \(DurationFormat.short(summary.maximum))  (n=\(summary.count))"
        }
        out.append(row("first reply", metrics.firstReplyCalendar))
        out.append(row("  business", metrics.firstReplyBusiness))
        out.append(row("resolution", metrics.resolutionCalendar))
        out.append(row("  business", metrics.resolutionBusiness))
        out.append(row("acknowledged", metrics.acknowledgementLatency))
        out.append("SLA attainment against the promises (on time / measured):")
        for priority in Priority.allCases.reversed() {
            let targets = result.sla.targets[priority]
            var cells: [String] = []
            for metric in [SLAMetric.firstReply, .resolution] {
                let attainment = metrics.attainmentByPriority[metric]?[priority] ?? Attainment()
                let target = targets.flatMap { metric == .firstReply ? $0.firstReply : $0.resolution }
                let promise = DurationFormat.target(target)
                cells.append(
                    "\(metric) \(DurationFormat.percent(attainment.rate)) (\(attainment.onTime)/\(attainment.total)) "
                        + "of \(promise)"
                )
            }
            out.append(
                "  \(priority.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                    + cells.joined(separator: "; ")
            )
        }
        let breaches = SLAMetric.allCases.map { "\($0) \(metrics.breaches[$0] ?? 0)" }.joined(separator: ", ")
        out.append("breaches       \(breaches); escalations \(metrics.escalations)")
        let peak = metrics.backlog.max { $0.open < $1.open }
        out.append(
            "queue peak     \(metrics.backlogPeak) open tickets"
                + (peak.map { " at \(localTime($0.at))" } ?? "")
                + ", \(metrics.backlog.last?.open ?? 0) open at the end"
        )
        out.append("agents:")
        for id in metrics.agents.keys.sorted() {
            let load = metrics.agents[id]!
            let name = result.agentNames[id] ?? id.rawValue
            out.append(
                "  \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(load.assigned) assigned, "
                    + "\(load.replies) replies, \(load.solved) solved, \(load.openNow) open now"
            )
        }
        out.append(
            "refunds        \(result.refundRequests) requested, \(result.refundsDecided) decided by the rules: "
                + "\(result.refundsApproved) approved, \(result.refundsEscalated) to the owner, "
                + "\(result.refundsDecided - result.refundsApproved - result.refundsEscalated) refused"
        )
        let steps = result.moderationSteps.keys.sorted().map { "\(result.moderationSteps[$0]!) \($0)" }
        out.append(
            "moderation     \(result.moderationActions) action(s) on \(result.difficultTickets) ticket(s) "
                + "from difficult members" + (steps.isEmpty ? "" : ": \(steps.joined(separator: ", "))")
        )
        let satisfaction = metrics.satisfaction
        out.append(
            "satisfaction   \(satisfaction.count) rating(s), average "
                + (satisfaction.average.map { String(format: "%.2f", $0) } ?? "—")
                + ", CSAT \(DurationFormat.percent(satisfaction.satisfiedShare))"
        )
        out.append("policy posts   \(result.policyMessages) message(s) to members about refunds and conduct")
        out.append("dead letters   \(metrics.deadLetters)")
        out += journeyLines
        return out
    }

    /// The "Member journey" block of ``lines``: joins and cancellations, exit reasons with counts, the
    /// fix and its win-backs, the journey's messages and the rating requests.
    public var journeyLines: [String] {
        let journey = result.journey
        var out = ["Member journey:"]
        let rates = result.traffic.membership
        out.append(
            "  rates        "
                + String(
                    format: "joins %.4f a member a day; cancels %.2f%% a day (quiet members %.2f%%); "
                        + "%.1f%% of visits the last; %.0f%% answer the exit survey",
                    rates.joinsPerMemberPerDay,
                    rates.cancelChancePerDay * 100,
                    rates.quietCancelChancePerDay * 100,
                    rates.goQuietChancePerVisit * 100,
                    rates.surveyAnswerShare * 100
                )
        )
        out.append(
            "  members      \(journey.membersAtStart) at the start (\(journey.newcomersAtStart) newcomers, "
                + "\(journey.quietAtStart) quiet), \(journey.joins) joins, \(journey.cancellations) cancellations"
        )
        let reasons = journey.exitReasonsByCount.map { "\($0.count) \($0.reason)" }
        out.append(
            "  exit reasons \(journey.surveysAnswered) survey(s) answered"
                + (reasons.isEmpty ? "" : ": \(reasons.joined(separator: ", "))")
        )
        if let reason = journey.fixedReason, let at = journey.fixAnnouncedAt {
            out.append("  fix          '\(reason)' announced \(localTime(at)): \(journey.winBacks) win-back(s) sent")
        } else {
            out.append("  fix          none announced: no exit survey answered before two thirds of the run")
        }
        out.append(
            "  sent         \(journey.welcomes) welcome(s), \(journey.onboardingCheckIns) onboarding check-in(s), "
                + "\(journey.quietCheckIns) quiet check-in(s), \(journey.exitSurveys) exit survey(s), "
                + "\(journey.winBacks) win-back(s)"
        )
        out.append(
            "               (\(journey.sentAtStart) at the start to members already there; "
                + "\(journey.skippedSteps) step(s) skipped)"
        )
        out.append("  ratings      \(journey.ratingsRequested) requested after solving")
        return out
    }

    func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = result.timeZone
        formatter.dateFormat = "EEE yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
