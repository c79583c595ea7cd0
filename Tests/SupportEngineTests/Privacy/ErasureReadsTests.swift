import Foundation
import Testing

@testable import SupportEngine

/// The desk's memory of its own erasure reads (`ErasureReads`): a read that found a member not erased
/// answers for the commits counted before it began, a check waits for the latest read under way, and the
/// memory stays bounded without forgetting a read under way.
@Suite("The desk's erasure reads")
struct ErasureReadsTests {
    /// An `ErasureReads` that checks can wait on.
    actor Reads {
        var reads = ErasureReads()

        func recordCommit() { reads.recordCommit(writing: [], queuing: []) }
        func begin(_ member: MemberID) -> UInt64 {
            let start = reads.commits
            reads.beginRead(of: member, at: start)
            return start
        }
        func end(_ member: MemberID, beganAt start: UInt64, answer: MemberErasure?) {
            for waiter in reads.endRead(of: member, beganAt: start, foundNotErased: answer == nil) {
                waiter.resume(returning: answer)
            }
        }
        func wait(for member: MemberID) async throws -> MemberErasure? {
            try await withCheckedThrowingContinuation { reads.wait(for: member, $0) }
        }
        func waiting() -> Int { reads.waitingChecks }
        func view(_ member: MemberID, after commit: UInt64) -> (knownNotErased: Bool, underWay: Bool) {
            reads.reads(of: member, after: commit)
        }
    }

    @Test("a read that found a member not erased answers for the commits counted before it began, not after")
    func notErasedSince() {
        var reads = ErasureReads()
        reads.recordCommit(writing: ["T-1"], queuing: [])
        reads.recordCommit(writing: ["T-2"], queuing: [])
        reads.recordNotErased("alice", readBeganAt: 2)
        #expect(reads.reads(of: "alice", after: 1).knownNotErased && reads.reads(of: "alice", after: 2).knownNotErased)
        #expect(!reads.reads(of: "alice", after: 3).knownNotErased)
        #expect(!reads.reads(of: "bob", after: 0).knownNotErased)
        // An older read's answer never moves the memory back.
        reads.recordNotErased("alice", readBeganAt: 1)
        #expect(reads.reads(of: "alice", after: 2).knownNotErased)
        #expect(reads.latestCommit(of: "T-1") == 1 && reads.latestCommit(of: "T-9") == 2)
    }

    @Test("reads under way: the latest serves the checks, each ends by its start, what it found is kept")
    func readsUnderWay() {
        var reads = ErasureReads()
        reads.beginRead(of: "alice", at: 0)
        reads.recordCommit(writing: [], queuing: [])
        reads.beginRead(of: "alice", at: 1)
        #expect(reads.readsUnderWay == 2)
        #expect(reads.reads(of: "alice", after: 1).underWay && !reads.reads(of: "alice", after: 2).underWay)
        #expect(!reads.reads(of: "bob", after: 0).underWay)
        // The earlier read ends first: the later one is still under way.
        #expect(reads.endRead(of: "alice", beganAt: 0, foundNotErased: true).isEmpty)
        #expect(reads.readsUnderWay == 1 && reads.reads(of: "alice", after: 1).underWay)
        #expect(reads.reads(of: "alice", after: 0).knownNotErased && !reads.reads(of: "alice", after: 1).knownNotErased)
        // The later one ends having found an erasure: nothing is kept of it.
        #expect(reads.endRead(of: "alice", beganAt: 1, foundNotErased: false).isEmpty)
        #expect(reads.readsUnderWay == 0 && !reads.reads(of: "alice", after: 0).underWay)
        #expect(!reads.reads(of: "alice", after: 1).knownNotErased)
        // A read ending that was never noted changes nothing but what it found.
        #expect(reads.endRead(of: "carol", beganAt: 0, foundNotErased: true).isEmpty)
        #expect(reads.reads(of: "carol", after: 0).knownNotErased && reads.readsUnderWay == 0)
        // Three reads, the middle one ending first.
        for start: UInt64 in [3, 4, 5] { reads.beginRead(of: "dave", at: start) }
        _ = reads.endRead(of: "dave", beganAt: 4)
        #expect(reads.readsUnderWay == 2 && reads.reads(of: "dave", after: 5).underWay)
        _ = reads.endRead(of: "dave", beganAt: 5)
        #expect(reads.reads(of: "dave", after: 3).underWay && !reads.reads(of: "dave", after: 4).underWay)
        _ = reads.endRead(of: "dave", beganAt: 3)
        #expect(reads.readsUnderWay == 0)
    }

