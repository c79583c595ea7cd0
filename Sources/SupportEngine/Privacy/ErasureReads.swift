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
    /// What the desk knows of each member's erasure record: one table, so that each step of a read
    /// hashes the member once.
    private var members: [MemberID: MemberReads] = [:]
    /// The commit count of each message committed for delivery right away, until it is taken.
    private var committed: [OutboundID: UInt64] = [:]
    /// The commit count of the latest commit that wrote each ticket (the most recent ones).
    private var ticketCommits: [TicketID: UInt64] = [:]

    /// The most members remembered; past it the members with no read under way are forgotten (costing
    /// only reads).
    static let capacity = 4_096

    /// What the desk knows of one member's erasure record.
    struct MemberReads {
        /// The commit count when the latest read that found the member not erased began, if one did.
        var notErasedSince: UInt64?
        /// The latest read of the member still under way, if any.
        var latest: ReadUnderWay?
        /// The earlier reads still under way, oldest first (usually none: kept apart so that one read
        /// at a time allocates nothing).
        var earlier: [ReadUnderWay] = []

        /// Whether nothing is left to remember: no read found the member not erased, none is under way.
        var isEmpty: Bool { latest == nil && notErasedSince == nil }

        /// Remembers that a read begun at commit count `start` found the member not erased (an older
        /// read's answer never moves the memory back).
        mutating func noteNotErased(since start: UInt64) {
            notErasedSince = max(notErasedSince ?? 0, start)
        }

        /// Notes a read begun at commit count `start`: the latest now.
        mutating func begin(at start: UInt64) {
            if let latest { earlier.append(latest) }
            latest = ReadUnderWay(start: start)
        }

        /// Ends a read begun at commit count `start`, returning it (`nil` when none is under way).
        mutating func end(beganAt start: UInt64) -> ReadUnderWay? {
            if latest?.start == start {
                defer { latest = earlier.popLast() }
                return latest
            }
            guard let position = earlier.firstIndex(where: { $0.start == start }) else { return nil }
            return earlier.remove(at: position)
        }
    }

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

    /// The commit count of a message queued by ``recordCommit(writing:queuing:)``, forgotten as it is taken.
    mutating func takeCommit(of id: OutboundID) -> UInt64? {
        committed.removeValue(forKey: id)
    }

    /// Remembers that a read begun at commit count `start` found `member` not erased.
    mutating func recordNotErased(_ member: MemberID, readBeganAt start: UInt64) {
        if let index = members.index(forKey: member) {
            members.values[index].noteNotErased(since: start)
        } else {
            makeRoom()
            members[member] = MemberReads(notErasedSince: start)
        }
    }

    /// Forgets the members with no read under way once ``capacity`` are remembered.
    private mutating func makeRoom() {
        guard members.count >= Self.capacity else { return }
        members = members.filter { $0.value.latest != nil }
    }

    /// What the desk's reads say of `member` for a check that needs a read begun after commit count
    /// `commit`: whether one found them not erased, and whether one is under way.
    func reads(of member: MemberID, after commit: UInt64) -> (knownNotErased: Bool, underWay: Bool) {
        guard let known = members[member] else { return (false, false) }
        let knownNotErased = known.notErasedSince.map { $0 >= commit } ?? false
        let underWay = known.latest.map { $0.start >= commit } ?? false
        return (knownNotErased, underWay)
    }

    /// How many checks wait for the answer of a read under way (for tests).
    var waitingChecks: Int {
        members.values.reduce(0) { total, known in
            total + (known.latest?.waiters.count ?? 0) + known.earlier.reduce(0) { $0 + $1.waiters.count }
        }
    }

    /// How many reads are under way (for tests).
    var readsUnderWay: Int {
        members.values.reduce(0) { $0 + ($1.latest == nil ? 0 : 1) + $1.earlier.count }
    }

    /// How many members are remembered (for tests).
    var membersRemembered: Int { members.count }

    /// Makes `waiter` take the answer of the latest read of `member` under way (one that
    /// ``reads(of:after:)`` found).
    mutating func wait(for member: MemberID, _ waiter: CheckedContinuation<MemberErasure?, any Error>) {
        guard let index = members.index(forKey: member), members.values[index].latest != nil else {
            preconditionFailure("no read of \(member) is under way to wait for")
        }
        members.values[index].latest?.waiters.append(waiter)
    }

    /// Notes a read of `member` begun at commit count `start`.
    mutating func beginRead(of member: MemberID, at start: UInt64) {
        if let index = members.index(forKey: member) {
            members.values[index].begin(at: start)
        } else {
            makeRoom()
            members[member] = MemberReads(latest: ReadUnderWay(start: start))
        }
    }

    /// Ends a read noted by ``beginRead(of:at:)``, remembering what it found when it found the member
    /// not erased, and returns the checks that wait for its answer.
    mutating func endRead(
        of member: MemberID,
        beganAt start: UInt64,
        foundNotErased: Bool = false
    ) -> [CheckedContinuation<MemberErasure?, any Error>] {
        guard let index = members.index(forKey: member) else {
            if foundNotErased { recordNotErased(member, readBeganAt: start) }
            return []
        }
        if foundNotErased { members.values[index].noteNotErased(since: start) }
        let ended = members.values[index].end(beganAt: start)
        // Nothing left to remember: a read that failed or found an erasure leaves no entry behind.
        if members.values[index].isEmpty { members.remove(at: index) }
        return ended?.waiters ?? []
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
            let reads = erasureReads.reads(of: member, after: commit)
            if reads.knownNotErased { return nil }
            if reads.underWay {
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
        let foundNotErased: Bool
        if case .success(nil) = answer { foundNotErased = true } else { foundNotErased = false }
        for waiter in erasureReads.endRead(of: member, beganAt: start, foundNotErased: foundNotErased) {
            waiter.resume(with: answer)
        }
        return try answer.get()
    }
}
