import Foundation
import SupportEngine
import SupportSimulation

/// The options of `supportdesk report`.
struct ReportArguments: Sendable, Hashable {
    /// `--config`: the club file; `nil` for the built-in club.
    var config: String?
    /// `--days`: how many days of traffic the desk takes before the report.
    var days = 14
    /// `--seed`: the seed of the traffic.
    var seed: UInt64 = 1
    /// `--html`: where to write the HTML page.
    var html: String?
    /// `--json`: where to write the report as JSON.
    var json: String?

    /// Creates the defaults.
    init() {}

    /// Parses `report`'s arguments.
    ///
    /// - Parameter arguments: The arguments after `report`.
    /// - Returns: The options.
    /// - Throws: ``UsageError`` naming the argument: an unknown flag, a missing value, days out of
    ///   1-366, a seed that is not a whole number, or `--html` and `--json` naming the same file.
    static func parse(_ arguments: [String]) throws(UsageError) -> ReportArguments {
        var parsed = ReportArguments()
        var reader = ArgumentReader(arguments, command: "report")
        while let flag = reader.nextFlag() {
            switch flag {
            case "--config": parsed.config = try reader.value(flag)
            case "--days": parsed.days = try reader.integer(flag, in: 1...366)
            case "--seed":
                let text = try reader.value(flag)
                guard let seed = UInt64(text) else {
                    throw UsageError(command: "report", argument: flag, "'\(text)' is not a whole number ≥ 0")
                }
                parsed.seed = seed
            case "--html": parsed.html = try reader.value(flag)
            case "--json": parsed.json = try reader.value(flag)
            default: throw reader.unknown(flag)
            }
        }
        if let html = parsed.html, let json = parsed.json, html == json {
            throw UsageError(command: "report", argument: "--json", "--html and --json name the same file '\(json)'")
        }
        return parsed
    }

    /// The club: the file's or the built-in one.
    ///
    /// - Returns: The club.
    /// - Throws: `ClubConfigurationError`.
    func club() throws -> ClubConfiguration {
        guard let config else { return try .defaultClub() }
        return try ClubConfiguration.load(path: config)
    }
}
