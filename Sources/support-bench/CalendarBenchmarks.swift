import Foundation
import SupportBoundaries

/// Business-time figures: deadlines and business time on typical calendars.
enum CalendarBenchmarks {
    static func run(_ benchmark: Benchmark) throws {
        let moscow = try BusinessCalendar(
            .init(
                timeZone: "Europe/Moscow",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")],
                holidays: [
                    "2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08",
                    "2026-02-23", "2026-03-09", "2026-05-01", "2026-05-11",
                ].map { BusinessCalendar.Holiday(date: $0) }
            )
        )
        let newYork = try BusinessCalendar(
            .init(
                timeZone: "America/New_York",
                windows: [
                    .init(days: BusinessCalendar.Weekday.workdays, start: "08:00", end: "12:00"),
                    .init(days: BusinessCalendar.Weekday.workdays, start: "13:00", end: "17:00"),
                    .init(days: BusinessCalendar.Weekday.allCases, start: "22:00", end: "02:00"),
                ]
            )
        )
        var random = SplitMix64(seed: 2026)
        let year2026 = 1_767_225_600
        let moscowStarts = (0..<1000).map { _ in
            Date(timeIntervalSince1970: Double(year2026 + Int(random.next() % UInt64(365 * 86_400))))
        }
        let march = 1_772_323_200
        let october = 1_792_886_400
        let newYorkStarts = (0..<1000).map { index in
            let base = index % 2 == 0 ? march : october
            return Date(timeIntervalSince1970: Double(base + Int(random.next() % UInt64(14 * 86_400))))
        }
        let count = 1_000_000
        try benchmark.measure(
            "calendar.adding.24h.moscow",
            operation:
                "one deadline: 24 business hours added to a start in 2026 on a Mon–Fri 09–18 Moscow calendar with holidays",
            iterations: count
        ) { index in
            try moscow.adding(24 * 3600, to: moscowStarts[index % 1000])
        }
        try benchmark.measure(
            "calendar.adding.400h.moscow",
            operation: "one deadline: 400 business hours added on the Moscow calendar",
            iterations: count
        ) { index in
            try moscow.adding(400 * 3600, to: moscowStarts[index % 1000])
        }
        try benchmark.measure(
            "calendar.adding.24h.newyork_overnight",
            operation:
                "one deadline: 24 business hours added on a New York calendar with a lunch break and an overnight window, starts near DST changes",
            iterations: count
        ) { index in
            try newYork.adding(24 * 3600, to: newYorkStarts[index % 1000])
        }
        benchmark.measure(
            "calendar.businessTime.30d.moscow",
            operation: "business time between two instants 30 days apart on the Moscow calendar",
            iterations: count
        ) { index in
            let start = moscowStarts[index % 1000]
            return moscow.businessTime(from: start, to: start.addingTimeInterval(30 * 86_400))
        }
        try benchmark.measure(
            "calendar.subtracting.24h.moscow",
            operation: "24 business hours subtracted on the Moscow calendar",
            iterations: count
        ) { index in
            try moscow.subtracting(24 * 3600, from: moscowStarts[index % 1000])
        }
        benchmark.measure(
            "calendar.isOpen.moscow",
            operation: "whether the Moscow calendar is open at one instant",
            iterations: count
        ) { index in
            moscow.isOpen(at: moscowStarts[index % 1000])
        }
        try benchmark.measure(
            "calendar.nextOpening.newyork_overnight",
            operation: "the next opening after one instant on the New York overnight calendar",
            iterations: count
        ) { index in
            try newYork.nextOpening(after: newYorkStarts[index % 1000])
        }
        try benchmark.measure(
            "calendar.compile.newyork_overnight",
            operation: "compiling the New York overnight calendar from its configuration (BusinessCalendar.init)",
            iterations: 200
        ) { _ in
            try BusinessCalendar(newYork.configuration)
        }
    }
}

/// A small deterministic generator (SplitMix64) for benchmark inputs.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
