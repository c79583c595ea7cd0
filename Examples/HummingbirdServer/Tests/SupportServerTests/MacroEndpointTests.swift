import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("Macros over HTTP")
struct MacroEndpointTests {
    @Test("an agent lists the configured macros and applies one by name; bad input and members are refused")
    func listAndApply() async throws {
        try await TestServer.run { client in
            let listed = try await client.call(.get, "/agent/macros", token: "olga-token")
            #expect(listed.status == .ok, "\(listed.text)")
            let macros = try listed.decode([Macro].self)
            #expect(macros.map(\.name) == ["Password reset sent", "Waiting on payments provider"])
            let byMember = try await client.call(.get, "/agent/macros", token: "alice-token")
            #expect(byMember.status == .unauthorized)

            let form = WebFormSubmission(body: "I cannot log in since yesterday", submissionID: "s-macro")
            let opened = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            let id = try opened.decode(InboundResult.self).ticket.id.rawValue

            let applied = try await client.call(
                .post,
                "/agent/tickets/\(id)/macro",
                token: "olga-token",
                json: MacroBody(name: "password reset SENT")
            )
            #expect(applied.status == .ok, "\(applied.text)")
            let ticket = try applied.decode(AgentTicket.self).ticket
            #expect(ticket.status == .pending)
            #expect(ticket.tags.contains("access"))
            let reply = try #require(ticket.messages.last { $0.kind == .publicReply })
            #expect(reply.body.contains("new password"), "\(reply.body)")

            let stale = try await client.call(
                .post,
                "/agent/tickets/\(id)/macro",
                token: "olga-token",
                json: MacroBody(name: "Waiting on payments provider", expectedVersion: 1)
            )
            #expect(stale.status == .conflict, "\(stale.text)")
            #expect(stale.text.contains("stale_ticket"))

            let unknown = try await client.call(
                .post,
                "/agent/tickets/\(id)/macro",
                token: "olga-token",
                json: MacroBody(name: "Refund granted")
            )
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("Password reset sent"), "the answer lists the macros there are")

            let tooManyValues = Dictionary(uniqueKeysWithValues: (0..<21).map { ("k\($0)", "v") })
            let bad = try await client.call(
                .post,
                "/agent/tickets/\(id)/macro",
                token: "olga-token",
                json: MacroBody(name: "Password reset sent", values: tooManyValues)
            )
            #expect(bad.status == .badRequest)
            let asMember = try await client.call(
                .post,
                "/agent/tickets/\(id)/macro",
                token: "alice-token",
                json: MacroBody(name: "Password reset sent")
            )
            #expect(asMember.status == .unauthorized)

            let after = try await client.call(.get, "/agent/tickets/\(id)", token: "olga-token")
            let final = try after.decode(AgentTicket.self).ticket
            #expect(final.status == .pending, "refused requests changed nothing")
            #expect(final.messages.count == ticket.messages.count)
        }
    }
}
