import Foundation
import Testing

@testable import SupportEngine

/// Tickets routed alike share one array of routing explanations instead of holding one each; sharing
/// never changes what a ticket says.
@Suite("Shared routing explanations")
struct SharedExplanationsTests {
    static func storage(_ explanations: [RoutingExplanation]) -> UnsafeRawPointer? {
        explanations.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    static func list(_ reason: String, _ because: String) -> [RoutingExplanation] {
        [
            RoutingExplanation(aspect: .reason, value: reason, because: because),
            RoutingExplanation(aspect: .assignee, value: "queue", because: "no agent is available now"),
        ]
    }

    @Test("an equal list comes back as the first one's storage; a different one as itself")
    func sharing() {
        var routing = RoutingState(strategy: .leastLoaded)
        let first = routing.sharedExplanations(Self.list("access", "rule access matched 'login' (score 1)"))
        let equal = Self.list("access", "rule access matched 'login' (score 1)")
        #expect(Self.storage(equal) != Self.storage(first))
        let shared = routing.sharedExplanations(equal)
        #expect(shared == equal && Self.storage(shared) == Self.storage(first))
        let other = Self.list("billing", "rule billing matched 'refund' (score 1)")
        let kept = routing.sharedExplanations(other)
        #expect(kept == other && Self.storage(kept) == Self.storage(other))
        #expect(
            Self.storage(routing.sharedExplanations(Self.list("billing", "rule billing matched 'refund' (score 1)")))
                == Self.storage(other)
        )
    }

    @Test("a list returned long ago is still shared once the latest lists have moved on")
    func sharedPastTheLatestLists() {
        var routing = RoutingState(strategy: .leastLoaded)
        let first = routing.sharedExplanations(Self.list("access", "rule access matched 'login' (score 1)"))
        for index in 0...RoutingState.recentExplanationListCount {
            let list = Self.list("reason \(index)", "because \(index)")
            let returned = routing.sharedExplanations(list)
            #expect(returned == list && Self.storage(returned) == Self.storage(list))
        }
        let equal = Self.list("access", "rule access matched 'login' (score 1)")
        let shared = routing.sharedExplanations(equal)
        #expect(shared == equal && Self.storage(shared) == Self.storage(first))
        // A list equal to one returned before comes back as that one (the latest lists or the set).
        let latest = Self.list("reason 3", "because 3")
        let again = routing.sharedExplanations(latest)
        #expect(again == latest && Self.storage(again) != Self.storage(latest))
    }

    @Test("at most 4,096 distinct lists are kept; the later ones are returned as they are")
    func bounded() {
        var routing = RoutingState(strategy: .leastLoaded)
        for index in 0..<4096 { _ = routing.sharedExplanations(Self.list("r\(index)", "because \(index)")) }
        let late = Self.list("late", "after the bound")
        let returned = routing.sharedExplanations(late)
        #expect(returned == late)
        let again = routing.sharedExplanations(Self.list("late", "after the bound"))
        #expect(again == late && Self.storage(again) == Self.storage(late), "still among the latest lists")
        for index in 0..<RoutingState.recentExplanationListCount {
            _ = routing.sharedExplanations(Self.list("later \(index)", "after the bound"))
        }
        let gone = Self.list("late", "after the bound")
        let afterwards = routing.sharedExplanations(gone)
        #expect(afterwards == late && Self.storage(afterwards) == Self.storage(gone), "not kept past the latest lists")
        let early = Self.list("r7", "because 7")
        #expect(Self.storage(routing.sharedExplanations(early)) != Self.storage(early), "kept before the bound")
    }

    @Test("tickets received alike share their explanations, and each still says its own")
    func throughTheDesk() async throws {
        let harness = DeskHarness()
        try await harness.receive("m-1", from: "alice")
        try await harness.receive("m-2", from: "bob")
        try await harness.receive("m-3", from: "carol", body: "Please refund my last payment, it was charged twice")
        let tickets = try await harness.allTickets().map(\.ticket)
        try #require(tickets.count == 3)
        let lists = tickets.map(\.explanations.values)
        #expect(lists[0] == lists[1] && Self.storage(lists[0]) == Self.storage(lists[1]))
        #expect(lists[0] != lists[2] || tickets[0].reason == tickets[2].reason)
        for ticket in tickets {
            let events = await harness.store.events(of: ticket.id)
            #expect(try Ticket.replay(events) == ticket)
            let explained = events.compactMap { event -> [RoutingExplanation]? in
                if case .explained(let decided) = event.change { return decided }
                return nil
            }
            #expect(explained.last == ticket.explanations.values)
        }
    }
}
