import Foundation
import SupportEngine

extension ClubConfiguration {
    /// The club with its agents replaced by a staffing schedule: `agents[b]` people in block `b`.
    ///
    /// Agent k (from 0) works every block that has more than k agents, so the first agent has the
    /// longest week. The club's own agents lend their ids, names and capacity to the first ones
    /// (in order; later agents are `agent<k+1>` with the first agent's capacity); every agent speaks every
    /// language and has every skill of the club's agents, because the schedule counts heads, not
    /// skills. Substitutes are dropped: the desk's shift-end handover passes tickets on.
    ///
    /// - Parameters:
    ///   - blocks: The blocks.
    ///   - agents: Agents per block, as many values as blocks.
    /// - Returns: The staffed club.
    /// - Throws: ``ClubConfigurationError`` when the counts do not fit the blocks or nobody works at all.
    public func staffed(_ blocks: [StaffingBlock], agents: [Int]) throws -> ClubConfiguration {
        guard blocks.count == agents.count, agents.allSatisfy({ $0 >= 0 }) else {
            throw ClubConfigurationError(
                .invalidArgument,
                path: "schedule",
                "give one agent count of 0 or more per block: \(blocks.count) blocks, \(agents.count) counts"
            )
        }
        let people = agents.max() ?? 0
        guard people >= 1 else {
            throw ClubConfigurationError(.invalidArgument, path: "schedule", "a schedule needs at least one agent")
        }
        let templates = desk.agents
        let languages = Array(Set(templates.flatMap(\.languages))).sorted { $0.rawValue < $1.rawValue }
        let skills = Array(Set(templates.flatMap(\.skills))).sorted { $0.rawValue < $1.rawValue }
        var profiles: [AgentProfile] = []
        for index in 0..<people {
            let template = index < templates.count ? templates[index] : templates[0]
            let windows = blocks.indices.filter { agents[$0] > index }.map { blocks[$0].window }
            let shift = try BusinessCalendar(.init(timeZone: hours.configuration.timeZone, windows: windows))
            profiles.append(
                AgentProfile(
                    id: index < templates.count ? template.id : AgentID("agent\(index + 1)"),
                    displayName: index < templates.count ? template.displayName : "Agent \(index + 1)",
                    languages: languages,
                    skills: skills,
                    capacity: template.capacity,
                    shift: shift
                )
            )
        }
        var club = self
        club.desk.agents = profiles
        try club.validate()
        return club
    }
}
