/// A ``MemberDirectory`` kept in memory, for tests, demos and small hosts.
///
/// An email address belongs to the member most recently added or replaced with it: adding a profile
/// that lists another member's address moves the address to it.
public actor InMemoryMemberDirectory: MemberDirectory {
    private var profiles: [MemberID: MemberProfile]
    /// The member each canonical email address belongs to.
    private var byEmail: [String: MemberID]

    /// Creates a directory.
    ///
    /// - Parameter members: The members it starts with.
    public init(_ members: [MemberProfile] = []) {
        var profiles: [MemberID: MemberProfile] = [:]
        var byEmail: [String: MemberID] = [:]
        for member in members {
            if let previous = profiles[member.id] {
                for address in previous.emailAddresses where byEmail[address.canonical] == member.id {
                    byEmail[address.canonical] = nil
                }
            }
            profiles[member.id] = member
            for address in member.emailAddresses { byEmail[address.canonical] = member.id }
        }
        self.profiles = profiles
        self.byEmail = byEmail
    }

    /// Looks a member up.
    ///
    /// - Parameter id: The member's id.
    /// - Returns: The profile, or `nil`.
    public func member(_ id: MemberID) -> MemberProfile? { profiles[id] }

    /// Looks a member up by email address, without regard to case.
    ///
    /// - Parameter address: The address.
    /// - Returns: The member the address belongs to, or `nil`.
    public func member(withEmail address: EmailAddress) -> MemberProfile? {
        guard let id = byEmail[address.canonical], let profile = profiles[id], profile.hasEmailAddress(address)
        else { return nil }
        return profile
    }

    /// Adds or replaces a member.
    ///
    /// - Parameter profile: The member's profile.
    public func upsert(_ profile: MemberProfile) {
        remove(profile.id)
        profiles[profile.id] = profile
        for address in profile.emailAddresses { byEmail[address.canonical] = profile.id }
    }

    /// Removes a member.
    ///
    /// - Parameter id: The member's id.
    public func remove(_ id: MemberID) {
        guard let previous = profiles.removeValue(forKey: id) else { return }
        for address in previous.emailAddresses where byEmail[address.canonical] == id {
            byEmail[address.canonical] = nil
        }
    }
}
