import Foundation
import SupportEngine

/// The delivery-claim part of the contract: who holds an outbound message, and whose update stands.
extension TicketStoreConformance {
    static let outboxClaims = Check("outbox: a claim is held by one desk until it is released or ends") {
        store,
        expect in
        let start = ConformanceFixtures.start
        let later = start.addingTimeInterval(600)
        let due = ConformanceFixtures.outbound("O-1", ticket: "T-1")
        let notYet = ConformanceFixtures.outbound("O-2", ticket: "T-1", at: later)
        let write = try ConformanceFixtures.newWrite("T-1")
        try await store.commit(TicketCommit(writes: [write], outbound: [due, notYet]))
        let claimed = try expect.require(
            try await store.claimOutbound("O-1", at: start, until: start.addingTimeInterval(300)),
            "the first claim of O-1"
        )
        try expect.equal(claimed.claim?.until, start.addingTimeInterval(300), "the claim's end")
        try expect.equal(unclaimed(claimed), due, "the claimed message, apart from its claim")
        try expect.equal(try await store.outbound("O-1")?.claim, claimed.claim, "the claim as stored")
        let second = try await store.claimOutbound("O-1", at: start.addingTimeInterval(10), until: later)
        try expect.that(second == nil, "a held claim was given to a second claimant")
        try expect.that(
            try await store.claimOutbound("O-2", at: start, until: later) == nil,
            "a message not yet due was claimed"
        )
        try expect.that(
            try await store.claimOutbound("O-404", at: start, until: later) == nil,
            "an unknown message was claimed"
        )
        // A claim that ended by itself (the desk stopped) can be taken over, with a new token.
        let takenOver = try expect.require(
            try await store.claimOutbound("O-1", at: start.addingTimeInterval(300), until: later),
            "a claim after the first one ended"
        )
        try expect.that(
            takenOver.claim?.token != claimed.claim?.token,
            "a new claim reused the token \(takenOver.claim?.token ?? "nil")"
        )
        // An update ends the claim; a delivered message is never claimed again.
        var retry = takenOver
        retry.attempts = 1
        retry.lastError = "timeout"
        try await store.updateOutbound(retry)
        let again = try await store.claimOutbound("O-1", at: start.addingTimeInterval(301), until: later)
        try expect.equal(again.map(unclaimed), unclaimed(retry), "claim after an update")
        var delivered = try expect.require(again, "the claim after the update")
        delivered.state = .delivered
        try await store.updateOutbound(delivered)
        try expect.that(
            try await store.claimOutbound("O-1", at: later, until: later.addingTimeInterval(300)) == nil,
            "a delivered message was claimed"
        )
    }

    static let updateUnderCurrentClaim = Check("outbox: an update under the current claim stands and ends it") {
        store,
        expect in
        let start = ConformanceFixtures.start
        try await commitOne(store)
        var sent = try expect.require(
            try await store.claimOutbound("O-1", at: start, until: start.addingTimeInterval(300)),
            "the claim of O-1"
        )
        sent.attempts = 1
        sent.state = .delivered
        sent.receipt = DeliveryReceipt(externalID: "smtp-1", at: start)
        try await store.updateOutbound(sent)
        let stored = try await store.outbound("O-1")
        try expect.equal(stored, unclaimed(sent), "the message after the update under its claim")
        try expect.that(stored?.claim == nil, "the update did not end the claim")
        try expect.equal(try await store.pendingOutbound(dueBy: .distantFuture, limit: 10).map(\.id), [], "pending")
        try await expect.storeError(.claimLost, "a second update under the claim the first one ended") {
            try await store.updateOutbound(sent)
        }
    }

