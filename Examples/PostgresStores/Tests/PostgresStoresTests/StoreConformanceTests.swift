import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("PostgresPolicyLedgerStore conformance")
struct PolicyLedgerConformanceTests {
    @Test("the library's policy ledger contract", arguments: PolicyLedgerStoreConformance.checks)
    func conformance(_ check: PolicyLedgerStoreConformance.Check) async throws {
        try await TestDatabase.withStores(schema: TestDatabase.schemaName("ledger", check.name)) { stores in
            try await check.run(against: stores.policyLedgers)
        }
    }
}

@Suite("PostgresMemberJourneyStore conformance")
struct MemberJourneyConformanceTests {
    @Test("the library's journey contract", arguments: MemberJourneyStoreConformance.checks)
    func conformance(_ check: MemberJourneyStoreConformance.Check) async throws {
        try await TestDatabase.withStores(schema: TestDatabase.schemaName("journey", check.name)) { stores in
            try await check.run(against: stores.journeys)
        }
    }
}

@Suite("PostgresRatingStore conformance")
struct RatingConformanceTests {
    @Test("the library's rating contract", arguments: RatingStoreConformance.checks)
    func conformance(_ check: RatingStoreConformance.Check) async throws {
        try await TestDatabase.withStores(schema: TestDatabase.schemaName("rating", check.name)) { stores in
            try await check.run(against: stores.ratings)
        }
    }
}

@Suite("PostgresAgentStatusStore conformance")
struct AgentStatusConformanceTests {
    @Test("the library's agent status contract", arguments: AgentStatusStoreConformance.checks)
    func conformance(_ check: AgentStatusStoreConformance.Check) async throws {
        try await TestDatabase.withStores(schema: TestDatabase.schemaName("agent", check.name)) { stores in
            try await check.run(against: stores.agentStatuses)
        }
    }
}
