import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("The feed checks catch a careless store")
struct FeedConformanceCanFailTests {
    @Test(
        "each feed mistake fails the checks that guard against it",
        arguments: [
            (FeedBreakingStore.Mistake.dropsNotices, "feed: notices follow their commit's events and are kept once"),
            (.keepsRepeatedNotices, "feed: notices follow their commit's events and are kept once"),
            (.dropsDeadLetters, "feed: a message moved to dead letters is reported once"),
            (.skipsAPosition, "feed: commits' ticket events in order, pageable"),
            (.skipsAPosition, "feed: a reader during concurrent commits never skips an event"),
            (.acceptsAnyPage, "feed: a bad position or page size is refused"),
        ]
    )
    func mistakeIsCaught(_ mistake: FeedBreakingStore.Mistake, _ name: String) async throws {
        let check = try #require(TicketStoreConformance.checks.first { $0.name == name })
        await #expect(throws: (any Error).self) {
            try await check.run(against: FeedBreakingStore(mistake))
        }
        // The same check passes on the store without the mistake.
        try await check.run(against: InMemoryTicketStore())
    }
}

/// A store whose feed has one mistake an adapter could make.
actor FeedBreakingStore: ForwardingTicketStore {
    enum Mistake: Sendable, CustomTestStringConvertible {
        case dropsNotices, keepsRepeatedNotices, dropsDeadLetters, skipsAPosition, acceptsAnyPage

        var testDescription: String { "\(self)" }
    }

    let mistake: Mistake
    let base = InMemoryTicketStore()
    var noticesSeen = 0

    init(_ mistake: Mistake) { self.mistake = mistake }

    func commit(_ commit: TicketCommit) async throws {
        var commit = commit
        switch mistake {
        case .dropsNotices:
            commit.notices = []
            if commit.writes.isEmpty && commit.outbound.isEmpty { return }
        case .keepsRepeatedNotices:
            // Stores every notice as new, as a store that does not look at the keys it holds would.
            for index in commit.notices.indices {
                noticesSeen += 1
                commit.notices[index].key += "#\(noticesSeen)"
            }
        default:
            break
        }
        try await base.commit(commit)
    }

    func deskEvents(after position: Int, limit: Int) async throws -> [DeskFeedEntry] {
        if mistake == .acceptsAnyPage {
            return try await base.deskEvents(after: max(0, position), limit: min(max(1, limit), 1000))
        }
        var entries = try await base.deskEvents(after: position, limit: limit)
        switch mistake {
        case .dropsDeadLetters:
            entries.removeAll { $0.event.kind == .deadLettered }
        case .skipsAPosition:
            entries = entries.filter { $0.position != 2 }
        default:
            break
        }
        return entries
    }
}
