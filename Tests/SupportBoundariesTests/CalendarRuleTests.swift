import Foundation
import SupportBoundaries
import Testing

/// Table tests for each rule of business time, on Europe/Moscow (UTC+3 all year).
/// 2026-01-05 is a Monday.
@Suite("Business calendar rules")
struct CalendarRuleTests {
    let officeHours = try! makeCalendar("Europe/Moscow", [(Weekday.workdays, "09:00", "18:00")])

    @Test(
        "adding on a 09–18 weekday calendar",
        arguments: [
            ("2026-01-05T09:00:00+03:00", 9 * hour, "2026-01-05T18:00:00+03:00"),
            ("2026-01-05T09:00:00+03:00", 0, "2026-01-05T09:00:00+03:00"),
            ("2026-01-05T18:00:00+03:00", 0, "2026-01-05T18:00:00+03:00"),
            ("2026-01-05T18:00:00+03:00", 1, "2026-01-06T09:00:01+03:00"),
            ("2026-01-05T17:00:00+03:00", 2 * hour, "2026-01-06T10:00:00+03:00"),
            ("2026-01-05T08:00:00+03:00", hour, "2026-01-05T10:00:00+03:00"),
            ("2026-01-09T17:00:00+03:00", 2 * hour, "2026-01-12T10:00:00+03:00"),
            ("2026-01-10T12:00:00+03:00", hour, "2026-01-12T10:00:00+03:00"),
            ("2026-01-05T09:00:00+03:00", 45 * hour, "2026-01-09T18:00:00+03:00"),
            ("2026-01-05T09:00:00+03:00", 45 * hour + 1, "2026-01-12T09:00:01+03:00"),
            ("2026-01-05T12:34:56+03:00", 24 * hour, "2026-01-08T09:34:56+03:00"),
        ]
    )
    func adding(start: String, duration: TimeInterval, expected: String) throws {
        #expect(try officeHours.adding(duration, to: at(start)) == at(expected))
    }

    @Test(
        "subtracting on a 09–18 weekday calendar",
        arguments: [
            ("2026-01-05T18:00:00+03:00", 9 * hour, "2026-01-05T09:00:00+03:00"),
            ("2026-01-06T09:00:00+03:00", hour, "2026-01-05T17:00:00+03:00"),
            ("2026-01-05T10:00:00+03:00", hour, "2026-01-05T09:00:00+03:00"),
            ("2026-01-05T09:00:00+03:00", 1, "2026-01-02T17:59:59+03:00"),
            ("2026-01-10T12:00:00+03:00", 0, "2026-01-10T12:00:00+03:00"),
            ("2026-01-12T10:00:00+03:00", 2 * hour, "2026-01-09T17:00:00+03:00"),
        ]
    )
    func subtracting(end: String, duration: TimeInterval, expected: String) throws {
        #expect(try officeHours.subtracting(duration, from: at(end)) == at(expected))
    }

    @Test("windows are half-open")
    func boundaries() throws {
        #expect(officeHours.isOpen(at: at("2026-01-05T09:00:00+03:00")))
        #expect(officeHours.isOpen(at: at("2026-01-05T17:59:59+03:00")))
        #expect(!officeHours.isOpen(at: at("2026-01-05T18:00:00+03:00")))
        #expect(!officeHours.isOpen(at: at("2026-01-05T08:59:59+03:00")))
        #expect(!officeHours.isOpen(at: at("2026-01-10T12:00:00+03:00")))
        let day = officeHours.businessTime(from: at("2026-01-05T00:00:00+03:00"), to: at("2026-01-06T00:00:00+03:00"))
        #expect(day == 9 * hour)
        let weekend = officeHours.businessTime(
            from: at("2026-01-09T12:00:00+03:00"),
            to: at("2026-01-12T12:00:00+03:00")
        )
        #expect(weekend == 9 * hour)
        #expect(officeHours.businessTime(from: at("2026-01-06T00:00:00Z"), to: at("2026-01-05T00:00:00Z")) == 0)
    }

