import Foundation
import SupportEngine
import SupportEngineTesting

/// The `supportdesk` command line: `supportdesk <command> [options]`.
@main
struct SupportDeskCommand {
    static let usage = """
        usage: supportdesk <command> [options]

        commands:
          simulate  play a club's traffic against the real desk on a manual clock and print
                    first-reply and resolution times, SLA attainment, queue peak, agent load and
                    the member journey (joins, cancellations, exit reasons, win-backs)
                      --days N        days to simulate (default 14, 1-366)
                      --agents N      agents (default: the club's, 2 in the built-in club)
                      --members N     members (default: the club's, 1500 in the built-in club)
                      --seed N        random seed (default 1); the same seed gives the same run
                      --config FILE   the club's JSON configuration (default: the built-in club)
                      --html FILE     also write a self-contained HTML report with charts
          audit     score a club configuration against the customer-care checklist
                      --config FILE   the club's JSON configuration (default: the built-in club)
          calendar  business-time calculator on a club's hours
                      --config FILE           the club (default: the built-in club)
                      --from ISO8601 --add D  the instant D of business time later (D: 24h, 90m, 2d, 3600s)
                      --between A B           the business time between two instants
                      --open-at ISO8601       whether the line is open, and the next opening or closing
          demo      run one member's ticket from first message to closed on a manual clock,
                    printing what the member sees and what the agent sees at each step
          help      show this help

        """

    static func main() async {
        var arguments = CommandLine.arguments.dropFirst()
        guard let command = arguments.popFirst() else {
            FileHandle.standardError.write(Data(usage.utf8))
            exit(2)
        }
        do {
            switch command {
            case "simulate":
                try await SimulateCommand(arguments: SimulateArguments.parse(Array(arguments))).run()
            case "audit":
                try AuditCommand(arguments: AuditArguments.parse(Array(arguments))).run()
            case "calendar":
                try CalendarCommand(arguments: CalendarArguments.parse(Array(arguments))).run()
            case "demo":
                try rejectExtra(arguments, for: "demo")
                try await DemoCommand().run()
            case "help", "--help", "-h":
                print(usage, terminator: "")
            default:
                throw UsageError(message: "unknown command '\(command)'")
            }
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("supportdesk: \(error.message)\n\n\(usage)".utf8))
            exit(2)
        } catch let error as ClubConfigurationError where error.code == .invalidArgument {
            FileHandle.standardError.write(
                Data("supportdesk: \(error)\n\nrun 'supportdesk help' for the options\n".utf8)
            )
            exit(2)
        } catch let error as ClubConfigurationError {
            let place =
                error.code == .unreadableFile
                ? error.path : error.path.isEmpty ? "configuration" : "configuration \(error.path)"
            FileHandle.standardError.write(Data("supportdesk: \(place): \(error.message)\n".utf8))
            exit(1)
        } catch {
            FileHandle.standardError.write(Data("supportdesk: \(error)\n".utf8))
            exit(1)
        }
    }

    static func rejectExtra(_ arguments: ArraySlice<String>, for command: String) throws {
        if let extra = arguments.first {
            throw UsageError(message: "'\(command)' takes no arguments, got '\(extra)'")
        }
    }
}

/// A mistake in the command line.
struct UsageError: Error {
    var message: String
}
