import Foundation
import SupportEngine

/// A self-contained HTML page of a ``StaffingPlan``: agents per block with each block's first replies on
/// time, every schedule run as cost against the worst priority's attainment, and the alternatives table.
///
/// No scripts, fonts or images are loaded from anywhere: the page opens offline.
public struct StaffingReport: Sendable {
    /// The plan shown.
    public let plan: StaffingPlan

    /// Creates a report.
    ///
    /// - Parameter plan: The plan.
    public init(_ plan: StaffingPlan) {
        self.plan = plan
    }

    /// The page.
    public var html: String {
        let chosen = plan.recommended ?? plan.closest
        let target = DurationFormat.percent(plan.options.target)
        var body = """
            <header><h1>\(escape(plan.clubName)) — staffing plan</h1>
            <p>\(target) of first replies on time per priority · \(plan.options.days)-day runs, seed \
            \(plan.options.seed) · time zone \(escape(plan.timeZone.identifier)) · \(plan.candidates.count) \
            schedule(s) simulated</p></header>
            """
        if plan.recommended == nil {
            body += "<p><strong>No schedule within the bounds met the target; the closest is shown.</strong></p>"
        }
        body += panel(
            "Agents per block",
            "Bars: agents in the \(plan.recommended == nil ? "closest" : "recommended") schedule "
                + "(outline: Erlang C's estimate); labels: the block's first replies on time.",
            blockChart(chosen)
        )
        body += panel(
            "Cost against attainment",
            "Every schedule run: agent-hours a week against the worst judged priority's share on time; "
                + "the line is the target, the ring the chosen schedule.",
            costChart(chosen)
        )
        body += panel("Alternatives", "Cheapest first.", alternativesTable(chosen))
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(plan.clubName)) — staffing plan</title>
            <style>\(HTMLReport.style)</style></head>
            <body>\(body)
            <footer>support-engine · supportdesk staff · every schedule played on the real desk</footer>
            </body></html>

            """
    }

    func blockChart(_ chosen: StaffingCandidate) -> String {
        let width = 900.0
        let height = 260.0
        let left = 40.0
        let bottom = 70.0
        let top = 20.0
        let count = Double(max(1, plan.blocks.count))
        let most = Double(max(1, (chosen.agents + plan.erlangEstimate).max() ?? 1))
        let slot = (width - left - 10) / count
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        func y(_ agents: Double) -> Double { top + (height - top - bottom) * (1 - agents / most) }
        for tick in 0...Int(most) {
            svg += "<line x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(y(Double(tick)))\" y2=\"\(y(Double(tick)))\" "
            svg += "stroke=\"#e5e7eb\"/><text x=\"\(left - 8)\" y=\"\(y(Double(tick)) + 4)\" "
            svg += "text-anchor=\"end\">\(tick)</text>"
        }
        for (index, block) in plan.blocks.enumerated() {
            let x = left + slot * Double(index) + slot * 0.15
            let barWidth = slot * 0.7
            let agents = Double(chosen.agents[index])
            let color = block.withinHours ? "#2563eb" : "#d97706"
            svg += "<rect x=\"\(x)\" y=\"\(y(agents))\" width=\"\(barWidth)\" height=\"\(y(0) - y(agents))\" "
            svg += "fill=\"\(color)\" opacity=\"0.85\"/>"
            if block.withinHours {
                let estimate = Double(plan.erlangEstimate[index])
                svg += "<rect x=\"\(x)\" y=\"\(y(estimate))\" width=\"\(barWidth)\" height=\"\(y(0) - y(estimate))\" "
                svg += "fill=\"none\" stroke=\"#1f2937\" stroke-dasharray=\"4 3\"/>"
            }
            let rate = DurationFormat.percent(chosen.blockAttainment[index].rate)
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(y(agents) - 5)\" text-anchor=\"middle\">\(rate)</text>"
            let label = escape(block.label)
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(height - bottom + 16)\" text-anchor=\"end\" "
            svg += "transform=\"rotate(-30 \(x + barWidth / 2) \(height - bottom + 16))\">\(label)</text>"
        }
        return svg + "</svg>"
    }

    func costChart(_ chosen: StaffingCandidate) -> String {
        let width = 900.0
        let height = 260.0
        let left = 50.0
        let bottom = 30.0
        let top = 10.0
        let costs = plan.candidates.map(\.agentHoursPerWeek)
        let low = (costs.min() ?? 0) * 0.9
        let high = max((costs.max() ?? 1) * 1.05, low + 1)
        let rates = plan.candidates.map { $0.worstRate ?? 0 } + [plan.options.target]
        let floor = max(0, min(rates.min() ?? 0, 1) - 0.05)
        func x(_ cost: Double) -> Double { left + (width - left - 10) * (cost - low) / (high - low) }
        func y(_ rate: Double) -> Double { top + (height - top - bottom) * (1 - (rate - floor) / (1 - floor)) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        for step in 0...4 {
            let rate = floor + (1 - floor) * Double(step) / 4
            svg += "<line x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(y(rate))\" y2=\"\(y(rate))\" stroke=\"#e5e7eb\"/>"
            svg +=
                "<text x=\"\(left - 6)\" y=\"\(y(rate) + 4)\" text-anchor=\"end\">\(Int((rate * 100).rounded()))%</text>"
        }
        let target = y(plan.options.target)
        svg += "<line x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(target)\" y2=\"\(target)\" stroke=\"#dc2626\" "
        svg += "stroke-dasharray=\"6 4\"/>"
        for candidate in plan.candidates {
            let color = candidate.meetsTarget ? "#16a34a" : "#6b7280"
            let cx = x(candidate.agentHoursPerWeek)
            let cy = y(candidate.worstRate ?? 0)
            svg += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"4\" fill=\"\(color)\"/>"
            if candidate == chosen {
                svg += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"9\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\"/>"
            }
        }
        svg += "<text x=\"\(left)\" y=\"\(height - 8)\">\(Int(low)) agent-h/wk</text>"
        svg += "<text x=\"\(width - 10)\" y=\"\(height - 8)\" text-anchor=\"end\">\(Int(high)) agent-h/wk</text>"
        return svg + "</svg>"
    }

    func alternativesTable(_ chosen: StaffingCandidate) -> String {
        var rows = "<table><tr><th>Agents per block</th><th class=\"num\">Agent-h/wk</th>"
        for priority in Priority.allCases.reversed() { rows += "<th class=\"num\">\(priority.rawValue)</th>" }
        rows += "<th>Meets</th></tr>"
        for candidate in plan.alternatives {
            let style = candidate == chosen ? " style=\"font-weight:650\"" : ""
            rows += "<tr\(style)><td>\(candidate.agents.map(String.init).joined(separator: " "))</td>"
            rows += "<td class=\"num\">\(String(format: "%.0f", candidate.agentHoursPerWeek))</td>"
            for priority in Priority.allCases.reversed() {
                rows += "<td class=\"num\">\(DurationFormat.percent(candidate.attainment[priority]?.rate))</td>"
            }
            rows += "<td>\(candidate.meetsTarget ? "yes" : "no")</td></tr>"
        }
        let legend = plan.blocks.map { escape($0.label) }.joined(separator: " · ")
        return rows + "</table><p class=\"sub\">Blocks in order: \(legend)</p>"
    }

    func panel(_ title: String, _ subtitle: String, _ content: String) -> String {
        "<section class=\"panel\"><h2>\(title)</h2><p class=\"sub\">\(escape(subtitle))</p>\(content)</section>\n"
    }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
