/// Integer date and time-of-day arithmetic, without `Calendar` or `DateComponents`.
///
/// Days are counted from 1970-01-01 (day 0, a Thursday) in the proleptic Gregorian calendar.
enum CivilTime {
    static let secondsPerDay: Int64 = 86_400
    static let secondsPerWeek: Int64 = 604_800

    /// The day number of a civil date.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number.
    static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The weekday index (`0` Monday … `6` Sunday) of a day number.
    static func weekdayIndex(days: Int64) -> Int {
        Int(floorMod(days + 3, 7))
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        let r = a % b
        return r != 0 && (r < 0) != (b < 0) ? r + b : r
    }

    /// Parses `yyyy-MM-dd` into a day number, or `nil`.
    static func parseDate(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return nil }
        guard let year = digits(bytes[0..<4]), let month = digits(bytes[5..<7]), let day = digits(bytes[8..<10])
        else { return nil }
        guard (1...12).contains(month), day >= 1 else { return nil }
        let number = days(year: year, month: month, day: day)
        let back = civil(days: number)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return number
    }

    /// Formats a day number as `yyyy-MM-dd`.
    static func formatDate(_ days: Int64) -> String {
        let date = civil(days: days)
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    }

    /// Parses `HH:mm` or `HH:mm:ss` into seconds after midnight (`0...86_400`), or `nil`.
    static func parseTime(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5 || bytes.count == 8, bytes[2] == 58 else { return nil }
        guard let hours = digits(bytes[0..<2]), let minutes = digits(bytes[3..<5]) else { return nil }
        var seconds: Int64 = 0
        if bytes.count == 8 {
            guard bytes[5] == 58, let parsed = digits(bytes[6..<8]) else { return nil }
            seconds = parsed
        }
        guard minutes < 60, seconds < 60 else { return nil }
        let total = hours * 3600 + minutes * 60 + seconds
        return total <= secondsPerDay ? total : nil
    }

    /// Formats seconds after midnight as `HH:mm` (with `:ss` when needed).
    static func formatTime(_ seconds: Int64) -> String {
        let text = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2))"
        return seconds % 60 == 0 ? text : "\(text):\(pad(seconds % 60, 2))"
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        return value
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
