import Foundation
import SupportEngine

/// One schedule the planner ran and what it reached.
public struct StaffingCandidate: Sendable, Hashable {
    /// Agents per block, in the plan's block order.
    public var agents: [Int]
    /// What it costs: agent-hours a week.
    public var agentHoursPerWeek: Double
    /// First replies on time per priority, over the whole run.
    public var attainment: [Priority: Attainment]
    /// First replies on time of the tickets that arrived in each block (or, outside every block, before
    /// the next one opened), in block order.
    public var blockAttainment: [Attainment]
    /// The priorities judged: those with at least the options' minimum of measured first replies.
    public var judged: [Priority]
    /// Whether every judged priority reaches the target.
    public var meetsTarget: Bool
    /// How far the judged priorities fall short of the target, summed (0 when the target is met).
    public var shortfall: Double

    /// The lowest share on time among the judged priorities; `nil` when none is judged.
    public var worstRate: Double? { judged.compactMap { attainment[$0]?.rate }.min() }

    /// Scores a run of a schedule.
    ///
    /// - Parameters:
    ///   - agents: Agents per block.
    ///   - blocks: The blocks.
    ///   - result: The run of the staffed club.
    ///   - options: The target and the minimum of tickets per priority.
    public init(agents: [Int], blocks: [StaffingBlock], result: SimulationResult, options: StaffingOptions) {
        self.agents = agents
        agentHoursPerWeek = zip(agents, blocks).reduce(0) { $0 + Double($1.0) * $1.1.hoursPerWeek }
        let map = BlockMap(blocks)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = result.timeZone
        var byPriority: [Priority: Attainment] = [:]
        var byBlock = [Attainment](repeating: Attainment(), count: blocks.count)
        for outcome in result.outcomes {
            guard let late = outcome.firstReplyLate else { continue }
            byPriority[outcome.priority, default: Attainment()].count(late: late)
            let parts = calendar.dateComponents([.weekday, .hour, .minute], from: outcome.createdAt)
            let minute = (((parts.weekday ?? 2) + 5) % 7) * 1440 + (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
            if let block = map.block(atMinuteOfWeek: minute) { byBlock[block].count(late: late) }
        }
        attainment = byPriority
        blockAttainment = byBlock
        judged = Priority.allCases.filter { (byPriority[$0]?.total ?? 0) >= options.minimumTickets }
        shortfall = judged.reduce(0) { $0 + max(0, options.target - (byPriority[$1]?.rate ?? 0)) }
        meetsTarget = !judged.isEmpty && shortfall == 0
    }
}

extension Attainment {
    mutating func count(late: Bool) {
        self = Attainment(onTime: onTime + (late ? 0 : 1), total: total + 1)
    }
}
