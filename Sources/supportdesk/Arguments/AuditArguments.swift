import Foundation
import SupportEngine
import SupportSimulation

/// The options of `supportdesk audit`.
struct AuditArguments: Sendable, Hashable {
    /// `--config`: the club file; `nil` for the built-in club.
    var config: String?
    /// `--html`: where to write the report.
    var html: String?

    /// Parses `audit`'s arguments.
    ///
    /// - Parameter arguments: The arguments after `audit`.
    /// - Returns: The options.
    /// - Throws: ``UsageError`` naming the argument.
    static func parse(_ arguments: [String]) throws(UsageError) -> AuditArguments {
        var parsed = AuditArguments()
        var reader = ArgumentReader(arguments, command: "audit")
        while let flag = reader.nextFlag() {
            switch flag {
            case "--config": parsed.config = try reader.value(flag)
            case "--html": parsed.html = try reader.value(flag)
            default: throw reader.unknown(flag)
            }
        }
        return parsed
    }

    /// The club to audit.
    ///
    /// - Returns: The file's club or the built-in one.
    /// - Throws: `ClubConfigurationError`.
    func club() throws -> ClubConfiguration {
        guard let config else { return try .defaultClub() }
        return try ClubConfiguration.load(path: config)
    }
}
