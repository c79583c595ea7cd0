import Foundation

/// The desk's due work: the heap of timers keyed by due instant (one entry per timer), whether it was
/// rebuilt from the stores yet, and the run loop's sleep, which earlier work interrupts.
struct DueSchedule {
    /// The timers, earliest first.
    private var queue = DueQueue()
    /// Whether the timers were rebuilt from the stores since the desk started.
    var isLoaded = false
    /// When the desk next reads the store for timers and deliveries other desks scheduled
    /// (``DeskConfiguration/storeScanInterval``); `nil` until the timers are rebuilt.
    var nextStoreScan: Date?
    /// Until when the run loop sleeps, while it does.
    private var sleepingUntil: Date?
    /// Wakes the sleeping run loop.
    private var wakeSignal: AsyncStream<Void>.Continuation?
    /// How many times in a row each piece of work has failed, for its back-off.
    private var failures: [DueQueue.Work: Int] = [:]

    /// The instant of the earliest work, if any.
    var nextDue: Date? { queue.first?.due }

    /// How many entries the timers hold.
    var count: Int { queue.count }

    /// Adds work due at `due`, or moves the work's timer earlier to `due`; wakes the run loop when it
    /// sleeps past it. An instant that is not finite is ignored.
    mutating func add(_ work: DueQueue.Work, at due: Date) {
        guard queue.insert(work, due: due) else { return }
        if let sleepingUntil, due < sleepingUntil { wakeSignal?.yield() }
    }

    /// Adds work a read of the store found due at `due`, as ``add(_:at:)`` does, unless the work is
    /// waiting out a back-off after failing here: the store still shows its old instant, and the
    /// back-off must hold.
    mutating func addFound(_ work: DueQueue.Work, at due: Date) {
        // Nearly always empty: a lookup would hash the work (a ticket id's text) for every timer found.
        guard failures.isEmpty || failures[work] == nil else { return }
        add(work, at: due)
    }

    /// Puts back work that failed, to be taken again after a back-off that doubles with each failure in
    /// a row (from `base`, at most an hour, at least a second). Returns when it is taken again.
    @discardableResult
    mutating func retry(_ work: DueQueue.Work, now: Date, base: TimeInterval) -> Date {
        let failed = failures[work, default: 0] + 1
        failures[work] = failed
        let first = base.isFinite ? min(max(base, 1), 3600) : 60
        let delay = min(first * pow(2, Double(min(failed - 1, 20))), 3600)
        let at = now.addingTimeInterval(delay)
        add(work, at: at)
        return at
    }

    /// Whether work failed the last time it ran and waits out (or has just waited out) its back-off.
    func isRetrying(_ work: DueQueue.Work) -> Bool {
        !failures.isEmpty && failures[work] != nil  // nearly always empty: no hash then
    }

    /// Records that work succeeded, which resets its back-off.
    mutating func succeeded(_ work: DueQueue.Work) {
        // Nearly always empty: a removal would hash the work (a ticket id's text) for nothing.
        if !failures.isEmpty { failures[work] = nil }
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
