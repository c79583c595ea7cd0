import Foundation

/// A validated calendar in integer form: which local windows start on which local date.
///
/// Times are seconds after local midnight; an overnight window's end is past `86_400`.
struct CalendarRules: Sendable {
    typealias Span = (start: Int64, end: Int64)

    let zone: TimeZone
    /// Windows per weekday index (`0` Monday), sorted.
    let weekly: [[Span]]
    /// Holiday date ranges (day numbers, end exclusive), sorted and merged.
    let holidays: [Span]
    /// Special days by day number.
    let specialDays: [Int64: [Span]]
    /// Closures in nanoseconds since 1970, sorted and merged.
    let closures: [Span]

    /// The local windows that start on a date.
    func windows(onDay day: Int64) -> [Span] {
        if !specialDays.isEmpty, let special = specialDays[day] { return special }
        if isHoliday(day) { return [] }
        return weekly[CivilTime.weekdayIndex(days: day)]
    }

    func isHoliday(_ day: Int64) -> Bool {
        var low = 0
        var high = holidays.count
        while low < high {
            let mid = (low + high) >> 1
            if holidays[mid].end <= day { low = mid + 1 } else { high = mid }
        }
        return low < holidays.count && holidays[low].start <= day
    }

    /// Sorts spans and merges those that overlap or touch.
    static func merged(_ spans: [Span]) -> [Span] {
        var result: [Span] = []
        for span in spans.sorted(by: { $0.start < $1.start }) where span.end > span.start {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1].end = max(last.end, span.end)
            } else {
                result.append(span)
            }
        }
        return result
    }
}

extension CalendarRules {
    /// Validates a configuration and converts it, naming the path of the first problem found.
    init(validating configuration: BusinessCalendar.Configuration, path: String) throws {
        guard let zone = TimeZone(identifier: configuration.timeZone) else {
            throw BoundariesError(
                .unknownTimeZone,
                path: "\(path).timeZone",
                "'\(configuration.timeZone)' is not a known IANA time zone: use an identifier such as Europe/Berlin"
            )
        }
        if configuration.alwaysOpen && !configuration.windows.isEmpty {
            throw BoundariesError(
                .conflictingSettings,
                path: "\(path).alwaysOpen",
                "an always-open calendar cannot also list windows: remove the windows or set alwaysOpen to false"
            )
        }
        var weekly: [[Span]] = Array(repeating: [], count: 7)
        if configuration.alwaysOpen {
            weekly = Array(repeating: [(0, CivilTime.secondsPerDay)], count: 7)
        } else {
            weekly = try Self.weeklyWindows(configuration.windows, path: path)
        }
        let holidays = try Self.holidayRanges(configuration.holidays, path: path)
        let special = try Self.specialDays(configuration.specialDays, path: path)
        var closures: [Span] = []
        for (index, closure) in configuration.closures.enumerated() where !(closure.to > closure.from) {
            throw BoundariesError(
                .reversedRange,
                path: "\(path).closures[\(index)].to",
                "the closure ends (\(ISO8601Instant.format(closure.to))) before it starts "
                    + "(\(ISO8601Instant.format(closure.from))): 'to' must be after 'from'"
            )
        }
        for closure in configuration.closures {
            closures.append((Instant.nanoseconds(closure.from), Instant.nanoseconds(closure.to)))
        }
        if weekly.allSatisfy(\.isEmpty) && special.values.allSatisfy(\.isEmpty) {
            throw BoundariesError(
                .noOpenTime,
                path: "\(path).windows",
                "the calendar is never open: add at least one window, or set alwaysOpen to true"
            )
        }
        self.init(
            zone: zone,
            weekly: weekly,
            holidays: Self.merged(holidays),
            specialDays: special,
            closures: Self.merged(closures)
        )
    }

    private static func time(_ text: String, path: String, isEnd: Bool) throws -> Int64 {
        guard let seconds = CivilTime.parseTime(text), isEnd || seconds < CivilTime.secondsPerDay else {
            throw BoundariesError(
                .invalidTime,
                path: path,
                "'\(text)' is not a time of day: write HH:mm from 00:00 to \(isEnd ? "24:00" : "23:59")"
            )
        }
        return seconds
    }

    /// Parses a window; the end of an overnight window is moved past midnight.
    private static func span(start: String, end: String, path: String) throws -> Span {
        let from = try time(start, path: "\(path).start", isEnd: false)
        let to = try time(end, path: "\(path).end", isEnd: true)
        guard from != to else {
            throw BoundariesError(
                .emptyWindow,
                path: "\(path).end",
                "the window ends when it starts (\(start)): use a later end, or an end before the start to run overnight"
            )
        }
        return (from, to > from ? to : to + CivilTime.secondsPerDay)
    }

