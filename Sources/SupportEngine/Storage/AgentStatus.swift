import Foundation

/// One agent's availability as the desks share it: presence, absence and the last shift change a desk
/// acted on.
///
/// Several desks on one store read and write these records, so an agent who goes online through one
/// server is online for all of them, a restart keeps it, and the end of a shift is handed over once.
public struct AgentStatus: Sendable, Hashable, Codable {
    /// The agent.
    public var agent: AgentID
    /// Online, away or offline, as the agent last set it.
    public var presence: AgentPresence
    /// Whether the agent is marked absent (on leave) by hand; calendar absences are not stored here,
    /// they follow from the configuration.
    public var isAbsent: Bool
    /// Whether the agent's shift was open when a desk last acted on a shift change (a handover when it
    /// closed, a drain when it opened); `nil` when no desk has looked at their shift yet. A desk that
    /// finds the shift in another state than this does the change's work once, and records it.
    public var shiftWasOpen: Bool?
    /// When the record was last changed, by the clock of the desk that changed it.
    public var updatedAt: Date
    /// How many times the record was saved; 0 for a record that was never stored. A writer saves over
    /// the version it read.
    public var version: Int

    /// Creates a status.
    ///
    /// - Parameters:
    ///   - agent: The agent.
    ///   - presence: The presence; offline by default, as for an agent nobody has seen.
    ///   - isAbsent: Whether the agent is marked absent.
    ///   - shiftWasOpen: Whether the shift was open at the last shift change a desk acted on.
    ///   - updatedAt: When the record changed.
    ///   - version: The stored version; 0 for a new record.
    public init(
        agent: AgentID,
        presence: AgentPresence = .offline,
        isAbsent: Bool = false,
        shiftWasOpen: Bool? = nil,
        updatedAt: Date,
        version: Int = 0
    ) {
        self.agent = agent
        self.presence = presence
        self.isAbsent = isAbsent
        self.shiftWasOpen = shiftWasOpen
        self.updatedAt = updatedAt
        self.version = version
    }
}
