import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Policy desk: ledger store conformance")
struct PolicyDeskConformanceTests {
    @Test(arguments: PolicyLedgerStoreConformance.checks)
    func inMemoryPolicyLedgerStoreKeepsTheContract(_ check: PolicyLedgerStoreConformance.Check) async throws {
        try await check.run(against: InMemoryPolicyLedgerStore())
    }

    @Test func allChecksRunTogether() async throws {
        try await PolicyLedgerStoreConformance.run { InMemoryPolicyLedgerStore() }
        #expect(PolicyLedgerStoreConformance.checks.count == 11)
        #expect(Set(PolicyLedgerStoreConformance.checks.map(\.name)).count == PolicyLedgerStoreConformance.checks.count)
    }
}
