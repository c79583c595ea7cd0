import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("The rules link in moderation messages")
struct ModerationRulesLinkTests {
    private func warning(to member: MemberID, on harness: PolicyDeskHarness) async throws -> String {
        let (ticket, message) = try await harness.open(member, body: "You are all useless", id: "in-\(member)")
        try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness),
            by: .agent("pavel")
        )
        return try #require(try await harness.automaticMessages(of: ticket).first).body
    }

    @Test(
        "a warning by email links the configured address, in every language",
        arguments: [MemberID("anna"), "ivan", "lucia"]
    )
    func configuredLinkReachesTheWarning(member: MemberID) async throws {
        let harness = PolicyDeskHarness(rulesLink: "https://club.example/support-rules")
        let body = try await warning(to: member, on: harness)
        #expect(body.contains("https://club.example/support-rules"), "\(body)")
        #expect(!body.contains(" /rules"), "no relative link: \(body)")
    }

    @Test("a host's own per-language rules-link template wins over the configured address")
    func ownTemplateWins() async throws {
        var templates = TemplateCatalog.builtIn
        try templates.set(PolicyTemplateKeys.rulesLink, for: .ru, to: "https://club.example/ru/pravila")
        let harness = PolicyDeskHarness(templates: templates, rulesLink: "https://club.example/support-rules")
        #expect(try await warning(to: "ivan", on: harness).contains("https://club.example/ru/pravila"))
        #expect(try await warning(to: "anna", on: harness).contains("https://club.example/support-rules"))
    }
}
