import Foundation
import Testing

@testable import supportdesk

@Suite("supportdesk commands and help")
struct InvocationTests {
    @Test(arguments: [["help"], ["--help"], ["-h"], ["help", "help"]])
    func theCommandListIsAHelpRequest(arguments: [String]) throws {
        #expect(try Invocation.parse(arguments) == .help(nil))
    }

    @Test(arguments: Command.allCases)
    func everyCommandHasHelp(command: Command) throws {
        for arguments in [
            ["help", command.rawValue], [command.rawValue, "--help"], [command.rawValue, "-h"],
            [command.rawValue, "--config", "/nonexistent/club.json", "--help"],
        ] {
            #expect(try Invocation.parse(arguments) == .help(command), "\(arguments)")
        }
        #expect(command.help.hasPrefix("usage: supportdesk \(command.rawValue)"))
        #expect(command.help.contains("--help"))
        for option in command.options {
            #expect(command.help.contains(option))
            #expect(Command.usage.contains(option))
        }
        for line in command.summary { #expect(Command.usage.contains(line)) }
    }

    @Test func auditHelpListsItsOptions() throws {
        #expect(try Invocation.parse(["audit", "--help"]) == .help(.audit))
        #expect(Command.audit.help.contains("--config FILE"))
    }

    @Test func commandsParseTheirArguments() throws {
        #expect(try Invocation.parse(["demo"]) == .demo)
        #expect(try Invocation.parse(["audit"]) == .audit(AuditArguments()))
        var simulate = SimulateArguments()
        simulate.days = 3
        #expect(try Invocation.parse(["simulate", "--days", "3"]) == .simulate(simulate))
    }

    @Test func mistakesAreUsageErrors() {
        for (arguments, command) in [
            (["no-such-command"], nil), (["help", "no-such-command"], nil), (["help", "audit", "demo"], nil),
            (["demo", "now"], "demo"), (["audit", "--days", "3"], "audit"), (["simulate", "--days", "0"], "simulate"),
        ] as [([String], String?)] {
            do {
                _ = try Invocation.parse(arguments)
                Issue.record("\(arguments) was accepted")
            } catch let error as UsageError {
                #expect(error.command == command, "\(arguments)")
            } catch {
                Issue.record("\(arguments): unexpected \(error)")
            }
        }
        #expect(throws: UsageError(command: nil, "unknown command 'no-such-command'")) {
            try Invocation.parse(["no-such-command"])
        }
    }
}
