import Foundation
import SupportEngine
import SupportSimulation

/// The options of `supportdesk staff`.
struct StaffArguments: Sendable, Hashable {
    /// `--target`: the share of first replies on time per priority, in percent.
    var targetPercent = 90.0
    /// `--days`: days per run; `nil` for the default (14, or 120 with `--check-theory`).
    var days: Int?
    /// `--seed`: the seed.
    var seed: UInt64 = 1
    /// `--config`: the club file; `nil` for the built-in club.
    var config: String?
    /// `--members`: how many members; `nil` keeps the club's.
    var members: Int?
    /// `--block-hours`: the longest block.
    var blockHours = 3
    /// `--max-agents`: the most agents per block.
    var maximumPerBlock = 8
    /// `--within-hours`: no agents on the days the club is closed.
    var withinHours = false
    /// `--html`: where to write the report.
    var html: String?
    /// `--check-theory`: compare the simulator with Erlang C instead of planning.
    var checkTheory = false

    /// Creates the defaults.
    init() {}

    /// Parses `staff`'s arguments.
    ///
    /// - Parameter arguments: The arguments after `staff`.
    /// - Returns: The options.
    /// - Throws: ``UsageError`` naming the argument.
    static func parse(_ arguments: [String]) throws(UsageError) -> StaffArguments {
        var parsed = StaffArguments()
        var reader = ArgumentReader(arguments, command: "staff")
        while let flag = reader.nextFlag() {
            switch flag {
            case "--target":
                let text = try reader.value(flag)
                guard let value = Double(text.hasSuffix("%") ? String(text.dropLast()) : text), value > 0, value <= 100
                else {
                    throw UsageError(
                        command: "staff",
                        argument: flag,
                        "'\(text)' is not a percentage above 0, at most 100"
                    )
                }
                parsed.targetPercent = value
            case "--days": parsed.days = try reader.integer(flag, in: 1...366)
            case "--seed":
                let text = try reader.value(flag)
                guard let seed = UInt64(text) else {
                    throw UsageError(command: "staff", argument: flag, "'\(text)' is not a whole number ≥ 0")
                }
                parsed.seed = seed
            case "--config": parsed.config = try reader.value(flag)
            case "--members": parsed.members = try reader.integer(flag, in: 1...1_000_000)
            case "--block-hours": parsed.blockHours = try reader.integer(flag, in: 1...24)
            case "--max-agents": parsed.maximumPerBlock = try reader.integer(flag, in: 1...26)
            case "--within-hours": parsed.withinHours = true
            case "--html": parsed.html = try reader.value(flag)
            case "--check-theory": parsed.checkTheory = true
            default: throw reader.unknown(flag)
            }
        }
        return parsed
    }

    /// The planner's options.
    var options: StaffingOptions {
        StaffingOptions(
            target: targetPercent / 100,
            blockHours: blockHours,
            maximumPerBlock: maximumPerBlock,
            beyondHours: !withinHours,
            days: days ?? 14,
            seed: seed
        )
    }

    /// The club to staff: the file's or the built-in one, with `--members` applied.
    ///
    /// - Returns: The club.
    /// - Throws: `ClubConfigurationError`.
    func club() throws -> ClubConfiguration {
        guard let config else { return try .defaultClub(members: members ?? 1500) }
        var club = try ClubConfiguration.load(path: config)
        if let members { club.members = members }
        try club.validate()
        return club
    }
}
