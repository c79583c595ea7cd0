import Foundation
import SupportEngine

/// The combined read of the contract: ``PolicyLedgerStore/policyRecords(of:)`` answers what
/// ``PolicyLedgerStore/erasure(of:)`` and ``PolicyLedgerStore/moderationLedger(of:)`` answer, for
/// members with either record, both or none. It records an erasure, so it is one of the
/// ``erasureChecks``.
extension PolicyLedgerStoreConformance {
    static let policyRecordsReadTogether = Check("a member's erasure record and ledger read together") {
        store,
        expect in
        try expect.equal(
            try await store.policyRecords(of: "m-1"),
            MemberPolicyRecords(erasure: nil, moderationLedger: nil),
            "a member with no records"
        )
        let ledger = try Fixture.warned(Fixture.ledger("m-1"))
        try await store.saveModerationLedger(ledger, expectedVersion: 0, owing: nil)
        let otherLedger = try Fixture.warned(Fixture.ledger("m-2"), note: "m-2's own")
        try await store.saveModerationLedger(otherLedger, expectedVersion: 0, owing: nil)
        let erasure = MemberErasure(member: "m-2", requestedBy: .member("m-2"), requestedAt: Fixture.start)
        try await store.recordErasure(erasure)
        let third = MemberErasure(member: "m-3", requestedBy: .owner("olga"), requestedAt: Fixture.start)
        try await store.recordErasure(third)
        try expect.equal(
            try await store.policyRecords(of: "m-1"),
            MemberPolicyRecords(erasure: nil, moderationLedger: ledger),
            "a member with a ledger only"
        )
        try expect.equal(
            try await store.policyRecords(of: "m-2"),
            MemberPolicyRecords(erasure: erasure, moderationLedger: otherLedger),
            "a member with both"
        )
        try expect.equal(
            try await store.policyRecords(of: "m-3"),
            MemberPolicyRecords(erasure: third, moderationLedger: nil),
            "a member with an erasure record only"
        )
        for member: MemberID in ["m-1", "m-2", "m-3", "m-4"] {
            let together = try await store.policyRecords(of: member)
            try expect.equal(together.erasure, try await store.erasure(of: member), "\(member)'s erasure, read alone")
            try expect.equal(
                together.moderationLedger,
                try await store.moderationLedger(of: member),
                "\(member)'s ledger, read alone"
            )
        }
    }
}
