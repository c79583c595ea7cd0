extension TicketStore {
    /// `false`: a commit keeps no claim, and the desk claims each message it sends with
    /// ``TicketStore/claimOutbound(_:at:until:)``. An adapter that stores the claims a commit carries (see
    /// ``TicketStore/storesClaimsOnCommit``) returns `true` and saves that round trip per message.
    public var storesClaimsOnCommit: Bool { false }
}
