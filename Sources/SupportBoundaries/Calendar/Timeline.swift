/// The compiled open time of a calendar, answering every question in logarithmic time.
///
/// The supported range (1950 to 2200) is cut into regions. Around each point where the weekly pattern
/// does not hold (a holiday, a special day, a closure, a time-zone transition) an *explicit* region lists
/// its open intervals, computed once from the local-day rules. Between them, *regular* regions repeat the
/// weekly template at one UTC offset, so whole weeks are counted arithmetically. `cumulative(at:)`, the
/// open time from the start of the range to an instant, is monotone; every operation is a lookup in it
/// or its inverse, so the cost does not depend on the durations involved.
struct Timeline: Sendable {
    typealias Span = CalendarRules.Span

    private struct Region: Sendable {
        var start: Int64
        var isRegular: Bool
        /// The UTC offset in nanoseconds (regular regions).
        var offset: Int64
        /// The weekly cumulative at the region's local start (regular regions).
        var base: Int64
        /// The explicit intervals `first..<end` (explicit regions).
        var first: Int
        var end: Int
    }

    static let day: Int64 = CivilTime.secondsPerDay * Instant.perSecond
    static let week: Int64 = CivilTime.secondsPerWeek * Instant.perSecond
    /// Moves day 0 (Thursday 1970-01-01) so that week-local time 0 is a Monday midnight.
    private static let shift: Int64 = 3 * day

    private let starts: [Int64]
    private let regions: [Region]
    /// `cumulative[i]` is the open time before region `i`; the last entry is the total.
    private let cumulative: [Int64]
    private let intervalStart: [Int64]
    private let intervalEnd: [Int64]
    /// The cumulative open time at each interval's start, and at its end.
    private let intervalCumStart: [Int64]
    private let intervalCumEnd: [Int64]
    /// The weekly template: week-local intervals, nanoseconds after Monday 00:00, merged.
    private let templateStart: [Int64]
    private let templateEnd: [Int64]
    private let templateCumStart: [Int64]
    private let templateCumEnd: [Int64]
    private let weekTotal: Int64
    private let fullWeek: Bool
    /// The zone's offsets, for converting between instants and local wall time.
    let zone: ZoneTable

    /// The total open time in the supported range.
    var total: Int64 { cumulative[cumulative.count - 1] }

    init(rules: CalendarRules) {
        let zone = ZoneTable.shared(rules.zone)
        self.zone = zone
        let second = Instant.perSecond
        let daySeconds = CivilTime.secondsPerDay
        let weekSeconds = CivilTime.secondsPerWeek

        var weekSpans: [Span] = []
        for (index, spans) in rules.weekly.enumerated() {
            for span in spans {
                let start = Int64(index) * daySeconds + span.start
                let end = Int64(index) * daySeconds + span.end
                if end <= weekSeconds {
                    weekSpans.append((start * second, end * second))
                } else {
                    weekSpans.append((start * second, weekSeconds * second))
                    weekSpans.append((0, (end - weekSeconds) * second))
                }
            }
        }
        let template = CalendarRules.merged(weekSpans)
        templateStart = template.map(\.start)
        templateEnd = template.map(\.end)
        var running: Int64 = 0
        var cumStart: [Int64] = []
        var cumEnd: [Int64] = []
        for span in template {
            cumStart.append(running)
            running += span.end - span.start
            cumEnd.append(running)
        }
        templateCumStart = cumStart
        templateCumEnd = cumEnd
        weekTotal = running
        fullWeek = running == Self.week

        var irregular: [Span] = []
        for holiday in rules.holidays {
            irregular.append(((holiday.start - 1) * Self.day, (holiday.end + 2) * Self.day))
        }
        for special in rules.specialDays.keys {
            irregular.append(((special - 1) * Self.day, (special + 3) * Self.day))
        }
        // Around a time-zone transition, only windows that could hold it, or have an end resolved
        // differently because of it, need explicit intervals; see `transitionReach(_:_:_:)`.
        let longest = Self.longestWindow(rules)
        let days = Self.dayReach(rules, zone)
        for (index, transition) in zone.transitions.enumerated() {
            let reach = Self.transitionReach(longest, zone.offsets[index], zone.offsets[index + 1])
            irregular.append(((transition - reach) * second, (transition + reach) * second))
        }
        irregular += rules.closures
        let clamped = irregular.map { (max($0.start, Instant.minimum), min($0.end, Instant.maximum)) }
        let explicitSpans = CalendarRules.merged(clamped)

        var regions: [Region] = []
        var intervals: [Span] = []
        var cursor = Instant.minimum
        func addRegular(_ start: Int64, _ end: Int64) {
            guard end > start else { return }
            let middle = (start / second + end / second) / 2
            let offset = zone.offset(at: middle) * second
            regions.append(Region(start: start, isRegular: true, offset: offset, base: 0, first: 0, end: 0))
        }
        var scratch: [Span] = []
        for span in explicitSpans {
            addRegular(cursor, span.start)
            let first = intervals.count
            Self.bruteForce(
                rules: rules,
                zone: zone,
                from: span.start,
                to: span.end,
                days: days,
                into: &intervals,
                scratch: &scratch
            )
            regions.append(
                Region(start: span.start, isRegular: false, offset: 0, base: 0, first: first, end: intervals.count)
            )
            cursor = span.end
        }
        addRegular(cursor, Instant.maximum)

        intervalStart = intervals.map(\.start)
        intervalEnd = intervals.map(\.end)
        starts = regions.map(\.start)
        var cumulative: [Int64] = [0]
        var intervalCumStart: [Int64] = []
        var intervalCumEnd: [Int64] = []
        for index in regions.indices {
            let end = index + 1 < regions.count ? regions[index + 1].start : Instant.maximum
            var region = regions[index]
            var sum = cumulative[index]
            if region.isRegular {
                region.base = Self.weekly(
                    region.start + region.offset,
                    templateStart,
                    templateEnd,
                    templateCumStart,
                    weekTotal
                )
                let atEnd = Self.weekly(end + region.offset, templateStart, templateEnd, templateCumStart, weekTotal)
                sum += atEnd - region.base
                regions[index] = region
            } else {
                for interval in intervals[region.first..<region.end] {
                    intervalCumStart.append(sum)
                    sum += interval.end - interval.start
                    intervalCumEnd.append(sum)
                }
            }
            cumulative.append(sum)
        }
        self.regions = regions
        self.cumulative = cumulative
        self.intervalCumStart = intervalCumStart
        self.intervalCumEnd = intervalCumEnd
    }

