import Foundation
import SupportBoundaries
import Testing

/// Random calendars, instants and durations, checked against ``ReferenceCalendar`` and the invariants of
/// business time.
@Suite("Business time properties")
struct PropertyTests {
    static let zones = [
        "UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham",
        "Europe/Moscow",
    ]
    /// Days (since 1970) near the 2026 transitions of the zones above, to put windows across them.
    static let transitionDays = [20_520, 20_541, 20_548, 20_715, 20_720, 20_736, 20_758]

    struct Generated {
        var calendar: BusinessCalendar
        var reference: ReferenceCalendar
        var firstDay: Int
    }

    static func time(_ seconds: Int) -> String {
        String(format: "%02d:%02d", seconds / 3600, seconds / 60 % 60)
    }

    static func date(_ day: Int) -> String {
        String(ISO8601Instant(day).prefix(10))
    }

    static func ISO8601Instant(_ day: Int) -> String {
        Date(timeIntervalSince1970: Double(day) * 86_400).formatted(Date.ISO8601FormatStyle())
    }

    /// Windows for one day from random cut points on a 15-minute grid; sometimes the last runs overnight.
    static func dayWindows(_ random: inout SplitMix64, overnight: Bool) -> [(Int, Int)] {
        let count = [0, 1, 1, 1, 2, 2, 3].randomElement(using: &random)!
        let cuts = Set((0..<(count * 2)).map { _ in Int.random(in: 0...96, using: &random) * 900 }).sorted()
        var windows: [(Int, Int)] = []
        var index = 0
        while index + 1 < cuts.count {
            windows.append((cuts[index], cuts[index + 1]))
            index += 2
        }
        if overnight, let last = windows.last, last.0 < 86_400, Bool.random(using: &random) {
            let end = Int.random(in: 0...(last.0 / 900), using: &random) * 900
            if end < last.0 { windows[windows.count - 1] = (last.0, end + 86_400) }
        }
        return windows.filter { $0.0 < 86_400 }
    }

