import Foundation
import SupportEngine

/// The options of `supportdesk simulate`.
public struct SimulateArguments: Sendable, Hashable {
    /// `--days`: how many days.
    public var days = 14
    /// `--agents`: how many agents in the built-in club; `nil` keeps the club's.
    public var agents: Int?
    /// `--members`: how many members; `nil` keeps the club's.
    public var members: Int?
    /// `--seed`: the seed.
    public var seed: UInt64 = 1
    /// `--config`: the club file; `nil` for the built-in club.
    public var config: String?
    /// `--html`: where to write the report.
    public var html: String?

    /// Creates the defaults.
    public init() {}

    /// Parses `simulate`'s arguments.
    ///
    /// - Parameter arguments: The arguments after `simulate`.
    /// - Returns: The options.
    /// - Throws: ``ClubConfigurationError`` with ``ClubConfigurationError/Code/invalidArgument`` naming the
    ///   argument.
    public static func parse(_ arguments: [String]) throws -> SimulateArguments {
        var parsed = SimulateArguments()
        var reader = ArgumentReader(arguments)
        while let flag = reader.nextFlag() {
            switch flag {
            case "--days": parsed.days = try reader.integer(flag, in: 1...366)
            case "--agents": parsed.agents = try reader.integer(flag, in: 1...26)
            case "--members": parsed.members = try reader.integer(flag, in: 1...1_000_000)
            case "--seed":
                let text = try reader.value(flag)
                guard let seed = UInt64(text) else {
                    throw ClubConfigurationError(.invalidArgument, path: flag, "'\(text)' is not a whole number ≥ 0")
                }
                parsed.seed = seed
            case "--config": parsed.config = try reader.value(flag)
            case "--html": parsed.html = try reader.value(flag)
            default: throw ArgumentReader.unknown(flag, command: "simulate")
            }
        }
        return parsed
    }

    /// The club these options describe: the file's or the built-in one, with `--agents` and `--members` applied.
    ///
    /// - Returns: The club.
    /// - Throws: ``ClubConfigurationError``.
    public func club() throws -> ClubConfiguration {
        guard let config else { return try .defaultClub(agents: agents ?? 2, members: members ?? 1500) }
        var club = try ClubConfiguration.load(path: config)
        if let members { club.members = members }
        if let agents {
            let template = club.agents[0]
            while club.agents.count < agents {
                var extra = template
                extra.id = AgentID("agent\(club.agents.count + 1)")
                extra.displayName = "Agent \(club.agents.count + 1)"
                extra.substitute = nil
                club.agents.append(extra)
            }
            club.agents = Array(club.agents.prefix(agents))
            for index in club.agents.indices
            where club.agents[index].substitute.map({ id in
                !club.agents.contains { $0.id == id }
            }) ?? false {
                club.agents[index].substitute = nil
            }
        }
        try club.validate()
        return club
    }
}

/// Reads `--flag value` pairs.
struct ArgumentReader {
    private var remaining: ArraySlice<String>

    init(_ arguments: [String]) { remaining = arguments[...] }

    mutating func nextFlag() -> String? { remaining.popFirst() }

    mutating func value(_ flag: String) throws -> String {
        guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
            throw ClubConfigurationError(.invalidArgument, path: flag, "\(flag) needs a value")
        }
        return value
    }

    mutating func integer(_ flag: String, in range: ClosedRange<Int>) throws -> Int {
        let text = try value(flag)
        guard let number = Int(text), range.contains(number) else {
            throw ClubConfigurationError(
                .invalidArgument,
                path: flag,
                "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }

    static func unknown(_ flag: String, command: String) -> ClubConfigurationError {
        ClubConfigurationError(.invalidArgument, path: flag, "'\(flag)' is not an option of '\(command)'")
    }
}
