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

@Suite("Queue order over HTTP")
struct QueueSortTests {
    /// Every page of `/agent/queue` with the query, following `next`, one ticket a page.
    static func allPages(_ query: String, _ client: any TestClientProtocol) async throws -> [SupportServer.QueueEntry] {
        var entries: [SupportServer.QueueEntry] = []
        var cursor: TicketCursor?
        for _ in 0..<50 {
            let uri = "/agent/queue?\(query)&limit=1" + (cursor.map { "&cursor=\($0.rawValue)" } ?? "")
            let response = try await client.call(.get, uri, token: "olga-token")
            #expect(response.status == .ok, "\(response.text)")
            let page = try response.decode(QueuePage.self)
            entries += page.tickets
            cursor = page.next
            if cursor == nil { break }
        }
        return entries
    }

    @Test("sort orders the queue by due time, update time or priority, paged by cursor; bad values are a 400")
    func sortTheQueue() async throws {
        try await TestServer.run { client in
            let forms = [
                WebFormSubmission(body: "I was charged twice, please refund me", reason: "refund", submissionID: "s-1"),
                WebFormSubmission(body: "Just an idea for the forum", reason: "feedback", submissionID: "s-2"),
                WebFormSubmission(body: "I cannot log in to the club at all", reason: "access", submissionID: "s-3"),
                WebFormSubmission(body: "Where is the webinar recording?", submissionID: "s-4"),
            ]
            for form in forms {
                let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
                #expect(submitted.status == .ok || submitted.status == .created, "\(submitted.text)")
            }
            let statuses = "status=new,open,pending,on_hold"
            let byID = try await Self.allPages(statuses, client)
            #expect(byID.count == forms.count)
            #expect(byID.map(\.id) == byID.map(\.id).sorted())
            func due(_ entry: SupportServer.QueueEntry) -> Double {
                entry.dueAt?.timeIntervalSinceReferenceDate ?? .infinity
            }
            let expectations: [(String, [SupportServer.QueueEntry])] = [
                ("due", byID.sorted { (due($0), $0.id) < (due($1), $1.id) }),
                (
                    "priority",
                    byID.sorted { (-$0.priority.rank, due($0), $0.id) < (-$1.priority.rank, due($1), $1.id) }
                ),
                (
                    "updated",
                    byID.sorted {
                        ($1.updatedAt.timeIntervalSinceReferenceDate, $1.id)
                            < ($0.updatedAt.timeIntervalSinceReferenceDate, $0.id)
                    }
                ),
            ]
            #expect(Set(byID.map(\.priority)).count > 1, "the forms give tickets of several priorities")
            // Ticket ids are random, so one order may match the id order by chance; not all of them can.
            let orders = Set(expectations.map { $0.1.map(\.id) })
            #expect(!orders.subtracting([byID.map(\.id)]).isEmpty, "some sort differs from the id order")
            for (sort, expected) in expectations {
                let found = try await Self.allPages("\(statuses)&sort=\(sort)", client)
                #expect(found.map(\.id) == expected.map(\.id), "sort=\(sort)")
            }

            let first = try await client.call(.get, "/agent/queue?\(statuses)&sort=due&limit=1", token: "olga-token")
            let dueCursor = try #require(try first.decode(QueuePage.self).next)
            #expect(try first.decode(QueuePage.self).nextCursor == nil, "nextCursor is for the id order only")
            let refused: [(String, String)] = [
                ("sort=soonest", "'sort' must be one of id, due, updated, updated_oldest, priority"),
                ("sort=due&cursor=page-2", "cursor"),
                ("sort=priority&cursor=\(dueCursor.rawValue)", "belongs to the 'due' order"),
                ("sort=due&after=T-1", "`after` pages the id order only"),
            ]
            for (query, message) in refused {
                let response = try await client.call(.get, "/agent/queue?\(query)", token: "olga-token")
                #expect(response.status == .badRequest, "\(query): \(response.text)")
                #expect(response.text.contains(message), "\(query): \(response.text)")
            }
        }
    }
}
