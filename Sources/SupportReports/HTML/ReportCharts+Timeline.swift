import Foundation
import SupportMetrics

extension ReportCharts {
    /// A step chart of open tickets over a period, business hours shaded, one tick per day.
    ///
    /// - Parameters:
    ///   - backlog: The open tickets from each instant on.
    ///   - start: The period's start.
    ///   - end: The period's end.
    ///   - businessHours: The open intervals to shade.
    ///   - timeZone: Where the days' ticks are read.
    /// - Returns: The chart.
    public static func openTickets(
        _ backlog: [BacklogPoint],
        from start: Date,
        to end: Date,
        businessHours: [DateInterval],
        timeZone: TimeZone
    ) -> String {
        let width = 1100.0
        let height = 260.0
        let left = 44.0
        let right = 12.0
        let top = 12.0
        let bottom = 28.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let span = max(end.timeIntervalSince(start), 1)
        let peak = max(backlog.map(\.open).max() ?? 0, 1)
        let yMax = Double(ReportHTML.niceCeiling(peak))
        func x(_ date: Date) -> Double { left + plotWidth * min(max(date.timeIntervalSince(start) / span, 0), 1) }
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / yMax) }
        var svg =
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"open tickets over time\">"
        for interval in businessHours {
            svg += "<rect x=\"\(number(x(interval.start)))\" y=\"\(top)\" "
            svg +=
                "width=\"\(number(x(interval.end) - x(interval.start)))\" height=\"\(plotHeight)\" fill=\"#eef2ff\"/>"
        }
        for step in 0...4 {
            let value = Int(yMax) * step / 4
            svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(number(y(value)))\" "
            svg += "y2=\"\(number(y(value)))\" stroke=\"#e5e7eb\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\">\(value)</text>"
        }
        let days = Int(span / 86_400)
        let every = max(1, days / 14)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        for dayIndex in stride(from: 0, to: days, by: every) {
            let date = start.addingTimeInterval(TimeInterval(dayIndex) * 86_400)
            let weekday = names[(calendar.component(.weekday, from: date) - 1) % 7]
            let dayOfMonth = calendar.component(.day, from: date)
            svg += "<line x1=\"\(number(x(date)))\" x2=\"\(number(x(date)))\" y1=\"\(top + plotHeight)\" "
            svg += "y2=\"\(top + plotHeight + 4)\" stroke=\"#9ca3af\"/>"
            svg += "<text x=\"\(number(x(date) + 3))\" y=\"\(height - 8)\">\(weekday) \(dayOfMonth)</text>"
        }
        var path = "M\(number(left)),\(number(y(0)))"
        var last = 0
        for point in backlog where point.at <= end {
            let px = number(x(point.at))
            path += " L\(px),\(number(y(last))) L\(px),\(number(y(point.open)))"
            last = point.open
        }
        path += " L\(number(width - right)),\(number(y(last)))"
        let area = path + " L\(number(width - right)),\(number(y(0))) Z"
        svg += "<path d=\"\(area)\" fill=\"#2563eb\" fill-opacity=\"0.12\"/>"
        svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"1.6\"/>"
        svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(top + plotHeight)\" y2=\"\(top + plotHeight)\" "
        svg += "stroke=\"#9ca3af\"/></svg>"
        return svg
    }

    /// One bar of ``weeklyBars(_:)``: a week's label, its ticket count and its SLA attainment.
    public struct WeekBar: Sendable, Hashable {
        /// The week's label, escaped when drawn.
        public var label: String
        /// The tickets created in the week.
        public var tickets: Int
        /// The week's SLA attainment, drawn under the bar.
        public var attainment: Attainment

        /// Creates a bar.
        ///
        /// - Parameters:
        ///   - label: The week's label.
        ///   - tickets: The tickets created in the week.
        ///   - attainment: The week's SLA attainment.
        public init(label: String, tickets: Int, attainment: Attainment) {
            self.label = label
            self.tickets = tickets
            self.attainment = attainment
        }
    }

    /// Vertical bars of tickets per week, each with its SLA attainment under it (at most eight weeks
    /// labelled; every bar carries its figures as a tooltip); a week under 90 % on time is drawn red.
    ///
    /// - Parameter weeks: The weeks, oldest first.
    /// - Returns: The chart.
    public static func weeklyBars(_ weeks: [WeekBar]) -> String {
        let width = 540.0
        let height = 250.0
        let left = 40.0
        let top = 14.0
        let bottom = 52.0
        let plotWidth = width - left - 10
        let plotHeight = height - top - bottom
        let yMax = Double(ReportHTML.niceCeiling(max(weeks.map(\.tickets).max() ?? 1, 1)))
        let slot = plotWidth / Double(max(weeks.count, 1))
        let labelEvery = max(1, (weeks.count + 7) / 8)
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"tickets per week\">"
        svg += valueGrid(yMax: yMax, top: top, plotHeight: plotHeight, left: left, right: width - 10)
        if weeks.isEmpty {
            svg += "<text x=\"\(left + 8)\" y=\"\(number(top + plotHeight / 2))\">no tickets in the period</text>"
        }
        for (index, week) in weeks.enumerated() {
            let barHeight = plotHeight * Double(week.tickets) / yMax
            let barWidth = max(min(slot - 8, 60), slot * 0.6)
            let px = left + slot * Double(index) + (slot - barWidth) / 2
            let late = (week.attainment.rate ?? 1) < 0.9
            svg += "<rect x=\"\(number(px))\" y=\"\(number(top + plotHeight - barHeight))\" "
            svg += "width=\"\(number(barWidth))\" height=\"\(number(barHeight))\" rx=\"3\" "
            svg += "fill=\"\(late ? "#dc2626" : "#2563eb")\"><title>\(ReportHTML.escape(week.label)): \(week.tickets) "
            svg += "ticket(s), \(DurationFormat.percent(week.attainment.rate)) on time</title></rect>"
            let middle = number(px + barWidth / 2)
            if slot >= 24 {
                svg += "<text x=\"\(middle)\" y=\"\(number(top + plotHeight - barHeight - 4))\" text-anchor=\"middle\">"
                svg += "\(week.tickets)</text>"
            }
            // At most eight labelled weeks, so that the labels never overlap.
            guard index % labelEvery == 0 else { continue }
            svg += "<text x=\"\(middle)\" y=\"\(number(height - bottom + 16))\" text-anchor=\"middle\">"
            svg += "\(ReportHTML.escape(week.label))</text>"
            svg += "<text x=\"\(middle)\" y=\"\(number(height - bottom + 32))\" text-anchor=\"middle\">"
            svg += "\(ReportHTML.escape(DurationFormat.percent(week.attainment.rate))) on time</text>"
        }
        return svg + "</svg>"
    }
}
