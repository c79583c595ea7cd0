import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SupportEngine
import SupportServer
import Testing

@Suite("Safe to deploy")
struct DeploymentSafetyTests {
    static let ownTokens = AccessTokens(
        members: ["m-4f1c2a9e7b3d5f60": "alice"],
        agents: ["a-9d8e7f6a5b4c3d2e": "olga"],
        webhook: "w-0123456789abcdef",
        owners: ["o-fedcba9876543210": "nina"],
        backend: "b-13579bdf2468ace0"
    )

    @Test("outside demo mode the demo tokens are refused, naming the variable")
    func demoTokensRefused() throws {
        let error = #expect(throws: AccessTokensError.self) { try AccessTokens.demo.check(allowingDemo: false) }
        #expect(error?.message.contains("MEMBER_TOKENS") == true)
        #expect(error?.message.contains("--demo") == true)
        try AccessTokens.demo.check(allowingDemo: true)
        for variable in ["AGENT_TOKENS", "WEBHOOK_TOKEN", "OWNER_TOKENS", "BACKEND_TOKEN"] {
            var tokens = Self.ownTokens
            switch variable {
            case "AGENT_TOKENS": tokens.agents["olga-token"] = "olga"
            case "WEBHOOK_TOKEN": tokens.webhook = "mail-webhook-token"
            case "OWNER_TOKENS": tokens.owners["nina-token"] = "nina"
            default: tokens.backend = "club-backend-token"
            }
            let refused = #expect(throws: AccessTokensError.self) { try tokens.check(allowingDemo: false) }
            #expect(refused?.message.contains(variable) == true, "\(variable): \(String(describing: refused))")
        }
        try Self.ownTokens.check(allowingDemo: false)
    }

    @Test("outside demo mode short, missing or empty tokens are refused")
    func weakTokensRefused() throws {
        var short = Self.ownTokens
        short.members["abc123"] = "bob"
        let error = #expect(throws: AccessTokensError.self) { try short.check(allowingDemo: false) }
        #expect(error?.message.contains("6 characters") == true)
        var noWebhook = Self.ownTokens
        noWebhook.webhook = ""
        #expect(throws: AccessTokensError.self) { try noWebhook.check(allowingDemo: false) }
        var noAgents = Self.ownTokens
        noAgents.agents = [:]
        #expect(throws: AccessTokensError.self) { try noAgents.check(allowingDemo: false) }
    }

    @Test("the environment starts from the demo tokens only in demo mode")
    func environment() throws {
        let production = try ServerSettings.fromEnvironment([:])
        #expect(!production.allowsDemoTokens)
        #expect(production.tokens.members.isEmpty && production.tokens.webhook.isEmpty)
        let demo = try ServerSettings.fromEnvironment(["SUPPORT_DEMO": "1"])
        #expect(demo.allowsDemoTokens)
        #expect(demo.tokens == .demo)
        #expect(throws: APIError.self) { try ServerSettings.fromEnvironment(["SUPPORT_DEMO": "maybe"]) }
        let configured = try ServerSettings.fromEnvironment([
            "MEMBER_TOKENS": "m-4f1c2a9e7b3d5f60=alice", "AGENT_TOKENS": "a-9d8e7f6a5b4c3d2e=olga",
            "WEBHOOK_TOKEN": "w-0123456789abcdef",
        ])
        try configured.tokens.check(allowingDemo: false)
    }

    @Test("the server does not start with the demo tokens outside demo mode")
    func serverRefusesToStart() async throws {
        let logger = Logger(label: "support-server-tests")
        await #expect(throws: AccessTokensError.self) {
            _ = try await buildApplication(
                settings: ServerSettings(host: "127.0.0.1", port: 0),
                configuration: try demoDeskConfiguration(),
                logger: logger
            )
        }
    }

    @Test("a token is accepted only whole: not a prefix, not a longer one, not one byte off")
    func wholeTokensOnly() async throws {
        try await TestServer.run { client in
            for token in ["alice-toke", "alice-tokenn", "alice-tokem", "", "ALICE-TOKEN", "alice-token-bob-token"] {
                let response = try await client.call(.get, "/me/tickets", token: token)
                #expect(response.status == .unauthorized, "token '\(token)'")
            }
            #expect(try await client.call(.get, "/me/tickets", token: "alice-token").status == .ok)
        }
    }

    @Test("a NUL character in a message is the sender's error and nothing is stored")
    func nulCharacter() async throws {
        try await TestServer.run { client in
            let form = WebFormSubmission(body: "I paid\u{0} twice", submissionID: "nul-1")
            let response = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(try response.decode(APIError.Body.self).error.code == "invalid_input")
            #expect(try await client.call(.get, "/me/tickets", token: "alice-token").text == "[]")
            let email = EmailWebhook(
                messageID: "<nul@mail.example>",
                memberID: "bob",
                subject: "Hi",
                text: "a\u{0}b",
                inReplyTo: nil
            )
            let webhook = try await client.call(.post, "/inbound/email", token: "mail-webhook-token", json: email)
            #expect(webhook.status == .badRequest, "\(webhook.text)")
        }
    }
}
