import Foundation
import SupportBoundaries

/// A slow, obvious business calendar for checking the fast one: it steps through local days, maps each
/// window to real instants with `TimeZone.secondsFromGMT(for:)`, and keeps a flat list of open intervals.
///
/// It shares no code with SupportBoundaries. Answers are only trusted inside ``trusted``.
struct ReferenceCalendar {
    typealias Interval = (start: Double, end: Double)

    let intervals: [Interval]
    let trusted: Range<Double>

    /// - Parameters:
    ///   - weekly: Windows per weekday (`0` Monday), seconds after midnight; an end past 86,400 is overnight.
    ///   - holidays: Holiday day numbers (days since 1970-01-01).
    ///   - special: Special days' windows by day number.
    ///   - closures: Closed ranges in seconds since 1970.
    ///   - days: The local days to expand.
    init(
        zone: TimeZone,
        weekly: [[(Int, Int)]],
        holidays: Set<Int>,
        special: [Int: [(Int, Int)]],
        closures: [Interval],
        days: ClosedRange<Int>
    ) {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        func offset(_ instant: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))) }
        func resolve(_ local: Int) -> Int {
            let before = offset(local - 172_800)
            let after = offset(local + 172_800)
            if before == after { return local - before }
            let first = local - before
            let second = local - after
            let firstValid = offset(first) == before
            let secondValid = offset(second) == after
            if firstValid && secondValid { return min(first, second) }
            if firstValid { return first }
            if secondValid { return second }
            return local - before
        }
        var raw: [Interval] = []
        for day in days {
            let weekday = gregorian.component(.weekday, from: Date(timeIntervalSince1970: Double(day) * 86_400))
            let windows = special[day] ?? (holidays.contains(day) ? [] : weekly[(weekday + 5) % 7])
            for window in windows {
                let start = resolve(day * 86_400 + window.0)
                let end = resolve(day * 86_400 + window.1)
                if end > start { raw.append((Double(start), Double(end))) }
            }
        }
        var merged: [Interval] = []
        for interval in raw.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1].end = max(last.end, interval.end)
            } else {
                merged.append(interval)
            }
        }
        var open: [Interval] = []
        for interval in merged {
            var pieces = [interval]
            for closure in closures {
                pieces = pieces.flatMap { piece -> [Interval] in
                    guard closure.start < piece.end, closure.end > piece.start else { return [piece] }
                    var kept: [Interval] = []
                    if closure.start > piece.start { kept.append((piece.start, closure.start)) }
                    if closure.end < piece.end { kept.append((closure.end, piece.end)) }
                    return kept
                }
            }
            open += pieces
        }
        intervals = open
        trusted = Double(days.lowerBound + 3) * 86_400..<Double(days.upperBound - 2) * 86_400
    }

    func businessTime(_ from: Double, _ to: Double) -> Double {
        intervals.reduce(0) { $0 + max(0, min($1.end, to) - max($1.start, from)) }
    }

    func isOpen(_ instant: Double) -> Bool {
        intervals.contains { $0.start <= instant && instant < $0.end }
    }

    /// The earliest `u ≥ t` with `businessTime(t, u) == d`, or `nil` past the expanded days.
    func adding(_ duration: Double, to instant: Double) -> Double? {
        if duration == 0 { return instant }
        var left = duration
        for interval in intervals where interval.end > instant {
            let start = max(interval.start, instant)
            if left <= interval.end - start { return start + left }
            left -= interval.end - start
        }
        return nil
    }

    /// The latest `u ≤ t` with `businessTime(u, t) == d`, or `nil` before the expanded days.
    func subtracting(_ duration: Double, from instant: Double) -> Double? {
        if duration == 0 { return instant }
        var left = duration
        for interval in intervals.reversed() where interval.start < instant {
            let end = min(interval.end, instant)
            if left <= end - interval.start { return end - left }
            left -= end - interval.start
        }
        return nil
    }

    func nextOpening(_ instant: Double) -> Double? {
        if isOpen(instant) { return instant }
        return intervals.first { $0.start > instant }?.start
    }

    func nextClosing(_ instant: Double) -> Double? {
        intervals.first { $0.start <= instant && instant < $0.end }?.end ?? instant
    }
}
