import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("Queue search over HTTP")
struct QueueSearchTests {
    @Test("q finds tickets by what the member wrote, in any case, accent or word form; bad input is a 400")
    func searchTheQueue() async throws {
        try await TestServer.run { client in
            let forms = [
                WebFormSubmission(body: "Мне дважды списали оплату за подписку", submissionID: "s-1"),
                WebFormSubmission(body: "No puedo ver la canción del módulo 2", submissionID: "s-2"),
            ]
            var ids: [TicketID] = []
            for form in forms {
                let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
                ids.append(try submitted.decode(InboundResult.self).ticket.id)
            }
            let statuses = "status=new,open,pending,on_hold"
            for (query, expected) in [("%D0%9E%D0%9F%D0%9B%D0%90%D0%A2%D0%90", [ids[0]]), ("cancion", [ids[1]])] {
                let page = try await client.call(.get, "/agent/queue?\(statuses)&q=\(query)", token: "olga-token")
                #expect(page.status == .ok, "\(page.text)")
                #expect(try page.decode(QueuePage.self).tickets.map(\.id) == expected, "q=\(query)")
            }
            let none = try await client.call(.get, "/agent/queue?\(statuses)&q=webinar", token: "olga-token")
            #expect(try none.decode(QueuePage.self).tickets.isEmpty)
            let noWords = try await client.call(.get, "/agent/queue?q=%3F%21", token: "olga-token")
            #expect(noWords.status == .badRequest, "\(noWords.text)")
            #expect(noWords.text.contains("no words"))
            let badPriority = try await client.call(.get, "/agent/queue?priority=asap", token: "olga-token")
            #expect(badPriority.status == .badRequest)
            let member = try await client.call(.get, "/agent/queue?q=cancion", token: "alice-token")
            #expect(member.status != .ok, "a member cannot search the agents' queue")
        }
    }
}
