import Foundation
import SupportEngine
import SupportSimulation

/// The options of `supportdesk simulate`.
struct SimulateArguments: Sendable, Hashable {
    /// `--days`: how many days.
    var days = 14
    /// `--agents`: how many agents in the built-in club; `nil` keeps the club's.
    var agents: Int?
    /// `--members`: how many members; `nil` keeps the club's.
    var members: Int?
    /// `--seed`: the seed.
    var seed: UInt64 = 1
    /// `--config`: the club file; `nil` for the built-in club.
    var config: String?
    /// `--html`: where to write the report.
    var html: String?

    /// Creates the defaults.
    init() {}

    /// Parses `simulate`'s arguments.
    ///
    /// - Parameter arguments: The arguments after `simulate`.
    /// - Returns: The options.
    /// - Throws: ``UsageError`` naming the argument.
    static func parse(_ arguments: [String]) throws(UsageError) -> SimulateArguments {
        var parsed = SimulateArguments()
        var reader = ArgumentReader(arguments, command: "simulate")
        while let flag = reader.nextFlag() {
            switch flag {
            case "--days": parsed.days = try reader.integer(flag, in: 1...366)
            case "--agents": parsed.agents = try reader.integer(flag, in: 1...26)
            case "--members": parsed.members = try reader.integer(flag, in: 1...1_000_000)
            case "--seed":
                let text = try reader.value(flag)
                guard let seed = UInt64(text) else {
                    throw UsageError(command: "simulate", argument: flag, "'\(text)' is not a whole number ≥ 0")
                }
                parsed.seed = seed
            case "--config": parsed.config = try reader.value(flag)
            case "--html": parsed.html = try reader.value(flag)
            default: throw reader.unknown(flag)
            }
        }
        return parsed
    }

    /// The club these options describe: the file's or the built-in one, with `--agents` and `--members` applied.
    ///
    /// - Returns: The club.
    /// - Throws: `ClubConfigurationError`.
    func club() throws -> ClubConfiguration {
        guard let config else { return try .defaultClub(agents: agents ?? 2, members: members ?? 1500) }
        var club = try ClubConfiguration.load(path: config)
        if let members { club.members = members }
        if let agents {
            let template = club.desk.agents[0]
            while club.desk.agents.count < agents {
                var extra = template
                extra.id = AgentID("agent\(club.desk.agents.count + 1)")
                extra.displayName = "Agent \(club.desk.agents.count + 1)"
                extra.substitute = nil
                club.desk.agents.append(extra)
            }
            club.desk.agents = Array(club.desk.agents.prefix(agents))
            for index in club.desk.agents.indices
            where club.desk.agents[index].substitute.map({ id in
                !club.desk.agents.contains { $0.id == id }
            }) ?? false {
                club.desk.agents[index].substitute = nil
            }
        }
        try club.validate()
        return club
    }
}