    static let updateUnderTakenOverClaim = Check("outbox: an update under a claim taken over since is refused") {
        store,
        expect in
        let start = ConformanceFixtures.start
        try await commitOne(store)
        var slow = try expect.require(
            try await store.claimOutbound("O-1", at: start, until: start.addingTimeInterval(300)),
            "the first desk's claim"
        )
        // The first desk's send outlasts its claim; a second desk claims the message meanwhile.
        let takeover = start.addingTimeInterval(301)
        var fast = try expect.require(
            try await store.claimOutbound("O-1", at: takeover, until: takeover.addingTimeInterval(300)),
            "the second desk's claim after the first ran out"
        )
        slow.attempts = 1
        slow.lastError = "timeout"
        slow.nextAttemptAt = takeover.addingTimeInterval(60)
        try await expect.storeError(.claimLost, "an update under a claim taken over, while the new one is held") {
            try await store.updateOutbound(slow)
        }
        try expect.equal(try await store.outbound("O-1"), fast, "the message after the refused update")
        fast.attempts = 1
        fast.state = .delivered
        fast.receipt = DeliveryReceipt(externalID: "smtp-2", at: takeover)
        try await store.updateOutbound(fast)
        try await expect.storeError(.claimLost, "an update under a claim taken over, after the new one's update") {
            try await store.updateOutbound(slow)
        }
        try expect.equal(try await store.outbound("O-1"), unclaimed(fast), "the delivered message after a late update")
        try expect.equal(
            try await store.pendingOutbound(dueBy: .distantFuture, limit: 10).map(\.id),
            [],
            "pending after a late update"
        )
    }

    static let updateUnderExpiredClaim = Check("outbox: a claim that ran out but was not taken over still updates") {
        store,
        expect in
        let start = ConformanceFixtures.start
        try await commitOne(store)
        var sent = try expect.require(
            try await store.claimOutbound("O-1", at: start, until: start.addingTimeInterval(300)),
            "the claim of O-1"
        )
        let late = start.addingTimeInterval(900)
        try expect.equal(
            try await store.pendingOutbound(dueBy: late, limit: 10).map(\.id),
            ["O-1"],
            "a message with a claim that ran out is still due"
        )
        sent.attempts = 1
        sent.state = .delivered
        sent.receipt = DeliveryReceipt(externalID: "smtp-1", at: late)
        try await store.updateOutbound(sent)
        try expect.equal(try await store.outbound("O-1"), unclaimed(sent), "the message after a late update")
    }

    static let claimsAtOnce = Check("outbox: of claims made at once, one wins and only its update stands") {
        store,
        expect in
        let start = ConformanceFixtures.start
        try await commitOne(store)
        let claims = try await withThrowingTaskGroup(of: OutboundMessage?.self) { group in
            for desk in 0..<8 {
                group.addTask {
                    try await store.claimOutbound("O-1", at: start, until: start.addingTimeInterval(Double(300 + desk)))
                }
            }
            var claims: [OutboundMessage] = []
            for try await claim in group { if let claim { claims.append(claim) } }
            return claims
        }
        try expect.equal(claims.count, 1, "claims won by 8 desks claiming at once")
        let winner = try expect.require(claims.first, "the winning claim")
        try expect.equal(try await store.outbound("O-1")?.claim, winner.claim, "the stored claim is the winner's")
        var sent = winner
        sent.attempts = 1
        sent.state = .delivered
        try await store.updateOutbound(sent)
        try expect.equal(try await store.outbound("O-1")?.state, .delivered, "state after the winner's update")
    }

    static let updateWithoutClaim = Check("outbox: an update without a claim stands and ends any claim") {
        store,
        expect in
        let start = ConformanceFixtures.start
        try await commitOne(store)
        var sending = try expect.require(
            try await store.claimOutbound("O-1", at: start, until: start.addingTimeInterval(300)),
            "the claim of O-1"
        )
        // A host's administrative write: put the message back for a later attempt, whoever holds it.
        var requeued = unclaimed(sending)
        requeued.nextAttemptAt = start.addingTimeInterval(3600)
        try await store.updateOutbound(requeued)
        try expect.equal(try await store.outbound("O-1"), requeued, "the message after an unclaimed update")
        sending.attempts = 1
        sending.state = .delivered
        try await expect.storeError(.claimLost, "an update under the claim an unclaimed update ended") {
            try await store.updateOutbound(sending)
        }
        try expect.equal(try await store.outbound("O-1"), requeued, "the message after the refused update")
    }

    /// Commits ticket `T-1` with one due message, `O-1`.
    private static func commitOne(_ store: any TicketStore) async throws {
        try await store.commit(
            TicketCommit(
                writes: [try ConformanceFixtures.newWrite("T-1")],
                outbound: [ConformanceFixtures.outbound("O-1", ticket: "T-1")]
            )
        )
    }

    /// The message without its claim: what the store holds after an update of it.
    static func unclaimed(_ message: OutboundMessage) -> OutboundMessage {
        var message = message
        message.claim = nil
        return message
    }
}
