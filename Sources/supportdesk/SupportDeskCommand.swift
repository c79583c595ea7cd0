import Foundation
import SupportEngine
import SupportSimulation

/// The `supportdesk` command line: `supportdesk <command> [options]`.
@main
struct SupportDeskCommand {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data(Command.usage.utf8))
            exit(2)
        }
        do {
            switch try Invocation.parse(arguments) {
            case .help(nil): print(Command.usage, terminator: "")
            case .help(let command?): print(command.help, terminator: "")
            case .simulate(let arguments): try await SimulateCommand(arguments: arguments).run()
            case .report(let arguments): try await ReportCommand(arguments: arguments).run()
            case .staff(let arguments): try await StaffCommand(arguments: arguments).run()
            case .audit(let arguments): try AuditCommand(arguments: arguments).run()
            case .calendar(let arguments): try CalendarCommand(arguments: arguments).run()
            case .demo: try await DemoCommand().run()
            }
        } catch let error as UsageError {
            if let command = error.command {
                FileHandle.standardError.write(
                    Data("supportdesk: \(error)\n\nrun 'supportdesk help \(command)' for the options\n".utf8)
                )
            } else {
                FileHandle.standardError.write(Data("supportdesk: \(error)\n\n\(Command.usage)".utf8))
            }
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
}
