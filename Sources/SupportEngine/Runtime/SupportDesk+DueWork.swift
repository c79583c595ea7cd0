import Foundation

extension SupportDesk {
    /// Fires every timer due at or before the clock's current instant: auto-closes solved tickets and
    /// retries deliveries.
    ///
    /// A pass that comes ``DeskConfiguration/storeScanInterval`` or more after the last one also reads
    /// the store for ticket timers, journey steps and deliveries due within the next interval that
    /// another desk on the same store scheduled, or left behind when it stopped; each still fires once.
    ///
    /// Each pass also finishes the refund and moderation posts still owed: a change recorded in the
    /// ``PolicyLedgerStore`` whose ticket post failed (see ``RefundDesk`` and ``ModerationDesk``), and
    /// the member erasures recorded but not finished (``finishErasures()``).
    ///
    /// Ticket timers due together are fired in batches of up to 128: one ``TicketStore/tickets(_:)`` read
    /// and one commit for the batch; a ticket whose batch commit conflicts is read again and fired alone,
    /// and so is a timer that failed the last time it ran.
    ///
    /// Hosts that drive the desk themselves call this; others run ``run()``. The first call rebuilds
    /// the timers from the store, so a restarted desk resumes every timer. Firing is idempotent: a
    /// ticket already closed is not closed again.
    ///
    /// Work that fails is never dropped: it is put back on the timers and retried after a back-off
    /// that starts at ``DeskConfiguration/deliveryRetryDelay`` and doubles with each failure in a row
    /// (at most an hour), while the rest of the due work goes on.
    ///
    /// - Returns: How many ticket timers fired.
    /// - Throws: ``StoreError`` when the store fails — the first failure of the pass, after every due
    ///   piece of work was tried and the failed ones were put back.
    @discardableResult
    public func processDueWork() async throws -> Int {
        try await processDueWork(until: clock.now)
    }

    /// Fires every timer due at or before `instant` — never later than the clock's current instant,
    /// so nothing fires early — for hosts that run their own scheduler. What fires is recorded as
    /// fired at the cut-off.
    ///
    /// Work that fails is put back with a back-off, as in ``processDueWork()``.
    ///
    /// - Parameter instant: The cut-off; clamped to the clock's current instant.
    /// - Returns: How many ticket timers fired.
    /// - Throws: ``StoreError`` when the store fails — the first failure of the pass, after every due
    ///   piece of work was tried and the failed ones were put back.
    @discardableResult
    public func processDueWork(until instant: Date) async throws -> Int {
        try await loadDueQueueIfNeeded()
        let now = min(instant, clock.now)
        var fired = 0
        var outboxDue = false
        var firstError: (any Error)?
        // A store scan (when one is due) reads the routing state and the pending deliveries first, so that
        // the work fired sees the loads and queue other desks left, and the deliveries this pass queues do
        // not crowd out those of other desks. It reads the ticket and journey timers once the timers this
        // desk holds due by now are fired: those then show their next due instants, past the cut-off, so
        // the scan lists only what is still due — the work of the next interval, and any another desk left
        // due by now, which the loop then fires in this same pass.
        var timerScanDue = false
        if let scanAt = dueWork.nextStoreScan, scanAt <= now {
            do {
                try await refreshRoutingFromStore()
                try await scanStoreForDeliveries(now: now)
                // Moved on before the timers are read, so that a pass overlapping this one does not scan too.
                dueWork.nextStoreScan = configuration.storeScanInterval.map { now.addingTimeInterval($0) }
                timerScanDue = true
            } catch {
                firstError = error
                dueWork.nextStoreScan = now.addingTimeInterval(max(1, configuration.deliveryRetryDelay))
            }
        }
        // Ticket timers are gathered and fired in batches (one store read and one commit each); a batch is
        // fired before any other work, so nothing else runs (and schedules a ticket again) while it fills.
        // A timer that failed last time is fired alone: a ticket whose read or write keeps failing (a
        // snapshot the store cannot decode, say) must not hold back the batch it would fall due with.
        var batch: [TicketID] = []
        while true {
            let entry = dueWork.takeDue(by: now)
            var alone: TicketID?
            if let entry, case .ticket(let id) = entry.work {
                if dueWork.isRetrying(entry.work) {
                    alone = id
                } else {
                    batch.append(id)
                    if batch.count < Self.timerBatchSize { continue }
                }
            }
            // The batch first, so that the timers keep their order.
            if !batch.isEmpty {
                await fireTicketTimers(batch, now: now, fired: &fired, firstError: &firstError)
                batch.removeAll(keepingCapacity: true)
            }
            if let alone { await fireTicketTimers([alone], now: now, fired: &fired, firstError: &firstError) }
            guard let entry else {
                guard timerScanDue else { break }
                timerScanDue = false
                do {
                    try await scanStoreForTimers(now: now)
                } catch {
                    firstError = firstError ?? error
                    dueWork.nextStoreScan = now.addingTimeInterval(max(1, configuration.deliveryRetryDelay))
                }
                continue  // fires what the scan found due by now
            }
            if case .ticket = entry.work { continue }  // fired and settled above
            do {
                switch entry.work {
                case .outbox:
                    outboxDue = true
                case .outboxLookahead:
                    try await scheduleOutbox(after: now)
                case .queueDrain, .ticket:
                    break
                case .shiftChange(let agent):
                    try await shiftChanged(agent)
                case .member(let member):
                    try await fireJourney(of: member, now: now)
                }
                dueWork.succeeded(entry.work)
            } catch {
                firstError = firstError ?? error
                dueWork.retry(entry.work, now: now, base: configuration.deliveryRetryDelay)
            }
        }
        // Erasures a desk recorded but did not finish (it stopped, a store failed): finished before any
        // post is made or message sent.
        do {
            try await finishErasures()
        } catch {
            firstError = firstError ?? error
            dueWork.retry(.queueDrain, now: now, base: configuration.deliveryRetryDelay)
        }
        // Refund and moderation changes whose ticket post failed after the change was recorded.
        var posted = 0
        do {
            posted = try await finishOwedPolicyPosts()
        } catch {
            firstError = firstError ?? error
            dueWork.retry(.queueDrain, now: now, base: configuration.deliveryRetryDelay)
        }
        if outboxDue || fired > 0 || posted > 0 {
            do {
                try await deliverPendingMessages()
                dueWork.succeeded(.outbox)
            } catch {
                firstError = firstError ?? error
                dueWork.retry(.outbox, now: now, base: configuration.deliveryRetryDelay)
                // A claim the failed pass took holds the message until it expires.
                schedule(.outbox, at: now.addingTimeInterval(configuration.deliveryClaimDuration))
            }
        }
        do {
            try await drainQueue()
        } catch {
            firstError = firstError ?? error
            dueWork.retry(.queueDrain, now: now, base: configuration.deliveryRetryDelay)
        }
        if let firstError { throw firstError }
        return fired
    }

