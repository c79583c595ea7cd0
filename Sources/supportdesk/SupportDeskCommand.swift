import Foundation

/// The `supportdesk` command line: `supportdesk <command> [options]`.
@main
struct SupportDeskCommand {
    static let usage = """
        usage: supportdesk <command> [options]

        commands:
          demo    run one member's ticket from first message to closed on a manual clock,
                  printing what the member sees and what the agent sees at each step
          help    show this help

        """

    static func main() async {
        var arguments = CommandLine.arguments.dropFirst()
        guard let command = arguments.popFirst() else {
            FileHandle.standardError.write(Data(usage.utf8))
            exit(2)
        }
        do {
            switch command {
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
