import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Erasure conformance")
struct ErasureConformanceTests {
    @Test("the in-memory ticket store erases", arguments: TicketStoreConformance.erasureChecks)
    func ticketStore(_ check: TicketStoreConformance.Check) async throws {
        try await check.run(against: InMemoryTicketStore())
    }

    @Test("a fault-injecting store passes erasure on", arguments: TicketStoreConformance.erasureChecks)
    func faultInjectingStore(_ check: TicketStoreConformance.Check) async throws {
        try await check.run(against: FaultInjectingTicketStore(wrapping: InMemoryTicketStore()))
    }

    @Test("the in-memory policy store erases", arguments: PolicyLedgerStoreConformance.erasureChecks)
    func policyStore(_ check: PolicyLedgerStoreConformance.Check) async throws {
        try await check.run(against: InMemoryPolicyLedgerStore())
    }

    @Test("the in-memory journey store erases", arguments: MemberJourneyStoreConformance.erasureChecks)
    func journeyStore(_ check: MemberJourneyStoreConformance.Check) async throws {
        try await check.run(against: InMemoryMemberJourneyStore())
    }

    @Test("the in-memory rating store erases", arguments: RatingStoreConformance.erasureChecks)
    func ratingStore(_ check: RatingStoreConformance.Check) async throws {
        try await check.run(against: InMemoryRatingStore())
    }

    @Test("a store that claims an erasure it did not do fails the checks")
    func carelessStoreFails() async throws {
        await #expect(throws: ConformanceFailure.self) {
            try await TicketStoreConformance.erasureChecks[0].run(against: ClaimingStore())
        }
    }

    @Test("an adapter without erasure refuses it with a typed error and changes nothing")
    func adapterWithoutErasureRefuses() async throws {
        let store = NoErasureStore()
        let error = await #expect(throws: StoreError.self) {
            _ = try await store.eraseMember("anna", redaction: MemberErasure.redactionMarker)
        }
        #expect(error?.code == .unsupported)
        #expect(error?.message.contains("NoErasureStore") == true)
        let ledger = NoErasureLedgers()
        let recordError = await #expect(throws: StoreError.self) {
            try await ledger.recordErasure(
                MemberErasure(member: "anna", requestedBy: .owner("olga"), requestedAt: .now)
            )
        }
        #expect(recordError?.code == .unsupported)
        #expect(try await ledger.erasure(of: "anna") == nil)
        #expect(try await ledger.unfinishedErasures(limit: 10).isEmpty)
    }
}

/// A store that says it erased and did nothing.
private actor ClaimingStore: ForwardingTicketStore {
    let base = InMemoryTicketStore()

    func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        ErasureCounts(tickets: 1)
    }
}

/// An adapter written before erasure existed.
private actor NoErasureStore: ForwardingTicketStore {
    let base = InMemoryTicketStore()
}

/// A policy store written before erasure existed: it forwards the rest to the in-memory one.
private actor NoErasureLedgers: ForwardingPolicyLedgerStore {
    let base = InMemoryPolicyLedgerStore()
}
