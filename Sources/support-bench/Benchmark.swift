import Foundation

/// A tiny timing harness: runs a closure many times and prints `name value unit`.
struct Benchmark {
    /// Only benchmarks whose name starts with this prefix run; empty runs all.
    var filter: String

    /// Whether a benchmark of that name should run.
    func selects(_ name: String) -> Bool {
        filter.isEmpty || name.hasPrefix(filter)
    }

    /// Measures `body` over `iterations` calls after a warm-up and prints the mean in nanoseconds per call.
    ///
    /// - Parameters:
    ///   - name: The figure's name, such as `calendar.adding.24h.moscow`.
    ///   - iterations: How many calls to time.
    ///   - body: The operation; it receives the iteration number and returns a value that is kept alive.
    func measure<Result>(_ name: String, iterations: Int, _ body: (Int) throws -> Result) rethrows {
        guard selects(name) else { return }
        for index in 0..<min(iterations, 10_000) { blackHole(try body(index)) }
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<3 {
            let start = clock.now
            for index in 0..<iterations { blackHole(try body(index)) }
            let elapsed = clock.now - start
            let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
            best = min(best, nanoseconds / Double(iterations))
        }
        report(name, best, "ns/op")
    }

    /// Prints one figure.
    func report(_ name: String, _ value: Double, _ unit: String) {
        print("\(name) \(String(format: "%.1f", value)) \(unit)")
    }
}

/// Keeps a value alive so the optimizer cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
