import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("Bad input over HTTP")
struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var raw: String
        var status: HTTPResponse.Status
        var code: String
    }

    static let cases: [Case] = [
        Case(description: "empty body", raw: "", status: .badRequest, code: "empty_body"),
        Case(description: "invalid JSON", raw: "{\"body\": ", status: .badRequest, code: "invalid_json"),
        Case(description: "missing field", raw: "{\"subject\": \"x\"}", status: .badRequest, code: "invalid_json"),
        Case(description: "wrong type", raw: "{\"body\": 42}", status: .badRequest, code: "invalid_json"),
        Case(
            description: "message over the desk's limit",
            raw: "{\"body\": \"\(String(repeating: "a", count: 70_000))\"}",
            status: .badRequest,
            code: "invalid_input"
        ),
        Case(description: "blank message", raw: "{\"body\": \"   \"}", status: .badRequest, code: "invalid_input"),
        Case(
            description: "request over the server's limit",
            raw: "{\"body\": \"\(String(repeating: "a", count: 300_000))\"}",
            status: .contentTooLarge,
            code: "body_too_large"
        ),
    ]

    @Test("bad bodies get a JSON error and store nothing", arguments: cases)
    func badBody(_ bad: Case) async throws {
        try await TestServer.run { client in
            let response = try await client.call(.post, "/inbound/web-form", token: "alice-token", raw: bad.raw)
            #expect(response.status == bad.status, "\(response.text)")
            let error = try response.decode(APIError.Body.self)
            #expect(error.error.code == bad.code)
            #expect(!error.error.message.isEmpty)
            #expect(try await client.call(.get, "/me/tickets", token: "alice-token").text == "[]")
        }
    }

    @Test("an unknown status is refused with the list of statuses")
    func unknownStatus() async throws {
        try await TestServer.run { client in
            let form = WebFormSubmission(body: "Hello", submissionID: "s-1")
            let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            let id = try submitted.decode(InboundResult.self).ticket.id.rawValue
            let response = try await client.call(
                .post,
                "/agent/tickets/\(id)/status",
                token: "olga-token",
                json: StatusRequest(status: "finished")
            )
            #expect(response.status == .badRequest)
            #expect(try response.decode(APIError.Body.self).error.message.contains("pending"))
        }
    }
}

@Suite("Conduct reports over HTTP")
struct ConductReportTests {
    @Test("an agent reports a rude message; a member cannot")
    func conductReport() async throws {
        try await TestServer.run { client in
            let form = WebFormSubmission(body: "You are all useless.", submissionID: "rude-1")
            let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            let id = try submitted.decode(InboundResult.self).ticket.id.rawValue
            let agentView = try await client.call(.get, "/agent/tickets/\(id)", token: "olga-token")
            let ticket = try agentView.decode(AgentTicket.self).ticket
            let message = try #require(ticket.messages.first { $0.kind == .memberMessage })
            let report = ConductReportRequest(
                messageID: message.id.rawValue,
                kind: "rudeness",
                severity: "minor",
                note: "Insulted the team."
            )
            let reported = try await client.call(
                .post,
                "/agent/tickets/\(id)/conduct",
                token: "olga-token",
                json: report
            )
            #expect(reported.status == .ok, "\(reported.text)")
            let result = try reported.decode(ConductReportResult.self)
            #expect(result.decision.member.rawValue == "alice")
            #expect(!result.ledger.entries.isEmpty)
            let byMember = try await client.call(
                .post,
                "/agent/tickets/\(id)/conduct",
                token: "alice-token",
                json: report
            )
            #expect(byMember.status == .unauthorized)
            var bad = report
            bad.severity = "awful"
            let badSeverity = try await client.call(
                .post,
                "/agent/tickets/\(id)/conduct",
                token: "olga-token",
                json: bad
            )
            #expect(badSeverity.status == .badRequest)
        }
    }
}

@Suite("Refund requests over HTTP")
struct RefundRequestTests {
    @Test("a member inside the guarantee gets a decision once, however often the request is retried")
    func refundRequest() async throws {
        try await TestServer.run { client in
            let body = RefundRequestBody(requestID: "rq-1", message: "The course is not for me, please refund.")
            let first = try await client.call(.post, "/me/refunds", token: "alice-token", json: body)
            #expect(first.status == .ok, "\(first.text)")
            let result = try first.decode(RefundRequestResult.self)
            #expect(result.decision.member.rawValue == "alice")
            #expect(result.decision.verdict == .approve, "\(result.decision)")
            #expect(result.decision.amount.minorUnits == 1900)
            #expect(!result.isRepeat)
            let again = try await client.call(.post, "/me/refunds", token: "alice-token", json: body)
            #expect(try again.decode(RefundRequestResult.self).isRepeat)
            let bobs = try await client.call(.get, "/me/tickets/\(result.ticket.id.rawValue)", token: "bob-token")
            #expect(bobs.status == .notFound)
        }
    }
}
