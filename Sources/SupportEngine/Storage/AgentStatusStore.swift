import Foundation

/// Where agents' presence, absence and shift state live, shared by every desk on the store.
///
/// A record is written over the version it was read at, so two desks changing one agent at once do not
/// lose either change silently: the second gets ``StoreError/Code/versionConflict``, reads again and
/// decides again. Desks read the records when they start and every
/// ``DeskConfiguration/storeScanInterval``.
///
/// ``InMemoryAgentStatusStore`` is the reference adapter; `AgentStatusStoreConformance` in
/// SupportEngineTesting checks an adapter against this contract.
public protocol AgentStatusStore: Sendable {
    /// One agent's status, if it was ever saved.
    ///
    /// - Parameter agent: The agent.
    /// - Returns: The stored status, with the version to save over.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func agentStatus(of agent: AgentID) async throws -> AgentStatus?

    /// Every stored status, ordered by agent id.
    ///
    /// - Returns: The statuses.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func agentStatuses() async throws -> [AgentStatus]

    /// Saves a status over the version it was read at.
    ///
    /// The stored record gets version `expectedVersion + 1`, whatever ``AgentStatus/version`` the value
    /// carries.
    ///
    /// - Parameters:
    ///   - status: The new status.
    ///   - expectedVersion: The version read; 0 for an agent with no stored status.
    /// - Returns: The status as stored, with its new version.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when the stored version is not
    ///   `expectedVersion` (nothing is changed), ``StoreError/Code/invalidCommit`` when the status cannot
    ///   be stored (an empty agent id, a time that is not finite).
    func saveAgentStatus(_ status: AgentStatus, expectedVersion: Int) async throws -> AgentStatus
}

extension AgentStatus {
    /// Why this status cannot be stored, or `nil` when it can: the checks every adapter makes.
    ///
    /// - Returns: The refusal to throw.
    public func storageRefusal() -> StoreError? {
        if agent.rawValue.isEmpty {
            return StoreError(.invalidCommit, "an agent status needs an agent id; this one is empty")
        }
        if agent.rawValue.utf8.contains(0) {
            return StoreError(.invalidCommit, "agent id \(agent.rawValue.debugDescription) contains a NUL character")
        }
        if !updatedAt.timeIntervalSinceReferenceDate.isFinite {
            return StoreError(.invalidCommit, "the status of agent \(agent) has a time that is not finite")
        }
        return nil
    }
}
