import SupportEngine
import SupportEngineTesting
import Testing

@Suite("InMemoryTicketStore conformance")
struct TicketStoreConformanceTests {
    @Test("conformance check", arguments: TicketStoreConformance.checks)
    func conformance(_ check: TicketStoreConformance.Check) async throws {
        try await check.run(against: InMemoryTicketStore())
    }

    @Test("the suite runs every check, each on a fresh store")
    func runAll() async throws {
        var made = 0
        try await TicketStoreConformance.run {
            made += 1
            return InMemoryTicketStore()
        }
        #expect(made == TicketStoreConformance.checks.count)
        #expect(TicketStoreConformance.checks.count >= 15)
    }
}

@Suite("InMemoryPolicyLedgerStore conformance")
struct PolicyLedgerStoreConformanceTests {
    @Test(arguments: PolicyLedgerStoreConformance.checks)
    func inMemoryPolicyLedgerStoreKeepsTheContract(_ check: PolicyLedgerStoreConformance.Check) async throws {
        try await check.run(against: InMemoryPolicyLedgerStore())
    }

    @Test func allChecksRunTogether() async throws {
        try await PolicyLedgerStoreConformance.run { InMemoryPolicyLedgerStore() }
        #expect(PolicyLedgerStoreConformance.checks.count == 18)
        #expect(
            Set(PolicyLedgerStoreConformance.checks.map(\.name)).count == PolicyLedgerStoreConformance.checks.count
        )
    }
}

@Suite("InMemoryMemberJourneyStore conformance")
struct MemberJourneyStoreConformanceTests {
    @Test(arguments: MemberJourneyStoreConformance.checks)
    func inMemoryMemberJourneyStoreKeepsTheContract(_ check: MemberJourneyStoreConformance.Check) async throws {
        try await check.run(against: InMemoryMemberJourneyStore())
    }
}
