import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

/// The console's whole story, as the browser test walks it, against the pages' content.
@Suite("The web console's story")
struct ConsoleStoryTests {
    /// The example's configuration with a one-day guarantee, so the demo members' payment of three days
    /// ago is a goodwill refund the owner decides.
    static func goodwillConfiguration() throws -> DeskConfiguration {
        let data = try Data(contentsOf: URL(fileURLWithPath: demoDeskConfigurationPath))
        var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        document["refunds"] = [
            "plans": ["monthly": ["guaranteeDays": 1, "afterWindow": ["mode": "goodwill", "maxDaysAfterWindow": 30]]]
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "console-desk-\(UUID().uuidString).json"
        )
        try JSONSerialization.data(withJSONObject: document).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        return try DeskConfiguration.load(path: path.path)
    }

    @Test("a member writes, the agent notes and replies, the member rates; the owner approves an escalated refund")
    func story() async throws {
        try await TestServer.run(configuration: try Self.goodwillConfiguration()) { client in
            var alice = ConsoleBrowser(client)
            try await alice.signIn("alice-token")
            try await alice.get("/console/my")
            #expect(alice.page.contains("You have no requests yet."))
            #expect(alice.page.contains("<h2 id=\"rules\">Rules and hours</h2>"))
            try await alice.submit(
                "/console/my/tickets",
                ["subject": "Sauna booking", "body": "The sauna slot vanished."]
            )
            try await alice.get("/console/my")
            let ticket = try #require(alice.firstTicket(under: "/console/my/tickets/"))
            try await alice.get("/console/my/tickets/\(ticket)")
            #expect(alice.page.contains("The sauna slot vanished."))
            #expect(alice.page.contains("Expected answer by"))

            var olga = ConsoleBrowser(client)
            try await olga.signIn("olga-token")
            try await olga.get("/console/agent")
            #expect(olga.page.contains("Sauna booking"))
            #expect(olga.page.contains("Times are in Europe/London."))
            #expect(olga.page.contains("(in "), "the queue shows the first-reply countdown")
            try await olga.get("/console/agent?q=sauna&status=open")
            #expect(olga.page.contains("Sauna booking"))
            try await olga.get("/console/agent?q=parking&status=all")
            #expect(olga.page.contains("No tickets match."))
            try await olga.submit("/console/agent/presence", ["presence": "away"])
            try await olga.get("/console/agent")
            #expect(olga.page.contains("Presence:\nAway") || olga.page.contains("Presence: Away"))
            try await olga.submit("/console/agent/presence", ["presence": "online"])

            try await olga.get("/console/agent/tickets/\(ticket)")
            #expect(olga.page.contains("First reply"))
            #expect(olga.page.contains("Why it was routed this way"))
            try await olga.submit("/console/agent/tickets/\(ticket)/assign", ["assignee": "olga"])
            try await olga.get("/console/agent/tickets/\(ticket)")
            try await olga.submit("/console/agent/tickets/\(ticket)/note", ["body": "Slot lost in the calendar sync"])
            try await olga.get("/console/agent/tickets/\(ticket)")
            try await olga.submit(
                "/console/agent/tickets/\(ticket)/reply",
                ["body": "We restored your slot for Friday.", "status": "solved"]
            )
            try await olga.get("/console/agent/tickets/\(ticket)")
            #expect(olga.page.contains("Slot lost in the calendar sync"))
            #expect(olga.page.contains("We restored your slot for Friday."))
            #expect(olga.page.contains("status-solved"))
            #expect(olga.page.contains("Deliveries"))

            try await alice.get("/console/my/tickets/\(ticket)")
            #expect(alice.page.contains("We restored your slot for Friday."))
            #expect(!alice.page.contains("calendar sync"))
            #expect(alice.page.contains("Handled by") && alice.page.contains("Olga"))
            #expect(alice.page.contains("How did we do?"))
            try await alice.submit("/console/my/tickets/\(ticket)/rating", ["score": "4", "comment": "Quick!"])
            try await alice.get("/console/my/tickets/\(ticket)")
            #expect(alice.page.contains("You rated this request 4 of 5."))
            #expect(!alice.page.contains("How did we do?"))

            try await alice.get("/console/my")
            let asked = try await alice.submit("/console/my/refunds", ["message": "I did not use the club this month"])
            let refundTicket = try #require(asked.headers[.location])
            var nina = ConsoleBrowser(client)
            try await nina.signIn("nina-token")
            try await nina.get("/console/owner")
            #expect(nina.page.contains("Refunds waiting for you"))
            #expect(nina.page.contains("<strong>alice</strong>"))
            #expect(nina.page.contains("The last 30 days"))
            let form = try #require(
                nina.page.range(of: #"/console/owner/refunds/alice/[^"]+"#, options: .regularExpression)
            )
            let response = try await nina.submit(String(nina.page[form]), ["decision": "approve", "note": "Goodwill"])
            #expect(response.status == .seeOther)
            try await nina.get("/console/owner")
            #expect(!nina.page.contains("<strong>alice</strong>"))
            try await alice.get(refundTicket)
            #expect(alice.page.contains("as a gesture of good will"))
            // A decided refund cannot be decided twice.
            #expect(
                try await nina.submit("/console/owner/refunds/alice/none", ["decision": "approve"]).status != .seeOther
            )
        }
    }

    @Test("the agent applies a macro, sets a status and merges two of a member's tickets")
    func agentActions() async throws {
        try await TestServer.run { client in
            var bob = ConsoleBrowser(client)
            try await bob.signIn("bob-token")
            for subject in ["Password", "Password again"] {
                try await bob.get("/console/my")
                try await bob.submit("/console/my/tickets", ["subject": subject, "body": "I cannot sign in."])
            }
            try await bob.get("/console/my")
            // The portal lists the newest first; each link reads the ticket's number.
            let links = bob.page.components(separatedBy: "href=\"/console/my/tickets/").dropFirst()
                .compactMap { $0.split(separator: "\"").first.map(String.init) }
            #expect(links.count == 2)
            #expect(bob.page.contains(">#2</a>") && bob.page.contains(">#1</a>"))
            #expect(
                try #require(bob.page.range(of: ">#2<")).lowerBound
                    < (try #require(bob.page.range(of: ">#1<"))).lowerBound
            )
            let (newer, older) = (links[0], links[1])

            var olga = ConsoleBrowser(client)
            try await olga.signIn("olga-token")
            try await olga.get("/console/agent/tickets/\(older)")
            #expect(olga.page.contains("<option value=\"Password reset sent\">"))
            try await olga.submit("/console/agent/tickets/\(older)/macro", ["macro": "Password reset sent"])
            try await olga.get("/console/agent/tickets/\(older)")
            #expect(olga.page.contains("status-pending"))
            #expect(olga.page.contains("access"))
            try await olga.submit("/console/agent/tickets/\(older)/status", ["status": "open"])
            try await olga.get("/console/agent/tickets/\(older)")
            #expect(olga.page.contains("status-open"))
            // Agents merge by the number they read; the older ticket is the desk's first, #1.
            let merged = try await olga.submit("/console/agent/tickets/\(newer)/merge", ["into": "#1"])
            #expect(merged.headers[.location] == "/console/agent/tickets/\(older)")
            try await olga.get("/console/agent/tickets/\(older)")
            #expect(olga.page.contains("Password again") || olga.page.contains("I cannot sign in."))
            // An unknown macro is an error page, not a crash.
            #expect(
                try await olga.submit("/console/agent/tickets/\(older)/macro", ["macro": "Nope"]).status == .notFound
            )
        }
    }
    @Test("the inbox pages through a long queue with the same filters")
    func paging() async throws {
        try await TestServer.run { client in
            for index in 1...53 {
                let form = WebFormSubmission(subject: "Locker \(index)", body: "Locker \(index) is jammed.")
                #expect(
                    try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form).status
                        == .created
                )
            }
            var olga = ConsoleBrowser(client)
            try await olga.signIn("olga-token")
            try await olga.get("/console/agent?q=locker")
            #expect(olga.page.components(separatedBy: "href=\"/console/agent/tickets/").count - 1 == 50)
            let next = try #require(
                olga.page.range(of: #"/console/agent\?[^"]*cursor=[^"]+"#, options: .regularExpression)
            )
            let link = String(olga.page[next]).replacingOccurrences(of: "&amp;", with: "&")
            #expect(link.contains("q=locker"))
            try await olga.get(link)
            #expect(olga.page.components(separatedBy: "href=\"/console/agent/tickets/").count - 1 == 3)
            #expect(!olga.page.contains("rel=\"next\""))
        }
    }
    @Test("the owner declines a pending removal from the console; a decision other than approve or decline is refused")
    func ownerDeclinesARemoval() async throws {
        try await TestServer.run { client in
            let first = WebFormSubmission(subject: "Rude", body: "You are all useless", submissionID: "rude-1")
            let created = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: first)
            let id = try created.decode(InboundResult.self).ticket.id.rawValue
            var nina = ConsoleBrowser(client)
            try await nina.signIn("nina-token")
            for report in 0..<5 {
                try await nina.get("/console/owner")
                if nina.page.contains("action=\"/console/owner/removals/alice\"") { break }
                if report > 0 {
                    let more = WebFormSubmission(body: "Still rude \(report)", submissionID: "rude-\(report + 1)")
                    _ = try await client.call(.post, "/me/tickets/\(id)/messages", token: "alice-token", json: more)
                }
                let reported = try await client.reportLastMemberMessage(on: id, severity: "major", note: "Report")
                #expect(reported.status == .ok, "\(reported.text)")
            }
            #expect(nina.page.contains("Removals waiting for you"))
            let section = try #require(nina.page.range(of: "action=\"/console/owner/removals/alice\""))
            #expect(nina.page[..<section.lowerBound].contains("heading-removal_awaiting_owner"))
            let declined = try await nina.submit(
                "/console/owner/removals/alice",
                ["decision": "decline", "note": "first time"]
            )
            #expect(declined.status == .seeOther)
            try await nina.get("/console/owner")
            #expect(!nina.page.contains("action=\"/console/owner/removals/alice\""))
            // A decision that is neither approve nor decline is an error page, not a change.
            #expect(try await nina.submit("/console/owner/removals/alice", ["decision": "maybe"]).status == .badRequest)
        }
    }
}
