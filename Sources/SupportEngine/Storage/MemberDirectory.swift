/// Where the desk looks members up. The host implements it over its own member data.
public protocol MemberDirectory: Sendable {
    /// Looks a member up.
    ///
    /// - Parameter id: The member's id.
    /// - Returns: The profile, or `nil` for an unknown contact.
    /// - Throws: Whatever the host's lookup throws; the desk passes it on.
    func member(_ id: MemberID) async throws -> MemberProfile?
}
