import Foundation

extension BusinessCalendar {
    /// The readable, Codable description of a business calendar.
    ///
    /// A configuration is plain data; ``BusinessCalendar/init(_:)`` validates it and precomputes what the
    /// fast path needs. Times are `"HH:mm"` (or `"HH:mm:ss"`) in local wall time, dates are
    /// `"yyyy-MM-dd"` local dates, closures are absolute instants (ISO 8601 in JSON).
    ///
    /// ```json
    /// {
    ///   "timeZone": "Europe/Moscow",
    ///   "windows": [{ "days": ["monday", "tuesday", "wednesday", "thursday", "friday"],
    ///                 "start": "09:00", "end": "18:00" }],
    ///   "holidays": [{ "date": "2026-01-01", "through": "2026-01-08", "name": "New Year" }],
    ///   "specialDays": [{ "date": "2026-12-30", "windows": [{ "start": "09:00", "end": "14:00" }] }],
    ///   "closures": [{ "from": "2026-07-01T00:00:00Z", "to": "2026-07-15T00:00:00Z" }]
    /// }
    /// ```
    public struct Configuration: Sendable, Hashable, Codable {
        /// The IANA time zone identifier the windows are in, such as `Europe/Berlin`.
        public var timeZone: String
        /// The weekly windows. A window whose end is not after its start runs overnight into the next day.
        public var windows: [Window]
        /// Holidays: local dates (or ranges of dates) on which the weekly windows that start are cancelled.
        public var holidays: [Holiday]
        /// Special days: local dates whose windows replace the weekly ones (a short day, or a closed day).
        public var specialDays: [SpecialDay]
        /// Closures: absolute ranges `[from, to)` removed from business time (an absence, an outage).
        public var closures: [Closure]
        /// Whether every day is open from `00:00` to `24:00`; ``windows`` must then be empty.
        public var alwaysOpen: Bool

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - timeZone: The IANA time zone identifier.
        ///   - windows: The weekly windows.
        ///   - holidays: The holidays.
        ///   - specialDays: The special days.
        ///   - closures: The closures.
        ///   - alwaysOpen: Whether every day is open around the clock.
        public init(
            timeZone: String,
            windows: [Window] = [],
            holidays: [Holiday] = [],
            specialDays: [SpecialDay] = [],
            closures: [Closure] = [],
            alwaysOpen: Bool = false
        ) {
            self.timeZone = timeZone
            self.windows = windows
            self.holidays = holidays
            self.specialDays = specialDays
            self.closures = closures
            self.alwaysOpen = alwaysOpen
        }

        private enum CodingKeys: String, CodingKey {
            case timeZone
            case windows
            case holidays
            case specialDays
            case closures
            case alwaysOpen
        }

