import Foundation

/// What the desk's own reads of erasure records showed, kept so that one read serves every check that
/// needs a read made after a given commit.
///
/// A received message's commit is followed by a check that its sender was not erased meanwhile, and its
/// acknowledgement by a check before the send; on a database each is a round trip. Commits that stood
/// are counted; a read remembers the count when it began, so a read that found a member not erased
/// answers for every commit counted before it began: it was made after those commits stood, which is
/// what each check needs. Only a finding of *not erased* is kept; an erasure is never cached.
struct ErasureReads {
    /// How many of the desk's commits have stood.
    private(set) var commits: UInt64 = 0
    /// For each member, the commit count when the latest read that found them not erased began.
    private var notErased: [MemberID: UInt64] = [:]
    /// The commit count of each message committed for delivery right away, until it is taken.
    private var committed: [OutboundID: UInt64] = [:]
    /// The commit count of the latest commit that wrote each ticket (the most recent ones).
    private var ticketCommits: [TicketID: UInt64] = [:]

    /// The most members remembered; past it the memory starts afresh (costing only reads).
    static let capacity = 4_096

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
}

extension SupportDesk {
    /// A member's erasure record, read from the ledger store unless a read begun after commit count
    /// `commit` already found them not erased.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - commit: The commit count a read must come after, or `nil` to read in any case.
    /// - Returns: The record, or `nil` when the member is not erased.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func erasure(of member: MemberID, readAfter commit: UInt64?) async throws -> MemberErasure? {
        if let commit, erasureReads.isKnownNotErased(member, after: commit) { return nil }
        let start = erasureReads.commits
        let erasure = try await ledgers.erasure(of: member)
        if erasure == nil { erasureReads.recordNotErased(member, readBeganAt: start) }
        return erasure
    }
}
