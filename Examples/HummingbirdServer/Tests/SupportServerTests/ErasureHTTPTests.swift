import Foundation
import SupportEngine
import SupportServer
import Testing

@Suite("Erasing a member's data over HTTP")
struct MemberErasureHTTPTests {
    @Test(
        "a member erases their own data; then their messages get 410 member_erased and the export holds only the record"
    )
    func memberErasesThemselves() async throws {
        try await TestServer.run { client in
            for (token, id) in [("alice-token", "s-1"), ("bob-token", "s-2")] {
                let form = WebFormSubmission(body: "Zqx secret from \(token)", submissionID: id)
                let sent = try await client.call(.post, "/inbound/web-form", token: token, json: form)
                #expect(sent.status == .ok || sent.status == .created, "\(sent.text)")
            }
            let erased = try await client.call(.post, "/me/erase", token: "alice-token")
            #expect(erased.status == .ok, "\(erased.text)")
            let record = try erased.decode(MemberErasure.self)
            #expect(record.member == "alice" && record.isFinished && record.redacted.tickets == 1)

            let export = try await client.call(.get, "/owner/members/alice/export", token: "nina-token")
            let document = try export.decode(MemberDataExport.self)
            #expect(document.erasure == record && document.tickets.isEmpty)
            #expect(!export.text.contains("Zqx"))

            let again = WebFormSubmission(body: "Zqx I am back", submissionID: "s-3")
            let refused = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: again)
            #expect(refused.status == .gone, "\(refused.text)")
            #expect(refused.text.contains("member_erased"))

            let bob = try await client.call(.get, "/me/export", token: "bob-token")
            #expect(bob.text.contains("Zqx secret from bob-token"), "another member's data stays")
        }
    }

    @Test("the owner erases a member; an agent may not")
    func ownerErases() async throws {
        try await TestServer.run { client in
            let form = WebFormSubmission(body: "Zqx from alice", submissionID: "s-1")
            _ = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            let byAgent = try await client.call(.post, "/owner/members/alice/erase", token: "olga-token")
            #expect(byAgent.status == .unauthorized)
            let byOwner = try await client.call(.post, "/owner/members/alice/erase", token: "nina-token")
            #expect(byOwner.status == .ok, "\(byOwner.text)")
            #expect(try byOwner.decode(MemberErasure.self).requestedBy == .owner("nina"))
            let mine = try await client.call(.get, "/me/export", token: "alice-token")
            #expect(!mine.text.contains("Zqx"))
        }
    }
}
