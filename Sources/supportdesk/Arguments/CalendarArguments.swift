import Foundation
import SupportEngine
import SupportSimulation

/// The options of `supportdesk calendar`: one question about business time on a club's hours, and its answer.
struct CalendarArguments: Sendable, Hashable {
    /// What to compute.
    enum Question: Sendable, Hashable {
        /// The instant a duration of business time after a start.
        case add(from: Date, seconds: TimeInterval)
        /// The business time between two instants.
        case between(Date, Date)
        /// Whether the line is open at an instant, and the next opening or closing.
        case openAt(Date)
    }

    /// `--config`: the club file; `nil` for the built-in club.
    var config: String?
    /// The question.
    var question: Question

    /// Parses `calendar`'s arguments. Instants without a zone are read in the club's time zone, so the
    /// club is loaded first.
    ///
    /// - Parameter arguments: The arguments after `calendar`.
    /// - Returns: The options.
    /// - Throws: ``UsageError`` naming the argument; `ClubConfigurationError` naming the configuration path.
    static func parse(_ arguments: [String]) throws -> CalendarArguments {
        var config: String?
        var from: String?
        var add: String?
        var between: (String, String)?
        var openAt: String?
        var reader = ArgumentReader(arguments, command: "calendar")
        while let flag = reader.nextFlag() {
            switch flag {
            case "--config": config = try reader.value(flag)
            case "--from": from = try reader.value(flag)
            case "--add": add = try reader.value(flag)
            case "--between": between = (try reader.value(flag), try reader.value(flag))
            case "--open-at": openAt = try reader.value(flag)
            default: throw reader.unknown(flag)
            }
        }
        let timeZone =
            try config.map { try ClubConfiguration.load(path: $0).hours.timeZone }
            ?? ClubConfiguration.defaultClub().hours.timeZone
        let asked = [from != nil || add != nil, between != nil, openAt != nil].count { $0 }
        guard asked == 1 else {
            throw UsageError(
                command: "calendar",
                argument: asked == 0 ? "calendar" : "--between",
                "ask one question: --from ISO8601 --add 24h, --between A B, or --open-at ISO8601"
            )
        }
        let question: Question
        if let between {
            question = .between(
                try parseInstant(between.0, flag: "--between", in: timeZone),
                try parseInstant(between.1, flag: "--between", in: timeZone)
            )
        } else if let openAt {
            question = .openAt(try parseInstant(openAt, flag: "--open-at", in: timeZone))
        } else {
            guard let from else { throw UsageError(command: "calendar", argument: "--from", "--add needs --from") }
            guard let add else { throw UsageError(command: "calendar", argument: "--add", "--from needs --add") }
            question = .add(
                from: try parseInstant(from, flag: "--from", in: timeZone),
                seconds: try parseDuration(add, flag: "--add")
            )
        }
        return CalendarArguments(config: config, question: question)
    }

    /// Reads an ISO 8601 instant: `2026-01-05T10:00:00Z`, `2026-01-05T10:00+03:00`, or a local
    /// `2026-01-05T10:00` / `2026-01-05 10:00` in `timeZone`.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - flag: The argument, for the error.
    ///   - timeZone: The zone of an instant written without one.
    /// - Returns: The instant.
    /// - Throws: ``UsageError`` naming `flag`.
    static func parseInstant(_ text: String, flag: String, in timeZone: TimeZone) throws(UsageError) -> Date {
        let withZone = ISO8601DateFormatter()
        withZone.formatOptions = [.withInternetDateTime]
        if let date = withZone.date(from: text) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        for format in [
            "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        ] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        throw UsageError(
            command: "calendar",
            argument: flag,
            "'\(text)' is not an ISO 8601 instant: write 2026-01-05T10:00:00Z, 2026-01-05T10:00+01:00 or "
                + "2026-01-05T10:00 (the club's time zone)"
        )
    }

    /// Reads a duration: `24h`, `90m`, `2d` (48 hours), `3600s`, `1h30m`, or plain seconds.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - flag: The argument, for the error.
    /// - Returns: Seconds.
    /// - Throws: ``UsageError`` naming `flag`.
    static func parseDuration(_ text: String, flag: String) throws(UsageError) -> TimeInterval {
        let fail = UsageError(
            command: "calendar",
            argument: flag,
            "'\(text)' is not a duration: write 24h, 90m, 2d, 3600s or 1h30m"
        )
        if let seconds = Double(text), seconds >= 0, seconds.isFinite { return seconds }
        var total: TimeInterval = 0
        var number = ""
        var sawUnit = false
        for character in text.lowercased() {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            let unit: TimeInterval
            switch character {
            case "d": unit = 86_400
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default: throw fail
            }
            guard let value = Double(number) else { throw fail }
            total += value * unit
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty, total.isFinite, total < 100 * 365 * 86_400 else { throw fail }
        return total
    }

    /// Answers the question on a calendar.
    ///
    /// - Parameter calendar: The club's hours.
    /// - Returns: The answer, as lines of text in the calendar's time zone.
    /// - Throws: `BoundariesError` when the calendar cannot answer (no open time, beyond its horizon).
    func answer(on calendar: BusinessCalendar) throws -> [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "EEE yyyy-MM-dd HH:mm:ss ZZZZZ"
        func show(_ date: Date) -> String { formatter.string(from: date) }
        switch question {
        case .add(let from, let seconds):
            let end = try calendar.adding(seconds, to: from)
            return [
                "from     \(show(from))",
                "add      \(DurationFormat.hoursAndMinutes(seconds)) of business time",
                "due      \(show(end))",
                "calendar \(DurationFormat.short(end.timeIntervalSince(from))) later",
            ]
        case .between(let start, let end):
            let business = calendar.businessTime(from: min(start, end), to: max(start, end))
            return [
                "from     \(show(min(start, end)))",
                "to       \(show(max(start, end)))",
                "business \(DurationFormat.hoursAndMinutes(business)) (\(Int(business)) s)",
                "calendar \(DurationFormat.short(abs(end.timeIntervalSince(start))))",
            ]
        case .openAt(let instant):
            if calendar.isOpen(at: instant) {
                let closing = calendar.nextClosing(after: instant)
                return ["at       \(show(instant))", "open     yes", "closes   \(closing.map(show) ?? "never")"]
            }
            return [
                "at       \(show(instant))", "open     no",
                "opens    \(show(try calendar.nextOpening(after: instant)))",
            ]
        }
    }
}
