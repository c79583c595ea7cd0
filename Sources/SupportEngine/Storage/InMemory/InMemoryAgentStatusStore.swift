import Foundation

/// The reference ``AgentStatusStore``, in memory: for tests, demos and a desk alone in its process.
public actor InMemoryAgentStatusStore: AgentStatusStore {
    private var statuses: [AgentID: AgentStatus] = [:]

    /// Creates an empty store.
    public init() {}

    /// One agent's status, if it was ever saved.
    ///
    /// - Parameter agent: The agent.
    /// - Returns: The stored status.
    public func agentStatus(of agent: AgentID) -> AgentStatus? { statuses[agent] }

    /// Every stored status, ordered by agent id.
    ///
    /// - Returns: The statuses.
    public func agentStatuses() -> [AgentStatus] {
        statuses.values.sorted { $0.agent < $1.agent }
    }

    /// Saves a status over the version it was read at.
    ///
    /// - Parameters:
    ///   - status: The new status.
    ///   - expectedVersion: The version read; 0 for an agent with no stored status.
    /// - Returns: The status as stored, with its new version.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` on a stale version,
    ///   ``StoreError/Code/invalidCommit`` for a status that cannot be stored.
    public func saveAgentStatus(_ status: AgentStatus, expectedVersion: Int) throws -> AgentStatus {
        if let refusal = status.storageRefusal() { throw refusal }
        let stored = statuses[status.agent]?.version ?? 0
        guard stored == expectedVersion else {
            throw StoreError(
                .versionConflict,
                "the status of agent \(status.agent) is at version \(stored), not \(expectedVersion): read it again"
            )
        }
        var saved = status
        saved.version = expectedVersion + 1
        statuses[status.agent] = saved
        return saved
    }
}
