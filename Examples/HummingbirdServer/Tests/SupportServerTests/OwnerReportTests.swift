import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

@Suite("The owner's report over HTTP")
struct OwnerReportTests {
    @Test("the owner reads the week's report as HTML and JSON; bad periods are a 400; others are refused")
    func ownerReport() async throws {
        try await TestServer.run { client in
            let form = WebFormSubmission(
                subject: "<script>alert('x')</script>",
                body: "The webinar recording does not play",
                submissionID: "s-1"
            )
            let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            let ticket = try submitted.decode(InboundResult.self).ticket.id
            let assigned = try await client.call(
                .post,
                "/agent/tickets/\(ticket)/assign",
                token: "olga-token",
                json: AssignBody(agent: "olga")
            )
            #expect(assigned.status == .ok, "\(assigned.text)")
            let reply = try await client.call(
                .post,
                "/agent/tickets/\(ticket)/reply",
                token: "olga-token",
                json: ReplyRequest(body: "Fixed, try again", status: "solved")
            )
            #expect(reply.status == .ok, "\(reply.text)")

            let json = try await client.call(
                .get,
                "/owner/report.json?from=2026-01-12&to=2026-01-19T00:00:00Z",
                token: "nina-token"
            )
            #expect(json.status == .ok, "\(json.text)")
            let report = try json.decode(DeskReport.self)
            #expect(report.overall.tickets == 1)
            #expect(report.overall.resolved == 1)
            #expect(report.overall.firstReplyMedian == 0, "answered on the same instant of the manual clock")
            #expect(report.byAgent.map(\.key) == ["olga"])
            #expect(report.byChannel.map(\.key) == [ChannelKind.webForm.rawValue])

            let page = try await client.call(.get, "/owner/report?from=2026-01-12&to=2026-01-19", token: "nina-token")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(page.text.contains("<svg"))
            #expect(!page.text.contains("<script"))

            let earlier = try await client.call(
                .get,
                "/owner/report.json?from=2026-01-05&to=2026-01-12",
                token: "nina-token"
            )
            #expect(try earlier.decode(DeskReport.self).overall.tickets == 0)

            for query in [
                "", "from=2026-01-12", "to=2026-01-19", "from=x&to=2026-01-19", "from=2026-01-19&to=2026-01-12",
                "from=2026-01-12&to=2026-01-12", "from=2020-01-01&to=2026-01-12",
            ] {
                for path in ["/owner/report", "/owner/report.json"] {
                    let bad = try await client.call(.get, "\(path)?\(query)", token: "nina-token")
                    #expect(bad.status == .badRequest, "\(path)?\(query): \(bad.text)")
                    #expect(bad.text.contains("invalid_input"))
                }
            }
            for token in ["olga-token", "alice-token"] {
                let refused = try await client.call(
                    .get,
                    "/owner/report?from=2026-01-12&to=2026-01-19",
                    token: token
                )
                #expect(refused.status == .unauthorized, "\(token) read the report")
            }
        }
    }
}
