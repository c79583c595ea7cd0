import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("Ticket fields, absence and the moderation ledger over HTTP")
struct StaffActionsTests {
    private static func open(_ client: some TestClientProtocol, _ id: String, body: String) async throws -> String {
        let form = WebFormSubmission(body: body, submissionID: id)
        let sent = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
        return try sent.decode(InboundResult.self).ticket.id.rawValue
    }

    @Test("an agent sets priority, tags and reason; bad values change nothing; members are refused")
    func ticketFields() async throws {
        try await TestServer.run { client in
            let id = try await Self.open(client, "f-1", body: "Where is the recording of Tuesday's session?")
            let path = "/agent/tickets/\(id)"
            let urgent = try await client.call(
                .post,
                "\(path)/priority",
                token: "olga-token",
                json: PriorityBody(priority: "urgent")
            )
            #expect(urgent.status == .ok, "\(urgent.text)")
            #expect(try urgent.decode(AgentTicket.self).ticket.priority == .urgent)
            let again = try await client.call(
                .post,
                "\(path)/priority",
                token: "olga-token",
                json: PriorityBody(priority: "urgent")
            )
            #expect(again.status == .conflict, "the same priority changes nothing: \(again.text)")
            let unknown = try await client.call(
                .post,
                "\(path)/priority",
                token: "olga-token",
                json: PriorityBody(priority: "asap")
            )
            #expect(unknown.status == .badRequest)

            let tagged = try await client.call(
                .post,
                "\(path)/tags",
                token: "olga-token",
                json: TagsBody(add: ["recording", "vip"])
            )
            let added = try tagged.decode(AgentTicket.self).ticket.tags
            #expect(added.contains("recording") && added.contains("vip"), "\(added)")
            let untagged = try await client.call(
                .post,
                "\(path)/tags",
                token: "olga-token",
                json: TagsBody(add: ["webinar"], remove: ["vip"])
            )
            let tags = try untagged.decode(AgentTicket.self).ticket.tags
            #expect(tags.contains("webinar") && tags.contains("recording") && !tags.contains("vip"))
            let badTag = try await client.call(
                .post,
                "\(path)/tags",
                token: "olga-token",
                json: TagsBody(add: ["fine"], remove: ["two words"])
            )
            #expect(badTag.status == .badRequest)
            let empty = try await client.call(.post, "\(path)/tags", token: "olga-token", json: TagsBody())
            #expect(empty.status == .badRequest)

            let reason = try await client.call(
                .post,
                "\(path)/reason",
                token: "olga-token",
                json: ReasonBody(reason: "content")
            )
            #expect(try reason.decode(AgentTicket.self).ticket.reason == ContactReason(rawValue: "content"))
            let badReason = try await client.call(
                .post,
                "\(path)/reason",
                token: "olga-token",
                json: ReasonBody(reason: "Not A Reason")
            )
            #expect(badReason.status == .badRequest)
            let byMember = try await client.call(
                .post,
                "\(path)/priority",
                token: "alice-token",
                json: PriorityBody(priority: "low")
            )
            #expect(byMember.status == .unauthorized)

            let final = try await client.call(.get, path, token: "olga-token").decode(AgentTicket.self).ticket
            #expect(final.priority == .urgent)
            #expect(!final.tags.contains("fine"), "a request with a bad tag changed nothing")
        }
    }

    @Test("an agent goes absent and comes back; the state says so")
    func absence() async throws {
        try await TestServer.run { client in
            let away = try await client.call(
                .post,
                "/agent/absence",
                token: "olga-token",
                json: AbsenceBody(absent: true)
            )
            #expect(away.status == .ok, "\(away.text)")
            #expect(away.text.contains("\"isAbsent\":true"), "\(away.text)")
            let back = try await client.call(
                .post,
                "/agent/absence",
                token: "olga-token",
                json: AbsenceBody(absent: false)
            )
            #expect(back.text.contains("\"isAbsent\":false"), "\(back.text)")
            let asMember = try await client.call(
                .post,
                "/agent/absence",
                token: "alice-token",
                json: AbsenceBody(absent: true)
            )
            #expect(asMember.status == .unauthorized)
        }
    }

    @Test("an agent reads a member's ledger and reverses a warning once; unknown entries are a 404")
    func reverseAWarning() async throws {
        try await TestServer.run { client in
            let none = try await client.call(.get, "/agent/members/alice/ledger", token: "olga-token")
            #expect(none.status == .notFound)

            let id = try await Self.open(client, "r-1", body: "You are all useless")
            let reported = try await client.reportLastMemberMessage(
                on: id,
                severity: "minor",
                note: "insulted the team"
            )
            #expect(reported.status == .ok, "\(reported.text)")

            let ledger = try await client.call(.get, "/agent/members/alice/ledger", token: "olga-token")
            #expect(ledger.status == .ok, "\(ledger.text)")
            let penalty = try #require(try ledger.decode(MemberLedger.self).entries.first { $0.action.isPenalty })

            let reversed = try await client.call(
                .post,
                "/agent/members/alice/ledger/\(penalty.id)/reverse",
                token: "olga-token",
                json: ReversalBody(note: "misread the message")
            )
            #expect(reversed.status == .ok, "\(reversed.text)")
            let after = try reversed.decode(ConductReportResult.self).ledger
            #expect(after.entries.last?.action == .reversal)
            #expect(after.entries.last?.target == penalty.id)

            let twice = try await client.call(
                .post,
                "/owner/members/alice/ledger/\(penalty.id)/reverse",
                token: "nina-token",
                json: ReversalBody()
            )
            #expect(twice.status == .conflict, "\(twice.text)")
            let unknown = try await client.call(
                .post,
                "/agent/members/alice/ledger/99/reverse",
                token: "olga-token",
                json: ReversalBody()
            )
            #expect(unknown.status == .notFound, "\(unknown.text)")
            let badEntry = try await client.call(
                .post,
                "/agent/members/alice/ledger/first/reverse",
                token: "olga-token",
                json: ReversalBody()
            )
            #expect(badEntry.status == .badRequest)
            let agentAsOwner = try await client.call(
                .post,
                "/owner/members/alice/ledger/\(penalty.id)/reverse",
                token: "olga-token",
                json: ReversalBody()
            )
            #expect(agentAsOwner.status == .unauthorized)
        }
    }
}
