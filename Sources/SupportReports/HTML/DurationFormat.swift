import Foundation
import SupportBoundaries

/// Short human durations: `45s`, `12m`, `3h 05m`, `2d 4h`.
public enum DurationFormat {
    /// Formats seconds.
    ///
    /// - Parameter seconds: The duration, or `nil`.
    /// - Returns: The text; `—` for `nil`.
    public static func short(_ seconds: TimeInterval?) -> String {
        guard let seconds, seconds.isFinite else { return "—" }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" }
        if total < 86_400 {
            let minutes = (total % 3600) / 60
            return "\(total / 3600)h " + (minutes < 10 ? "0" : "") + "\(minutes)m"
        }
        return "\(total / 86_400)d \((total % 86_400) / 3600)h"
    }

    /// Formats a share as a percentage with one decimal: `97.5%`.
    ///
    /// - Parameter share: 0 to 1, or `nil`.
    /// - Returns: The text; `—` for `nil`.
    public static func percent(_ share: Double?) -> String {
        guard let share else { return "—" }
        return String(format: "%.1f%%", share * 100)
    }
}

extension DurationFormat {
    /// Formats a target: `2h business`, `24h`.
    ///
    /// - Parameter duration: The target, or `nil`.
    /// - Returns: The text; `no target` for `nil`.
    public static func target(_ duration: BusinessDuration?) -> String {
        switch duration {
        case .business(let seconds): "\(hours(seconds)) business"
        case .calendar(let seconds): hours(seconds)
        case nil: "no target"
        }
    }

    /// Hours and minutes however long: `45h 00m`.
    ///
    /// - Parameter seconds: The duration.
    /// - Returns: The text.
    public static func hoursAndMinutes(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let minutes = (total % 3600) / 60
        return "\(total / 3600)h " + (minutes < 10 ? "0" : "") + "\(minutes)m"
    }

    /// Whole hours as `24h`, anything else as ``short(_:)``.
    ///
    /// - Parameter seconds: The duration.
    /// - Returns: The text.
    public static func hours(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds)
        return Double(whole) == seconds && whole % 3600 == 0 && whole > 0 ? "\(whole / 3600)h" : short(seconds)
    }
}