    /// The longest window of the rules, in seconds (a day for an always-open calendar).
    private static func longestWindow(_ rules: CalendarRules) -> Int64 {
        var longest: Int64 = 0
        for spans in rules.weekly {
            for span in spans { longest = max(longest, span.end - span.start) }
        }
        for spans in rules.specialDays.values {
            for span in spans { longest = max(longest, span.end - span.start) }
        }
        return longest
    }

    /// How far before an instant (`before`) and after it (`after`), in seconds of local day numbers
    /// read as UTC, the local days whose windows can meet it lie: a window of day `D` ends at most at
    /// `D + latestEnd - minOffset` and starts at least at `D - maxOffset` in real time.
    private static func dayReach(_ rules: CalendarRules, _ zone: ZoneTable) -> (before: Int64, after: Int64) {
        var latestEnd: Int64 = 0
        for spans in rules.weekly {
            for span in spans { latestEnd = max(latestEnd, span.end) }
        }
        for spans in rules.specialDays.values {
            for span in spans { latestEnd = max(latestEnd, span.end) }
        }
        let margin: Int64 = 3600
        return (latestEnd - zone.offsets.min()! + margin, zone.offsets.max()! + margin)
    }

    /// How far, in seconds on either side of a transition at `T` from offset `old` to `new`, the
    /// explicit intervals must reach so that the regular regions on both sides are exact.
    ///
    /// With `L` the longest window, `Δ = |old - new|`, the threshold `H = T + max(old, new)` (local
    /// times below it resolve with `old`, see ``ZoneTable/thresholds``) and `r = L + Δ + 1 h`:
    /// - A window starting (in real time, or where the weekly template puts it at `old`) before
    ///   `T - r` has its local start below `T - r + old`: its local end, at most `L` later, is below
    ///   `T - Δ - 1 h + old < H`, so both ends resolve with `old`, as the region before assumes. (A
    ///   local start at or above `H` resolves to `T` or later.)
    /// - A window ending after `T + r` at `new` starts, locally, after `T + Δ + 1 h + new >= H`, so
    ///   both ends resolve with `new`, as the region after assumes; and a window starting locally below
    ///   `H` ends in real time before `H + L - min(old, new) = T + Δ + L`, so it cannot reach that region.
    ///
    /// Windows last less than a day, so `r` is a little over a day at most, and usually a few hours.
    private static func transitionReach(_ longest: Int64, _ old: Int64, _ new: Int64) -> Int64 {
        longest + abs(old - new) + 3600
    }