    private static func weeklyWindows(_ windows: [BusinessCalendar.Window], path: String) throws -> [[Span]] {
        var weekly: [[Span]] = Array(repeating: [], count: 7)
        var placed: [(start: Int64, end: Int64, index: Int, day: BusinessCalendar.Weekday)] = []
        for (index, window) in windows.enumerated() {
            let windowPath = "\(path).windows[\(index)]"
            guard !window.days.isEmpty else {
                throw BoundariesError(
                    .invalidConfiguration,
                    path: "\(windowPath).days",
                    "the window lists no days: name at least one day such as \"monday\""
                )
            }
            guard Set(window.days).count == window.days.count else {
                throw BoundariesError(
                    .invalidConfiguration,
                    path: "\(windowPath).days",
                    "the window lists a day twice: name each day once"
                )
            }
            let span = try span(start: window.start, end: window.end, path: windowPath)
            for day in window.days {
                let offset = Int64(day.index) * CivilTime.secondsPerDay
                placed.append((offset + span.start, offset + span.end, index, day))
                weekly[day.index].append(span)
            }
        }
        placed.sort { $0.start < $1.start }
        var reach: (end: Int64, index: Int, day: BusinessCalendar.Weekday)?
        for entry in placed {
            if let previous = reach, entry.start < previous.end {
                throw overlap(entry.index, entry.day, previous.index, previous.day, path: path)
            }
            if reach == nil || entry.end > reach!.end { reach = (entry.end, entry.index, entry.day) }
        }
        if let last = reach, let first = placed.first, last.end - CivilTime.secondsPerWeek > first.start {
            throw overlap(first.index, first.day, last.index, last.day, path: path)
        }
        return weekly.map { $0.sorted { $0.start < $1.start } }
    }

    private static func overlap(
        _ index: Int,
        _ day: BusinessCalendar.Weekday,
        _ other: Int,
        _ otherDay: BusinessCalendar.Weekday,
        path: String
    ) -> BoundariesError {
        BoundariesError(
            .overlappingWindows,
            path: "\(path).windows[\(index)]",
            "the window on \(day) overlaps windows[\(other)] on \(otherDay): windows must not overlap, "
                + "including an overnight window running into the next day"
        )
    }

    private static func date(_ text: String, path: String) throws -> Int64 {
        guard let day = CivilTime.parseDate(text), Instant.supportedDays.contains(day) else {
            throw BoundariesError(
                .invalidDate,
                path: path,
                "'\(text)' is not a date: write yyyy-MM-dd, a real date from 1950-01-01 to 2199-12-31"
            )
        }
        return day
    }

    private static func holidayRanges(_ holidays: [BusinessCalendar.Holiday], path: String) throws -> [Span] {
        try holidays.enumerated().map { index, holiday in
            let holidayPath = "\(path).holidays[\(index)]"
            let first = try date(holiday.date, path: "\(holidayPath).date")
            guard let through = holiday.through else { return (first, first + 1) }
            let last = try date(through, path: "\(holidayPath).through")
            guard last >= first else {
                throw BoundariesError(
                    .reversedRange,
                    path: "\(holidayPath).through",
                    "the holiday range ends (\(through)) before it starts (\(holiday.date)): swap the dates"
                )
            }
            return (first, last + 1)
        }
    }

    private static func specialDays(_ days: [BusinessCalendar.SpecialDay], path: String) throws -> [Int64: [Span]] {
        var result: [Int64: [Span]] = [:]
        for (index, special) in days.enumerated() {
            let dayPath = "\(path).specialDays[\(index)]"
            let day = try date(special.date, path: "\(dayPath).date")
            guard result[day] == nil else {
                throw BoundariesError(
                    .invalidConfiguration,
                    path: "\(dayPath).date",
                    "\(special.date) is already a special day: list each date once, with all its windows"
                )
            }
            var spans: [(span: Span, index: Int)] = []
            for (windowIndex, window) in special.windows.enumerated() {
                let span = try span(start: window.start, end: window.end, path: "\(dayPath).windows[\(windowIndex)]")
                spans.append((span, windowIndex))
            }
            spans.sort { $0.span.start < $1.span.start }
            for pair in zip(spans, spans.dropFirst()) where pair.1.span.start < pair.0.span.end {
                throw BoundariesError(
                    .overlappingWindows,
                    path: "\(dayPath).windows[\(pair.1.index)]",
                    "the window overlaps windows[\(pair.0.index)] of the same special day: windows must not overlap"
                )
            }
            result[day] = spans.map(\.span)
        }
        return result
    }
}
