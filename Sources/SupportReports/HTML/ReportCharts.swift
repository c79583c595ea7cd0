import Foundation
import SupportMetrics

/// The SVG charts of the report pages: inline, no scripts, every label escaped.
///
/// Each function takes plain figures and returns one `<svg>` element that scales to its panel's
/// width.
public enum ReportCharts {
    /// The first-reply histogram's bucket edges, in seconds.
    static let firstReplyEdges: [TimeInterval] = [
        0, 1800, 3600, 7200, 4 * 3600, 8 * 3600, 16 * 3600, 24 * 3600, 48 * 3600, 96 * 3600,
    ]
    /// The first-reply histogram's bucket labels.
    static let firstReplyLabels = ["<30m", "30m–1h", "1–2h", "2–4h", "4–8h", "8–16h", "16–24h", "1–2d", "2–4d", "4d+"]

    /// A histogram of first-reply times in growing buckets; bars at or past the target are red, and a
    /// dashed line marks the target.
    ///
    /// - Parameters:
    ///   - times: The first-reply times.
    ///   - target: The promise in seconds; the line is drawn when it is a bucket edge.
    /// - Returns: The chart.
    public static func firstReplyHistogram(_ times: DurationSummary, target: TimeInterval) -> String {
        let edges = firstReplyEdges
        let labels = firstReplyLabels
        var counts = [Int](repeating: 0, count: labels.count)
        for sample in times.samples {
            let index = (edges.lastIndex { sample >= $0 } ?? 0)
            counts[min(index, counts.count - 1)] += 1
        }
        let width = 540.0
        let height = 250.0
        let left = 40.0
        let bottom = 40.0
        let top = 14.0
        let plotWidth = width - left - 10
        let plotHeight = height - top - bottom
        let yMax = Double(ReportHTML.niceCeiling(max(counts.max() ?? 1, 1)))
        let slot = plotWidth / Double(labels.count)
        var svg =
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"first reply distribution\">"
        svg += valueGrid(yMax: yMax, top: top, plotHeight: plotHeight, left: left, right: width - 10)
        for (index, count) in counts.enumerated() {
            let barHeight = plotHeight * Double(count) / yMax
            let px = left + slot * Double(index) + 4
            let late = edges[index] >= target
            svg += "<rect x=\"\(number(px))\" y=\"\(number(top + plotHeight - barHeight))\" "
            svg += "width=\"\(number(slot - 8))\" height=\"\(number(barHeight))\" rx=\"3\" "
            svg += "fill=\"\(late ? "#dc2626" : "#2563eb")\"/>"
            if count > 0 {
                svg += "<text x=\"\(number(px + (slot - 8) / 2))\" y=\"\(number(top + plotHeight - barHeight - 4))\" "
                svg += "text-anchor=\"middle\">\(count)</text>"
            }
            svg += "<text x=\"\(number(px + (slot - 8) / 2))\" y=\"\(number(height - bottom + 16))\" "
            svg += "text-anchor=\"middle\">\(ReportHTML.escape(labels[index]))</text>"
        }
        if let targetIndex = edges.firstIndex(of: target) {
            let tx = left + slot * Double(targetIndex)
            svg += "<line x1=\"\(number(tx))\" x2=\"\(number(tx))\" y1=\"\(top)\" y2=\"\(top + plotHeight)\" "
            svg += "stroke=\"#dc2626\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(number(tx - 4))\" y=\"\(top + 10)\" text-anchor=\"end\" style=\"fill:#dc2626\">"
            svg += "target \(DurationFormat.hours(target))</text>"
        }
        let share = times.share(atMost: target)
        svg += "<text x=\"\(left)\" y=\"\(height - 6)\">\(DurationFormat.percent(share)) within the "
        svg += "\(DurationFormat.hours(target)) promise</text></svg>"
        return svg
    }

    /// One row of ``attainmentBars(_:)``: a label and the first-reply and resolution attainment.
    public struct AttainmentRow: Sendable, Hashable {
        /// The row's label (a priority, a channel), escaped when drawn.
        public var label: String
        /// First replies on time.
        public var firstReply: Attainment
        /// The first-reply promise as text (`24h`), or `nil` to leave it out.
        public var firstReplyTarget: String?
        /// Resolutions on time.
        public var resolution: Attainment
        /// The resolution promise as text, or `nil` to leave it out.
        public var resolutionTarget: String?

        /// Creates a row.
        ///
        /// - Parameters:
        ///   - label: The row's label.
        ///   - firstReply: First replies on time.
        ///   - firstReplyTarget: The first-reply promise as text, or `nil`.
        ///   - resolution: Resolutions on time.
        ///   - resolutionTarget: The resolution promise as text, or `nil`.
        public init(
            label: String,
            firstReply: Attainment,
            firstReplyTarget: String? = nil,
            resolution: Attainment,
            resolutionTarget: String? = nil
        ) {
            self.label = label
            self.firstReply = firstReply
            self.firstReplyTarget = firstReplyTarget
            self.resolution = resolution
            self.resolutionTarget = resolutionTarget
        }
    }

