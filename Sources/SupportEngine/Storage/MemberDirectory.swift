/// Where the desk looks members up. The host implements it over its own member data.
///
/// Both lookups are required. ``member(withEmail:)`` is how mail finds its member (``EmailIntake``): a
/// directory that cannot search by address should return `nil`, and every sender is then treated as a
/// prospect keyed by their address (`email:<address>`).
public protocol MemberDirectory: Sendable {
    /// Looks a member up.
    ///
    /// - Parameter id: The member's id.
    /// - Returns: The profile, or `nil` for an unknown contact.
    /// - Throws: Whatever the host's lookup throws; the desk passes it on.
    func member(_ id: MemberID) async throws -> MemberProfile?

    /// Looks a member up by one of their email addresses (``MemberProfile/emailAddresses``).
    ///
    /// Compare addresses by ``EmailAddress/canonical`` (the whole address in lowercase), as mail
    /// clients and providers write the same address in different cases.
    ///
    /// - Parameter address: The sender's address, already validated.
    /// - Returns: The member whose profile lists the address, or `nil` for an unknown sender.
    /// - Throws: Whatever the host's lookup throws; the intake passes it on.
    func member(withEmail address: EmailAddress) async throws -> MemberProfile?
}
