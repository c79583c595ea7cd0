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
        let desk = SupportDesk(
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
