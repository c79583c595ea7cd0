import Foundation
import SupportEngine

extension HTMLReport {
    /// A step chart of open tickets, business hours shaded, one tick per day.
    func queueChart() -> String {
        ReportCharts.openTickets(
            result.metrics.backlog,
            from: result.period.start,
            to: result.period.end,
            businessHours: result.sla.calendar.openIntervals(from: result.period.start, to: result.period.end),
            timeZone: result.timeZone
        )
    }

    /// A histogram of first-reply times in growing buckets; bars past the target are red.
    func firstReplyChart() -> String {
        let target: TimeInterval = {
            if case .calendar(let seconds) = result.sla.targets[.normal]?.firstReply { return seconds }
            return 24 * 3600
        }()
        return ReportCharts.firstReplyHistogram(result.metrics.firstReplyCalendar, target: target)
    }

    /// Horizontal bars: first reply and resolution on time, per priority.
    func attainmentChart() -> String {
        let rows = Priority.allCases.reversed().map { priority in
            let targets = result.sla.targets[priority]
            return ReportCharts.AttainmentRow(
                label: "\(priority)",
                firstReply: result.metrics.attainmentByPriority[.firstReply]?[priority] ?? Attainment(),
                firstReplyTarget: DurationFormat.target(targets?.firstReply),
                resolution: result.metrics.attainmentByPriority[.resolution]?[priority] ?? Attainment(),
                resolutionTarget: DurationFormat.target(targets?.resolution)
            )
        }
        return ReportCharts.attainmentBars(rows)
    }

    /// A 7 × 24 heat map of arrivals by local hour of the week.
    func heatmap() -> String {
        ReportCharts.hourOfWeekHeatmap(result.arrivalsByHourOfWeek)
    }

    /// The agents' load as a table.
    func agentTable() -> String {
        var rows = "<table><tr><th>Agent</th><th class=\"num\">Assigned</th><th class=\"num\">Replies</th>"
        rows += "<th class=\"num\">Solved</th><th class=\"num\">Open now</th></tr>"
        for id in result.metrics.agents.keys.sorted() {
            let load = result.metrics.agents[id]!
            rows +=
                "<tr><td>\(escape(result.agentNames[id] ?? id.rawValue))</td><td class=\"num\">\(load.assigned)</td>"
            rows += "<td class=\"num\">\(load.replies)</td><td class=\"num\">\(load.solved)</td>"
            rows += "<td class=\"num\">\(load.openNow)</td></tr>"
        }
        let steps = result.moderationSteps.keys.sorted().map { "\(result.moderationSteps[$0]!) \($0)" }
        rows +=
            "</table><p class=\"sub\">Refunds: \(result.refundRequests) requested, \(result.refundsDecided) decided "
        rows += "by the rules (\(result.refundsApproved) approved, \(result.refundsEscalated) to the owner). "
        rows += "Moderation: \(result.moderationActions) action(s) on \(result.difficultTickets) ticket(s) from "
        rows += "difficult members\(steps.isEmpty ? "" : " (\(steps.joined(separator: ", ")))"). "
        rows += "Dead letters: \(result.metrics.deadLetters).</p>"
        return rows
    }

    /// The member journey's figures as two small tables: members and messages, then exit reasons.
    func journeyTable() -> String {
        let journey = result.journey
        let rows: [(String, Int)] = [
            ("Members at the start", journey.membersAtStart), ("Newcomers among them", journey.newcomersAtStart),
            ("Quiet among them", journey.quietAtStart), ("Joins", journey.joins),
            ("Cancellations", journey.cancellations), ("Exit surveys answered", journey.surveysAnswered),
            ("Welcomes sent", journey.welcomes), ("Onboarding check-ins sent", journey.onboardingCheckIns),
            ("Quiet check-ins sent", journey.quietCheckIns), ("Exit surveys sent", journey.exitSurveys),
            ("Win-backs sent", journey.winBacks), ("Ratings requested", journey.ratingsRequested),
        ]
        var html = "<div class=\"row\"><table><tr><th>Journey</th><th class=\"num\">Count</th></tr>"
        for (name, count) in rows {
            html += "<tr><td>\(escape(name))</td><td class=\"num\">\(count)</td></tr>"
        }
        html += "</table><table><tr><th>Exit reason</th><th class=\"num\">Chosen</th></tr>"
        for (reason, count) in journey.exitReasonsByCount {
            html += "<tr><td>\(escape(reason))</td><td class=\"num\">\(count)</td></tr>"
        }
        if journey.exitReasons.isEmpty { html += "<tr><td>no answers yet</td><td class=\"num\">0</td></tr>" }
        html += "</table></div><p class=\"sub\">"
        if let reason = journey.fixedReason, let at = journey.fixAnnouncedAt {
            html += "The owner announced a fix for \u{2018}\(escape(reason))\u{2019} on \(escape(day(at))): "
            html += "\(journey.winBacks) win-back(s) went to members who had named it."
        } else {
            html += "No fix announced: no exit survey was answered before two thirds of the run."
        }
        html += " \(journey.sentAtStart) message(s) went out at the start to members the club already had.</p>"
        return html
    }
}

extension HTMLReport {
    /// The tickets whose members waited longest for a first reply, by number, subject and priority.
    func slowestFirstRepliesTable() -> String {
        guard !result.slowestFirstReplies.isEmpty else { return "<p class=\"sub\">No ticket had a public reply.</p>" }
        var rows = "<table><tr><th>Ticket</th><th>Subject</th><th>Priority</th><th class=\"num\">First reply</th></tr>"
        for wait in result.slowestFirstReplies {
            rows += "<tr><td>\(escape(wait.reference))</td><td>\(escape(wait.subject))</td>"
            rows += "<td>\(escape(wait.priority.rawValue))</td>"
            rows += "<td class=\"num\">\(escape(DurationFormat.short(wait.wait)))</td></tr>"
        }
        return rows + "</table>"
    }
}
