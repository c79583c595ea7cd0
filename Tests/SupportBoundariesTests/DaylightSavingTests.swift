import Foundation
import SupportBoundaries
import Testing

/// Windows are local wall time mapped to real instants: a skipped local time moves forward by the gap,
/// an ambiguous one takes its first occurrence, and a window lasts the real time it spans.
@Suite("Daylight saving time")
struct DaylightSavingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var zone: String
        var days: [Weekday]
        var start: String
        var end: String
        /// The window's real start and end (UTC).
        var opens: String
        var closes: String
        /// The window's real length.
        var length: TimeInterval

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "New York spring forward, 00:00–06:00",
            zone: "America/New_York",
            days: [.sunday],
            start: "00:00",
            end: "06:00",
            opens: "2026-03-08T05:00:00Z",
            closes: "2026-03-08T10:00:00Z",
            length: 5 * hour
        ),
        Case(
            name: "New York fall back, 00:00–06:00",
            zone: "America/New_York",
            days: [.sunday],
            start: "00:00",
            end: "06:00",
            opens: "2026-11-01T04:00:00Z",
            closes: "2026-11-01T11:00:00Z",
            length: 7 * hour
        ),
        Case(
            name: "New York spring forward, 01:30–03:30 straddles the gap",
            zone: "America/New_York",
            days: [.sunday],
            start: "01:30",
            end: "03:30",
            opens: "2026-03-08T06:30:00Z",
            closes: "2026-03-08T07:30:00Z",
            length: hour
        ),
        Case(
            name: "New York fall back, 01:30–03:30 starts at the first 01:30",
            zone: "America/New_York",
            days: [.sunday],
            start: "01:30",
            end: "03:30",
            opens: "2026-11-01T05:30:00Z",
            closes: "2026-11-01T08:30:00Z",
            length: 3 * hour
        ),
        Case(
            name: "New York, 02:15–02:45 inside the gap moves forward by an hour",
            zone: "America/New_York",
            days: [.sunday],
            start: "02:15",
            end: "02:45",
            opens: "2026-03-08T07:15:00Z",
            closes: "2026-03-08T07:45:00Z",
            length: 30 * minute
        ),
        Case(
            name: "New York overnight 22:00–06:00 into spring forward",
            zone: "America/New_York",
            days: [.saturday],
            start: "22:00",
            end: "06:00",
            opens: "2026-03-08T03:00:00Z",
            closes: "2026-03-08T10:00:00Z",
            length: 7 * hour
        ),
        Case(
            name: "New York overnight 22:00–06:00 into fall back",
            zone: "America/New_York",
            days: [.saturday],
            start: "22:00",
            end: "06:00",
            opens: "2026-11-01T02:00:00Z",
            closes: "2026-11-01T11:00:00Z",
            length: 9 * hour
        ),
        Case(
            name: "Berlin overnight 20:00–08:00 into spring forward",
            zone: "Europe/Berlin",
            days: [.saturday],
            start: "20:00",
            end: "08:00",
            opens: "2026-03-28T19:00:00Z",
            closes: "2026-03-29T06:00:00Z",
            length: 11 * hour
        ),
        Case(
            name: "Berlin overnight 20:00–08:00 into fall back",
            zone: "Europe/Berlin",
            days: [.saturday],
            start: "20:00",
            end: "08:00",
            opens: "2026-10-24T18:00:00Z",
            closes: "2026-10-25T07:00:00Z",
            length: 13 * hour
        ),
        Case(
            name: "Berlin fall back, 02:30–03:30 lasts two hours",
            zone: "Europe/Berlin",
            days: [.sunday],
            start: "02:30",
            end: "03:30",
            opens: "2026-10-25T00:30:00Z",
            closes: "2026-10-25T02:30:00Z",
            length: 2 * hour
        ),
        Case(
            name: "Lord Howe overnight 22:00–06:00 as DST ends (30 minutes back)",
            zone: "Australia/Lord_Howe",
            days: [.saturday],
            start: "22:00",
            end: "06:00",
            opens: "2026-04-04T11:00:00Z",
            closes: "2026-04-04T19:30:00Z",
            length: 8.5 * hour
        ),
        Case(
            name: "Lord Howe overnight 22:00–06:00 as DST starts (30 minutes forward)",
            zone: "Australia/Lord_Howe",
            days: [.saturday],
            start: "22:00",
            end: "06:00",
            opens: "2026-10-03T11:30:00Z",
            closes: "2026-10-03T19:00:00Z",
            length: 7.5 * hour
        ),
        Case(
            name: "Lord Howe 01:45–02:15 as DST ends starts at the first 01:45",
            zone: "Australia/Lord_Howe",
            days: [.sunday],
            start: "01:45",
            end: "02:15",
            opens: "2026-04-04T14:45:00Z",
            closes: "2026-04-04T15:45:00Z",
            length: hour
        ),
        Case(
            name: "Lord Howe 01:45–02:15 as DST starts ends after the gap",
            zone: "Australia/Lord_Howe",
            days: [.sunday],
            start: "01:45",
            end: "02:15",
            opens: "2026-10-03T15:15:00Z",
            closes: "2026-10-03T15:45:00Z",
            length: 30 * minute
        ),
        Case(
            name: "Kathmandu +05:45, 09:00–18:00",
            zone: "Asia/Kathmandu",
            days: [.monday],
            start: "09:00",
            end: "18:00",
            opens: "2026-01-05T03:15:00Z",
            closes: "2026-01-05T12:15:00Z",
            length: 9 * hour
        ),
        Case(
            name: "Kathmandu overnight 23:00–01:00 across the 1986 change from +05:30 to +05:45",
            zone: "Asia/Kathmandu",
            days: [.tuesday],
            start: "23:00",
            end: "01:00",
            opens: "1985-12-31T17:30:00Z",
            closes: "1985-12-31T19:15:00Z",
            length: 1.75 * hour
        ),
    ]

    @Test("a window straddling a transition lasts the real time it spans", arguments: cases)
    func window(_ test: Case) throws {
        let calendar = try makeCalendar(test.zone, [(test.days, test.start, test.end)])
        let opens = at(test.opens)
        let closes = at(test.closes)
        let around = calendar.businessTime(
            from: opens.addingTimeInterval(-6 * hour),
            to: closes.addingTimeInterval(6 * hour)
        )
        #expect(around == test.length)
        #expect(calendar.businessTime(from: opens, to: closes) == test.length)
        #expect(calendar.isOpen(at: opens))
        #expect(!calendar.isOpen(at: opens.addingTimeInterval(-1)))
        #expect(calendar.isOpen(at: closes.addingTimeInterval(-1)))
        #expect(!calendar.isOpen(at: closes))
        #expect(try calendar.adding(test.length, to: opens) == closes)
        #expect(try calendar.adding(test.length, to: opens.addingTimeInterval(-3 * hour)) == closes)
        #expect(try calendar.subtracting(test.length, from: closes) == opens)
        #expect(try calendar.nextOpening(after: opens.addingTimeInterval(-hour)) == opens)
        #expect(calendar.nextClosing(after: opens) == closes)
        #expect(
            calendar.openIntervals(from: opens.addingTimeInterval(-hour), to: closes) == [
                DateInterval(start: opens, end: closes)
            ]
        )
    }

    @Test("a window entirely inside the spring-forward gap is empty when its end is not after its start")
    func emptyInsideGap() throws {
        let calendar = try makeCalendar(
            "America/New_York",
            [([.sunday], "02:30", "03:00"), ([.sunday], "09:00", "10:00")]
        )
        let night = calendar.businessTime(from: at("2026-03-08T05:00:00Z"), to: at("2026-03-08T12:00:00Z"))
        #expect(night == 0)
        #expect(try calendar.adding(1, to: at("2026-03-08T05:00:00Z")) == at("2026-03-08T13:00:01Z"))
    }

    @Test("an always-open calendar is as long as the real day, even on transition days")
    func alwaysOpenTransitionDays() throws {
        let calendar = try BusinessCalendar(
            .init(timeZone: "America/New_York", holidays: [.init(date: "2026-03-08")], alwaysOpen: true)
        )
        let spring = calendar.businessTime(from: at("2026-03-07T00:00:00Z"), to: at("2026-03-10T00:00:00Z"))
        #expect(spring == 72 * hour - 23 * hour)
        let always = try BusinessCalendar.alwaysOpen(timeZone: "America/New_York")
        let fall = always.businessTime(from: at("2026-10-31T00:00:00Z"), to: at("2026-11-03T00:00:00Z"))
        #expect(fall == 72 * hour)
        #expect(try always.adding(72 * hour, to: at("2026-10-31T00:00:00Z")) == at("2026-11-03T00:00:00Z"))
    }
}
