import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("Member journey over HTTP")
struct MemberJourneyTests {
    @Test("submit, get the acknowledgement with the expected time, see the reply but never the internal note")
    func memberJourney() async throws {
        try await TestServer.run { client in
            let form = WebFormSubmission(
                subject: "Course missing",
                body: "I paid yesterday but the course is not in my account.",
                reason: "access",
                submissionID: "form-1"
            )
            let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            #expect(submitted.status == .created)
            let result = try submitted.decode(InboundResult.self)
            #expect(result.disposition == "created")
            // An access problem is urgent: the promise is one business hour, Monday 10:00 → 11:00 in London.
            let expected = ISO8601DateFormatter().date(from: "2026-01-12T11:00:00Z")
            #expect(result.ticket.expectedReply == expected)
            let acknowledgement = result.ticket.messages.first { $0.author == .automatic }
            #expect(acknowledgement?.body.contains("You can expect an answer by") == true, "\(result.ticket.messages)")
            #expect(acknowledgement?.body.contains("11:00") == true, "\(acknowledgement?.body ?? "")")
            let id = result.ticket.id.rawValue

            let note = try await client.call(
                .post,
                "/agent/tickets/\(id)/notes",
                token: "olga-token",
                json: NoteRequest(body: "Payment webhook was late; fixed by hand.")
            )
            #expect(note.status == .ok)
            let reply = try await client.call(
                .post,
                "/agent/tickets/\(id)/reply",
                token: "olga-token",
                json: ReplyRequest(body: "It is in your account now. Enjoy!", status: "pending")
            )
            #expect(reply.status == .ok)
            let agentView = try reply.decode(AgentTicket.self)
            #expect(agentView.ticket.status == .pending)
            #expect(agentView.ticket.messages.contains { $0.body.contains("Payment webhook was late") })

            let view = try await client.call(.get, "/me/tickets/\(id)", token: "alice-token")
            #expect(view.status == .ok)
            #expect(view.text.contains("It is in your account now"))
            #expect(!view.text.contains("Payment webhook"), "the internal note leaked: \(view.text)")
            let ticket = try view.decode(MemberTicketView.self)
            #expect(ticket.messages.last?.author == .support)
            #expect(ticket.messages.last?.authorName == "Olga")

            let list = try await client.call(.get, "/me/tickets", token: "alice-token")
            #expect(try list.decode([MemberTicketView].self).map(\.id.rawValue) == [id])
            #expect(!list.text.contains("Payment webhook"))

            let queue = try await client.call(.get, "/agent/queue?status=pending", token: "olga-token")
            #expect(try queue.decode(QueuePage.self).tickets.map(\.id.rawValue) == [id])
        }
    }

    @Test("another member's ticket is not found, exactly like a missing one")
    func otherMembersTicket() async throws {
        try await TestServer.run { client in
            let form = WebFormSubmission(
                subject: "Mine",
                body: "Private question about my invoice.",
                submissionID: "a-1"
            )
            let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            let id = try submitted.decode(InboundResult.self).ticket.id.rawValue

            let bobReads = try await client.call(.get, "/me/tickets/\(id)", token: "bob-token")
            #expect(bobReads.status == .notFound)
            #expect(!bobReads.text.contains("invoice"))
            #expect(try bobReads.decode(APIError.Body.self).error.code == "not_found")
            let bobWrites = try await client.call(
                .post,
                "/me/tickets/\(id)/messages",
                token: "bob-token",
                json: WebFormSubmission(body: "Let me in")
            )
            #expect(bobWrites.status == .notFound)
            let missing = try await client.call(.get, "/me/tickets/no-such-ticket", token: "bob-token")
            #expect(missing.status == .notFound)
            #expect(try await client.call(.get, "/me/tickets", token: "bob-token").text == "[]")
            #expect(try await client.call(.get, "/me/tickets/\(id)", token: nil).status == .unauthorized)
            #expect(try await client.call(.get, "/agent/tickets/\(id)", token: "alice-token").status == .unauthorized)
        }
    }

    @Test("a retried email webhook makes one ticket, and a reply by email joins it")
    func emailWebhook() async throws {
        try await TestServer.run { client in
            let mail = EmailWebhook(
                messageID: "<m1@mail.example>",
                memberID: "bob",
                subject: "Refund?",
                text: "Can I get my money back?",
                inReplyTo: nil
            )
            let first = try await client.call(.post, "/inbound/email", token: "mail-webhook-token", json: mail)
            #expect(first.status == .created)
            let again = try await client.call(.post, "/inbound/email", token: "mail-webhook-token", json: mail)
            #expect(again.status == .ok)
            let firstResult = try first.decode(InboundResult.self)
            let againResult = try again.decode(InboundResult.self)
            #expect(againResult.disposition == "duplicate")
            #expect(againResult.ticket.id == firstResult.ticket.id)
            var followUp = mail
            followUp.messageID = "<m2@mail.example>"
            followUp.inReplyTo = "<m1@mail.example>"
            followUp.text = "I bought it two days ago."
            let joined = try await client.call(.post, "/inbound/email", token: "mail-webhook-token", json: followUp)
            #expect(try joined.decode(InboundResult.self).disposition == "appended")
            #expect(
                try await client.call(.post, "/inbound/email", token: "alice-token", json: mail).status == .unauthorized
            )
        }
    }

    @Test("health and the published rules")
    func healthAndRules() async throws {
        try await TestServer.run { client in
            let health = try await client.call(.get, "/health", token: nil)
            #expect(try health.decode(HealthStatus.self) == HealthStatus(status: "ok", storage: "memory"))
            let rules = try await client.call(.get, "/rules?locale=en", token: nil)
            #expect(rules.status == .ok)
            let document = try rules.decode(RulesDocument.self)
            #expect(document.locale == "en")
            #expect(!document.sections.isEmpty)
            #expect(document.text.contains("09:00"))
        }
    }
}
