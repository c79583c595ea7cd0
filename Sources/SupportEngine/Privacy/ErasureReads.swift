import Foundation

/// What the desk's own reads of erasure records showed, kept so that one read serves every check that
/// needs a read made after a given commit.
///
/// A received message's commit is followed by a check that its sender was not erased meanwhile, and its
/// acknowledgement by a check before the send; on a database each is a round trip. Commits that stood
/// are counted; a read remembers the count when it began, so a read that found a member not erased
/// answers for every commit counted before it began: it was made after those commits stood, which is
/// what each check needs. Only a finding of *not erased* is kept; an erasure is never cached.
///
/// A read still under way serves the same way: a check that needs a read begun after a commit waits for
/// a read of the member that began after it instead of making its own (``ReadUnderWay``). On a database
/// this is the common case under load: another call's delivery takes a message while the call that
/// committed it is still reading.
struct ErasureReads {
    /// How many of the desk's commits have stood.
    private(set) var commits: UInt64 = 0
    /// For each member, the commit count when the latest read that found them not erased began.
    private var notErased: [MemberID: UInt64] = [:]
    /// The commit count of each message committed for delivery right away, until it is taken.
    private var committed: [OutboundID: UInt64] = [:]
    /// The commit count of the latest commit that wrote each ticket (the most recent ones).
    private var ticketCommits: [TicketID: UInt64] = [:]

    /// The reads of each member's erasure record under way, oldest first.
    private var underWay: [MemberID: [ReadUnderWay]] = [:]

    /// The most members remembered; past it the memory starts afresh (costing only reads).
    static let capacity = 4_096

    /// A read of one member's erasure record that has not answered yet, and the checks waiting for its
    /// answer.
    struct ReadUnderWay {
        /// The commit count when the read began.
        let start: UInt64
        /// The checks that take this read's answer as theirs.
        var waiters: [CheckedContinuation<MemberErasure?, any Error>] = []
    }

    /// Counts a commit that stood, with the tickets it wrote and the messages it queued for delivery
    /// right away.
    mutating func recordCommit(writing tickets: [TicketID], queuing outbound: [OutboundID]) {
        commits += 1
        for id in outbound { committed[id] = commits }
        if ticketCommits.count + tickets.count > Self.capacity { ticketCommits.removeAll(keepingCapacity: true) }
        for id in tickets { ticketCommits[id] = commits }
    }

    /// The count of the latest commit that wrote `ticket`, or the count now when it is no longer
    /// remembered (a later count only asks for a later read).
    func latestCommit(of ticket: TicketID) -> UInt64 {
        ticketCommits[ticket] ?? commits
    }

    /// The commit count of a message queued by ``recordCommit(queuing:)``, forgotten as it is taken.
    mutating func takeCommit(of id: OutboundID) -> UInt64? {
        committed.removeValue(forKey: id)
    }

    /// Remembers that a read begun at commit count `start` found `member` not erased.
    mutating func recordNotErased(_ member: MemberID, readBeganAt start: UInt64) {
        if notErased.count >= Self.capacity, notErased[member] == nil { notErased.removeAll(keepingCapacity: true) }
        notErased[member] = max(notErased[member] ?? 0, start)
    }

    /// Whether a read begun after commit count `commit` found `member` not erased.
    func isKnownNotErased(_ member: MemberID, after commit: UInt64) -> Bool {
        guard let start = notErased[member] else { return false }
        return start >= commit
    }

    /// How many checks wait for the answer of a read under way (for tests).
    var waitingChecks: Int { underWay.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.waiters.count } } }

    /// Whether a read of `member` begun after commit count `commit` is under way.
    func hasReadUnderWay(of member: MemberID, after commit: UInt64) -> Bool {
        guard let latest = underWay[member]?.last else { return false }
        return latest.start >= commit
    }

    /// Makes `waiter` take the answer of the latest read of `member` under way (one that
    /// ``hasReadUnderWay(of:after:)`` found).
    mutating func wait(for member: MemberID, _ waiter: CheckedContinuation<MemberErasure?, any Error>) {
        guard var reads = underWay[member], !reads.isEmpty else {
            preconditionFailure("no read of \(member) is under way to wait for")
        }
        reads[reads.count - 1].waiters.append(waiter)
        underWay[member] = reads
    }

    /// Notes a read of `member` begun at commit count `start`.
    mutating func beginRead(of member: MemberID, at start: UInt64) {
        underWay[member, default: []].append(ReadUnderWay(start: start))
    }

    /// Ends a read noted by ``beginRead(of:at:)``, returning the checks that wait for its answer.
    mutating func endRead(
        of member: MemberID,
        beganAt start: UInt64
    ) -> [CheckedContinuation<MemberErasure?, any Error>] {
        guard var reads = underWay[member], let index = reads.firstIndex(where: { $0.start == start }) else {
            return []
        }
        let ended = reads.remove(at: index)
        underWay[member] = reads.isEmpty ? nil : reads
        return ended.waiters
    }
}

extension SupportDesk {
    /// A member's erasure record, read from the ledger store unless a read begun after commit count
    /// `commit` already found them not erased, or is under way (its answer is this one's too; when it
    /// fails, this check reads for itself).
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - commit: The commit count a read must come after, or `nil` to read in any case.
    /// - Returns: The record, or `nil` when the member is not erased.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func erasure(of member: MemberID, readAfter commit: UInt64?) async throws -> MemberErasure? {
        if let commit {
            if erasureReads.isKnownNotErased(member, after: commit) { return nil }
            if erasureReads.hasReadUnderWay(of: member, after: commit) {
                do {
                    return try await withCheckedThrowingContinuation { erasureReads.wait(for: member, $0) }
                } catch {
                    // The read under way failed (its store call, or its caller's task was cancelled):
                    // that is not this check's failure. It reads for itself below.
                }
            }
        }
        let start = erasureReads.commits
        erasureReads.beginRead(of: member, at: start)
        let answer: Result<MemberErasure?, any Error>
        do {
            answer = .success(try await ledgers.erasure(of: member))
        } catch {
            answer = .failure(error)
        }
        if case .success(nil) = answer { erasureReads.recordNotErased(member, readBeganAt: start) }
        for waiter in erasureReads.endRead(of: member, beganAt: start) { waiter.resume(with: answer) }
        return try answer.get()
    }
}
