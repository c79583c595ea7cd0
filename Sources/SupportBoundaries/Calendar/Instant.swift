import Foundation

/// Instants as integer nanoseconds since 1970 UTC, the unit of the fast path.
///
/// Whole-second instants convert both ways exactly.
enum Instant {
    static let perSecond: Int64 = 1_000_000_000
    /// 1950-01-01T00:00:00Z.
    static let minimumSeconds: Int64 = -631_152_000
    /// 2200-01-01T00:00:00Z.
    static let maximumSeconds: Int64 = 7_258_118_400
    static let minimum = minimumSeconds * perSecond
    static let maximum = maximumSeconds * perSecond
    /// The local dates configuration may name: 1950-01-01 through 2199-12-31.
    static let supportedDays: ClosedRange<Int64> = -7305...84_005

    /// The instant of a date, clamped to the supported range.
    static func nanoseconds(_ date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970
        guard seconds > Double(minimumSeconds) else { return minimum }
        guard seconds < Double(maximumSeconds) else { return maximum }
        let whole = seconds.rounded(.down)
        return Int64(whole) * perSecond + Int64(((seconds - whole) * 1e9).rounded())
    }

    /// The date of an instant.
    static func date(_ nanoseconds: Int64) -> Date {
        let whole = nanoseconds / perSecond
        let fraction = nanoseconds - whole * perSecond
        if fraction == 0 { return Date(timeIntervalSince1970: Double(whole)) }
        return Date(timeIntervalSince1970: Double(whole) + Double(fraction) / 1e9)
    }

    /// A duration in seconds as nanoseconds, or `nil` when not finite or too long for the supported range.
    static func duration(_ seconds: TimeInterval) -> Int64? {
        guard seconds.isFinite, abs(seconds) <= Double(maximumSeconds - minimumSeconds) else { return nil }
        let whole = seconds.rounded(.towardZero)
        return Int64(whole) * perSecond + Int64(((seconds - whole) * 1e9).rounded())
    }

    /// A duration in nanoseconds as seconds.
    static func seconds(_ nanoseconds: Int64) -> TimeInterval {
        let whole = nanoseconds / perSecond
        let fraction = nanoseconds - whole * perSecond
        if fraction == 0 { return Double(whole) }
        return Double(whole) + Double(fraction) / 1e9
    }
}
