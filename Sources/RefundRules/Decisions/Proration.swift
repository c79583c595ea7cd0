import Foundation
import SupportCore

/// Integer arithmetic for prorated amounts.
enum Proration {
    /// `amount × unused ÷ period`, rounded down, without floating point or overflow.
    ///
    /// - Parameters:
    ///   - amount: The amount in minor units, zero or more.
    ///   - unused: The unused seconds, clamped to `0...period`.
    ///   - period: The period's seconds, at least one.
    /// - Returns: The prorated amount in minor units, between zero and `amount`.
    static func share(of amount: Int64, unused: Int64, period: Int64) -> Int64 {
        let period = max(1, period)
        let unused = min(max(0, unused), period)
        let amount = max(0, amount)
        // The product needs up to 128 bits; the quotient is at most `amount`, so it fits.
        let product = amount.multipliedFullWidth(by: unused)
        return period.dividingFullWidth(product).quotient
    }

    /// Whole seconds from one instant to another, rounded down; zero when `to` is not later.
    static func seconds(from: Date, to: Date) -> Int64 {
        let interval = to.timeIntervalSince(from)
        guard interval > 0 else { return 0 }
        guard interval < Double(Int64.max / 2) else { return Int64.max / 2 }
        return Int64(interval.rounded(.down))
    }

    /// The number of seconds in a number of 24-hour days.
    static func days(_ count: Int) -> TimeInterval { TimeInterval(count) * 86_400 }
}
