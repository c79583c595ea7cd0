import Foundation
import SupportEngine

/// The contract every `AgentStatusStore` must keep, as checks an adapter runs from its own tests.
///
/// Each ``Check`` gets a fresh, empty store and throws a ``ConformanceFailure`` naming what the store
/// did wrong. With Swift Testing, run them one test case each:
///
/// ```swift
/// @Test(arguments: AgentStatusStoreConformance.checks)
/// func conformance(_ check: AgentStatusStoreConformance.Check) async throws {
///     try await check.run(against: MyPostgresAgentStatusStore(…))
/// }
/// ```
///
/// or all at once with ``run(against:)``.
public enum AgentStatusStoreConformance {
    /// One named check of the contract.
    public typealias Check = ConformanceCheck<any AgentStatusStore>

    /// Runs every check, each against a fresh store.
    ///
    /// - Parameter makeStore: Makes an empty store.
    /// - Throws: The first failure.
    public static func run(against makeStore: () async throws -> any AgentStatusStore) async throws {
        for check in checks { try await check.run(against: try await makeStore()) }
    }

    /// Every check of the contract.
    public static let checks: [Check] = [
        emptyStoreReadsNothing, saveThenRead, everyFieldRoundTrips, staleVersionConflicts, firstSaveExpectsZero,
        storeSetsTheVersion, statusesAreOrderedAndPerAgent, badStatusIsRefused, concurrentSavesOneWins,
    ]

    /// A whole-second instant, which every database keeps exactly.
    static let noon = Date(timeIntervalSince1970: 1_767_268_800)

    static let emptyStoreReadsNothing = Check("an empty store reads nothing") { store, expect in
        try expect.that(try await store.agentStatus(of: "anna") == nil, "an empty store returned a status")
        try expect.equal(try await store.agentStatuses(), [], "statuses of an empty store")
    }

    static let saveThenRead = Check("a status saves and reads back with version 1, then 2") { store, expect in
        let first = try await store.saveAgentStatus(
            AgentStatus(agent: "anna", presence: .online, updatedAt: noon),
            expectedVersion: 0
        )
        try expect.equal(first.version, 1, "version after the first save")
        try expect.equal(try await store.agentStatus(of: "anna"), first, "status read back")
        var next = first
        next.presence = .away
        next.updatedAt = noon.addingTimeInterval(60)
        let second = try await store.saveAgentStatus(next, expectedVersion: 1)
        try expect.equal(second.version, 2, "version after the second save")
        try expect.equal(try await store.agentStatus(of: "anna"), second, "status after the second save")
    }

    static let everyFieldRoundTrips = Check("every field round-trips") { store, expect in
        let cases: [(AgentPresence, Bool, Bool?)] = [
            (.online, false, nil), (.away, true, true), (.offline, false, false), (.online, true, false),
        ]
        for (index, (presence, absent, shift)) in cases.enumerated() {
            let agent = AgentID("agent-\(index)")
            let status = AgentStatus(
                agent: agent,
                presence: presence,
                isAbsent: absent,
                shiftWasOpen: shift,
                updatedAt: noon.addingTimeInterval(Double(index) * 3_600)
            )
            let saved = try await store.saveAgentStatus(status, expectedVersion: 0)
            var expected = status
            expected.version = 1
            try expect.equal(saved, expected, "status \(index) as saved")
            try expect.equal(try await store.agentStatus(of: agent), expected, "status \(index) read back")
        }
    }

    static let staleVersionConflicts = Check("a stale version conflicts and changes nothing") { store, expect in
        let base = try await store.saveAgentStatus(AgentStatus(agent: "anna", updatedAt: noon), expectedVersion: 0)
        var winner = base
        winner.presence = .online
        let won = try await store.saveAgentStatus(winner, expectedVersion: base.version)
        var loser = base
        loser.isAbsent = true
        try await expect.storeError(.versionConflict, "save over a stale version") {
            _ = try await store.saveAgentStatus(loser, expectedVersion: base.version)
        }
        try expect.equal(try await store.agentStatus(of: "anna"), won, "status after the conflict")
    }