        /// Decodes a configuration; every key but `timeZone` may be left out.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: A `DecodingError` when a value has the wrong type or `timeZone` is missing.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            timeZone = try container.decode(String.self, forKey: .timeZone)
            windows = try container.decodeIfPresent([Window].self, forKey: .windows) ?? []
            holidays = try container.decodeIfPresent([Holiday].self, forKey: .holidays) ?? []
            specialDays = try container.decodeIfPresent([SpecialDay].self, forKey: .specialDays) ?? []
            closures = try container.decodeIfPresent([Closure].self, forKey: .closures) ?? []
            alwaysOpen = try container.decodeIfPresent(Bool.self, forKey: .alwaysOpen) ?? false
        }
    }

    /// A weekly window: the days it applies to and its local start and end.
    ///
    /// An end of `"24:00"` closes at midnight. An end that is not after the start (`"22:00"`–`"06:00"`)
    /// runs overnight into the next day and belongs to the day it starts on.
    public struct Window: Sendable, Hashable, Codable {
        /// The days the window opens on.
        public var days: [Weekday]
        /// The local start, `"HH:mm"`.
        public var start: String
        /// The local end, `"HH:mm"`; `"24:00"` allowed.
        public var end: String

        /// Creates a weekly window.
        ///
        /// - Parameters:
        ///   - days: The days the window opens on.
        ///   - start: The local start, `"HH:mm"`.
        ///   - end: The local end, `"HH:mm"`.
        public init(days: [Weekday], start: String, end: String) {
            self.days = days
            self.start = start
            self.end = end
        }
    }

    /// A window of a special day: a local start and end, overnight allowed.
    public struct TimeRange: Sendable, Hashable, Codable {
        /// The local start, `"HH:mm"`.
        public var start: String
        /// The local end, `"HH:mm"`; `"24:00"` allowed.
        public var end: String

        /// Creates a window.
        ///
        /// - Parameters:
        ///   - start: The local start, `"HH:mm"`.
        ///   - end: The local end, `"HH:mm"`.
        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    /// A holiday: one local date, or a range of dates through ``through`` (inclusive).
    ///
    /// A holiday cancels the windows that *start* on it; an overnight window that started the evening
    /// before still runs into the holiday morning.
    public struct Holiday: Sendable, Hashable, Codable {
        /// The first date, `"yyyy-MM-dd"`.
        public var date: String
        /// The last date of a range, inclusive; `nil` for a single day.
        public var through: String?
        /// A name for people, such as `"New Year"`.
        public var name: String?

        /// Creates a holiday.
        ///
        /// - Parameters:
        ///   - date: The first date, `"yyyy-MM-dd"`.
        ///   - through: The last date of a range, inclusive.
        ///   - name: A name for people.
        public init(date: String, through: String? = nil, name: String? = nil) {
            self.date = date
            self.through = through
            self.name = name
        }
    }

    /// A special day: a local date whose windows replace the weekly windows (a pre-holiday short day).
    ///
    /// An empty ``windows`` list closes the day. A special day wins over a holiday on the same date.
    public struct SpecialDay: Sendable, Hashable, Codable {
        /// The date, `"yyyy-MM-dd"`.
        public var date: String
        /// The windows that start on the date.
        public var windows: [TimeRange]
        /// A name for people.
        public var name: String?

        /// Creates a special day.
        ///
        /// - Parameters:
        ///   - date: The date, `"yyyy-MM-dd"`.
        ///   - windows: The windows that start on the date.
        ///   - name: A name for people.
        public init(date: String, windows: [TimeRange], name: String? = nil) {
            self.date = date
            self.windows = windows
            self.name = name
        }
    }

    /// A closure: an absolute range `[from, to)` with no business time, whatever the windows say.
    public struct Closure: Sendable, Hashable, Codable {
        /// The first closed instant.
        public var from: Date
        /// The first instant after the closure.
        public var to: Date
        /// Why, for people (`"owner on leave"`).
        public var reason: String?

        /// Creates a closure.
        ///
        /// - Parameters:
        ///   - from: The first closed instant.
        ///   - to: The first instant after the closure.
        ///   - reason: Why, for people.
        public init(from: Date, to: Date, reason: String? = nil) {
            self.from = from
            self.to = to
            self.reason = reason
        }

        private enum CodingKeys: String, CodingKey {
            case from
            case to
            case reason
        }

        /// Decodes a closure whose instants are ISO 8601 strings such as `2026-07-01T00:00:00Z`.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: A `DecodingError` when an instant is not ISO 8601.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            from = try ISO8601Instant.decode(container, .from)
            to = try ISO8601Instant.decode(container, .to)
            reason = try container.decodeIfPresent(String.self, forKey: .reason)
        }

        /// Encodes the closure with ISO 8601 instants.
        ///
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: Whatever the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ISO8601Instant.format(from), forKey: .from)
            try container.encode(ISO8601Instant.format(to), forKey: .to)
            try container.encodeIfPresent(reason, forKey: .reason)
        }
    }
}

/// Reads and writes instants as ISO 8601 text in configuration.
enum ISO8601Instant {
    static func decode<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key,
                in: container,
                debugDescription: "'\(text)' is not an ISO 8601 instant such as 2026-07-01T00:00:00Z"
            )
        }
        return date
    }

    static func parse(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle().parse(text)
    }

    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
