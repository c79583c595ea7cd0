import Foundation
import SupportEngine

/// What ``StaffingPlanner`` found: the blocks, the recommended schedule, and every schedule it ran.
public struct StaffingPlan: Sendable {
    /// The club's name.
    public var clubName: String
    /// The club's time zone: the blocks are in its local time.
    public var timeZone: TimeZone
    /// The blocks of the week, the club's hours first.
    public var blocks: [StaffingBlock]
    /// The target and bounds the plan was made with.
    public var options: StaffingOptions
    /// Erlang C's estimate of each block's agents (0 for blocks outside the club's hours).
    public var erlangEstimate: [Int]
    /// Tickets a week the traffic model sends into each block.
    public var ticketsPerWeek: [Double]
    /// The mean handling time the estimate used, in seconds.
    public var meanHandlingTime: TimeInterval
    /// The shortest first-reply promise, in seconds, the estimate aimed at.
    public var shortestPromise: TimeInterval
    /// The smallest schedule found that meets the target; `nil` when none did within the bounds.
    public var recommended: StaffingCandidate?
    /// Where the search ended: the recommended schedule, or the closest one when none met the target.
    public var closest: StaffingCandidate
    /// Every schedule run, in the order the search ran them.
    public var candidates: [StaffingCandidate]

    /// The schedules run, cheapest first (then the ones keeping more promises first).
    public var alternatives: [StaffingCandidate] { candidates.sorted { StaffingPlanner.cheaper($0, than: $1) } }

    /// The plan as text: the blocks with the recommended staff, the attainment per priority, the cost, and
    /// the alternatives.
    public var text: String {
        var out: [String] = []
        let target = DurationFormat.percent(options.target)
        out.append(
            "== \(clubName): staff for \(target) of first replies on time per priority "
                + "(\(options.days)-day runs, seed \(options.seed), time zone \(timeZone.identifier))"
        )
        let chosen = recommended ?? closest
        if recommended == nil {
            out.append(
                "!! no schedule met the target: no single agent more closed any of the shortfall (or a block "
                    + "reached \(options.maximumPerBlock) agents). Staff is not what holds these promises back: "
                    + "look at the backlog at opening against short business-hours promises, or the promises "
                    + "themselves. The closest schedule:"
            )
        }
        out.append("block                          tickets/wk  Erlang C  agents  on time")
        for (index, block) in blocks.enumerated() {
            let attainment = chosen.blockAttainment[index]
            out.append(
                pad(block.label, 31) + pad(String(format: "%.1f", ticketsPerWeek[index]), 12)
                    + pad(block.withinHours ? "\(erlangEstimate[index])" : "-", 10) + pad("\(chosen.agents[index])", 8)
                    + "\(DurationFormat.percent(attainment.rate)) (\(attainment.onTime)/\(attainment.total))"
            )
        }
        out.append(
            "cost           \(hours(chosen.agentHoursPerWeek)) agent-hours a week, "
                + "at most \(chosen.agents.max() ?? 0) on duty at once"
        )
        out.append("first replies on time:")
        out += priorityLines(chosen)
        out.append(
            "Erlang C estimate: mean handling \(DurationFormat.short(meanHandlingTime)), "
                + "shortest promise \(DurationFormat.short(shortestPromise)); it ignores the night's backlog, "
                + "members' second messages and priorities"
        )
        out.append("alternatives (\(candidates.count) run, cheapest first):")
        out.append("  agents per block        agent-h/wk  worst priority  meets")
        for candidate in alternatives {
            let marker = candidate == chosen ? "> " : "  "
            out.append(
                marker + pad(candidate.agents.map(String.init).joined(separator: " "), 24)
                    + pad(hours(candidate.agentHoursPerWeek), 12)
                    + pad(DurationFormat.percent(candidate.worstRate), 16) + (candidate.meetsTarget ? "yes" : "no")
            )
        }
        return out.joined(separator: "\n") + "\n"
    }

    func priorityLines(_ candidate: StaffingCandidate) -> [String] {
        Priority.allCases.reversed().map { priority in
            let attainment = candidate.attainment[priority] ?? Attainment()
            let judged = candidate.judged.contains(priority)
            return "  \(pad(priority.rawValue, 8))\(DurationFormat.percent(attainment.rate)) "
                + "(\(attainment.onTime)/\(attainment.total))"
                + (judged ? "" : " — fewer than \(options.minimumTickets), not judged")
        }
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    func hours(_ value: Double) -> String { String(format: "%.0f", value) }
}
