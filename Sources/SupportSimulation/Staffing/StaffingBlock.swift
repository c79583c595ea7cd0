import Foundation
import SupportEngine

/// A block of hours a staffing schedule gives a number of agents: some days of the week, from a local
/// start to a local end, such as Monday to Friday 09:00–12:00.
///
/// ``blocks(for:length:beyondHours:)`` cuts a club's hours into blocks; with `beyondHours` it adds the
/// same blocks on the days the club is closed, so that the planner can say when weekend cover pays off.
public struct StaffingBlock: Sendable, Hashable {
    /// The days the block applies to, Monday first.
    public var days: [BusinessCalendar.Weekday]
    /// The local start, `"HH:mm"`.
    public var start: String
    /// The local end, `"HH:mm"`; `"24:00"` is midnight; an end not after the start runs overnight.
    public var end: String
    /// Whether the block lies within the club's hours; a block outside them may have no agent at all.
    public var withinHours: Bool

    /// Creates a block.
    ///
    /// - Parameters:
    ///   - days: The days.
    ///   - start: The local start, `"HH:mm"`.
    ///   - end: The local end, `"HH:mm"`.
    ///   - withinHours: Whether the block lies within the club's hours.
    public init(days: [BusinessCalendar.Weekday], start: String, end: String, withinHours: Bool = true) {
        self.days = days.sorted()
        self.start = start
        self.end = end
        self.withinHours = withinHours
    }

    /// The block's start and end in minutes after local midnight; an overnight end is past 1440.
    var minutes: (start: Int, end: Int) {
        let from = Self.minutes(start) ?? 0
        var to = Self.minutes(end) ?? 1440
        if to <= from { to += 1440 }
        return (from, to)
    }

    /// The hours one agent in this block works a week.
    public var hoursPerWeek: Double { Double(days.count * (minutes.end - minutes.start)) / 60 }

    /// `Mon–Fri 09:00–12:00`, with `(closed)` for a block outside the club's hours.
    public var label: String {
        "\(Self.dayLabel(days)) \(start)–\(end)" + (withinHours ? "" : " (closed)")
    }

    /// The block as a window of an agent's shift.
    var window: BusinessCalendar.Window { BusinessCalendar.Window(days: days, start: start, end: end) }

    /// Cuts a club's weekly hours into blocks of at most `length` hours.
    ///
    /// Each window of the hours is cut on its own (an overnight window stays whole); an always-open
    /// calendar is every day from 00:00 to 24:00. With `beyondHours`, the days without any window get
    /// the blocks of the first window as well, marked as outside the hours.
    ///
    /// - Parameters:
    ///   - hours: The club's hours.
    ///   - length: The longest block, in hours, 1 to 24.
    ///   - beyondHours: Whether to add blocks on the days the club is closed.
    /// - Returns: The blocks, the club's hours first.
    public static func blocks(for hours: BusinessCalendar, length: Int, beyondHours: Bool) -> [StaffingBlock] {
        let configuration = hours.configuration
        var windows = configuration.windows
        if configuration.alwaysOpen || windows.isEmpty {
            windows = [.init(days: BusinessCalendar.Weekday.allCases, start: "00:00", end: "24:00")]
        }
        var blocks: [StaffingBlock] = []
        for window in windows { blocks += cut(window, length: length, withinHours: true) }
        let open = Set(windows.flatMap(\.days))
        let closed = BusinessCalendar.Weekday.allCases.filter { !open.contains($0) }
        if beyondHours, !closed.isEmpty, let first = windows.first {
            blocks += cut(.init(days: closed, start: first.start, end: first.end), length: length, withinHours: false)
        }
        return blocks
    }

    private static func cut(_ window: BusinessCalendar.Window, length: Int, withinHours: Bool) -> [StaffingBlock] {
        guard let from = minutes(window.start), let to = minutes(window.end), to > from else {
            return [StaffingBlock(days: window.days, start: window.start, end: window.end, withinHours: withinHours)]
        }
        var blocks: [StaffingBlock] = []
        var start = from
        let step = max(1, min(24, length)) * 60
        while start < to {
            let end = min(to, start + step)
            blocks.append(
                StaffingBlock(days: window.days, start: clock(start), end: clock(end), withinHours: withinHours)
            )
            start = end
        }
        return blocks
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        return hour * 60 + minute
    }

    static func clock(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }

    static func dayLabel(_ days: [BusinessCalendar.Weekday]) -> String {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let indices = days.map(\.index).sorted()
        guard let first = indices.first, let last = indices.last else { return "-" }
        if indices.count == 7 { return "Every day" }
        if indices.count > 1, last - first + 1 == indices.count { return "\(names[first])–\(names[last])" }
        return indices.map { names[$0] }.joined(separator: ",")
    }
}

/// Which block each minute of the week belongs to: an open minute to its block, a minute no block covers
/// to the next block that opens (a ticket written then waits for it).
struct BlockMap {
    private var byMinute: [Int]

    init(_ blocks: [StaffingBlock]) {
        let week = 7 * 1440
        var byMinute = [Int](repeating: -1, count: week)
        for (index, block) in blocks.enumerated() {
            let (from, to) = block.minutes
            for day in block.days {
                for minute in from..<to {
                    let slot = (day.index * 1440 + minute) % week
                    if byMinute[slot] < 0 { byMinute[slot] = index }
                }
            }
        }
        // Going backwards twice round the week, the last open block seen is the next one to open.
        let open = byMinute
        var next: Int?
        for step in stride(from: 2 * week - 1, through: 0, by: -1) {
            let slot = step % week
            if open[slot] >= 0 {
                next = open[slot]
            } else if let next {
                byMinute[slot] = next
            }
        }
        self.byMinute = byMinute
    }

    /// The block of a local minute of the week (Monday 00:00 is 0); `nil` only without any block.
    func block(atMinuteOfWeek minute: Int) -> Int? {
        let value = byMinute[((minute % byMinute.count) + byMinute.count) % byMinute.count]
        return value >= 0 ? value : nil
    }
}
