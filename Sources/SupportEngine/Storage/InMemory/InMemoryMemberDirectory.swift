/// A ``MemberDirectory`` kept in memory, for tests, demos and small hosts.
public actor InMemoryMemberDirectory: MemberDirectory {
    private var profiles: [MemberID: MemberProfile]

    /// Creates a directory.
    ///
    /// - Parameter members: The members it starts with.
    public init(_ members: [MemberProfile] = []) {
        var profiles: [MemberID: MemberProfile] = [:]
        for member in members { profiles[member.id] = member }
        self.profiles = profiles
    }

    /// Looks a member up.
    ///
    /// - Parameter id: The member's id.
    /// - Returns: The profile, or `nil`.
    public func member(_ id: MemberID) -> MemberProfile? { profiles[id] }

    /// Adds or replaces a member.
    ///
    /// - Parameter profile: The member's profile.
    public func upsert(_ profile: MemberProfile) { profiles[profile.id] = profile }

    /// Removes a member.
    ///
    /// - Parameter id: The member's id.
    public func remove(_ id: MemberID) { profiles[id] = nil }
}
