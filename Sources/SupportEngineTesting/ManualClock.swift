import Foundation
import SupportEngine

/// A clock that moves only when a test moves it.
///
/// Sleepers wake when ``advance(by:)`` or ``advance(to:)`` reaches their deadline; ``nextSleep()``
/// waits until something (usually the desk's `SupportDesk.run()` loop) starts sleeping, so a test
/// never sleeps for real.
///
/// ```swift
/// let clock = ManualClock(now: start)
/// let runner = Task { try await desk.run() }
/// let deadline = await clock.nextSleep()   // the desk is asleep until `deadline`
/// clock.advance(to: deadline)               // fire it
/// ```
public final class ManualClock: SupportClock {
    private struct Sleeper {
        var id: UInt64
        var deadline: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var sleepers: [Sleeper] = []
        var nextID: UInt64 = 0
        var unclaimedSleeps: [Date] = []
        var waiters: [CheckedContinuation<Date, Never>] = []
    }

    private let state: LockedBox<State>

    /// Creates a clock standing at `now`.
    ///
    /// - Parameter now: The starting instant; 2026-01-05 09:00 UTC (a Monday) by default.
    public init(now: Date = Date(timeIntervalSince1970: 1_767_603_600)) {
        self.state = LockedBox(State(now: now))
    }

    /// The current instant.
    public var now: Date { state.withLock { $0.now } }

    /// The number of tasks asleep on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// The earliest deadline anyone is asleep until, if anyone is.
    public var earliestDeadline: Date? { state.withLock { $0.sleepers.map(\.deadline).min() } }

    /// Suspends until the clock is moved to `deadline` or past it.
    ///
    /// Every call is reported to ``nextSleep()``, even one whose deadline has already passed.
    ///
    /// - Parameter deadline: The instant to wake at.
    /// - Throws: `CancellationError` when the task is cancelled while asleep.
    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Action {
                    case wait
                    case resume
                    case cancel
                }
                let (action, waiter) = state.withLock { state -> (Action, CheckedContinuation<Date, Never>?) in
                    let waiter: CheckedContinuation<Date, Never>?
                    if state.waiters.isEmpty {
                        state.unclaimedSleeps.append(deadline)
                        waiter = nil
                    } else {
                        waiter = state.waiters.removeFirst()
                    }
                    if Task.isCancelled { return (.cancel, waiter) }
                    if deadline <= state.now { return (.resume, waiter) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return (.wait, waiter)
                }
                switch action {
                case .wait: break
                case .resume: continuation.resume()
                case .cancel: continuation.resume(throwing: CancellationError())
                }
                waiter?.resume(returning: deadline)
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Waits until something calls ``sleep(until:)`` and returns its deadline.
    ///
    /// Each call to `sleep` is reported once, in order; a sleep that started before this call is
    /// reported at once.
    ///
    /// - Returns: The deadline of the sleep.
    @discardableResult
    public func nextSleep() async -> Date {
        await withCheckedContinuation { (continuation: CheckedContinuation<Date, Never>) in
            let ready = state.withLock { state -> Date? in
                if !state.unclaimedSleeps.isEmpty { return state.unclaimedSleeps.removeFirst() }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Moves the clock forward and wakes every sleeper whose deadline is reached.
    ///
    /// - Parameter interval: How far to move, in seconds; a negative interval is ignored.
    public func advance(by interval: TimeInterval) {
        advance(to: now.addingTimeInterval(max(0, interval)))
    }

    /// Moves the clock to `instant` and wakes every sleeper whose deadline is reached.
    ///
    /// Time never goes backwards: an instant before ``now`` leaves the clock where it is.
    ///
    /// - Parameter instant: The new current instant.
    public func advance(to instant: Date) {
        let woken = state.withLock { state -> [Sleeper] in
            guard instant > state.now else { return [] }
            state.now = instant
            let ready = state.sleepers.filter { $0.deadline <= instant }
            state.sleepers.removeAll { $0.deadline <= instant }
            return ready.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }
}
