import Foundation
import SupportEngine

/// The simulation's clock: it moves only when the run moves it, from one step of the run to the next.
///
/// The run drives the desk with `processDueWork()` at each due instant, so nothing sleeps on this clock;
/// a sleeper (a host that starts the desk's `run()` loop) wakes when ``advance(to:)`` reaches its
/// deadline.
final class SimulationClock: SupportClock {
    private struct State {
        var now: Date
        var sleepers: [(id: UInt64, deadline: Date, continuation: CheckedContinuation<Void, any Error>)] = []
        var nextID: UInt64 = 0
    }

    private let state: LockedBox<State>

    /// Creates a clock standing at `now`.
    init(now: Date) {
        state = LockedBox(State(now: now))
    }

    /// The current instant.
    var now: Date { state.withLock { $0.now } }

    /// Suspends until the clock is moved to `deadline` or past it.
    func sleep(until deadline: Date) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready = state.withLock { state -> Bool in
                    if Task.isCancelled || deadline <= state.now { return true }
                    state.sleepers.append((id, deadline, continuation))
                    return false
                }
                guard ready else { return }
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    continuation.resume()
                }
            }
        } onCancel: {
            let sleeper = state.withLock { state in
                state.sleepers.firstIndex { $0.id == id }.map { state.sleepers.remove(at: $0) }
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock to `instant` and wakes every sleeper whose deadline is reached; time never goes back.
    func advance(to instant: Date) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard instant > state.now else { return [] }
            state.now = instant
            let ready = state.sleepers.filter { $0.deadline <= instant }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= instant }
            return ready.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }
}