    /// Runs the timers until the task is cancelled: sleeps on the clock until the next due instant,
    /// and wakes early when earlier work is scheduled.
    ///
    /// Run it as a service next to the host's server. A store failure does not end it: the failed
    /// work is retried with a back-off (see ``processDueWork()``), and the rebuilding of the timers
    /// after a start is retried likewise.
    ///
    /// - Throws: `CancellationError` when cancelled.
    public func run() async throws {
        var failedLoads = 0
        while true {
            try Task.checkCancellation()
            do {
                if !dueWork.isLoaded {
                    try await loadDueQueueIfNeeded()
                    try await deliverPendingMessages()
                }
                try await processDueWork()
                failedLoads = 0
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // The failed work is back on the timers; only a failed rebuild needs its own wait.
                if !dueWork.isLoaded {
                    failedLoads += 1
                    let base = configuration.deliveryRetryDelay.isFinite ? max(configuration.deliveryRetryDelay, 1) : 60
                    let delay = min(base * pow(2, Double(min(failedLoads - 1, 20))), 3600)
                    try await sleep(until: clock.now.addingTimeInterval(delay))
                    continue
                }
            }
            try await sleep(until: min(dueWork.nextDue ?? .distantFuture, dueWork.nextStoreScan ?? .distantFuture))
        }
    }

    /// The instant of the earliest scheduled work, if any.
    ///
    /// The desk also wakes every ``DeskConfiguration/storeScanInterval`` to read the store for work
    /// other desks scheduled; ``nextStoreScanInstant`` says when.
    public var nextDueInstant: Date? { dueWork.nextDue }

    /// When the desk next reads the store for timers and deliveries another desk on the same store
    /// scheduled (or left behind when it stopped); `nil` before the timers were rebuilt from the store.
    public var nextStoreScanInstant: Date? { dueWork.nextStoreScan }

    /// How many entries the timers hold: at most one per ticket, member, agent and outbox instant.
    var dueEntryCount: Int { dueWork.count }

    func schedule(_ work: DueQueue.Work, at due: Date) {
        dueWork.add(work, at: due)
    }

