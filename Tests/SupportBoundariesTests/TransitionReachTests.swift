import Foundation
import SupportBoundaries
import Testing

/// The compiled calendar lists open intervals explicitly only within a reach of each time-zone
/// transition that depends on the longest window and the size of the offset change. These calendars put
/// the longest windows the configuration allows, and overnight ones, across transitions of one and two
/// hours, thirty minutes and a whole day, and compare every answer on a 15-minute grid with the reference.
@Suite("Business time around transitions, whatever the longest window")
struct TransitionReachTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var zone: String
        /// A local day (days since 1970) of a transition.
        var transitionDay: Int
        /// Windows for every day, seconds after local midnight; an end past 86,400 runs overnight.
        var windows: [(Int, Int)]

        var testDescription: String { "\(zone) day \(transitionDay) windows \(windows)" }
    }

    static let longest = [(0, 86_400)]
    static let almostDay = [(600, 86_400 + 300)]
    static let overnight = [(8 * 3600, 12 * 3600), (13 * 3600, 17 * 3600), (22 * 3600, 26 * 3600)]

    static let cases: [Case] = [
        // Samoa skipped 2011-12-30 (UTC-10 to UTC+14).
        Case(zone: "Pacific/Apia", transitionDay: 15_337, windows: almostDay),
        Case(zone: "Pacific/Apia", transitionDay: 15_337, windows: overnight),
        Case(zone: "Pacific/Apia", transitionDay: 15_337, windows: longest),
        Case(zone: "America/New_York", transitionDay: 20_520, windows: almostDay),
        Case(zone: "America/New_York", transitionDay: 20_520, windows: overnight),
        Case(zone: "America/New_York", transitionDay: 20_758, windows: almostDay),
        Case(zone: "America/New_York", transitionDay: 20_758, windows: overnight),
        // Troll (Antarctica) falls back by two hours, on 2026-10-25.
        Case(zone: "Antarctica/Troll", transitionDay: 20_751, windows: almostDay),
        Case(zone: "Antarctica/Troll", transitionDay: 20_751, windows: overnight),
        // Lord Howe moves by thirty minutes.
        Case(zone: "Australia/Lord_Howe", transitionDay: 20_548, windows: almostDay),
        Case(zone: "Australia/Lord_Howe", transitionDay: 20_736, windows: overnight),
    ]

    static func time(_ seconds: Int) -> String {
        String(format: "%02d:%02d", seconds / 3600, seconds / 60 % 60)
    }

    @Test("open time, openness and deadlines agree with the reference", arguments: cases)
    func againstReference(_ testCase: Case) throws {
        let windows = testCase.windows.map {
            BusinessCalendar.Window(
                days: BusinessCalendar.Weekday.allCases,
                start: Self.time($0.0),
                end: Self.time($0.1 % 86_400 == 0 && $0.1 > 0 ? 86_400 : $0.1 % 86_400)
            )
        }
        let calendar = try BusinessCalendar(.init(timeZone: testCase.zone, windows: windows))
        let reference = ReferenceCalendar(
            zone: try #require(TimeZone(identifier: testCase.zone)),
            weekly: Array(repeating: testCase.windows, count: 7),
            holidays: [],
            special: [:],
            closures: [],
            days: (testCase.transitionDay - 10)...(testCase.transitionDay + 10)
        )
        let first = (testCase.transitionDay - 4) * 86_400
        let start = Double(first)
        for step in 0..<(8 * 96) {
            let instant = Double(first + step * 900 + 450 * (step % 2))
            let date = Date(timeIntervalSince1970: instant)
            #expect(calendar.isOpen(at: date) == reference.isOpen(instant), "\(testCase) at \(instant)")
            #expect(
                calendar.businessTime(from: Date(timeIntervalSince1970: start), to: date)
                    == reference.businessTime(start, instant),
                "\(testCase) from \(start) to \(instant)"
            )
            let duration = Double((step % 40) * 1800 + 60)
            if let expected = reference.adding(duration, to: instant), reference.trusted.contains(expected) {
                #expect(try calendar.adding(duration, to: date).timeIntervalSince1970 == expected, "\(testCase)")
            }
        }
    }
}
