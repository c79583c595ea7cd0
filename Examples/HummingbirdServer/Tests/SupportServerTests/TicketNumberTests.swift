import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("Ticket numbers over HTTP")
struct TicketNumberTests {
    @Test("responses show the number, agents look a ticket up by it, and no UUID reaches the member")
    func numbersInResponses() async throws {
        try await TestServer.run { client in
            let form = WebFormSubmission(body: "I cannot log in", submissionID: "n-1")
            let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            let result = try submitted.decode(InboundResult.self)
            let reference = try #require(result.ticket.reference)
            #expect(reference.hasPrefix("#"))
            let number = try #require(result.ticket.number)
            let uuid = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/
            for message in result.ticket.messages {
                #expect(message.body.firstMatch(of: uuid) == nil, "\(message.body)")
            }
            for path in [
                "/agent/tickets/by-number/\(number.rawValue)", "/agent/tickets/by-number/%23\(number.rawValue)",
            ] {
                let found = try await client.call(.get, path, token: "olga-token")
                #expect(found.status == .ok, "\(path): \(found.text)")
                let ticket = try found.decode(AgentTicket.self)
                #expect(ticket.ticket.id == result.ticket.id)
                #expect(ticket.reference == reference)
            }
            let queue = try await client.call(.get, "/agent/queue", token: "olga-token").decode(QueuePage.self)
            #expect(queue.tickets.first { $0.id == result.ticket.id }?.reference == reference)
            let unknown = try await client.call(.get, "/agent/tickets/by-number/999999", token: "olga-token")
            #expect(unknown.status == .notFound)
            let malformed = try await client.call(.get, "/agent/tickets/by-number/abc", token: "olga-token")
            #expect(malformed.status == .badRequest)
            let member = try await client.call(
                .get,
                "/agent/tickets/by-number/\(number.rawValue)",
                token: "alice-token"
            )
            #expect(member.status != .ok, "a member cannot use the agents' lookup")
        }
    }
}
