import Foundation
import SupportEngine
import SupportSimulation
import Testing

@testable import supportdesk

@Suite("supportdesk arguments")
struct ArgumentTests {
    @Test func simulateArguments() throws {
        let parsed = try SimulateArguments.parse(["--days", "3", "--agents", "4", "--seed", "9", "--html", "r.html"])
        #expect(parsed.days == 3 && parsed.agents == 4 && parsed.seed == 9 && parsed.html == "r.html")
        #expect(try parsed.club().desk.agents.count == 4)
        #expect(try SimulateArguments.parse([]) == SimulateArguments())
        for (arguments, path) in [
            (["--days", "0"], "--days"), (["--days"], "--days"), (["--agents", "x"], "--agents"),
            (["--seed", "-1"], "--seed"), (["--what"], "--what"), (["--config", "--days"], "--config"),
        ] {
            do {
                _ = try SimulateArguments.parse(arguments)
                Issue.record("\(arguments) was accepted")
            } catch {
                #expect(error.command == "simulate")
                #expect(error.argument == path, "\(arguments)")
            }
        }
        #expect(throws: UsageError.self) { try AuditArguments.parse(["--days", "3"]) }
    }

    @Test func staffArguments() throws {
        let parsed = try StaffArguments.parse([
            "--target", "85%", "--days", "7", "--block-hours", "2", "--max-agents", "4", "--within-hours", "--seed",
            "3",
        ])
        #expect(parsed.options.target == 0.85 && parsed.options.days == 7 && parsed.options.seed == 3)
        #expect(parsed.options.blockHours == 2 && parsed.options.maximumPerBlock == 4 && !parsed.options.beyondHours)
        #expect(try StaffArguments.parse(["--check-theory"]).checkTheory)
        #expect(try StaffArguments.parse([]).options == StaffingOptions(parallelism: parsed.options.parallelism))
        for (arguments, path) in [
            (["--target", "0"], "--target"), (["--target", "101"], "--target"),
            (["--block-hours", "25"], "--block-hours"),
            (["--max-agents", "0"], "--max-agents"), (["--agents", "2"], "--agents"),
        ] {
            do {
                _ = try StaffArguments.parse(arguments)
                Issue.record("\(arguments) was accepted")
            } catch {
                #expect(error.command == "staff")
                #expect(error.argument == path, "\(arguments)")
            }
        }
        #expect(try Invocation.parse(["staff", "--days", "3"]) == .staff(try StaffArguments.parse(["--days", "3"])))
        #expect(try Invocation.parse(["help", "staff"]) == .help(.staff))
        #expect(Command.usage.contains("staff"))
    }

    @Test func calendarArgumentsAndAnswers() throws {
        let add = try CalendarArguments.parse(["--from", "2026-01-09T17:00:00+01:00", "--add", "2h"])
        let hours = try ClubConfiguration.defaultClub().hours
        let lines = try add.answer(on: hours)
        #expect(lines.contains { $0.contains("Mon 2026-01-12 10:00:00") }, "\(lines)")
        let between = try CalendarArguments.parse(["--between", "2026-01-05T09:00", "2026-01-06T18:00"])
        #expect(try between.answer(on: hours).contains { $0.contains("(64800 s)") })
        let open = try CalendarArguments.parse(["--open-at", "2026-01-10T12:00"])
        #expect(try open.answer(on: hours).contains { $0.contains("open     no") })
        #expect(try CalendarArguments.parseDuration("1h30m", flag: "--add") == 5400)
        #expect(try CalendarArguments.parseDuration("2d", flag: "--add") == 172_800)
        for arguments in [
            ["--from", "yesterday", "--add", "1h"], ["--from", "2026-01-05T09:00", "--add", "soon"], [],
            ["--open-at", "2026-01-05T09:00", "--between", "a", "b"],
        ] {
            #expect(throws: UsageError.self, "\(arguments)") { try CalendarArguments.parse(arguments) }
        }
    }
}

@Suite("supportdesk report arguments")
struct ReportArgumentTests {
    @Test func parsesEveryOption() throws {
        var expected = ReportArguments()
        expected.config = "club.json"
        expected.days = 7
        expected.seed = 3
        expected.html = "r.html"
        expected.json = "r.json"
        let arguments = ["--config", "club.json", "--days", "7", "--seed", "3", "--html", "r.html", "--json", "r.json"]
        #expect(try Invocation.parse(["report"] + arguments) == .report(expected))
        #expect(try Invocation.parse(["report"]) == .report(ReportArguments()))
    }

    @Test(arguments: [
        ["--days", "0"], ["--days", "367"], ["--days", "x"], ["--seed", "-1"], ["--html"], ["--json"],
        ["--html", "a", "--json", "a"], ["--from", "2026-01-01"],
    ])
    func refusesMistakes(arguments: [String]) {
        do {
            _ = try Invocation.parse(["report"] + arguments)
            Issue.record("\(arguments) was accepted")
        } catch let error as UsageError {
            #expect(error.command == "report", "\(arguments)")
        } catch {
            Issue.record("\(arguments): unexpected \(error)")
        }
    }

    @Test func helpSaysWhereTheFiguresComeFrom() {
        #expect(Command.report.help.contains("in-memory store"))
        #expect(Command.usage.contains("--json FILE"))
    }
}

@Suite("supportdesk report writes its files")
struct ReportCommandTests {
    @Test func writesTheHTMLPageAndTheJSON() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ReportArguments()
        arguments.days = 2
        arguments.html = folder.appendingPathComponent("report.html").path
        arguments.json = folder.appendingPathComponent("report.json").path
        try await ReportCommand(arguments: arguments).run()

        let html = try String(contentsOfFile: try #require(arguments.html), encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let report = try decoder.decode(
            DeskReport.self,
            from: Data(contentsOf: URL(fileURLWithPath: try #require(arguments.json)))
        )
        #expect(report.overall.tickets > 0)
        #expect(report.period.to.timeIntervalSince(report.period.from) == 2 * 86_400)
        let summary = ReportCommand.summary(of: report)
        #expect(summary.hasPrefix("== \(report.title): desk report"))
        #expect(summary.contains("overall                 \(report.overall.tickets) ticket(s)"))
    }

    @Test func anUnwritableFileIsAnError() async throws {
        var arguments = ReportArguments()
        arguments.days = 1
        arguments.html = "/nonexistent-folder/report.html"
        await #expect(throws: ClubConfigurationError.self) { try await ReportCommand(arguments: arguments).run() }
    }
}