    /// Appends the open intervals in `[from, to)`, from the local-day rules, closures removed, to `output`.
    ///
    /// A compile runs this for every explicit region (a few hundred in a zone with daylight saving time),
    /// so it allocates nothing once `scratch` has grown, and resolves local times from a moving index
    /// into the zone's thresholds instead of a binary search per window.
    private static func bruteForce(
        rules: CalendarRules,
        zone: ZoneTable,
        from: Int64,
        to: Int64,
        days: (before: Int64, after: Int64),
        into output: inout [Span],
        scratch found: inout [Span]
    ) {
        let second = Instant.perSecond
        let daySeconds = CivilTime.secondsPerDay
        let firstDay = CivilTime.floorDiv(CivilTime.floorDiv(from, second) - days.before, daySeconds)
        let lastDay = CivilTime.floorDiv(CivilTime.floorDiv(to, second) + days.after, daySeconds)
        let thresholds = zone.thresholds
        let offsets = zone.offsets
        // `hint` is the number of thresholds not above the last local time resolved; local times
        // move little from one window to the next, so it moves a step or two at most.
        var hint = ZoneTable.countNotAbove(thresholds, firstDay * daySeconds)
        func resolve(_ local: Int64) -> Int64 {
            while hint < thresholds.count && thresholds[hint] <= local { hint += 1 }
            while hint > 0 && thresholds[hint - 1] > local { hint -= 1 }
            return local - offsets[hint]
        }
        found.removeAll(keepingCapacity: true)
        var ascending = true
        for localDay in firstDay...lastDay {
            for window in rules.windows(onDay: localDay) {
                let start = max(resolve(localDay * daySeconds + window.start) * second, from)
                let end = min(resolve(localDay * daySeconds + window.end) * second, to)
                guard end > start else { continue }
                if let last = found.last, start < last.start { ascending = false }
                found.append((start, end))
            }
        }
        if !ascending { found.sort { $0.start < $1.start } }
        // Merges overlapping and touching spans in place, as `CalendarRules.merged` does.
        var merged = 0
        for index in found.indices {
            let span = found[index]
            if merged > 0 && span.start <= found[merged - 1].end {
                found[merged - 1].end = max(found[merged - 1].end, span.end)
            } else {
                found[merged] = span
                merged += 1
            }
        }
        var closureIndex = 0
        let closures = rules.closures
        for index in 0..<merged {
            var span = found[index]
            while closureIndex < closures.count && closures[closureIndex].end <= span.start { closureIndex += 1 }
            var next = closureIndex
            while next < closures.count && closures[next].start < span.end {
                let closure = closures[next]
                if closure.start > span.start { output.append((span.start, closure.start)) }
                span.start = max(span.start, closure.end)
                next += 1
            }
            if span.end > span.start { output.append(span) }
        }
    }

    // MARK: - Weekly template

    /// The template's cumulative open time from the week-local origin to a local instant.
    private static func weekly(
        _ local: Int64,
        _ starts: [Int64],
        _ ends: [Int64],
        _ cumStarts: [Int64],
        _ total: Int64
    ) -> Int64 {
        let shifted = local + shift
        let weeks = CivilTime.floorDiv(shifted, week)
        let remainder = shifted - weeks * week
        let index = upperBound(starts, remainder, 0, starts.count) - 1
        let within = index < 0 ? 0 : cumStarts[index] + min(remainder, ends[index]) - starts[index]
        return weeks * total + within
    }

    private func weekly(_ local: Int64) -> Int64 {
        Self.weekly(local, templateStart, templateEnd, templateCumStart, weekTotal)
    }

    // MARK: - Queries

    private func regionIndex(_ instant: Int64) -> Int {
        Self.upperBound(starts, instant, 0, starts.count) - 1
    }

    private func regionEnd(_ index: Int) -> Int64 {
        index + 1 < starts.count ? starts[index + 1] : Instant.maximum
    }

    /// The open time from the start of the supported range to an instant (clamped into the range).
    func cumulative(at instant: Int64) -> Int64 {
        let index = regionIndex(instant)
        let region = regions[index]
        if region.isRegular { return cumulative[index] + weekly(instant + region.offset) - region.base }
        let interval = Self.upperBound(intervalStart, instant, region.first, region.end) - 1
        guard interval >= region.first else { return cumulative[index] }
        return intervalCumStart[interval] + min(instant, intervalEnd[interval]) - intervalStart[interval]
    }

