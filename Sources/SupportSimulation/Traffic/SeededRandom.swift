import Foundation
import SupportEngine

/// SplitMix64: a small, fast, seeded generator, so a simulation is the same for the same seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A uniform number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Whether an event of probability `probability` happens.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// A uniform number in a range.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// A Poisson-distributed count with mean `mean` (Knuth's method; fine for small means).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
        let limit = exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }

    /// A standard normal number (Box–Muller).
    mutating func normal() -> Double {
        let first = max(unit(), 1e-12)
        return (-2 * log(first)).squareRoot() * cos(2 * .pi * unit())
    }

    /// An exponentially distributed duration with mean `mean` (inversion of the uniform).
    mutating func exponential(mean: Double) -> Double { -log(1 - unit()) * mean }

    /// A log-normal duration around `median` seconds with spread `sigma`.
    mutating func logNormal(median: Double, sigma: Double) -> Double { median * exp(sigma * normal()) }

    /// A key of `weights` picked in proportion to its weight; keys are visited in sorted order.
    mutating func pick(_ weights: [String: Double]) -> String {
        let keys = weights.keys.sorted()
        let total = keys.reduce(0) { $0 + max(0, weights[$1]!) }
        var target = unit() * total
        for key in keys {
            target -= max(0, weights[key]!)
            if target < 0 { return key }
        }
        return keys.last { weights[$0]! > 0 } ?? keys[0]
    }
}
