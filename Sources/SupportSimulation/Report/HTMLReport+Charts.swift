import Foundation
import SupportEngine

extension HTMLReport {
    /// A step chart of open tickets, business hours shaded, one tick per day.
    func queueChart() -> String {
        let width = 1100.0
        let height = 260.0
        let left = 44.0
        let right = 12.0
        let top = 12.0
        let bottom = 28.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let start = result.period.start
        let span = result.period.duration
        let peak = max(result.metrics.backlogPeak, 1)
        let yMax = Double(niceCeiling(peak))
        func x(_ date: Date) -> Double { left + plotWidth * min(max(date.timeIntervalSince(start) / span, 0), 1) }
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / yMax) }
        var svg =
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"open tickets over time\">"
        for interval in result.sla.calendar.openIntervals(from: start, to: result.period.end) {
            svg += "<rect x=\"\(Self.number(x(interval.start)))\" y=\"\(top)\" "
            svg +=
                "width=\"\(Self.number(x(interval.end) - x(interval.start)))\" height=\"\(plotHeight)\" fill=\"#eef2ff\"/>"
        }
        for step in 0...4 {
            let value = Int(yMax) * step / 4
            svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(Self.number(y(value)))\" "
            svg += "y2=\"\(Self.number(y(value)))\" stroke=\"#e5e7eb\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(Self.number(y(value) + 4))\" text-anchor=\"end\">\(value)</text>"
        }
        let days = Int(span / 86_400)
        let every = max(1, days / 14)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = result.timeZone
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        for dayIndex in stride(from: 0, to: days, by: every) {
            let date = start.addingTimeInterval(TimeInterval(dayIndex) * 86_400)
            let weekday = names[(calendar.component(.weekday, from: date) - 1) % 7]
            let dayOfMonth = calendar.component(.day, from: date)
            svg += "<line x1=\"\(Self.number(x(date)))\" x2=\"\(Self.number(x(date)))\" y1=\"\(top + plotHeight)\" "
            svg += "y2=\"\(top + plotHeight + 4)\" stroke=\"#9ca3af\"/>"
            svg += "<text x=\"\(Self.number(x(date) + 3))\" y=\"\(height - 8)\">\(weekday) \(dayOfMonth)</text>"
        }
        var path = "M\(Self.number(left)),\(Self.number(y(0)))"
        var area = path
        var last = 0
        for point in result.metrics.backlog where point.at <= result.period.end {
            let px = Self.number(x(point.at))
            path += " L\(px),\(Self.number(y(last))) L\(px),\(Self.number(y(point.open)))"
            last = point.open
        }
        path += " L\(Self.number(width - right)),\(Self.number(y(last)))"
        area = path + " L\(Self.number(width - right)),\(Self.number(y(0))) Z"
        svg += "<path d=\"\(area)\" fill=\"#2563eb\" fill-opacity=\"0.12\"/>"
        svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"1.6\"/>"
        svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(top + plotHeight)\" y2=\"\(top + plotHeight)\" "
        svg += "stroke=\"#9ca3af\"/></svg>"
        return svg
    }

    /// A histogram of first-reply times in growing buckets; bars past the target are red.
    func firstReplyChart() -> String {
        let edges: [TimeInterval] = [
            0, 1800, 3600, 7200, 4 * 3600, 8 * 3600, 16 * 3600, 24 * 3600, 48 * 3600, 96 * 3600,
        ]
        let labels = ["<30m", "30m–1h", "1–2h", "2–4h", "4–8h", "8–16h", "16–24h", "1–2d", "2–4d", "4d+"]
        var counts = [Int](repeating: 0, count: labels.count)
        for sample in result.metrics.firstReplyCalendar.samples {
            let index = (edges.lastIndex { sample >= $0 } ?? 0)
            counts[min(index, counts.count - 1)] += 1
        }
        let target: TimeInterval = {
            if case .calendar(let seconds) = result.sla.targets[.normal]?.firstReply { return seconds }
            return 24 * 3600
        }()
        let width = 540.0
        let height = 250.0
        let left = 40.0
        let bottom = 40.0
        let top = 14.0
        let plotWidth = width - left - 10
        let plotHeight = height - top - bottom
        let yMax = Double(niceCeiling(max(counts.max() ?? 1, 1)))
        let slot = plotWidth / Double(labels.count)
        var svg =
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"first reply distribution\">"
        for step in 0...4 {
            let value = yMax * Double(step) / 4
            let py = top + plotHeight * (1 - value / yMax)
            svg += "<line x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(Self.number(py))\" y2=\"\(Self.number(py))\" "
            svg += "stroke=\"#e5e7eb\"/><text x=\"\(left - 6)\" y=\"\(Self.number(py + 4))\" text-anchor=\"end\">"
            svg += "\(Int(value))</text>"
        }
        for (index, count) in counts.enumerated() {
            let barHeight = plotHeight * Double(count) / yMax
            let px = left + slot * Double(index) + 4
            let late = edges[index] >= target
            svg += "<rect x=\"\(Self.number(px))\" y=\"\(Self.number(top + plotHeight - barHeight))\" "
            svg += "width=\"\(Self.number(slot - 8))\" height=\"\(Self.number(barHeight))\" rx=\"3\" "
            svg += "fill=\"\(late ? "#dc2626" : "#2563eb")\"/>"
            if count > 0 {
                svg +=
                    "<text x=\"\(Self.number(px + (slot - 8) / 2))\" y=\"\(Self.number(top + plotHeight - barHeight - 4))\" "
                svg += "text-anchor=\"middle\">\(count)</text>"
            }
            svg += "<text x=\"\(Self.number(px + (slot - 8) / 2))\" y=\"\(Self.number(height - bottom + 16))\" "
            svg += "text-anchor=\"middle\">\(labels[index])</text>"
        }
        if let targetIndex = edges.firstIndex(of: target) {
            let tx = left + slot * Double(targetIndex)
            svg += "<line x1=\"\(Self.number(tx))\" x2=\"\(Self.number(tx))\" y1=\"\(top)\" y2=\"\(top + plotHeight)\" "
            svg += "stroke=\"#dc2626\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(Self.number(tx - 4))\" y=\"\(top + 10)\" text-anchor=\"end\" style=\"fill:#dc2626\">"
            svg += "target \(DurationFormat.hours(target))</text>"
        }
        let share = result.metrics.firstReplyCalendar.share(atMost: target)
        svg += "<text x=\"\(left)\" y=\"\(height - 6)\">\(DurationFormat.percent(share)) within the "
        svg += "\(DurationFormat.hours(target)) promise</text></svg>"
        return svg
    }

    /// Horizontal bars: first reply and resolution on time, per priority.
    func attainmentChart() -> String {
        let width = 540.0
        let rowHeight = 26.0
        let priorities = Priority.allCases.reversed()
        let height = 30 + Double(priorities.count) * (rowHeight * 2 + 12)
        let left = 70.0
        let barWidth = width - left - 150
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"SLA attainment\">"
        svg += "<rect x=\"\(left)\" y=\"4\" width=\"10\" height=\"10\" fill=\"#2563eb\"/>"
        svg += "<text x=\"\(left + 14)\" y=\"13\">first reply</text>"
        svg += "<rect x=\"\(left + 90)\" y=\"4\" width=\"10\" height=\"10\" fill=\"#16a34a\"/>"
        svg += "<text x=\"\(left + 104)\" y=\"13\">resolution</text>"
        var row = 24.0
        for priority in priorities {
            svg += "<text x=\"\(left - 8)\" y=\"\(Self.number(row + rowHeight))\" text-anchor=\"end\" "
            svg += "style=\"fill:#1f2937;font-weight:600\">\(priority)</text>"
            for (metric, color) in [(SLAMetric.firstReply, "#2563eb"), (.resolution, "#16a34a")] {
                let attainment = result.metrics.attainmentByPriority[metric]?[priority] ?? Attainment()
                let rate = attainment.rate ?? 0
                let target = result.sla.targets[priority].flatMap {
                    metric == .firstReply ? $0.firstReply : $0.resolution
                }
                svg += "<rect x=\"\(left)\" y=\"\(Self.number(row))\" width=\"\(Self.number(barWidth))\" "
                svg += "height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"#f1f5f9\"/>"
                svg += "<rect x=\"\(left)\" y=\"\(Self.number(row))\" width=\"\(Self.number(barWidth * rate))\" "
                svg += "height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"\(color)\"/>"
                let label =
                    attainment.total == 0
                    ? "no tickets"
                    : "\(DurationFormat.percent(attainment.rate)) of \(attainment.total) · \(DurationFormat.target(target))"
                svg += "<text x=\"\(Self.number(left + barWidth + 6))\" y=\"\(Self.number(row + 14))\">\(label)</text>"
                row += rowHeight
            }
            row += 12
        }
        return svg + "</svg>"
    }

    /// A 7 × 24 heat map of arrivals by local hour of the week.
    func heatmap() -> String {
        let counts = result.arrivalsByHourOfWeek
        let peak = max(counts.max() ?? 1, 1)
        let cell = 40.0
        let left = 40.0
        let top = 18.0
        let width = left + cell * 24 + 10
        let height = top + 7 * 22 + 10
        var svg =
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"arrivals by hour of week\">"
        for hour in stride(from: 0, to: 24, by: 2) {
            svg +=
                "<text x=\"\(Self.number(left + cell * Double(hour) + 2))\" y=\"12\">\(hour < 10 ? "0" : "")\(hour):00</text>"
        }
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        for (dayIndex, name) in days.enumerated() {
            let py = top + Double(dayIndex) * 22
            svg += "<text x=\"\(left - 6)\" y=\"\(Self.number(py + 14))\" text-anchor=\"end\">\(name)</text>"
            for hour in 0..<24 {
                let count = counts[dayIndex * 24 + hour]
                let strength = Double(count) / Double(peak)
                svg += "<rect x=\"\(Self.number(left + cell * Double(hour) + 1))\" y=\"\(Self.number(py))\" "
                svg += "width=\"\(cell - 2)\" height=\"20\" rx=\"3\" fill=\"#2563eb\" "
                svg += "fill-opacity=\"\(Self.number(count == 0 ? 0.04 : 0.1 + 0.9 * strength))\">"
                svg += "<title>\(name) \(hour):00 — \(count) ticket(s)</title></rect>"
            }
        }
        return svg + "</svg>"
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

    func niceCeiling(_ value: Int) -> Int {
        for step in [4, 8, 12, 20, 40, 60, 80, 100, 120, 160, 200, 400, 600, 800, 1000, 2000, 4000] where value <= step
        {
            return step
        }
        return ((value + 3999) / 4000) * 4000
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
