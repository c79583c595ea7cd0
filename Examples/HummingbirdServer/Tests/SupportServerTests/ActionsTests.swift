import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("Agent, owner and member actions over HTTP")
struct ActionsTests {
    private static func open(_ client: some TestClientProtocol, _ token: String, _ id: String) async throws -> String {
        let form = WebFormSubmission(body: "Message \(id)", submissionID: id)
        let sent = try await client.call(.post, "/inbound/web-form", token: token, json: form)
        return try sent.decode(InboundResult.self).ticket.id.rawValue
    }

    @Test("an agent assigns, unassigns and merges; bad input and other roles are refused")
    func assignAndMerge() async throws {
        try await TestServer.run { client in
            let first = try await Self.open(client, "alice-token", "s-1")
            let second = try await Self.open(client, "alice-token", "s-2")
            let bobs = try await Self.open(client, "bob-token", "s-3")

            let assigned = try await client.call(
                .post,
                "/agent/tickets/\(first)/assign",
                token: "olga-token",
                json: AssignBody(agent: "olga")
            )
            #expect(assigned.status == .ok, "\(assigned.text)")
            #expect(try assigned.decode(AgentTicket.self).ticket.assignee == "olga")
            let unassigned = try await client.call(
                .post,
                "/agent/tickets/\(first)/assign",
                token: "olga-token",
                json: AssignBody(agent: nil)
            )
            #expect(try unassigned.decode(AgentTicket.self).ticket.assignee == nil)
            let empty = try await client.call(
                .post,
                "/agent/tickets/\(first)/assign",
                token: "olga-token",
                json: AssignBody(agent: "")
            )
            #expect(empty.status == .badRequest)
            let byMember = try await client.call(
                .post,
                "/agent/tickets/\(first)/assign",
                token: "alice-token",
                json: AssignBody(agent: "olga")
            )
            #expect(byMember.status == .unauthorized)

            let merged = try await client.call(
                .post,
                "/agent/tickets/\(first)/merge",
                token: "olga-token",
                json: MergeBody(into: second)
            )
            #expect(merged.status == .ok, "\(first) into \(second): \(merged.text)")
            let survivor = try merged.decode(AgentTicket.self).ticket
            #expect(survivor.id.rawValue == second)
            #expect(survivor.messages.contains { $0.body == "Message s-1" })
            let acrossMembers = try await client.call(
                .post,
                "/agent/tickets/\(bobs)/merge",
                token: "olga-token",
                json: MergeBody(into: second)
            )
            #expect(acrossMembers.status == .forbidden, "\(acrossMembers.text)")
        }
    }

    @Test("an agent sets their presence; an unknown presence is a 400")
    func presence() async throws {
        try await TestServer.run { client in
            let away = try await client.call(
                .post,
                "/agent/presence",
                token: "olga-token",
                json: PresenceBody(presence: "away")
            )
            #expect(away.status == .ok, "\(away.text)")
            #expect(away.text.contains("away"))
            let bad = try await client.call(
                .post,
                "/agent/presence",
                token: "olga-token",
                json: PresenceBody(presence: "asleep")
            )
            #expect(bad.status == .badRequest)
        }
    }

    @Test("a member rates a solved ticket once; not before it is solved, not another's")
    func rating() async throws {
        try await TestServer.run { client in
            let ticket = try await Self.open(client, "alice-token", "s-1")
            let early = try await client.call(
                .post,
                "/me/tickets/\(ticket)/rating",
                token: "alice-token",
                json: RatingBody(score: 5)
            )
            #expect(early.status == .conflict, "\(early.text)")
            let solved = try await client.call(
                .post,
                "/agent/tickets/\(ticket)/status",
                token: "olga-token",
                json: StatusRequest(status: "solved")
            )
            #expect(solved.status == .ok)
            let byBob = try await client.call(
                .post,
                "/me/tickets/\(ticket)/rating",
                token: "bob-token",
                json: RatingBody(score: 1)
            )
            #expect(byBob.status == .notFound)
            let badScore = try await client.call(
                .post,
                "/me/tickets/\(ticket)/rating",
                token: "alice-token",
                json: RatingBody(score: 9)
            )
            #expect(badScore.status == .badRequest)
            let rated = try await client.call(
                .post,
                "/me/tickets/\(ticket)/rating",
                token: "alice-token",
                json: RatingBody(score: 5, comment: "Quick")
            )
            #expect(rated.status == .created, "\(rated.text)")
            let again = try await client.call(
                .post,
                "/me/tickets/\(ticket)/rating",
                token: "alice-token",
                json: RatingBody(score: 4)
            )
            #expect(again.status == .conflict)
            let feed = try await client.call(.get, "/owner/events", token: "nina-token")
            #expect(try feed.decode(EventPage.self).events.filter { $0.event.kind == .ratingReceived }.count == 1)
        }
    }

    @Test("the owner decides a pending removal from the inbox's action; bad decisions are refused")
    func ownerDecidesARemoval() async throws {
        try await TestServer.run { client in
            let id = try await Self.open(client, "alice-token", "rude-1")
            var reports = 0
            while reports < 5 {
                let inbox = try await client.call(.get, "/owner/inbox", token: "nina-token").decode(OwnerInbox.self)
                if inbox.items.contains(where: { $0.kind == .removalAwaitingOwner }) { break }
                if reports > 0 {
                    // Each report is about a new message: one message takes one penalty.
                    let more = WebFormSubmission(body: "Still rude \(reports)", submissionID: "rude-\(reports + 1)")
                    _ = try await client.call(.post, "/me/tickets/\(id)/messages", token: "alice-token", json: more)
                }
                let reported = try await client.reportLastMemberMessage(
                    on: id,
                    severity: "major",
                    note: "Report \(reports)"
                )
                #expect(reported.status == .ok, "\(reported.text)")
                if reported.status != .ok { break }
                reports += 1
            }
            let inbox = try await client.call(.get, "/owner/inbox", token: "nina-token").decode(OwnerInbox.self)
            let item = try #require(
                inbox.items.first { $0.kind == .removalAwaitingOwner },
                "no pending removal after \(reports) reports"
            )
            #expect(
                item.action
                    == .decideRemoval(
                        member: "alice",
                        entry: try #require(
                            {
                                if case .decideRemoval(_, let entry) = item.action { return entry } else { return nil }
                            }()
                        )
                    )
            )
            let bad = try await client.call(
                .post,
                "/owner/removals/alice",
                token: "nina-token",
                json: OwnerDecisionBody(decision: "maybe")
            )
            #expect(bad.status == .badRequest)
            let byAgent = try await client.call(
                .post,
                "/owner/removals/alice",
                token: "olga-token",
                json: OwnerDecisionBody(decision: "decline")
            )
            #expect(byAgent.status == .unauthorized)
            let declined = try await client.call(
                .post,
                "/owner/removals/alice",
                token: "nina-token",
                json: OwnerDecisionBody(decision: "decline", note: "first time")
            )
            #expect(declined.status == .ok, "\(declined.text)")
            #expect(try declined.decode(ModerationDecision.self).action == .removalDeclined)
            let after = try await client.call(.get, "/owner/inbox", token: "nina-token").decode(OwnerInbox.self)
            #expect(!after.items.contains { $0.kind == .removalAwaitingOwner })

            let notEscalated = try await client.call(
                .post,
                "/owner/refunds/alice/rq-none",
                token: "nina-token",
                json: OwnerDecisionBody(decision: "decline")
            )
            #expect(notEscalated.status != .ok, "\(notEscalated.text)")
        }
    }
}
