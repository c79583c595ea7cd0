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

@Suite("InMemoryRatingStore conformance")
struct RatingStoreConformanceTests {
    @Test(arguments: RatingStoreConformance.checks)
    func inMemoryRatingStoreKeepsTheContract(_ check: RatingStoreConformance.Check) async throws {
        try await check.run(against: InMemoryRatingStore())
    }

    @Test func allChecksRunTogether() async throws {
        var made = 0
        try await RatingStoreConformance.run {
            made += 1
            return InMemoryRatingStore()
        }
        #expect(made == RatingStoreConformance.checks.count)
        #expect(RatingStoreConformance.checks.count == 8)
        #expect(Set(RatingStoreConformance.checks.map(\.name)).count == RatingStoreConformance.checks.count)
    }

    @Test("a store that overwrites, keeps NUL text or loses order fails the suite")
    func aCarelessStoreFails() async throws {
        var failed: [String] = []
        for check in RatingStoreConformance.checks {
            do {
                try await check.run(against: CarelessRatingStore())
            } catch is ConformanceFailure {
                failed.append(check.name)
            }
        }
        #expect(failed.count >= 5, "failed: \(failed)")
        #expect(!failed.contains(RatingStoreConformance.checks[0].name))
    }
}

/// A rating store that breaks the contract: it writes over a ticket's rating, keeps any text and
/// lists ratings by ticket id.
private actor CarelessRatingStore: RatingStore {
    var ratings: [TicketID: Rating] = [:]

    func save(_ rating: Rating) { ratings[rating.ticket] = rating }
    func rating(of ticket: TicketID) -> Rating? { ratings[ticket] }
    func allRatings() -> [Rating] { ratings.values.sorted { $0.ticket < $1.ticket } }
}
