import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("InMemoryAgentStatusStore conformance")
struct AgentStatusStoreConformanceTests {
    @Test("conformance check", arguments: AgentStatusStoreConformance.checks)
    func conformance(_ check: AgentStatusStoreConformance.Check) async throws {
        try await check.run(against: InMemoryAgentStatusStore())
    }

    @Test("the suite runs every check, each on a fresh store, under distinct names")
    func runAll() async throws {
        var made = 0
        try await AgentStatusStoreConformance.run {
            made += 1
            return InMemoryAgentStatusStore()
        }
        #expect(made == AgentStatusStoreConformance.checks.count)
        #expect(Set(AgentStatusStoreConformance.checks.map(\.name)).count == AgentStatusStoreConformance.checks.count)
    }

    @Test("the suite catches a store that ignores versions")
    func catchesLastWriterWins() async throws {
        var failed: [String] = []
        for check in AgentStatusStoreConformance.checks {
            do {
                try await check.run(against: LastWriterWinsStore())
            } catch is ConformanceFailure {
                failed.append(check.name)
            }
        }
        #expect(failed.contains("a stale version conflicts and changes nothing"))
        #expect(failed.contains("of concurrent saves over one version, exactly one wins"))
        #expect(!failed.contains("an empty store reads nothing"))
    }
}

/// A broken adapter: every save wins, whatever version it expects.
private actor LastWriterWinsStore: AgentStatusStore {
    private var statuses: [AgentID: AgentStatus] = [:]

    func agentStatus(of agent: AgentID) -> AgentStatus? { statuses[agent] }

    func agentStatuses() -> [AgentStatus] { statuses.values.sorted { $0.agent < $1.agent } }

    func saveAgentStatus(_ status: AgentStatus, expectedVersion: Int) throws -> AgentStatus {
        if let refusal = status.storageRefusal() { throw refusal }
        var saved = status
        saved.version = (statuses[status.agent]?.version ?? 0) + 1
        statuses[status.agent] = saved
        return saved
    }
}
