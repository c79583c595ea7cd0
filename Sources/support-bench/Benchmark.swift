import Foundation

/// One measured figure: what was measured, its value, and what one operation is.
struct Figure: Codable {
    /// The figure's name, such as `queue.push_pop.1m`.
    var name: String
    /// The measured value.
    var value: Double
    /// The unit of `value`, such as `ns/op` or `msg/s`.
    var unit: String
    /// What one operation is, in words.
    var operation: String
}

/// A tiny timing harness: runs a closure many times, prints `name value unit` and keeps every figure.
struct Benchmark {
    /// Only benchmarks whose name starts with this prefix run; empty runs all.
    var filter: String

    /// Every figure reported so far, in order.
    private let recorded = Recorded()

    /// The figures reported so far.
    var figures: [Figure] { recorded.figures }

    init(filter: String) {
        self.filter = filter
    }

    /// Whether a benchmark of that name should run.
    func selects(_ name: String) -> Bool {
        filter.isEmpty || name.hasPrefix(filter)
    }

    /// Measures `body` over `iterations` calls after a warm-up and reports the best mean of three rounds
    /// in nanoseconds per call.
    ///
    /// - Parameters:
    ///   - name: The figure's name, such as `calendar.adding.24h.moscow`.
    ///   - operation: What one call of `body` is, in words.
    ///   - iterations: How many calls to time.
    ///   - body: The operation; it receives the iteration number and returns a value that is kept alive.
    func measure<Result>(
        _ name: String,
        operation: String,
        iterations: Int,
        _ body: (Int) throws -> Result
    ) rethrows {
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
        report(name, best, "ns/op", operation: operation)
    }

    /// Prints one figure and keeps it for the JSON file.
    func report(_ name: String, _ value: Double, _ unit: String, operation: String) {
        print("\(name) \(String(format: "%.1f", value)) \(unit)")
        recorded.figures.append(Figure(name: name, value: value, unit: unit, operation: operation))
    }

    /// Writes every figure as a JSON array of `{name, value, unit, operation}` objects.
    func writeJSON(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(figures)
        data.append(contentsOf: Array("\n".utf8))
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// The figures, shared by copies of the harness.
    private final class Recorded {
        var figures: [Figure] = []
    }
}

/// Keeps a value alive so the optimizer cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