    @Test("next opening and next closing")
    func openingAndClosing() throws {
        #expect(try officeHours.nextOpening(after: at("2026-01-10T12:00:00+03:00")) == at("2026-01-12T09:00:00+03:00"))
        #expect(try officeHours.nextOpening(after: at("2026-01-05T10:00:00+03:00")) == at("2026-01-05T10:00:00+03:00"))
        #expect(try officeHours.nextOpening(after: at("2026-01-05T18:00:00+03:00")) == at("2026-01-06T09:00:00+03:00"))
        #expect(officeHours.nextClosing(after: at("2026-01-05T10:00:00+03:00")) == at("2026-01-05T18:00:00+03:00"))
        #expect(officeHours.nextClosing(after: at("2026-01-10T10:00:00+03:00")) == at("2026-01-10T10:00:00+03:00"))
        let intervals = officeHours.openIntervals(
            from: at("2026-01-05T12:00:00+03:00"),
            to: at("2026-01-06T12:00:00+03:00")
        )
        #expect(
            intervals == [
                DateInterval(start: at("2026-01-05T12:00:00+03:00"), end: at("2026-01-05T18:00:00+03:00")),
                DateInterval(start: at("2026-01-06T09:00:00+03:00"), end: at("2026-01-06T12:00:00+03:00")),
            ]
        )
    }

    @Test("several windows a day: a lunch break")
    func lunchBreak() throws {
        let calendar = try makeCalendar(
            "Europe/Moscow",
            [(Weekday.workdays, "09:00", "13:00"), (Weekday.workdays, "14:00", "18:00")]
        )
        #expect(try calendar.adding(2 * hour, to: at("2026-01-05T12:00:00+03:00")) == at("2026-01-05T15:00:00+03:00"))
        #expect(try calendar.adding(hour, to: at("2026-01-05T12:00:00+03:00")) == at("2026-01-05T13:00:00+03:00"))
        #expect(!calendar.isOpen(at: at("2026-01-05T13:30:00+03:00")))
        #expect(try calendar.nextOpening(after: at("2026-01-05T13:00:00+03:00")) == at("2026-01-05T14:00:00+03:00"))
    }

    @Test(
        "an overnight window belongs to the day it starts",
        arguments: [
            ("2026-01-09T23:00:00+03:00", true),
            ("2026-01-10T05:59:59+03:00", true),
            ("2026-01-10T06:00:00+03:00", false),
            ("2026-01-10T23:00:00+03:00", false),
            ("2026-01-12T03:00:00+03:00", false),
            ("2026-01-12T22:00:00+03:00", true),
        ]
    )
    func overnight(instant: String, open: Bool) throws {
        let calendar = try makeCalendar("Europe/Moscow", [(Weekday.workdays, "22:00", "06:00")])
        #expect(calendar.isOpen(at: at(instant)) == open)
    }

    @Test("adding across overnight windows")
    func overnightAdding() throws {
        let calendar = try makeCalendar("Europe/Moscow", [(Weekday.workdays, "22:00", "06:00")])
        #expect(try calendar.adding(8 * hour, to: at("2026-01-05T23:00:00+03:00")) == at("2026-01-06T23:00:00+03:00"))
        #expect(try calendar.adding(7 * hour, to: at("2026-01-09T23:00:00+03:00")) == at("2026-01-10T06:00:00+03:00"))
        #expect(try calendar.adding(8 * hour, to: at("2026-01-09T23:00:00+03:00")) == at("2026-01-12T23:00:00+03:00"))
        #expect(calendar.nextClosing(after: at("2026-01-06T01:00:00+03:00")) == at("2026-01-06T06:00:00+03:00"))
    }

    @Test("24:00 ends a day, and a window ending at 24:00 joins one starting at 00:00")
    func midnight() throws {
        let calendar = try makeCalendar(
            "Europe/Moscow",
            [([.monday], "18:00", "24:00"), ([.tuesday], "00:00", "09:00")]
        )
        #expect(try calendar.adding(2 * hour, to: at("2026-01-05T23:00:00+03:00")) == at("2026-01-06T01:00:00+03:00"))
        #expect(calendar.nextClosing(after: at("2026-01-05T20:00:00+03:00")) == at("2026-01-06T09:00:00+03:00"))
        #expect(calendar.isOpen(at: at("2026-01-06T00:00:00+03:00")))
        let always = try BusinessCalendar.alwaysOpen(timeZone: "Europe/Moscow")
        let span = always.businessTime(from: at("2026-01-05T23:59:00+03:00"), to: at("2026-01-06T00:01:00+03:00"))
        #expect(span == 2 * minute)
        #expect(always.nextClosing(after: at("2026-01-05T23:59:00+03:00")) == nil)
        #expect(try always.adding(100 * hour, to: at("2026-01-05T00:00:00Z")) == at("2026-01-09T04:00:00Z"))
    }

    @Test("holidays cancel the windows that start on them")
    func holidays() throws {
        let day = try makeCalendar(
            "Europe/Moscow",
            [(Weekday.workdays, "09:00", "18:00")],
            holidays: [.init(date: "2026-01-07")]
        )
        #expect(try day.adding(2 * hour, to: at("2026-01-06T17:00:00+03:00")) == at("2026-01-08T10:00:00+03:00"))
        #expect(!day.isOpen(at: at("2026-01-07T12:00:00+03:00")))
        let range = try makeCalendar(
            "Europe/Moscow",
            [(Weekday.workdays, "09:00", "18:00")],
            holidays: [.init(date: "2026-01-07", through: "2026-01-08", name: "two days")]
        )
        #expect(try range.adding(2 * hour, to: at("2026-01-06T17:00:00+03:00")) == at("2026-01-09T10:00:00+03:00"))
        let night = try makeCalendar(
            "Europe/Moscow",
            [(Weekday.workdays, "22:00", "06:00")],
            holidays: [.init(date: "2026-01-06")]
        )
        #expect(night.isOpen(at: at("2026-01-06T03:00:00+03:00")), "Monday's window runs into the holiday")
        #expect(!night.isOpen(at: at("2026-01-06T23:00:00+03:00")))
        #expect(!night.isOpen(at: at("2026-01-07T03:00:00+03:00")))
        #expect(night.isOpen(at: at("2026-01-07T23:00:00+03:00")))
    }

    @Test("special days replace a date's windows")
    func specialDays() throws {
        let calendar = try makeCalendar(
            "Europe/Moscow",
            [(Weekday.workdays, "09:00", "18:00")],
            holidays: [.init(date: "2026-01-08")],
            specialDays: [
                .init(date: "2026-01-07", windows: [.init(start: "09:00", end: "14:00")], name: "short day"),
                .init(date: "2026-01-08", windows: [.init(start: "10:00", end: "12:00")]),
                .init(date: "2026-01-09", windows: []),
                .init(date: "2026-01-10", windows: [.init(start: "22:00", end: "02:00")]),
            ]
        )
        #expect(try calendar.adding(2 * hour, to: at("2026-01-07T13:00:00+03:00")) == at("2026-01-08T11:00:00+03:00"))
        #expect(!calendar.isOpen(at: at("2026-01-07T15:00:00+03:00")))
        #expect(!calendar.isOpen(at: at("2026-01-09T12:00:00+03:00")))
        #expect(calendar.isOpen(at: at("2026-01-11T01:00:00+03:00")))
        let week = calendar.businessTime(from: at("2026-01-05T00:00:00+03:00"), to: at("2026-01-12T00:00:00+03:00"))
        #expect(week == (9 + 9 + 5 + 2 + 0 + 4) * hour)
    }

    @Test("closures remove absolute ranges")
    func closures() throws {
        let calendar = try makeCalendar(
            "Europe/Moscow",
            [(Weekday.workdays, "09:00", "18:00")],
            closures: [
                .init(from: at("2026-01-05T12:00:00+03:00"), to: at("2026-01-06T12:00:00+03:00"), reason: "outage")
            ]
        )
        let span = calendar.businessTime(from: at("2026-01-05T00:00:00+03:00"), to: at("2026-01-07T00:00:00+03:00"))
        #expect(span == 9 * hour)
        #expect(try calendar.adding(2 * hour, to: at("2026-01-05T11:00:00+03:00")) == at("2026-01-06T13:00:00+03:00"))
        #expect(!calendar.isOpen(at: at("2026-01-05T13:00:00+03:00")))
        #expect(calendar.nextClosing(after: at("2026-01-05T10:00:00+03:00")) == at("2026-01-05T12:00:00+03:00"))
        #expect(try calendar.nextOpening(after: at("2026-01-05T13:00:00+03:00")) == at("2026-01-06T12:00:00+03:00"))
    }

    @Test("fractional instants and durations keep their fractions")
    func fractions() throws {
        let start = at("2026-01-05T09:00:00+03:00").addingTimeInterval(0.25)
        let due = try officeHours.adding(1.5, to: start)
        #expect(abs(due.timeIntervalSince(start) - 1.5) < 1e-6)
    }
}
