import Foundation
import SupportEngine

/// Finds the smallest staffing schedule that keeps a club's first-reply promises: the inverse of
/// ``Simulation``.
///
/// The club's week is cut into ``StaffingBlock``s. The search starts from the Erlang C estimate of each
/// block (``StaffingPlan/erlangEstimate``) and plays every candidate on the real desk with the same
/// seed, so candidates differ only in their staff:
///
/// 1. **Up**: while the target is not met, it tries one more agent in each block (in parallel) and keeps
///    the one that closes most of the shortfall per agent-hour added.
/// 2. **Down**: once the target is met, it tries one agent fewer in each block and keeps the cheapest
///    schedule that still meets it, until no block can lose an agent.
/// 3. **Around**: it runs one agent more in each block of the final schedule, so the plan shows what
///    each addition would buy.
///
/// Each step runs at most one candidate per block; the search stops at
/// ``StaffingOptions/maximumPerBlock``, and as soon as no single agent more closes any of the shortfall
/// (then staff is not what holds the promises back, and the plan says so), so a plan costs a few dozen
/// runs at most. The same club, options
/// and seed always give the same plan.
public enum StaffingPlanner {
    /// Plans the staff of a club.
    ///
    /// - Parameters:
    ///   - club: The club: its hours, promises, traffic and agents (used as templates).
    ///   - options: The target and the search's bounds.
    ///   - progress: Called after each step with the number of runs so far.
    /// - Returns: The plan.
    /// - Throws: ``ClubConfigurationError`` for options out of range or a club without promises; the
    ///   desk's errors.
    public static func plan(
        club: ClubConfiguration,
        options: StaffingOptions = StaffingOptions(),
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> StaffingPlan {
        try options.validate()
        try club.validate()
        let promises = Self.firstReplyPromises(of: club)
        guard !promises.isEmpty else {
            throw ClubConfigurationError(
                .invalidConfiguration,
                path: "desk.sla",
                "the club promises no first reply, so no staff can be planned: add desk.sla targets or "
                    + "desk.boundaries.promises with a firstReply per priority"
            )
        }
        let blocks = StaffingBlock.blocks(for: club.hours, length: options.blockHours, beyondHours: options.beyondHours)
        let estimate = ErlangEstimate(club: club, blocks: blocks, target: options.target)
        let minimum = blocks.map { $0.withinHours ? 1 : 0 }
        var tried: [[Int]: StaffingCandidate] = [:]
        var order: [[Int]] = []

        func evaluate(_ schedules: [[Int]]) async throws -> [StaffingCandidate] {
            let fresh = schedules.filter { tried[$0] == nil }.reduce(into: [[Int]]()) { list, schedule in
                if !list.contains(schedule) { list.append(schedule) }
            }
            let results = try await run(fresh, club: club, blocks: blocks, options: options)
            for (schedule, candidate) in zip(fresh, results) {
                tried[schedule] = candidate
                order.append(schedule)
            }
            if !fresh.isEmpty { progress?(order.count) }
            return schedules.map { tried[$0]! }
        }

        // Closed days start without staff: the search adds cover there only where it pays.
        let start = blocks.indices.map { blocks[$0].withinHours ? max(estimate.agents[$0], 1) : 0 }
        var current = try await evaluate([start])[0]
        // Up: add where it helps most per agent-hour.
        while !current.meetsTarget {
            let growable = blocks.indices.filter { current.agents[$0] < options.maximumPerBlock }
            guard !growable.isEmpty else { break }
            let schedules = growable.map { block in
                var agents = current.agents
                agents[block] += 1
                return agents
            }
            let candidates = try await evaluate(schedules)
            let best = candidates.enumerated().max { lhs, rhs in
                gain(lhs.element, over: current) < gain(rhs.element, over: current)
                    || (gain(lhs.element, over: current) == gain(rhs.element, over: current) && lhs.offset > rhs.offset)
            }
            // When no single agent more closes any of the shortfall, staff is not what holds the promises
            // back (a backlog at opening against a short business-hours promise, or a promise no block
            // can reach): stop and report the closest schedule.
            guard let best, best.element.shortfall < current.shortfall || best.element.meetsTarget else { break }
            current = best.element
        }
        // Down: remove while the target holds, the cheapest first.
        while current.meetsTarget {
            let shrinkable = blocks.indices.filter { current.agents[$0] > minimum[$0] }
            let schedules = shrinkable.map { block in
                var agents = current.agents
                agents[block] -= 1
                return agents
            }
            let passing = try await evaluate(schedules).filter(\.meetsTarget)
            guard let cheapest = passing.min(by: { cheaper($0, than: $1) }) else { break }
            current = cheapest
        }
        // What one agent more in each block would buy, so the plan shows the alternatives around it.
        _ = try await evaluate(
            blocks.indices.filter { current.agents[$0] < options.maximumPerBlock }.map { block in
                var agents = current.agents
                agents[block] += 1
                return agents
            }
        )
        let candidates = order.map { tried[$0]! }
        // The smallest schedule run that meets the target (the down phase's end, or a cheaper one met on
        // the way up).
        let recommended = candidates.filter(\.meetsTarget).min { cheaper($0, than: $1) }
        return StaffingPlan(
            clubName: club.name,
            timeZone: club.hours.timeZone,
            blocks: blocks,
            options: options,
            erlangEstimate: estimate.agents,
            ticketsPerWeek: estimate.ticketsPerWeek,
            meanHandlingTime: estimate.meanHandlingTime,
            shortestPromise: estimate.shortestPromise,
            recommended: recommended,
            closest: recommended ?? current,
            candidates: candidates
        )
    }

    /// How much a candidate closes of the shortfall per agent-hour it adds; meeting the target counts most.
    static func gain(_ candidate: StaffingCandidate, over current: StaffingCandidate) -> Double {
        let added = max(1, candidate.agentHoursPerWeek - current.agentHoursPerWeek)
        return (current.shortfall - candidate.shortfall) / added + (candidate.meetsTarget ? 1000 : 0)
    }

    /// Cheaper in agent-hours; on a tie, the one that keeps more promises.
    static func cheaper(_ lhs: StaffingCandidate, than rhs: StaffingCandidate) -> Bool {
        if lhs.agentHoursPerWeek != rhs.agentHoursPerWeek { return lhs.agentHoursPerWeek < rhs.agentHoursPerWeek }
        let left = lhs.worstRate ?? 0
        let right = rhs.worstRate ?? 0
        if left != right { return left > right }
        return lhs.agents.lexicographicallyPrecedes(rhs.agents)
    }

    /// Runs schedules on the desk, `parallelism` at a time, and returns their candidates in order.
    static func run(
        _ schedules: [[Int]],
        club: ClubConfiguration,
        blocks: [StaffingBlock],
        options: StaffingOptions
    ) async throws -> [StaffingCandidate] {
        var results = [StaffingCandidate?](repeating: nil, count: schedules.count)
        try await withThrowingTaskGroup(of: (Int, StaffingCandidate).self) { group in
            var next = 0
            func start() throws {
                let index = next
                let agents = schedules[index]
                let staffed = try club.staffed(blocks, agents: agents)
                group.addTask {
                    let result = try await Simulation.run(
                        club: staffed,
                        options: SimulationOptions(days: options.days, seed: options.seed)
                    )
                    return (index, StaffingCandidate(agents: agents, blocks: blocks, result: result, options: options))
                }
                next += 1
            }
            while next < min(options.parallelism, schedules.count) { try start() }
            while let (index, candidate) = try await group.next() {
                results[index] = candidate
                if next < schedules.count { try start() }
            }
        }
        return results.map { $0! }
    }

    /// The first-reply promise of each priority: the SLA's, else the published one.
    static func firstReplyPromises(of club: ClubConfiguration) -> [Priority: BusinessDuration] {
        var promises: [Priority: BusinessDuration] = [:]
        for priority in Priority.allCases {
            if let target = club.desk.sla?.targets[priority]?.firstReply
                ?? club.desk.boundaries?.promises[priority]?
                .firstReply
            {
                promises[priority] = target
            }
        }
        return promises
    }
}
