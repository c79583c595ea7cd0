import Foundation
import SupportEngine

/// Claims a commit carries: kept as a claim like any other when the store says it keeps them, not kept
/// at all when it says it does not.
extension TicketStoreConformance {
    static let commitClaims = Check("outbox: a claim a commit carries is kept exactly when the store says so") {
        store,
        expect in
        let start = ConformanceFixtures.start
        let later = start.addingTimeInterval(600)
        let claim = DeliveryClaim(token: "commit:O-1", until: start.addingTimeInterval(300))
        var first = ConformanceFixtures.outbound("O-1", ticket: "T-1")
        first.claim = claim
        var second = ConformanceFixtures.outbound("O-2", ticket: "T-1")
        second.claim = DeliveryClaim(token: "commit:O-2", until: start.addingTimeInterval(300))
        try await store.commit(
            TicketCommit(writes: [try ConformanceFixtures.newWrite("T-1")], outbound: [first, second])
        )
        guard store.storesClaimsOnCommit else {
            // An adapter that keeps no claim from a commit stores the messages unclaimed: any desk claims them.
            try expect.that(
                try await store.claimOutbound("O-1", at: start, until: later) != nil,
                "a message committed with a claim the store does not keep could not be claimed"
            )
            return
        }
        try expect.equal(try await store.outbound("O-1")?.claim, claim, "the claim as committed, read back")
        try expect.equal(try await store.outbound("O-1"), first, "the message as committed, claim included")
        try expect.that(
            try await store.claimOutbound("O-1", at: start.addingTimeInterval(10), until: later) == nil,
            "a message committed claimed was claimed by another desk before the claim ended"
        )
        // The committing desk's update under the claim stands and ends it.
        var sent = first
        sent.attempts = 1
        sent.state = .delivered
        sent.receipt = DeliveryReceipt(externalID: "smtp-1", at: start)
        var wrongToken = sent
        wrongToken.claim = DeliveryClaim(token: "someone-else", until: claim.until)
        try await expect.storeError(.claimLost, "an update under another token than the committed claim's") {
            try await store.updateOutbound(wrongToken)
        }
        try await store.updateOutbound(sent)
        sent.claim = nil
        try expect.equal(
            try await store.outbound("O-1"),
            sent,
            "the message after the update under its committed claim"
        )
        // A desk that stopped after its commit: once the claim ends, another desk takes the message over
        // with a new token, and the stopped desk's late update is refused.
        let takenOver = try expect.require(
            try await store.claimOutbound("O-2", at: start.addingTimeInterval(300), until: later),
            "the claim of a message whose committed claim ended"
        )
        try expect.that(takenOver.claim?.token != "commit:O-2", "the takeover kept the committed claim's token")
        var late = second
        late.attempts = 1
        late.state = .delivered
        try await expect.storeError(.claimLost, "the committing desk's update after its claim was taken over") {
            try await store.updateOutbound(late)
        }
    }
}
