import Foundation
import SupportEngine

/// A clock whose time moves on by itself: every read of ``now`` advances it by a set step, as a
/// real clock does while the code between two reads runs.
///
/// Code that reads the time twice in one pass sees two different instants, as it would in
/// production; ``ManualClock`` hides such bugs because its time stands still during a pass.
///
/// ``sleep(until:)`` never suspends: it moves the clock to the deadline (when that is later) and
/// returns at once, so a `SupportDesk.run()` loop on this clock runs its timers back to back
/// without a test sleeping for real. Use ``ManualClock`` when a test must see the loop asleep.
///
/// ```swift
/// let clock = MovingClock(step: 0.25)   // a quarter second passes on every read
/// let desk = try SupportDesk(store: store, clock: clock, channels: channels)
/// ```
public final class MovingClock: SupportClock {
    private struct State {
        var now: Date
        var reads = 0
    }

    /// How far the clock moves on every read of ``now``, in seconds.
    public let step: TimeInterval
    private let state: LockedBox<State>

    /// Creates a clock standing at `start` that moves on by `step` on every read.
    ///
    /// - Parameters:
    ///   - start: The first instant ``now`` returns; 2026-01-05 09:00 UTC (a Monday) by default.
    ///   - step: How far each read moves the clock, in seconds; a negative step counts as zero.
    public init(start: Date = Date(timeIntervalSince1970: 1_767_603_600), step: TimeInterval = 0.001) {
        self.step = max(0, step)
        self.state = LockedBox(State(now: start))
    }

    /// The current instant; reading it moves the clock on by ``step``.
    public var now: Date {
        state.withLock { state in
            let current = state.now
            state.now = current.addingTimeInterval(step)
            state.reads += 1
            return current
        }
    }

    /// The instant the next read of ``now`` will return, without moving the clock.
    public var peek: Date { state.withLock { $0.now } }

    /// How many times ``now`` was read.
    public var reads: Int { state.withLock { $0.reads } }

    /// Moves the clock to `deadline`, when that is later, and returns at once.
    ///
    /// - Parameter deadline: The instant to wake at.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(until deadline: Date) async throws {
        try Task.checkCancellation()
        advance(to: deadline)
        await Task.yield()
    }

    /// Moves the clock forward, besides the steps of its reads.
    ///
    /// - Parameter interval: How far to move, in seconds; a negative interval is ignored.
    public func advance(by interval: TimeInterval) {
        state.withLock { $0.now = $0.now.addingTimeInterval(max(0, interval)) }
    }

    /// Moves the clock to `instant`; time never goes backwards.
    ///
    /// - Parameter instant: The new current instant.
    public func advance(to instant: Date) {
        state.withLock { $0.now = max($0.now, instant) }
    }
}