    static func generate(seed: UInt64) -> Generated {
        var random = SplitMix64(seed: seed)
        while true {
            let zone = zones.randomElement(using: &random)!
            let firstDay =
                Bool.random(using: &random)
                ? transitionDays.randomElement(using: &random)! - Int.random(in: 0...12, using: &random)
                : Int.random(in: 20_454...20_800, using: &random)
            let alwaysOpen = Int.random(in: 0..<20, using: &random) == 0
            var weekly: [[(Int, Int)]] = Array(repeating: [], count: 7)
            var windows: [BusinessCalendar.Window] = []
            if alwaysOpen {
                weekly = Array(repeating: [(0, 86_400)], count: 7)
            } else {
                for day in 0..<7 {
                    weekly[day] = dayWindows(&random, overnight: true)
                    for window in weekly[day] {
                        windows.append(
                            .init(
                                days: [Weekday.allCases[day]],
                                start: time(window.0),
                                end: time(window.1 % 86_400)
                            )
                        )
                    }
                }
            }
            var holidays: Set<Int> = []
            var holidayConfig: [BusinessCalendar.Holiday] = []
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let start = firstDay + Int.random(in: 0...40, using: &random)
                let length = Int.random(in: 0...2, using: &random)
                holidays.formUnion(start...(start + length))
                holidayConfig.append(.init(date: date(start), through: length > 0 ? date(start + length) : nil))
            }
            var special: [Int: [(Int, Int)]] = [:]
            var specialConfig: [BusinessCalendar.SpecialDay] = []
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let day = firstDay + Int.random(in: 0...40, using: &random)
                guard special[day] == nil else { continue }
                let windows = dayWindows(&random, overnight: true)
                special[day] = windows
                specialConfig.append(
                    .init(date: date(day), windows: windows.map { .init(start: time($0.0), end: time($0.1 % 86_400)) })
                )
            }
            var closures: [ReferenceCalendar.Interval] = []
            var closureConfig: [BusinessCalendar.Closure] = []
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let start = Double(firstDay * 86_400 + Int.random(in: 0...(40 * 86_400), using: &random))
                let end = start + Double(Int.random(in: 60...(3 * 86_400), using: &random))
                closures.append((start, end))
                closureConfig.append(
                    .init(from: Date(timeIntervalSince1970: start), to: Date(timeIntervalSince1970: end))
                )
            }
            let configuration = BusinessCalendar.Configuration(
                timeZone: zone,
                windows: windows,
                holidays: holidayConfig,
                specialDays: specialConfig,
                closures: closureConfig,
                alwaysOpen: alwaysOpen
            )
            guard let calendar = try? BusinessCalendar(configuration) else { continue }
            let reference = ReferenceCalendar(
                zone: TimeZone(identifier: zone)!,
                weekly: weekly,
                holidays: holidays,
                special: special,
                closures: closures,
                days: (firstDay - 6)...(firstDay + 110)
            )
            return Generated(calendar: calendar, reference: reference, firstDay: firstDay)
        }
    }

    static func randomInstant(_ firstDay: Int, _ random: inout SplitMix64) -> Double {
        let base = firstDay * 86_400
        if Bool.random(using: &random) { return Double(base + Int.random(in: 0...(45 * 86_400), using: &random)) }
        return Double(base + Int.random(in: 0...(45 * 96), using: &random) * 900)
    }

    static func randomDuration(_ random: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: 0
        case 1...4: Double(Int.random(in: 1...(200 * 3600), using: &random))
        case 5...7: Double(Int.random(in: 1...200, using: &random) * 900)
        default: Double(Int.random(in: 1...30, using: &random))
        }
    }

    @Test("adding, subtracting and businessTime agree with a day-by-day reference")
    func againstReference() throws {
        var checked = 0
        for index in 0..<300 {
            let seed = 0xB05_1E55 &+ UInt64(index)
            let generated = Self.generate(seed: seed)
            let calendar = generated.calendar
            let reference = generated.reference
            var random = SplitMix64(seed: seed ^ 0xFACE)
            for _ in 0..<40 {
                let t = Self.randomInstant(generated.firstDay, &random)
                let other = Self.randomInstant(generated.firstDay, &random)
                let duration = Self.randomDuration(&random)
                let date = Date(timeIntervalSince1970: t)
                let context = "seed \(seed) \(calendar.configuration) t \(t) d \(duration)"

                let (low, high) = (min(t, other), max(t, other))
                let span = calendar.businessTime(
                    from: Date(timeIntervalSince1970: low),
                    to: Date(timeIntervalSince1970: high)
                )
                #expect(span == reference.businessTime(low, high), "\(context) other \(other)")
                #expect(calendar.isOpen(at: date) == reference.isOpen(t), "\(context)")
                if let opening = reference.nextOpening(t), reference.trusted.contains(opening) {
                    #expect(try calendar.nextOpening(after: date).timeIntervalSince1970 == opening, "\(context)")
                }
                if let closing = reference.nextClosing(t), reference.trusted.contains(closing) {
                    #expect(calendar.nextClosing(after: date)?.timeIntervalSince1970 == closing, "\(context)")
                }

                if let expected = reference.adding(duration, to: t), reference.trusted.contains(expected) {
                    let due = try calendar.adding(duration, to: date)
                    #expect(due.timeIntervalSince1970 == expected, "\(context) adding")
                    #expect(calendar.businessTime(from: date, to: due) == duration, "\(context) round trip")
                    let more = try calendar.adding(duration + 60, to: date)
                    #expect(more >= due, "\(context) monotone in d")
                    let later = try calendar.adding(duration, to: date.addingTimeInterval(abs(other - t)))
                    #expect(later >= due, "\(context) monotone in t")
                    checked += 1
                }
                if let expected = reference.subtracting(duration, from: t), reference.trusted.contains(expected) {
                    let start = try calendar.subtracting(duration, from: date)
                    #expect(start.timeIntervalSince1970 == expected, "\(context) subtracting")
                    #expect(calendar.businessTime(from: start, to: date) == duration, "\(context) round trip back")
                }
                let intervals = calendar.openIntervals(
                    from: Date(timeIntervalSince1970: low),
                    to: Date(timeIntervalSince1970: high)
                )
                let expectedIntervals = reference.intervals.compactMap { interval -> DateInterval? in
                    let start = max(interval.start, low)
                    let end = min(interval.end, high)
                    guard end > start else { return nil }
                    return DateInterval(
                        start: Date(timeIntervalSince1970: start),
                        end: Date(timeIntervalSince1970: end)
                    )
                }
                #expect(intervals == expectedIntervals, "\(context) open intervals to \(high)")
                let middle = Date(timeIntervalSince1970: (low + high) / 2)
                let whole = calendar.businessTime(
                    from: Date(timeIntervalSince1970: low),
                    to: Date(timeIntervalSince1970: high)
                )
                let parts =
                    calendar.businessTime(from: Date(timeIntervalSince1970: low), to: middle)
                    + calendar.businessTime(from: middle, to: Date(timeIntervalSince1970: high))
                #expect(whole == parts, "\(context) additivity")
            }
        }
        #expect(checked >= 10_000, "only \(checked) cases were inside the reference's range")
    }
}
