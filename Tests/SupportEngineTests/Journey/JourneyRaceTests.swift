import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A journey store that can hold the answer to the next read of a member's journey until the test lets it
/// go, so a test can put another change between a read and the write that follows it.
private actor HoldingJourneyStore: MemberJourneyStore {
    let base = InMemoryMemberJourneyStore()
    private var armed = false
    private var held: CheckedContinuation<Void, Never>?
    private(set) var isHolding = false

    func holdNextRead() { armed = true }

    func release() {
        held?.resume()
        held = nil
        isHolding = false
    }

    func journey(of member: MemberID) async throws -> StoredJourney? {
        let read = await base.journey(of: member)
        if armed {
            armed = false
            isHolding = true
            await withCheckedContinuation { held = $0 }
        }
        return read
    }

    func saveJourney(_ record: JourneyRecord, expectedVersion: Int, dueAt: Date?) async throws {
        try await base.saveJourney(record, expectedVersion: expectedVersion, dueAt: dueAt)
    }

    func journeys(dueBefore instant: Date, after: MemberID?, limit: Int) async throws -> [StoredJourney] {
        try await base.journeys(dueBefore: instant, after: after, limit: limit)
    }

    func journeys(leftFor reason: ExitReason, after: MemberID?, limit: Int) async throws -> [StoredJourney] {
        try await base.journeys(leftFor: reason, after: after, limit: limit)
    }

    func recordFix(_ fix: FixAnnouncement) async throws -> Bool { await base.recordFix(fix) }

    func fix(_ id: FixID) async throws -> FixAnnouncement? { await base.fix(id) }
}

@Suite("Journey changes that race")
struct JourneyRaceTests {
    /// `recordActivity` used to read the member's facts before taking the member's lock and write the
    /// whole facts back: a cancellation that landed in between was undone and the member was "active".
    @Test func anActivityReadBeforeACancellationDoesNotUndoIt() async throws {
        let clock = ManualClock()
        let journeys = HoldingJourneyStore()
        let members = InMemoryMemberDirectory([MemberProfile(id: "anna", displayName: "Anna", locale: .en)])
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(journey: JourneyPolicy()),
            ids: SequentialIDGenerator(),
            members: members,
            journeys: journeys
        )
        try await desk.journey.memberJoined("anna")
        clock.advance(by: 3_600)

        await journeys.holdNextRead()
        let activity = Task { try await desk.journey.recordActivity(of: "anna") }
        var spins = 0
        while await !journeys.isHolding, spins < 10_000 {
            await Task.yield()
            spins += 1
        }
        #expect(await journeys.isHolding, "the activity's read is held")

        let cancellation = Task { try await desk.journey.memberCancelled("anna") }
        // Give the cancellation every chance to finish while the activity's read is held; with the
        // read taken under the member's lock it cannot, and waits its turn.
        spins = 0
        while await journeys.base.journey(of: "anna")?.record.facts.subscription != .cancelled, spins < 2_000 {
            await Task.yield()
            spins += 1
        }
        await journeys.release()
        _ = try await activity.value
        _ = try await cancellation.value

        let facts = try #require(try await desk.journey.record(of: "anna")?.facts)
        #expect(facts.subscription == .cancelled, "the cancellation stands")
        #expect(facts.cancellationRequestedAt == clock.now)
        #expect(facts.lastActivityAt == clock.now, "the activity stands too")
    }
}

/// A journey store that yields a seeded number of times before every call, so that concurrent journey
/// changes interleave differently from seed to seed.
private struct SeededYieldingJourneyStore: MemberJourneyStore {
    let base = InMemoryMemberJourneyStore()
    let yields: SeededYields

    func journey(of member: MemberID) async throws -> StoredJourney? {
        await yields.pause()
        return await base.journey(of: member)
    }

    func saveJourney(_ record: JourneyRecord, expectedVersion: Int, dueAt: Date?) async throws {
        await yields.pause()
        try await base.saveJourney(record, expectedVersion: expectedVersion, dueAt: dueAt)
    }

    func journeys(dueBefore instant: Date, after: MemberID?, limit: Int) async throws -> [StoredJourney] {
        await yields.pause()
        return try await base.journeys(dueBefore: instant, after: after, limit: limit)
    }

