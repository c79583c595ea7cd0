import Foundation

/// The desk's source of wall-clock time.
///
/// Business hours need wall-clock instants, which Swift's `Clock` protocol cannot give portably, so
/// the engine reads time only through this protocol. Use ``SystemClock`` in production and
/// `ManualClock` from `SupportEngineTesting` in tests: no test sleeps for real.
public protocol SupportClock: Sendable {
    /// The current instant.
    var now: Date { get }

    /// Suspends until the clock reaches `deadline`.
    ///
    /// Returns at once when the deadline has passed.
    ///
    /// - Parameter deadline: The instant to wake at.
    /// - Throws: `CancellationError` when the task is cancelled while sleeping.
    func sleep(until deadline: Date) async throws
}