    /// The earliest instant whose cumulative open time is `target`, or `nil` past the range.
    func earliest(reaching target: Int64) -> Int64? {
        let index = Self.lowerBound(cumulative, target, 1, cumulative.count) - 1
        guard index < regions.count else { return nil }
        let region = regions[index]
        if region.isRegular {
            let local = target - cumulative[index] + region.base
            let weeks = CivilTime.floorDiv(local - 1, weekTotal)
            let remainder = local - weeks * weekTotal
            let slot = Self.lowerBound(templateCumEnd, remainder, 0, templateCumEnd.count)
            let position = templateStart[slot] + remainder - templateCumStart[slot]
            return weeks * Self.week + position - Self.shift - region.offset
        }
        let slot = Self.lowerBound(intervalCumEnd, target, region.first, region.end)
        return intervalStart[slot] + target - intervalCumStart[slot]
    }

    /// The latest instant whose cumulative open time is `target`, or `nil` past the range.
    func latest(reaching target: Int64) -> Int64? {
        let index = Self.upperBound(cumulative, target, 1, cumulative.count) - 1
        guard index < regions.count else { return nil }
        let region = regions[index]
        if region.isRegular {
            let local = target - cumulative[index] + region.base
            let weeks = CivilTime.floorDiv(local, weekTotal)
            let remainder = local - weeks * weekTotal
            let slot = Self.upperBound(templateCumEnd, remainder, 0, templateCumEnd.count)
            let position = templateStart[slot] + remainder - templateCumStart[slot]
            return weeks * Self.week + position - Self.shift - region.offset
        }
        let slot = Self.upperBound(intervalCumEnd, target, region.first, region.end)
        return intervalStart[slot] + target - intervalCumStart[slot]
    }

    /// Whether an instant is inside an open interval.
    func isOpen(_ instant: Int64) -> Bool {
        let index = regionIndex(instant)
        let region = regions[index]
        if region.isRegular {
            let remainder = CivilTime.floorMod(instant + region.offset + Self.shift, Self.week)
            let slot = Self.upperBound(templateStart, remainder, 0, templateStart.count) - 1
            return slot >= 0 && remainder < templateEnd[slot]
        }
        let slot = Self.upperBound(intervalStart, instant, region.first, region.end) - 1
        return slot >= region.first && instant < intervalEnd[slot]
    }

    /// The first closed instant at or after `instant`, or `nil` when open through the end of the range.
    func nextClosed(from instant: Int64) -> Int64? {
        var cursor = instant
        while cursor < Instant.maximum {
            guard isOpen(cursor) else { return cursor }
            let index = regionIndex(cursor)
            let end = regionEnd(index)
            let runEnd = openRunEnd(cursor, regions[index])
            if runEnd < end { return runEnd }
            cursor = end
        }
        return nil
    }

    /// Where the open interval holding `instant` ends, by the region's own pattern (may pass the region).
    private func openRunEnd(_ instant: Int64, _ region: Region) -> Int64 {
        if region.isRegular {
            if fullWeek { return Int64.max }
            let shifted = instant + region.offset + Self.shift
            let weeks = CivilTime.floorDiv(shifted, Self.week)
            let slot = Self.upperBound(templateStart, shifted - weeks * Self.week, 0, templateStart.count) - 1
            var end = templateEnd[slot]
            if end == Self.week && templateStart[0] == 0 { end = Self.week + templateEnd[0] }
            return weeks * Self.week + end - Self.shift - region.offset
        }
        return intervalEnd[Self.upperBound(intervalStart, instant, region.first, region.end) - 1]
    }

    // MARK: - Search

    /// The first index in `low..<high` whose element is greater than `value`.
    @inline(__always)
    static func upperBound(_ array: [Int64], _ value: Int64, _ low: Int, _ high: Int) -> Int {
        array.withUnsafeBufferPointer { buffer in
            var low = low
            var high = high
            while low < high {
                let middle = (low + high) >> 1
                if buffer[middle] <= value { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// The first index in `low..<high` whose element is not less than `value`.
    @inline(__always)
    static func lowerBound(_ array: [Int64], _ value: Int64, _ low: Int, _ high: Int) -> Int {
        array.withUnsafeBufferPointer { buffer in
            var low = low
            var high = high
            while low < high {
                let middle = (low + high) >> 1
                if buffer[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}
