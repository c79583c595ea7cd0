import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportServer
import Testing

/// The web console's safety: sessions, CSRF, escaping, isolation between members, the policy header.
@Suite("The web console is safe")
struct ConsoleSecurityTests {
    @Test("signing in sets an HttpOnly, SameSite=Strict session cookie, Secure behind HTTPS; a wrong token is refused")
    func sessionCookie() async throws {
        try await TestServer.run { client in
            var browser = ConsoleBrowser(client)
            #expect(try await browser.get("/console/my").headers[.location] == "/console/login")
            try await browser.get("/console/login")
            var response = try await browser.submit("/console/login", ["token": "not-a-token"])
            #expect(response.status == .unauthorized)
            #expect(browser.page.contains("That token is not valid."))
            response = try await browser.submit("/console/login", ["token": "alice-token"])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/console/my")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("console_session=") })
            #expect(
                cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/console")
            )
            #expect(!cookie.contains("Secure"))

            var secure = ConsoleBrowser(client)
            secure.extraHeaders[HTTPFields.Element.Name("X-Forwarded-Proto")!] = "https"
            try await secure.get("/console/login")
            response = try await secure.submit("/console/login", ["token": "olga-token"])
            #expect(response.headers[.location] == "/console/agent")
            #expect(
                response.headers[values: .setCookie].first { $0.hasPrefix("console_session=") }?.contains("; Secure")
                    == true
            )