    static let firstSaveExpectsZero = Check("a first save expects version 0") { store, expect in
        let status = AgentStatus(agent: "anna", presence: .online, updatedAt: noon)
        try await expect.storeError(.versionConflict, "first save expecting version 1") {
            _ = try await store.saveAgentStatus(status, expectedVersion: 1)
        }
        try expect.that(try await store.agentStatus(of: "anna") == nil, "a refused first save was stored")
        _ = try await store.saveAgentStatus(status, expectedVersion: 0)
        try await expect.storeError(.versionConflict, "a second 'first' save") {
            _ = try await store.saveAgentStatus(status, expectedVersion: 0)
        }
    }

    static let storeSetsTheVersion = Check("the store sets the version, not the value") { store, expect in
        let saved = try await store.saveAgentStatus(
            AgentStatus(agent: "anna", updatedAt: noon, version: 41),
            expectedVersion: 0
        )
        try expect.equal(saved.version, 1, "version of a value that claimed 41")
        try expect.equal(try await store.agentStatus(of: "anna")?.version, 1, "stored version")
    }

    static let statusesAreOrderedAndPerAgent = Check("statuses are per agent and listed by agent id") {
        store,
        expect in
        for name in ["carla", "anna", "boris"] {
            _ = try await store.saveAgentStatus(AgentStatus(agent: AgentID(name), updatedAt: noon), expectedVersion: 0)
        }
        var anna = try expect.require(try await store.agentStatus(of: "anna"), "anna's status")
        anna.presence = .online
        _ = try await store.saveAgentStatus(anna, expectedVersion: anna.version)
        let all = try await store.agentStatuses()
        try expect.equal(all.map(\.agent), ["anna", "boris", "carla"], "agents listed")
        try expect.equal(all.map(\.presence), [.online, .offline, .offline], "presence per agent")
        try expect.equal(all.map(\.version), [2, 1, 1], "versions per agent")
    }

    static let badStatusIsRefused = Check("a status that cannot be stored is refused and stores nothing") {
        store,
        expect in
        let bad = [
            AgentStatus(agent: "", updatedAt: noon),
            AgentStatus(agent: "an\u{0}na", updatedAt: noon),
            AgentStatus(agent: "anna", updatedAt: Date(timeIntervalSinceReferenceDate: .nan)),
        ]
        for status in bad {
            try await expect.storeError(.invalidCommit, "saving \(status.agent.rawValue.debugDescription)") {
                _ = try await store.saveAgentStatus(status, expectedVersion: 0)
            }
        }
        try expect.equal(try await store.agentStatuses(), [], "statuses after refused saves")
    }

    static let concurrentSavesOneWins = Check("of concurrent saves over one version, exactly one wins") {
        store,
        expect in
        let base = try await store.saveAgentStatus(AgentStatus(agent: "anna", updatedAt: noon), expectedVersion: 0)
        let outcomes = try await withThrowingTaskGroup(of: Int?.self) { group in
            for index in 0..<8 {
                group.addTask {
                    var status = base
                    status.updatedAt = noon.addingTimeInterval(Double(index + 1))
                    do {
                        _ = try await store.saveAgentStatus(status, expectedVersion: base.version)
                        return index
                    } catch let error as StoreError where error.code == .versionConflict {
                        return nil
                    }
                }
            }
            var winners: [Int] = []
            for try await outcome in group { if let outcome { winners.append(outcome) } }
            return winners
        }
        try expect.equal(outcomes.count, 1, "saves that won")
        let stored = try expect.require(try await store.agentStatus(of: "anna"), "anna's status")
        try expect.equal(stored.version, 2, "version after the race")
        try expect.equal(stored.updatedAt, noon.addingTimeInterval(Double(outcomes[0] + 1)), "the winner's status")
    }
}