    func journeys(leftFor reason: ExitReason, after: MemberID?, limit: Int) async throws -> [StoredJourney] {
        await yields.pause()
        return try await base.journeys(leftFor: reason, after: after, limit: limit)
    }

    func recordFix(_ fix: FixAnnouncement) async throws -> Bool {
        await yields.pause()
        return await base.recordFix(fix)
    }

    func fix(_ id: FixID) async throws -> FixAnnouncement? {
        await yields.pause()
        return await base.fix(id)
    }
}

@Suite("Journey entry points that race")
struct JourneyEntryPointRaceTests {
    /// One call of the concurrent part of a run.
    private enum Step: Sendable {
        case join
        case activity(Date)
        case cancel
    }

    /// `memberJoined` read the member's journey outside the member's lock, then wrote whole new facts: a
    /// second report of the join (a retried webhook) that ran after the cancellation wrote "active" over
    /// it, and one that read before the first join landed wrote its activity back.
    @Test(arguments: 0..<40)
    func joinsActivitiesAndACancellationInAnyOrderGiveOneConsistentJourney(run: Int) async throws {
        let seed = UInt64(0x10_0004_0000) &+ UInt64(run)
        print("joinsActivitiesAndACancellationInAnyOrderGiveOneConsistentJourney seed: \(seed)")
        var random = SplitMix64(seed: seed)
        let clock = ManualClock()
        let email = InMemoryChannel(kind: .email)
        let journeys = SeededYieldingJourneyStore(yields: SeededYields(seed: seed))
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(journey: JourneyPolicy()),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([MemberProfile(id: "anna", displayName: "Anna", locale: .en)]),
            journeys: journeys
        )
        let joined = clock.now
        let cancelledAt = joined.addingTimeInterval(3_600)
        clock.advance(by: 7_200)
        // The first report of the join lands before the rest, or races with it too.
        let firstJoinFirst = Bool.random(using: &random)
        if firstJoinFirst { try await desk.journey.memberJoined("anna", at: joined) }
        var steps: [Step] = [.join, .join, .cancel]
        steps += (1...3).map { .activity(joined.addingTimeInterval(Double($0) * 600)) }
        steps.shuffle(using: &random)

        // What each call did: the cancellation and the activities fail only before any join landed.
        let outcomes = try await withThrowingTaskGroup(of: (Step, Bool).self) { group in
            for step in steps {
                group.addTask {
                    do {
                        switch step {
                        case .join: try await desk.journey.memberJoined("anna", at: joined)
                        case .activity(let instant): try await desk.journey.recordActivity(of: "anna", at: instant)
                        case .cancel: try await desk.journey.memberCancelled("anna", at: cancelledAt)
                        }
                        return (step, true)
                    } catch let error as DeskError where error.code == .notFound {
                        return (step, false)
                    }
                }
            }
            var outcomes: [(Step, Bool)] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }

        let record = try #require(try await desk.journey.record(of: "anna"), "seed \(seed)")
        let facts = record.facts
        let cancelled = outcomes.contains { step, succeeded in
            if case .cancel = step { return succeeded }
            return false
        }
        let activities = outcomes.compactMap { step, succeeded -> Date? in
            if case .activity(let instant) = step, succeeded { return instant }
            return nil
        }
        #expect(record.membership == 1, "seed \(seed): one membership, not a rejoin")
        #expect(facts.joinedAt == joined, "seed \(seed)")
        #expect(facts.lastActivityAt == activities.max() ?? joined, "seed \(seed): no activity is lost")
        if cancelled {
            #expect(facts.subscription == .cancelled, "seed \(seed): the cancellation after the join stands")
            #expect(facts.cancellationRequestedAt == cancelledAt, "seed \(seed)")
            #expect(record.departures.count == 1 && record.departures.first?.withdrawnAt == nil, "seed \(seed)")
        } else {
            #expect(!firstJoinFirst, "seed \(seed): a cancellation after the first join cannot fail")
            #expect(facts.subscription == .active, "seed \(seed)")
        }
        let welcomes = record.steps.filter { $0.step == .welcome }
        #expect(welcomes.count == 1, "seed \(seed): one welcome")
    }
}