            // Signing out ends the session on the server, not only in the browser.
            let stolen = try #require(browser.cookies["console_session"])
            try await browser.get("/console/my")
            try await browser.submit("/console/logout", [:])
            browser.cookies["console_session"] = stolen
            #expect(try await browser.get("/console/my").status == .seeOther)
        }
    }

    @Test("a form without the session's CSRF token is refused with 403 and changes nothing")
    func csrf() async throws {
        try await TestServer.run { client in
            var browser = ConsoleBrowser(client)
            try await browser.signIn("alice-token")
            try await browser.get("/console/my")
            let fields = ["subject": "Forged", "body": "Sent by another site"]
            #expect(
                try await browser.send(.post, "/console/my/tickets", body: ConsoleBrowser.encode(fields)).status
                    == .forbidden
            )
            #expect(
                try await browser.submit("/console/my/tickets", fields, csrf: String(repeating: "0", count: 64)).status
                    == .forbidden
            )
            // The sign-in form is checked too: its token must match its own cookie.
            var stranger = ConsoleBrowser(client)
            #expect(
                try await stranger.submit("/console/login", ["token": "alice-token"], csrf: "abc").status == .forbidden
            )
            try await browser.get("/console/my")
            #expect(!browser.page.contains("Forged"))
            #expect(try await browser.submit("/console/my/tickets", fields).status == .seeOther)
        }
    }

    @Test(
        "a member's subject and message are escaped on every page; no page carries a script; every page has the policy"
    )
    func escapingAndPolicy() async throws {
        try await TestServer.run { client in
            var alice = ConsoleBrowser(client)
            try await alice.signIn("alice-token")
            try await alice.get("/console/my")
            let attack = "<script>alert(1)</script>"
            try await alice.submit(
                "/console/my/tickets",
                ["subject": attack, "body": "\"><img src=x onerror=alert(2)>"]
            )
            var pages: [String] = []
            var alicePage = try await alice.get("/console/my")
            pages.append(alice.page)
            let ticket = try #require(alice.firstTicket(under: "/console/my/tickets/"))
            alicePage = try await alice.get("/console/my/tickets/\(ticket)")
            #expect(alicePage.status == .ok)
            #expect(alice.page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(alice.page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            pages.append(alice.page)

            var olga = ConsoleBrowser(client)
            try await olga.signIn("olga-token")
            try await olga.get("/console/agent")
            pages.append(olga.page)
            try await olga.get("/console/agent/tickets/\(ticket)")
            pages.append(olga.page)
            var nina = ConsoleBrowser(client)
            try await nina.signIn("nina-token")
            let owner = try await nina.get("/console/owner")
            pages.append(nina.page)
            var stranger = ConsoleBrowser(client)
            try await stranger.get("/console/login")
            pages.append(stranger.page)

            for page in pages {
                #expect(!page.lowercased().contains("<script"), "a page carries a script")
                #expect(!page.contains(" style=") && !page.contains("<style"), "a page carries an inline style")
                #expect(!page.contains("<img"), "a member's markup reached a page unescaped")
            }
            let policy = try #require(owner.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'self'") && policy.contains("script-src 'none'"))
            #expect(alicePage.headers[.contentSecurityPolicy] == policy)
            #expect(try await stranger.get("/console/style.css").headers[.contentType] == "text/css; charset=utf-8")
        }
    }

    @Test("a member never opens another member's ticket, and never sees an internal note")
    func isolation() async throws {
        try await TestServer.run { client in
            var alice = ConsoleBrowser(client)
            try await alice.signIn("alice-token")
            try await alice.get("/console/my")
            try await alice.submit("/console/my/tickets", ["subject": "Alice's locker", "body": "Code 4411"])
            try await alice.get("/console/my")
            let ticket = try #require(alice.firstTicket(under: "/console/my/tickets/"))

            var bob = ConsoleBrowser(client)
            try await bob.signIn("bob-token")
            try await bob.get("/console/my")
            #expect(!bob.page.contains("Alice's locker"))
            let csrf = bob.csrf
            #expect(try await bob.get("/console/my/tickets/\(ticket)").status == .notFound)
            #expect(!bob.page.contains("4411"))
            #expect(
                try await bob.submit("/console/my/tickets/\(ticket)/reply", ["body": "mine now"], csrf: csrf).status
                    == .notFound
            )
            // A member is not an agent.
            #expect(try await bob.get("/console/agent/tickets/\(ticket)").status == .forbidden)
            #expect(try await bob.get("/console/owner").status == .forbidden)

            var olga = ConsoleBrowser(client)
            try await olga.signIn("olga-token")
            try await olga.get("/console/agent/tickets/\(ticket)")
            try await olga.submit("/console/agent/tickets/\(ticket)/note", ["body": "NOTE-7: she is a board member"])
            try await olga.submit("/console/agent/tickets/\(ticket)/reply", ["body": "Your locker code is reset."])
            #expect(olga.page.isEmpty)
            try await olga.get("/console/agent/tickets/\(ticket)")
            #expect(olga.page.contains("class=\"message note\""))
            #expect(olga.page.contains("NOTE-7: she is a board member"))

            try await alice.get("/console/my/tickets/\(ticket)")
            #expect(alice.page.contains("Your locker code is reset."))
            #expect(!alice.page.contains("NOTE-7"))
            #expect(alice.page.contains("Olga"))
        }
    }

    @Test("pages speak the browser's language: Russian and Spanish headings, English by default")
    func language() async throws {
        try await TestServer.run { client in
            var russian = ConsoleBrowser(client, language: "ru-RU,ru;q=0.9,en;q=0.8")
            try await russian.signIn("alice-token")
            try await russian.get("/console/my")
            #expect(russian.page.contains("<html lang=\"ru\">"))
            #expect(russian.page.contains("<h1>Мои обращения</h1>"))
            var spanish = ConsoleBrowser(client, language: "fr;q=0.9, es;q=0.5")
            try await spanish.signIn("olga-token")
            try await spanish.get("/console/agent")
            #expect(spanish.page.contains("<h1>Bandeja de entrada</h1>"))
            var other = ConsoleBrowser(client, language: "de")
            try await other.get("/console/login")
            #expect(other.page.contains("<html lang=\"en\">") && other.page.contains("<h1>Sign in</h1>"))
        }
    }
}