    /// Horizontal bars: first reply (blue) and resolution (green) on time, one pair per row.
    ///
    /// - Parameter rows: The rows, top first.
    /// - Returns: The chart.
    public static func attainmentBars(_ rows: [AttainmentRow]) -> String {
        let width = 540.0
        let rowHeight = 26.0
        let height = 30 + Double(rows.count) * (rowHeight * 2 + 12)
        let left = 70.0
        let barWidth = width - left - 150
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"SLA attainment\">"
        svg += "<rect x=\"\(left)\" y=\"4\" width=\"10\" height=\"10\" fill=\"#2563eb\"/>"
        svg += "<text x=\"\(left + 14)\" y=\"13\">first reply</text>"
        svg += "<rect x=\"\(left + 90)\" y=\"4\" width=\"10\" height=\"10\" fill=\"#16a34a\"/>"
        svg += "<text x=\"\(left + 104)\" y=\"13\">resolution</text>"
        var top = 24.0
        for row in rows {
            svg += "<text x=\"\(left - 8)\" y=\"\(number(top + rowHeight))\" text-anchor=\"end\" "
            svg += "style=\"fill:#1f2937;font-weight:600\">\(ReportHTML.escape(row.label))</text>"
            let bars = [
                (row.firstReply, row.firstReplyTarget, "#2563eb"), (row.resolution, row.resolutionTarget, "#16a34a"),
            ]
            for (attainment, target, color) in bars {
                let rate = attainment.rate ?? 0
                svg += "<rect x=\"\(left)\" y=\"\(number(top))\" width=\"\(number(barWidth))\" "
                svg += "height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"#f1f5f9\"/>"
                svg += "<rect x=\"\(left)\" y=\"\(number(top))\" width=\"\(number(barWidth * rate))\" "
                svg += "height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"\(color)\"/>"
                var label =
                    attainment.total == 0
                    ? "no tickets" : "\(DurationFormat.percent(attainment.rate)) of \(attainment.total)"
                if attainment.total > 0, let target { label += " · \(target)" }
                svg += "<text x=\"\(number(left + barWidth + 6))\" y=\"\(number(top + 14))\">"
                svg += "\(ReportHTML.escape(label))</text>"
                top += rowHeight
            }
            top += 12
        }
        return svg + "</svg>"
    }

    /// A 7 × 24 heat map of counts by local hour of the week, Monday first.
    ///
    /// - Parameter counts: 168 counts: Monday 00:00–01:00 first, Sunday 23:00–24:00 last.
    /// - Returns: The chart.
    public static func hourOfWeekHeatmap(_ counts: [Int]) -> String {
        let counts = counts.count == 168 ? counts : Array((counts + [Int](repeating: 0, count: 168)).prefix(168))
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
                "<text x=\"\(number(left + cell * Double(hour) + 2))\" y=\"12\">\(hour < 10 ? "0" : "")\(hour):00</text>"
        }
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        for (dayIndex, name) in days.enumerated() {
            let py = top + Double(dayIndex) * 22
            svg += "<text x=\"\(left - 6)\" y=\"\(number(py + 14))\" text-anchor=\"end\">\(name)</text>"
            for hour in 0..<24 {
                let count = counts[dayIndex * 24 + hour]
                let strength = Double(count) / Double(peak)
                svg += "<rect x=\"\(number(left + cell * Double(hour) + 1))\" y=\"\(number(py))\" "
                svg += "width=\"\(cell - 2)\" height=\"20\" rx=\"3\" fill=\"#2563eb\" "
                svg += "fill-opacity=\"\(number(count == 0 ? 0.04 : 0.1 + 0.9 * strength))\">"
                svg += "<title>\(name) \(hour):00 — \(count) ticket(s)</title></rect>"
            }
        }
        return svg + "</svg>"
    }

    static func number(_ value: Double) -> String { ReportHTML.number(value) }

    /// The five horizontal grid lines of a bar chart, from 0 to `yMax`, each labelled on the left.
    static func valueGrid(yMax: Double, top: Double, plotHeight: Double, left: Double, right: Double) -> String {
        var svg = ""
        for step in 0...4 {
            let value = yMax * Double(step) / 4
            let py = top + plotHeight * (1 - value / yMax)
            svg += "<line x1=\"\(left)\" x2=\"\(right)\" y1=\"\(number(py))\" y2=\"\(number(py))\" "
            svg += "stroke=\"#e5e7eb\"/><text x=\"\(left - 6)\" y=\"\(number(py + 4))\" text-anchor=\"end\">"
            svg += "\(Int(value))</text>"
        }
        return svg
    }
}
