import Foundation

/// The desk's due work: the heap of timers keyed by due instant, whether it was rebuilt from the
/// stores yet, and the run loop's sleep, which earlier work interrupts.
struct DueSchedule {
    /// The timers, earliest first.
    private var queue = DueQueue()
    /// Whether the timers were rebuilt from the stores since the desk started.
    var isLoaded = false
    /// Until when the run loop sleeps, while it does.
    private var sleepingUntil: Date?
    /// Wakes the sleeping run loop.
    private var wakeSignal: AsyncStream<Void>.Continuation?

    /// The instant of the earliest work, if any.
    var nextDue: Date? { queue.first?.due }

    /// Adds work due at `due`; wakes the run loop when it sleeps past it.
    mutating func add(_ work: DueQueue.Work, at due: Date) {
        queue.insert(work, due: due)
        if let sleepingUntil, due < sleepingUntil { wakeSignal?.yield() }
    }

    /// Takes the earliest work due at or before `now`.
    mutating func takeDue(by now: Date) -> DueQueue.Entry? {
        guard let first = queue.first, first.due <= now else { return nil }
        return queue.popFirst()
    }

    /// Records that the run loop sleeps until `deadline`, woken early through `signal`.
    mutating func sleep(until deadline: Date, signal: AsyncStream<Void>.Continuation) {
        sleepingUntil = deadline
        wakeSignal = signal
    }

    /// Records that the run loop woke.
    mutating func wake() {
        sleepingUntil = nil
        wakeSignal = nil
    }
}
