/// Who performed an action: a member, an agent, the owner, or the system itself.
///
/// Named `SupportActor` rather than `Actor` so it never shadows Swift's `Actor` protocol. Every
/// event, refund decision and moderation action carries one; goodwill refunds and removals check
/// its ``role``.
public enum SupportActor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A member of the club, or an unknown contact writing in.
    case member(MemberID)
    /// An agent or moderator.
    case agent(AgentID)
    /// The owner of the club: the only role that may approve goodwill refunds and remove paying members.
    case owner(AgentID)
    /// The engine itself: timers, automatic replies.
    case system

    /// What an actor may do.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// A member: writes in, reads their own tickets.
        case member
        /// An agent: answers, notes, changes status.
        case agent
        /// The owner: everything an agent may, plus owner-only approvals.
        case owner
        /// The engine.
        case system

        private var rank: Int {
            switch self {
            case .member: 0
            case .agent: 1
            case .system: 2
            case .owner: 3
            }
        }

        /// Orders roles by authority: member, agent, system, owner.
        public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
    }

    /// The actor's role.
    public var role: Role {
        switch self {
        case .member: .member
        case .agent: .agent
        case .owner: .owner
        case .system: .system
        }
    }

    /// Whether the actor is staff: an agent, the owner or the system.
    public var isStaff: Bool { role != .member }

    /// The agent's id when the actor is an agent or the owner.
    public var agentID: AgentID? {
        switch self {
        case .agent(let id), .owner(let id): id
        case .member, .system: nil
        }
    }

    /// The member's id when the actor is a member.
    public var memberID: MemberID? {
        if case .member(let id) = self { return id }
        return nil
    }

    /// A short text such as `member:m-7` or `system`.
    public var description: String {
        switch self {
        case .member(let id): "member:\(id)"
        case .agent(let id): "agent:\(id)"
        case .owner(let id): "owner:\(id)"
        case .system: "system"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case role
        case id
    }

    /// Decodes an actor from `{"role": "agent", "id": "a-1"}` (no `id` for the system).
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for an unknown role or a missing id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let role = try container.decode(Role.self, forKey: .role)
        switch role {
        case .member: self = .member(try container.decode(MemberID.self, forKey: .id))
        case .agent: self = .agent(try container.decode(AgentID.self, forKey: .id))
        case .owner: self = .owner(try container.decode(AgentID.self, forKey: .id))
        case .system: self = .system
        }
    }

    /// Encodes the actor as `{"role": "agent", "id": "a-1"}`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        switch self {
        case .member(let id): try container.encode(id, forKey: .id)
        case .agent(let id), .owner(let id): try container.encode(id, forKey: .id)
        case .system: break
        }
    }
}
