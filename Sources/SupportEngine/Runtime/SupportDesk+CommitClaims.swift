import Foundation

extension SupportDesk {
    /// With ``DeskConfiguration/deliveryClaimsOnCommit`` on a store that keeps the claims a commit carries
    /// (``TicketStore/storesClaimsOnCommit``), claims for this desk the pending ticket messages of a
    /// commit that are due now, which it sends right after the commit; returns them as they will be
    /// stored.
    ///
    /// Each claim's token is `commit:` and the message's id: unique among the store's claims, as a
    /// message is committed once and a store's own tokens have another form. The claim lasts
    /// ``DeskConfiguration/deliveryClaimDuration``, like one ``TicketStore/claimOutbound(_:at:until:)``
    /// makes: a desk that stops after the commit leaves the messages to any desk once it ends.
    func claimOnCommit(_ outbound: inout [OutboundMessage]) -> [OutboundID: OutboundMessage] {
        guard !outbound.isEmpty, configuration.deliveryClaimsOnCommit, store.storesClaimsOnCommit else { return [:] }
        let now = clock.now
        let until = now.addingTimeInterval(configuration.deliveryClaimDuration)
        var claimed: [OutboundID: OutboundMessage] = [:]
        for index in outbound.indices {
            let message = outbound[index]
            // A ticket's messages only: a journey message is checked against the member's journey when
            // claimed, and a staff alert is never in a hurry.
            guard message.state == .pending, message.nextAttemptAt <= now, message.ticketID != nil,
                message.staffAddress == nil
            else { continue }
            outbound[index].claim = DeliveryClaim(token: "commit:\(outbound[index].id.rawValue)", until: until)
            claimed[outbound[index].id] = outbound[index]
        }
        return claimed
    }

    /// The message as this desk committed it claimed, taken out of ``committedClaims``, while at least
    /// half of its claim is left at `now`; `nil` otherwise, and the message is claimed from the store as
    /// usual. A claim with less left is not used for a send another desk could take over midway: the
    /// store refuses to claim the message until the claim ends, and the outbox is looked at again then.
    func takeCommittedClaim(of id: OutboundID, at now: Date) -> OutboundMessage? {
        guard let message = committedClaims.removeValue(forKey: id), let claim = message.claim else { return nil }
        guard claim.until.timeIntervalSince(now) >= configuration.deliveryClaimDuration / 2 else {
            if claim.until > now { schedule(.outbox, at: claim.until) }
            return nil
        }
        return message
    }

    /// Forgets the messages committed claimed whose claim has ended by `now`: the store lets any pass
    /// claim them again.
    func forgetEndedCommitClaims(at now: Date) {
        guard !committedClaims.isEmpty else { return }
        committedClaims = committedClaims.filter { ($0.value.claim?.until ?? now) > now }
    }
}
