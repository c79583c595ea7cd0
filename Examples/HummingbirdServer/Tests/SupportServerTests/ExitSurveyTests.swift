import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("Exit survey and win-back over HTTP")
struct ExitSurveyTests {
    @Test("the backend reports a join and a cancellation, the member answers, the owner's fix wins her back once")
    func leaveAnswerAndWinBack() async throws {
        try await TestServer.run { client in
            let joined = try await client.call(
                .post,
                "/backend/members/alice/facts",
                token: "club-backend-token",
                raw: #"{"joinedAt": "2026-01-12T10:00:00Z", "subscription": "active"}"#
            )
            #expect(joined.status == .ok)
            let welcome = try joined.decode(JourneySummary.self)
            #expect(welcome.segment == .newcomer)
            #expect(welcome.steps == ["welcome"])

            let cancelled = try await client.call(
                .post,
                "/backend/members/alice/facts",
                token: "club-backend-token",
                raw: #"""
                    {"joinedAt": "2026-01-12T10:00:00Z", "subscription": "cancelled",
                     "cancellationRequestedAt": "2026-01-12T10:00:00Z"}
                    """#
            )
            #expect(try cancelled.decode(JourneySummary.self).steps == ["welcome", "exit_survey"])

            // Bob never joined; an unknown reason is refused; Alice answers.
            let bob = try await client.call(
                .post,
                "/me/exit-survey",
                token: "bob-token",
                json: ExitSurveySubmission(reasons: ["too_expensive"])
            )
            #expect(bob.status == .notFound)
            let unknown = try await client.call(
                .post,
                "/me/exit-survey",
                token: "alice-token",
                json: ExitSurveySubmission(reasons: ["made_up"])
            )
            #expect(unknown.status == .badRequest)
            #expect(try unknown.decode(APIError.Body.self).error.code == "invalidAnswer")
            let answered = try await client.call(
                .post,
                "/me/exit-survey",
                token: "alice-token",
                json: ExitSurveySubmission(reasons: ["too_expensive"], comment: "Too much for me")
            )
            #expect(answered.status == .ok)

            // Only the owner announces; the win-back goes once.
            let fix = FixSubmission(id: "cheaper-2026", reason: "too_expensive", note: "A cheaper plan is here.")
            let byAgent = try await client.call(.post, "/owner/fixes", token: "olga-token", json: fix)
            #expect(byAgent.status == .unauthorized)
            let first = try await client.call(.post, "/owner/fixes", token: "nina-token", json: fix)
            #expect(try first.decode(FixOutcome.self).sent == ["alice"])
            let second = try await client.call(.post, "/owner/fixes", token: "nina-token", json: fix)
            let repeated = try second.decode(FixOutcome.self)
            #expect(repeated.sent.isEmpty)
            #expect(repeated.wasAnnouncedBefore)
        }
    }

    @Test("facts that contradict each other, or a caller who is not the backend, are refused")
    func badFacts() async throws {
        try await TestServer.run { client in
            let noJoin = try await client.call(
                .post,
                "/backend/members/alice/facts",
                token: "club-backend-token",
                raw: #"{"subscription": "active"}"#
            )
            #expect(noJoin.status == .badRequest)
            #expect(try noJoin.decode(APIError.Body.self).error.code == "invalidFacts")
            let notBackend = try await client.call(
                .post,
                "/backend/members/alice/facts",
                token: "alice-token",
                raw: #"{"joinedAt": "2026-01-12T10:00:00Z", "subscription": "active"}"#
            )
            #expect(notBackend.status == .unauthorized)
        }
    }
}
