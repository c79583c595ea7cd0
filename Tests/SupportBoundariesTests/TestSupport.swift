import Foundation
import SupportBoundaries
import Testing

/// Parses an ISO 8601 instant with its offset, such as `2026-03-09T09:00:00-04:00`.
func at(_ text: String) -> Date {
    try! Date.ISO8601FormatStyle().parse(text)
}

let hour: TimeInterval = 3600
let minute: TimeInterval = 60

typealias Weekday = BusinessCalendar.Weekday

/// A calendar with the given weekly windows, each `(days, start, end)`.
func makeCalendar(
    _ timeZone: String,
    _ windows: [([Weekday], String, String)],
    holidays: [BusinessCalendar.Holiday] = [],
    specialDays: [BusinessCalendar.SpecialDay] = [],
    closures: [BusinessCalendar.Closure] = []
) throws -> BusinessCalendar {
    try BusinessCalendar(
        .init(
            timeZone: timeZone,
            windows: windows.map { .init(days: $0.0, start: $0.1, end: $0.2) },
            holidays: holidays,
            specialDays: specialDays,
            closures: closures
        )
    )
}

/// A small deterministic generator (SplitMix64) for property tests.
struct SplitMix64: RandomNumberGenerator {
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
