import Foundation
import SupportBoundaries
import Testing

/// Every validation error names the offending path.
@Suite("Business calendar validation")
struct CalendarValidationTests {
    typealias Configuration = BusinessCalendar.Configuration

    static let workdays = BusinessCalendar.Window(days: Weekday.workdays, start: "09:00", end: "18:00")

    static func with(_ change: (inout Configuration) -> Void) -> Configuration {
        var configuration = Configuration(timeZone: "Europe/Berlin", windows: [workdays])
        change(&configuration)
        return configuration
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var configuration: Configuration
        var code: BoundariesError.Code
        var path: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown time zone",
            configuration: with { $0.timeZone = "Mars/Olympus" },
            code: .unknownTimeZone,
            path: "calendar.timeZone"
        ),
        Case(
            name: "always open with windows",
            configuration: with { $0.alwaysOpen = true },
            code: .conflictingSettings,
            path: "calendar.alwaysOpen"
        ),
        Case(
            name: "window without days",
            configuration: with { $0.windows.append(.init(days: [], start: "19:00", end: "20:00")) },
            code: .invalidConfiguration,
            path: "calendar.windows[1].days"
        ),
        Case(
            name: "day listed twice",
            configuration: with {
                $0.windows.append(.init(days: [.saturday, .saturday], start: "10:00", end: "12:00"))
            },
            code: .invalidConfiguration,
            path: "calendar.windows[1].days"
        ),
        Case(
            name: "hour past 24",
            configuration: with { $0.windows[0].end = "25:00" },
            code: .invalidTime,
            path: "calendar.windows[0].end"
        ),
        Case(
            name: "24:00 as a start",
            configuration: with { $0.windows[0].start = "24:00" },
            code: .invalidTime,
            path: "calendar.windows[0].start"
        ),
        Case(
            name: "past 24:00",
            configuration: with { $0.windows[0].end = "24:01" },
            code: .invalidTime,
            path: "calendar.windows[0].end"
        ),
        Case(
            name: "minute 60",
            configuration: with { $0.windows[0].start = "09:60" },
            code: .invalidTime,
            path: "calendar.windows[0].start"
        ),
        Case(
            name: "not HH:mm",
            configuration: with { $0.windows[0].start = "9:00" },
            code: .invalidTime,
            path: "calendar.windows[0].start"
        ),
        Case(
            name: "negative time",
            configuration: with { $0.windows[0].start = "-1:00" },
            code: .invalidTime,
            path: "calendar.windows[0].start"
        ),
        Case(
            name: "end equal to start",
            configuration: with { $0.windows[0].end = "09:00" },
            code: .emptyWindow,
            path: "calendar.windows[0].end"
        ),
        Case(
            name: "overlapping windows on a day",
            configuration: with { $0.windows.append(.init(days: [.wednesday], start: "12:00", end: "13:00")) },
            code: .overlappingWindows,
            path: "calendar.windows[1]"
        ),
        Case(
            name: "overnight window running into the next day's window",
            configuration: with { $0.windows.append(.init(days: [.monday], start: "20:00", end: "09:30")) },
            code: .overlappingWindows,
            path: "calendar.windows[0]"
        ),
        Case(
            name: "Sunday overnight window running into Monday",
            configuration: with { $0.windows.append(.init(days: [.sunday], start: "20:00", end: "10:00")) },
            code: .overlappingWindows,
            path: "calendar.windows[0]"
        ),
        Case(
            name: "holiday that is not a date",
            configuration: with { $0.holidays = [.init(date: "2026-02-30")] },
            code: .invalidDate,
            path: "calendar.holidays[0].date"
        ),
        Case(
            name: "holiday before 1950",
            configuration: with { $0.holidays = [.init(date: "2026-01-01"), .init(date: "1900-01-01")] },
            code: .invalidDate,
            path: "calendar.holidays[1].date"
        ),
        Case(
            name: "holiday range end that is not a date",
            configuration: with { $0.holidays = [.init(date: "2026-01-01", through: "08.01.2026")] },
            code: .invalidDate,
            path: "calendar.holidays[0].through"
        ),
        Case(
            name: "reversed holiday range",
            configuration: with { $0.holidays = [.init(date: "2026-01-08", through: "2026-01-01")] },
            code: .reversedRange,
            path: "calendar.holidays[0].through"
        ),
        Case(
            name: "special day that is not a date",
            configuration: with { $0.specialDays = [.init(date: "tomorrow", windows: [])] },
            code: .invalidDate,
            path: "calendar.specialDays[0].date"
        ),
        Case(
            name: "special day listed twice",
            configuration: with {
                $0.specialDays = [.init(date: "2026-12-31", windows: []), .init(date: "2026-12-31", windows: [])]
            },
            code: .invalidConfiguration,
            path: "calendar.specialDays[1].date"
        ),
        Case(
            name: "special day window with a bad time",
            configuration: with {
                $0.specialDays = [
                    .init(
                        date: "2026-12-31",
                        windows: [.init(start: "09:00", end: "12:00"), .init(start: "13:00", end: "99:00")]
                    )
                ]
            },
            code: .invalidTime,
            path: "calendar.specialDays[0].windows[1].end"
        ),
        Case(
            name: "special day with overlapping windows",
            configuration: with {
                $0.specialDays = [
                    .init(
                        date: "2026-12-31",
                        windows: [.init(start: "09:00", end: "12:00"), .init(start: "11:00", end: "13:00")]
                    )
                ]
            },
            code: .overlappingWindows,
            path: "calendar.specialDays[0].windows[1]"
        ),
        Case(
            name: "special day window ending when it starts",
            configuration: with {
                $0.specialDays = [.init(date: "2026-12-31", windows: [.init(start: "10:00", end: "10:00")])]
            },
            code: .emptyWindow,
            path: "calendar.specialDays[0].windows[0].end"
        ),
        Case(
            name: "reversed closure",
            configuration: with {
                $0.closures = [.init(from: at("2026-07-02T00:00:00Z"), to: at("2026-07-01T00:00:00Z"))]
            },
            code: .reversedRange,
            path: "calendar.closures[0].to"
        ),
        Case(
            name: "empty closure",
            configuration: with {
                $0.closures = [.init(from: at("2026-07-02T00:00:00Z"), to: at("2026-07-02T00:00:00Z"))]
            },
            code: .reversedRange,
            path: "calendar.closures[0].to"
        ),
        Case(
            name: "never open",
            configuration: Configuration(timeZone: "UTC", specialDays: [.init(date: "2026-01-01", windows: [])]),
            code: .noOpenTime,
            path: "calendar.windows"
        ),
    ]

    @Test("invalid configuration throws an error naming the path", arguments: cases)
    func invalid(_ test: Case) {
        #expect {
            try BusinessCalendar(test.configuration)
        } throws: { error in
            guard let error = error as? BoundariesError else { return false }
            return error.code == test.code && error.path == test.path && !error.message.isEmpty
        }
    }

    @Test("paths follow a custom prefix and the JSON coding path")
    func paths() throws {
        let bad = Self.with { $0.windows[0].end = "25:00" }
        #expect(
            throws: BoundariesError(
                .invalidTime,
                path: "channels[2].hours.windows[0].end",
                message(bad, "channels[2].hours")
            )
        ) {
            try BusinessCalendar(bad, path: "channels[2].hours")
        }
        struct Holder: Decodable { var hours: [BusinessCalendar] }
        let json = #"{"hours": [{"timeZone": "UTC", "windows": [{"days": ["monday"], "start": "09:00", "end": "9"}]}]}"#
        #expect {
            try JSONDecoder().decode(Holder.self, from: Data(json.utf8))
        } throws: { error in
            (error as? BoundariesError)?.path == "hours[0].windows[0].end"
        }
    }

    private func message(_ configuration: Configuration, _ path: String) -> String {
        do {
            _ = try BusinessCalendar(configuration, path: path)
            return ""
        } catch {
            return (error as? BoundariesError)?.message ?? ""
        }
    }

    @Test("valid edge cases are accepted")
    func valid() throws {
        let calendar = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [
                    .init(days: [.monday], start: "00:00", end: "24:00"),
                    .init(days: [.tuesday], start: "18:00", end: "09:00"),
                    .init(days: [.sunday], start: "20:00", end: "00:00"),
                ]
            )
        )
        #expect(calendar.isOpen(at: at("2026-01-05T00:00:00Z")))
        #expect(calendar.isOpen(at: at("2026-01-07T08:59:59Z")))
        #expect(calendar.isOpen(at: at("2026-01-04T23:59:59Z")))
    }

    @Test("questions the calendar cannot answer throw")
    func runtimeErrors() throws {
        let closedForever = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [Self.workdays],
                closures: [.init(from: at("2026-01-01T00:00:00Z"), to: at("2250-01-01T00:00:00Z"))]
            )
        )
        #expect {
            try closedForever.adding(hour, to: at("2026-03-01T00:00:00Z"))
        } throws: { ($0 as? BoundariesError)?.code == .noOpenTime }
        #expect {
            try closedForever.nextOpening(after: at("2026-03-01T00:00:00Z"))
        } throws: { ($0 as? BoundariesError)?.code == .noOpenTime }
        let calendar = try BusinessCalendar(.init(timeZone: "UTC", windows: [Self.workdays]))
        #expect {
            try calendar.adding(200 * 365 * 86_400, to: at("2026-03-01T00:00:00Z"))
        } throws: { ($0 as? BoundariesError)?.code == .beyondHorizon }
        #expect {
            try calendar.subtracting(100 * 365 * 86_400, from: at("2026-03-01T00:00:00Z"))
        } throws: { ($0 as? BoundariesError)?.code == .beyondHorizon }
        #expect {
            try calendar.adding(.nan, to: at("2026-03-01T00:00:00Z"))
        } throws: { ($0 as? BoundariesError)?.code == .invalidDuration }
        #expect {
            try calendar.adding(.infinity, to: at("2026-03-01T00:00:00Z"))
        } throws: { ($0 as? BoundariesError)?.code == .invalidDuration }
        #expect(try calendar.adding(-hour, to: at("2026-01-05T10:00:00Z")) == at("2026-01-05T09:00:00Z"))
        #expect(try calendar.subtracting(-hour, from: at("2026-01-05T10:00:00Z")) == at("2026-01-05T11:00:00Z"))
    }

    @Test("decoding errors name the path under calendar")
    func decodingErrors() {
        let json = #"{"timeZone": "UTC", "windows": [{"days": ["monday"], "start": 9, "end": "18:00"}]}"#
        #expect {
            try BusinessCalendar.decode(json: Data(json.utf8))
        } throws: { error in
            let error = error as? BoundariesError
            return error?.code == .invalidConfiguration && error?.path == "calendar.windows[0].start"
        }
        let closure =
            #"{"timeZone": "UTC", "alwaysOpen": true, "closures": [{"from": "yesterday", "to": "2026-01-01T00:00:00Z"}]}"#
        #expect {
            try BusinessCalendar.decode(json: Data(closure.utf8))
        } throws: { error in
            (error as? BoundariesError)?.path == "calendar.closures[0].from"
        }
        let bad = #"{"timeZone": "UTC", "windows": [{"days": ["monday"], "start": "09:00", "end": "09:00"}]}"#
        #expect {
            try BusinessCalendar.decode(json: Data(bad.utf8))
        } throws: { error in
            let error = error as? BoundariesError
            return error?.code == .emptyWindow && error?.path == "calendar.windows[0].end"
        }
    }

    @Test("a calendar round-trips through JSON")
    func json() throws {
        let json = #"""
            {
              "timeZone": "Europe/Moscow",
              "windows": [{"days": ["monday", "tuesday"], "start": "09:00", "end": "18:00"}],
              "holidays": [{"date": "2026-01-01", "through": "2026-01-08", "name": "New Year"}],
              "specialDays": [{"date": "2026-12-30", "windows": [{"start": "09:00", "end": "14:00"}]}],
              "closures": [{"from": "2026-07-01T00:00:00Z", "to": "2026-07-15T00:00:00+03:00", "reason": "leave"}]
            }
            """#
        let calendar = try JSONDecoder().decode(BusinessCalendar.self, from: Data(json.utf8))
        #expect(calendar.configuration.closures[0].to == at("2026-07-14T21:00:00Z"))
        #expect(calendar.configuration.alwaysOpen == false)
        let encoded = try JSONEncoder().encode(calendar)
        #expect(try JSONDecoder().decode(BusinessCalendar.self, from: encoded) == calendar)
        #expect(String(decoding: encoded, as: UTF8.self).contains("2026-07-01T00:00:00Z"))
    }
}
