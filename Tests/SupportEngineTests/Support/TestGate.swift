import Testing

/// Holds the calls of a store double at a gate until a test opens it: a test parks one call, lets other
/// work run meanwhile, and then lets the call go on.
actor TestGate {
    private var holding = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// How many calls wait at the gate.
    var parked: Int { waiting.count }

    /// Makes the calls that come from now on wait.
    func close() { holding = true }

    /// Lets every waiting call go on; later calls pass.
    func open() {
        holding = false
        for waiter in waiting { waiter.resume() }
        waiting = []
    }

    /// Returns at once while the gate is open; otherwise waits until it opens.
    func pass() async {
        guard holding else { return }
        await withCheckedContinuation { waiting.append($0) }
    }
}

/// Yields until `condition` holds, and fails the test (saying `what` did not happen) if it does not
/// within `limit` yields, instead of spinning forever.
func eventually(
    _ what: String,
    limit: Int = 100_000,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    var spins = 0
    while try await !condition() {
        spins += 1
        try #require(spins < limit, "\(what) did not happen within \(limit) yields", sourceLocation: sourceLocation)
        await Task.yield()
    }
}