    /// Fires a batch of ticket timers (``fireTimers(of:now:)``) and settles each on the timers: done, or
    /// put back with a back-off.
    ///
    /// - Parameters:
    ///   - fired: Counts the timers that fired.
    ///   - firstError: Keeps the first error of the pass.
    private func fireTicketTimers(
        _ ids: [TicketID],
        now: Date,
        fired: inout Int,
        firstError: inout (any Error)?
    ) async {
        let results = await fireTimers(of: ids, now: now)
        for position in ids.indices {
            switch results[position] {
            case .success(let didFire):
                if didFire { fired += 1 }
                dueWork.succeeded(.ticket(ids[position]))
            case .failure(let error):
                firstError = firstError ?? error
                dueWork.retry(.ticket(ids[position]), now: now, base: configuration.deliveryRetryDelay)
            }
        }
    }

    private func loadDueQueueIfNeeded() async throws {
        guard !dueWork.isLoaded else { return }
        try await loadRoutingIfNeeded()
        try await scheduleStoredTimers(dueBefore: .distantFuture)
        try await scheduleOutbox(after: nil)
        let loadedAt = clock.now
        dueWork.nextStoreScan = configuration.storeScanInterval.map { loadedAt.addingTimeInterval($0) }
        dueWork.isLoaded = true
    }

    /// Puts on the timers every ticket and journey the stores hold due before `horizon`, in pages; work
    /// waiting out a back-off here keeps it (``DueSchedule/addFound(_:at:)``).
    private func scheduleStoredTimers(dueBefore horizon: Date) async throws {
        // Ids and instants only: a scan copies no ticket.
        var cursor: TicketID?
        repeat {
            let limit = TicketQuery.maximumLimit
            let page = try await store.ticketTimers(dueBefore: horizon, after: cursor, limit: limit)
            for timer in page { dueWork.addFound(.ticket(timer.ticketID), at: timer.dueAt) }
            cursor = page.count == limit ? page.last?.ticketID : nil
        } while cursor != nil
        guard configuration.journey != nil else { return }
        var after: MemberID?
        repeat {
            let page = try await journeys.journeys(dueBefore: horizon, after: after, limit: 1_000)
            for stored in page {
                if let due = stored.dueAt { dueWork.addFound(.member(stored.record.member), at: due) }
            }
            after = page.count == 1_000 ? page.last?.record.member : nil
        } while after != nil
    }

    /// Puts on the timers the ticket timers and journey steps the store holds due within the next scan
    /// interval that another desk scheduled (or left behind when it stopped). Firing stays exactly once
    /// because every timer re-reads its ticket or journey and commits under its version.
    private func scanStoreForTimers(now: Date) async throws {
        guard let interval = configuration.storeScanInterval else { return }
        try await scheduleStoredTimers(dueBefore: now.addingTimeInterval(interval))
    }

    /// Puts on the timers the outbound attempts the store holds due within the next scan interval that
    /// another desk scheduled (or left behind when it stopped); every delivery is claimed before it is sent.
    private func scanStoreForDeliveries(now: Date) async throws {
        guard let interval = configuration.storeScanInterval else { return }
        let pending = try await store.pendingOutbound(dueBy: now.addingTimeInterval(interval), limit: 1_000)
        for message in pending {
            dueWork.addFound(.outbox, at: message.nextAttemptAt)
        }
    }

    /// Puts the attempt instant of every pending outbound message on the timers, reading ahead in
    /// pages: when a read is full, a look-ahead is scheduled at its last instant to read the next.
    ///
    /// - Parameter now: Messages due by then are left to the delivery pass; `nil` schedules all.
    private func scheduleOutbox(after now: Date?) async throws {
        let limit = 1_000
        let pending = try await store.pendingOutbound(dueBy: .distantFuture, limit: limit)
        var instants = Set(pending.map(\.nextAttemptAt))
        if let now { instants = instants.filter { $0 > now } }
        for instant in instants { dueWork.add(.outbox, at: instant) }
        if pending.count == limit, let last = pending.last?.nextAttemptAt {
            let floor = (now ?? clock.now).addingTimeInterval(max(1, configuration.deliveryRetryDelay))
            dueWork.add(.outboxLookahead, at: max(last, floor))
        }
    }

    private func sleep(until deadline: Date) async throws {
        let (signal, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        dueWork.sleep(until: deadline, signal: continuation)
        defer {
            dueWork.wake()
            continuation.finish()
        }
        let clock = self.clock
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await clock.sleep(until: deadline) }
            group.addTask {
                for await _ in signal { return }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
        try Task.checkCancellation()
    }
}
