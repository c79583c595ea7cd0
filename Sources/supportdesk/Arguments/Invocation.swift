import Foundation

/// A `supportdesk` command and its help text.
enum Command: String, CaseIterable, Sendable {
    case simulate
    case report
    case staff
    case audit
    case calendar
    case demo

    /// What the command does, a line at a time.
    var summary: [String] {
        switch self {
        case .simulate:
            [
                "play a club's traffic against the real desk on a manual clock and print",
                "first-reply and resolution times, SLA attainment, queue peak, agent load and",
                "the member journey (joins, cancellations, exit reasons, win-backs)",
            ]
        case .report:
            [
                "the desk's report: first reply, resolution, SLA attainment and CSAT per agent,",
                "channel, reason and week, read back from a real desk's store (no database",
                "here: the club's simulated traffic runs through the desk on an in-memory store)",
            ]
        case .staff:
            [
                "find the smallest team, on which hours, that keeps a share of first replies",
                "within the promise per priority, by running candidate schedules on the real desk",
            ]
        case .audit:
            [
                "score a club configuration against the seeds' eight-point customer-care",
                "checklist and the member journey, with the fix for each failure",
            ]
        case .calendar: ["business-time calculator on a club's hours"]
        case .demo:
            [
                "run one member's ticket from first message to closed on a manual clock,",
                "printing what the member sees and what the agent sees at each step",
            ]
        }
    }

    /// The command's options, one a line.
    var options: [String] {
        switch self {
        case .simulate:
            [
                "--days N        days to simulate (default 14, 1-366)",
                "--agents N      agents (default: the club's, 2 in the built-in club)",
                "--members N     members (default: the club's, 1500 in the built-in club)",
                "--seed N        random seed (default 1); the same seed gives the same run",
                "--config FILE   the club's JSON configuration (default: the built-in club)",
                "--html FILE     also write a self-contained HTML report with charts",
            ]
        case .report:
            [
                "--config FILE   the club's JSON configuration (default: the built-in club)",
                "--days N        days of traffic the desk takes (default 14, 1-366)",
                "--seed N        random seed of the traffic (default 1)",
                "--html FILE     write the report as a self-contained HTML page with SVG charts",
                "--json FILE     write the report as JSON",
            ]
        case .staff:
            [
                "--target PCT      first replies on time per priority (default 90)",
                "--days N          days per simulated run (default 14; 120 with --check-theory)",
                "--seed N          random seed (default 1); the same seed gives the same plan",
                "--config FILE     the club's JSON configuration (default: the built-in club)",
                "--members N       members (default: the club's)",
                "--block-hours N   the longest block of hours (default 3)",
                "--max-agents N    the most agents in one block (default 8)",
                "--within-hours    no agents on the days the club is closed",
                "--html FILE       also write an HTML report with charts",
                "--check-theory    instead: the simulator against Erlang C, M/M/2 at loads 0.5-0.95",
            ]
        case .audit:
            [
                "--config FILE   the club's JSON configuration (default: the built-in club)",
                "--html FILE     also write the audit as a self-contained HTML page",
            ]
        case .calendar:
            [
                "--config FILE           the club (default: the built-in club)",
                "--from ISO8601 --add D  the instant D of business time later (D: 24h, 90m, 2d, 3600s)",
                "--between A B           the business time between two instants",
                "--open-at ISO8601       whether the line is open, and the next opening or closing",
            ]
        case .demo: []
        }
    }

    /// `supportdesk help COMMAND`: the command's usage, summary and options.
    var help: String {
        var lines = ["usage: supportdesk \(rawValue)\(options.isEmpty ? "" : " [options]")", ""]
        lines += summary
        lines += ["", "options:"]
        lines += options.map { "  \($0)" }
        let column = options.first.map(Self.descriptionColumn) ?? 16
        lines += ["  \("-h, --help".padding(toLength: column, withPad: " ", startingAt: 0))show this help", ""]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where an option line's description starts: after the first run of two or more spaces.
    private static func descriptionColumn(_ line: String) -> Int {
        guard let gap = line.range(of: "  ") else { return line.count + 2 }
        let description = line[gap.lowerBound...].firstIndex { $0 != " " } ?? line.endIndex
        return line.distance(from: line.startIndex, to: description)
    }

    /// `supportdesk help`: every command with its options.
    static var usage: String {
        var lines = ["usage: supportdesk <command> [options]", "", "commands:"]
        for command in allCases {
            for (index, line) in command.summary.enumerated() {
                let name = index == 0 ? command.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) : ""
                lines.append("  \(name.padding(toLength: 8, withPad: " ", startingAt: 0))  \(line)")
            }
            lines += command.options.map { "              \($0)" }
        }
        lines += [
            "  help      show this help; 'supportdesk help COMMAND' or 'supportdesk COMMAND --help'",
            "            shows one command's options",
            "",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What a command line asks for.
enum Invocation: Hashable, Sendable {
    /// Print the help: one command's, or the command list with `nil`.
    case help(Command?)
    /// `supportdesk simulate`.
    case simulate(SimulateArguments)
    /// `supportdesk report`.
    case report(ReportArguments)
    /// `supportdesk staff`.
    case staff(StaffArguments)
    /// `supportdesk audit`.
    case audit(AuditArguments)
    /// `supportdesk calendar`.
    case calendar(CalendarArguments)
    /// `supportdesk demo`.
    case demo

    /// Parses a command line. `help`, `--help` and `-h` ask for the command list; `help COMMAND`,
    /// `COMMAND --help` and `COMMAND -h` for one command's options, before any other argument is read.
    ///
    /// - Parameter arguments: The arguments after the program's name; at least one.
    /// - Returns: What to do.
    /// - Throws: ``UsageError`` for an unknown command or a wrong option; `ClubConfigurationError` when
    ///   `calendar` cannot read its club.
    static func parse(_ arguments: [String]) throws -> Invocation {
        guard let name = arguments.first else { throw UsageError(command: nil, "no command given") }
        let rest = Array(arguments.dropFirst())
        if ["help", "--help", "-h"].contains(name) {
            guard let asked = rest.first else { return .help(nil) }
            guard rest.count == 1 else { throw UsageError(command: nil, "'help' takes one command at most") }
            if asked == "help" { return .help(nil) }
            guard let command = Command(rawValue: asked) else {
                throw UsageError(command: nil, "unknown command '\(asked)'")
            }
            return .help(command)
        }
        guard let command = Command(rawValue: name) else { throw UsageError(command: nil, "unknown command '\(name)'") }
        if rest.contains(where: { $0 == "--help" || $0 == "-h" }) { return .help(command) }
        switch command {
        case .simulate: return .simulate(try SimulateArguments.parse(rest))
        case .report: return .report(try ReportArguments.parse(rest))
        case .staff: return .staff(try StaffArguments.parse(rest))
        case .audit: return .audit(try AuditArguments.parse(rest))
        case .calendar: return .calendar(try CalendarArguments.parse(rest))
        case .demo:
            if let extra = rest.first {
                throw UsageError(command: "demo", argument: extra, "'demo' takes no arguments, got '\(extra)'")
            }
            return .demo
        }
    }
}