    @Test("a check waits for the latest read under way and takes its answer")
    func waitersTakeTheLatestReadsAnswer() async throws {
        let reads = Reads()
        let earlier = await reads.begin("alice")
        await reads.recordCommit()
        let later = await reads.begin("alice")
        let check = Task { try await reads.wait(for: "alice") }
        while await reads.waiting() == 0 { await Task.yield() }
        // The earlier read's answer is not the check's: it waits for a read begun after the commit.
        await reads.end("alice", beganAt: earlier, answer: nil)
        #expect(await reads.waiting() == 1)
        let erasure = MemberErasure(
            member: "alice",
            requestedBy: .member("alice"),
            requestedAt: Date(timeIntervalSince1970: 0)
        )
        await reads.end("alice", beganAt: later, answer: erasure)
        #expect(try await check.value == erasure)
        #expect(await reads.waiting() == 0)
        #expect(await reads.view("alice", after: 0) == (knownNotErased: true, underWay: false))
    }

    @Test("two reads begun at one commit count each end once, in either order, and each waiter is answered once")
    func readsWithOneStart() async throws {
        let reads = Reads()
        let first = await reads.begin("alice")
        let firstCheck = Task { try await reads.wait(for: "alice") }
        while await reads.waiting() == 0 { await Task.yield() }
        let second = await reads.begin("alice")
        #expect(first == second)
        let secondCheck = Task { try await reads.wait(for: "alice") }
        while await reads.waiting() == 1 { await Task.yield() }
        // The later read ends first: one of the two checks has its answer, the other still waits.
        await reads.end("alice", beganAt: second, answer: nil)
        #expect(await reads.waiting() == 1)
        await reads.end("alice", beganAt: first, answer: nil)
        #expect(try await firstCheck.value == nil)
        #expect(try await secondCheck.value == nil)
        #expect(await reads.waiting() == 0)
        #expect(await reads.reads.readsUnderWay == 0)
        #expect(await reads.view("alice", after: first) == (knownNotErased: true, underWay: false))
    }

    @Test("a read that failed or found an erasure leaves nothing behind")
    func nothingKeptOfAnErasure() {
        var reads = ErasureReads()
        reads.beginRead(of: "alice", at: 0)
        #expect(reads.membersRemembered == 1)
        #expect(reads.endRead(of: "alice", beganAt: 0, foundNotErased: false).isEmpty)
        #expect(reads.membersRemembered == 0 && !reads.reads(of: "alice", after: 0).knownNotErased)
    }

    @Test("past its capacity the memory forgets the members with no read under way, never a read under way")
    func bounded() async throws {
        var reads = ErasureReads()
        reads.beginRead(of: "reading", at: 0)
        for index in 0..<(ErasureReads.capacity - 1) {
            reads.recordNotErased(MemberID("member-\(index)"), readBeganAt: 0)
        }
        #expect(reads.membersRemembered == ErasureReads.capacity)
        #expect(reads.reads(of: "member-0", after: 0).knownNotErased)
        reads.recordNotErased("newcomer", readBeganAt: 0)
        #expect(reads.membersRemembered == 2)
        #expect(!reads.reads(of: "member-0", after: 0).knownNotErased, "forgotten: it costs a read, nothing else")
        #expect(reads.reads(of: "newcomer", after: 0).knownNotErased)
        #expect(reads.reads(of: "reading", after: 0).underWay, "a read under way is kept")
        #expect(reads.endRead(of: "reading", beganAt: 0, foundNotErased: true).isEmpty)
        #expect(reads.reads(of: "reading", after: 0).knownNotErased)
    }
}
