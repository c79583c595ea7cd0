import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("The event feed over HTTP")
struct EventFeedTests {
    @Test("the owner pages through the feed; agents and members cannot read it; bad input is a 400")
    func ownerReadsTheFeed() async throws {
        try await TestServer.run { client in
            let form = WebFormSubmission(body: "The webinar recording does not play", submissionID: "s-1")
            let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            let ticket = try submitted.decode(InboundResult.self).ticket.id

            let first = try await client.call(.get, "/owner/events?limit=1", token: "nina-token")
            #expect(first.status == .ok, "\(first.text)")
            let page = try first.decode(EventPage.self)
            #expect(page.events.map(\.position) == [1])
            #expect(page.events.first?.event.kind == .ticketCreated)
            #expect(page.events.first?.event.ticket == ticket)
            #expect(page.next == 1)
            #expect(!first.text.contains("webinar"), "the feed carries no member text")

            let rest = try await client.call(.get, "/owner/events?after=\(page.next)", token: "nina-token")
            let more = try rest.decode(EventPage.self)
            #expect(more.events.first?.position == 2)
            #expect(more.events.allSatisfy { $0.event.ticket == ticket })
            let end = try await client.call(.get, "/owner/events?after=\(more.next)", token: "nina-token")
            #expect(try end.decode(EventPage.self) == EventPage(events: [], next: more.next))

            for query in ["after=-1", "after=x", "limit=0", "limit=1001"] {
                let bad = try await client.call(.get, "/owner/events?\(query)", token: "nina-token")
                #expect(bad.status == .badRequest, "\(query): \(bad.text)")
            }
            for token in ["olga-token", "alice-token"] {
                let refused = try await client.call(.get, "/owner/events", token: token)
                #expect(refused.status == .unauthorized, "\(token) read the feed")
            }
        }
    }
}

@Suite("The owner's inbox over HTTP")
struct OwnerInboxHTTPTests {
    @Test("the owner reads the inbox; a retry names what is wrong; others are refused")
    func ownerInbox() async throws {
        try await TestServer.run { client in
            let empty = try await client.call(.get, "/owner/inbox", token: "nina-token")
            #expect(empty.status == .ok, "\(empty.text)")
            #expect(try empty.decode(OwnerInbox.self) == OwnerInbox(items: [], isComplete: true))
            let refused = try await client.call(.get, "/owner/inbox", token: "olga-token")
            #expect(refused.status == .unauthorized)

            let unknown = try await client.call(.post, "/owner/dead-letters/O-none/retry", token: "nina-token")
            #expect(unknown.status == .notFound, "\(unknown.text)")
            // A message that was delivered is not a dead letter: the retry is refused and says why.
            let form = WebFormSubmission(body: "Hello", submissionID: "s-1")
            let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            let ticket = try submitted.decode(InboundResult.self).ticket.id
            let feed = try await client.call(.get, "/owner/events", token: "nina-token")
            let sent = try feed.decode(EventPage.self).events.first { $0.event.kind == .messageAdded }
            #expect(sent?.event.ticket == ticket)
            let view = try await client.call(.get, "/agent/tickets/\(ticket.rawValue)", token: "olga-token")
            #expect(view.status == .ok)
            let outbound = try #require(view.text.firstMatch(of: /"id":"(O[^"]*)"/)?.1)
            let notDead = try await client.call(.post, "/owner/dead-letters/\(outbound)/retry", token: "nina-token")
            #expect(notDead.status == .conflict, "\(notDead.text)")
            #expect(notDead.text.contains("not dead-lettered"))
            let byAgent = try await client.call(.post, "/owner/dead-letters/\(outbound)/retry", token: "olga-token")
            #expect(byAgent.status == .unauthorized)
        }
    }
}

@Suite("Exporting a member's data over HTTP")
struct MemberExportHTTPTests {
    @Test("a member exports their own data, the owner anyone's; nobody else's tickets are in it")
    func export() async throws {
        try await TestServer.run { client in
            for (token, id) in [("alice-token", "s-1"), ("bob-token", "s-2")] {
                let form = WebFormSubmission(body: "Message from \(token)", submissionID: id)
                let sent = try await client.call(.post, "/inbound/web-form", token: token, json: form)
                #expect(sent.status == .ok || sent.status == .created, "\(sent.text)")
            }
            let mine = try await client.call(.get, "/me/export", token: "alice-token")
            #expect(mine.status == .ok, "\(mine.text)")
            let export = try mine.decode(MemberDataExport.self)
            #expect(export.member == "alice")
            #expect(export.tickets.count == 1)
            #expect(export.tickets.first?.messages.first?.body == "Message from alice-token")
            #expect(!mine.text.contains("bob-token"))

            let byOwner = try await client.call(.get, "/owner/members/alice/export", token: "nina-token")
            #expect(try byOwner.decode(MemberDataExport.self).tickets == export.tickets)
            let byAgent = try await client.call(.get, "/owner/members/alice/export", token: "olga-token")
            #expect(byAgent.status == .unauthorized)
        }
    }
}
