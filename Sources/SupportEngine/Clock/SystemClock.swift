import Foundation

/// The real clock: `Date()` and `Task.sleep`.
public struct SystemClock: SupportClock {
    /// Creates the system clock.
    public init() {}

    /// The current instant.
    public var now: Date { Date() }

    /// Sleeps until `deadline` in real time.
    ///
    /// Long waits are cut into slices of at most a day so that a far deadline (or `.distantFuture`)
    /// never overflows the sleep duration.
    ///
    /// - Parameter deadline: The instant to wake at.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(until deadline: Date) async throws {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return }
            try await Task.sleep(nanoseconds: UInt64(min(remaining, 86_400) * 1_000_000_000))
        }
    }
}
