import Foundation

/// A business calendar: when a support line is open, and exact business-time arithmetic on it.
///
/// A calendar has an IANA time zone and weekly windows in local wall time (several a day, overnight
/// windows, `24:00` as an end), holidays, special days and closures (see ``Configuration``). Windows
/// are half-open; a local time that does not exist (spring forward) moves forward by the gap, an
/// ambiguous one (fall back) takes its first occurrence, and a window is as long as the real time it
/// spans.
///
/// ```swift
/// let calendar = try BusinessCalendar(.init(
///     timeZone: "Europe/Moscow",
///     windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
/// ))
/// let due = try calendar.adding(9 * 3600, to: mondayNine)   // Monday 18:00, not Tuesday 09:00
/// ```
///
/// Creating a calendar validates the configuration and precomputes the zone's transitions and the
/// open intervals around every irregular day; after that, ``adding(_:to:)``, ``subtracting(_:from:)``,
/// ``businessTime(from:to:)``, ``isOpen(at:)`` and ``nextOpening(after:)`` take time logarithmic in
/// the number of irregular days, whatever the durations. Instants are supported from 1950 to 2200
/// (time-zone rules from 1970 through 2099; outside, the offset at the nearer edge applies); instants
/// outside that range are clamped to it.
///
/// A calendar encodes as its ``configuration`` and validates when decoded.
public struct BusinessCalendar: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The configuration the calendar was made from.
    public let configuration: Configuration
    /// The calendar's time zone.
    public let timeZone: TimeZone
    let timeline: Timeline

    /// Creates a calendar from a configuration, validating it.
    ///
    /// - Parameter configuration: The configuration.
    /// - Throws: ``BoundariesError`` naming the path of the first invalid value (under `calendar`).
    public init(_ configuration: Configuration) throws {
        try self.init(configuration, path: "calendar")
    }

    /// Creates a calendar from a configuration, naming errors under a given path.
    ///
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - path: The configuration path of the calendar, such as `channels[2].hours`.
    /// - Throws: ``BoundariesError`` naming the path of the first invalid value.
    public init(_ configuration: Configuration, path: String) throws {
        let rules = try CalendarRules(validating: configuration, path: path)
        self.configuration = configuration
        self.timeZone = rules.zone
        self.timeline = Timeline(rules: rules)
    }

    /// A calendar open around the clock in a time zone (still honouring time-zone transitions).
    ///
    /// - Parameter timeZone: The IANA time zone identifier.
    /// - Returns: The calendar.
    /// - Throws: ``BoundariesError`` with ``BoundariesError/Code/unknownTimeZone``.
    public static func alwaysOpen(timeZone: String) throws -> BusinessCalendar {
        try BusinessCalendar(Configuration(timeZone: timeZone, alwaysOpen: true))
    }

    /// Decodes a configuration and validates it, naming errors by the decoder's coding path.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for malformed JSON, ``BoundariesError`` for invalid values.
    public init(from decoder: any Decoder) throws {
        let path = ConfigurationPath.render(decoder.codingPath)
        try self.init(Configuration(from: decoder), path: path.isEmpty ? "calendar" : path)
    }

    /// Decodes a calendar from JSON, reporting every problem as a ``BoundariesError`` with its path.
    ///
    /// Malformed JSON, a missing key or a value of the wrong type becomes
    /// ``BoundariesError/Code/invalidConfiguration`` with the path of the value (under `calendar`);
    /// invalid values keep their own codes.
    ///
    /// - Parameter data: The JSON, in the format of ``Configuration``.
    /// - Returns: The validated calendar.
    /// - Throws: ``BoundariesError``.
    public static func decode(json data: Data) throws -> BusinessCalendar {
        do {
            return try ConfigurationPath.decode(BusinessCalendar.self, from: data)
        } catch let error as BoundariesError where error.code == .invalidConfiguration {
            let path = error.path.map { $0.isEmpty ? "calendar" : "calendar.\($0)" }
            throw BoundariesError(error.code, path: path, error.message)
        }
    }

    /// Encodes the calendar as its configuration.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try configuration.encode(to: encoder)
    }

    /// Compares calendars by configuration.
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.configuration == rhs.configuration
    }

    /// Hashes the configuration.
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(configuration)
    }

    /// A short summary: the time zone and how many windows, holidays, special days and closures.
    public var description: String {
        let c = configuration
        let hours = c.alwaysOpen ? "always open" : "\(c.windows.count) windows"
        return "BusinessCalendar(\(c.timeZone), \(hours), \(c.holidays.count) holidays, "
            + "\(c.specialDays.count) special days, \(c.closures.count) closures)"
    }

    /// The first instant the calendar supports, 1950-01-01T00:00:00Z.
    public static let earliestSupported = Instant.date(Instant.minimum)
    /// The end of the instants the calendar supports, 2200-01-01T00:00:00Z.
    public static let latestSupported = Instant.date(Instant.maximum)

    // MARK: - Questions

    /// Whether the calendar is open at an instant.
    ///
    /// Windows are half-open: open at a window's start, closed at its end.
    ///
    /// - Parameter date: The instant.
    /// - Returns: `true` inside an open window not cancelled by a holiday or a closure.
    public func isOpen(at date: Date) -> Bool {
        timeline.isOpen(Instant.nanoseconds(date))
    }

    /// The real open time in `[from, to)`.
    ///
    /// - Parameters:
    ///   - from: The start, included.
    ///   - to: The end, excluded.
    /// - Returns: The open seconds between the instants, `0` when `to` is not after `from`.
    public func businessTime(from: Date, to: Date) -> TimeInterval {
        let start = Instant.nanoseconds(from)
        let end = Instant.nanoseconds(to)
        guard end > start else { return 0 }
        return Instant.seconds(timeline.cumulative(at: end) - timeline.cumulative(at: start))
    }

    /// The earliest instant `u ≥ date` with `businessTime(from: date, to: u) == duration`.
    ///
    /// On a 09:00–18:00 day, Monday 09:00 plus 9 hours is Monday 18:00, not Tuesday 09:00; plus 0 is the
    /// instant itself, open or not. A negative duration subtracts (``subtracting(_:from:)``).
    ///
    /// - Parameters:
    ///   - duration: The business time to add, in seconds.
    ///   - date: The instant to start from.
    /// - Returns: The deadline.
    /// - Throws: ``BoundariesError`` with ``BoundariesError/Code/noOpenTime`` when the calendar has no open
    ///   time after `date`, ``BoundariesError/Code/beyondHorizon`` when the deadline is past
    ///   ``latestSupported``, ``BoundariesError/Code/invalidDuration`` for a non-finite duration.
    public func adding(_ duration: TimeInterval, to date: Date) throws -> Date {
        let amount = try Self.nanoseconds(duration)
        if amount < 0 { return try subtracting(-duration, from: date) }
        let start = Instant.nanoseconds(date)
        if amount == 0 { return date }
        let (target, overflow) = timeline.cumulative(at: start).addingReportingOverflow(amount)
        guard !overflow, let result = timeline.earliest(reaching: target) else {
            throw horizonError(after: start, duration: duration)
        }
        return Instant.date(result)
    }

    /// The latest instant `u ≤ date` with `businessTime(from: u, to: date) == duration`.
    ///
    /// On a 09:00–18:00 day, Monday 18:00 minus 9 hours is Monday 09:00. A negative duration adds.
    ///
    /// - Parameters:
    ///   - duration: The business time to go back, in seconds.
    ///   - date: The instant to go back from.
    /// - Returns: The instant.
    /// - Throws: ``BoundariesError`` with ``BoundariesError/Code/beyondHorizon`` when the answer is
    ///   before ``earliestSupported``, ``BoundariesError/Code/invalidDuration`` for a non-finite duration.
    public func subtracting(_ duration: TimeInterval, from date: Date) throws -> Date {
        let amount = try Self.nanoseconds(duration)
        if amount < 0 { return try adding(-duration, to: date) }
        if amount == 0 { return date }
        let target = timeline.cumulative(at: Instant.nanoseconds(date)) - amount
        guard target >= 0, let result = timeline.latest(reaching: target) else {
            throw BoundariesError(
                .beyondHorizon,
                "there is less than \(duration) s of business time before \(ISO8601Instant.format(date)) "
                    + "since \(ISO8601Instant.format(Self.earliestSupported))"
            )
        }
        return Instant.date(result)
    }

    /// The first instant at or after `date` at which the calendar is open: `date` itself when open.
    ///
    /// - Parameter date: The instant.
    /// - Returns: The start of the next open time, or `date` when open at `date`.
    /// - Throws: ``BoundariesError`` with ``BoundariesError/Code/noOpenTime`` when the calendar never
    ///   opens again before ``latestSupported``.
    public func nextOpening(after date: Date) throws -> Date {
        let start = Instant.nanoseconds(date)
        if timeline.isOpen(start) { return date }
        let reached = timeline.cumulative(at: start)
        guard reached < timeline.total, let result = timeline.latest(reaching: reached) else {
            throw horizonError(after: start, duration: nil)
        }
        return Instant.date(result)
    }

    /// The first instant at or after `date` at which the calendar is closed: `date` itself when closed.
    ///
    /// - Parameter date: The instant.
    /// - Returns: The end of the current open time, `date` when closed, or `nil` when the calendar stays
    ///   open until ``latestSupported`` (an always-open calendar without closures).
    public func nextClosing(after date: Date) -> Date? {
        let start = Instant.nanoseconds(date)
        if !timeline.isOpen(start) { return date }
        return timeline.nextClosed(from: start).map(Instant.date)
    }

    /// The open intervals inside `[from, to)`, clipped to it, in order.
    ///
    /// - Parameters:
    ///   - from: The start of the range.
    ///   - to: The end of the range.
    /// - Returns: The open intervals; empty when `to` is not after `from`.
    public func openIntervals(from: Date, to: Date) -> [DateInterval] {
        var cursor = Instant.nanoseconds(from)
        let end = Instant.nanoseconds(to)
        var result: [DateInterval] = []
        while cursor < end {
            var opening = cursor
            if !timeline.isOpen(cursor) {
                let reached = timeline.cumulative(at: cursor)
                guard reached < timeline.total, let next = timeline.latest(reaching: reached) else { break }
                opening = next
            }
            guard opening < end else { break }
            let closing = min(timeline.nextClosed(from: opening) ?? end, end)
            result.append(DateInterval(start: Instant.date(opening), end: Instant.date(closing)))
            cursor = closing
        }
        return result
    }

    private static func nanoseconds(_ duration: TimeInterval) throws -> Int64 {
        guard let amount = Instant.duration(duration) else {
            throw BoundariesError(
                .invalidDuration,
                "\(duration) s is not a usable duration: pass a finite number of seconds shorter than 250 years"
            )
        }
        return amount
    }

    private func horizonError(after start: Int64, duration: TimeInterval?) -> BoundariesError {
        let from = ISO8601Instant.format(Instant.date(start))
        if timeline.cumulative(at: start) >= timeline.total {
            return BoundariesError(
                .noOpenTime,
                "the calendar has no open time after \(from) before \(ISO8601Instant.format(Self.latestSupported)): "
                    + "check its windows, holidays and closures"
            )
        }
        return BoundariesError(
            .beyondHorizon,
            "\(from) plus \(duration ?? 0) s of business time is after "
                + "\(ISO8601Instant.format(Self.latestSupported)), the last instant the calendar supports"
        )
    }
}

/// Renders coding paths as configuration paths such as `channels[2].hours.windows[0]`.
enum ConfigurationPath {
    static func render(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
