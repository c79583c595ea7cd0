import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Macros from the configuration document")
struct ConfiguredMacroTests {
    static let document = #"""
        {
          "templates": {
            "macro.password_reset": {
              "en": "Hi {{member_name}}, we sent a new password link for {{ticket_number}}.",
              "es": "Hola {{member_name}}, enviamos un enlace nuevo para {{ticket_number}}."
            }
          },
          "macros": [
            { "name": "Password reset sent", "reply": "macro.password_reset", "status": "pending",
              "addTags": ["access"] },
            { "name": "Hold for billing", "status": "on_hold", "addTags": ["billing"] }
          ]
        }
        """#

    func error(_ json: String) -> DeskConfigurationError? {
        do {
            _ = try DeskConfiguration.decode(json: Data(json.utf8))
            Issue.record("decoded without an error: \(json)")
            return nil
        } catch let error as DeskConfigurationError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test("a named macro replies from its template in the member's language, sets the status and tags")
    func applyByName() async throws {
        let configuration = try DeskConfiguration.decode(json: Data(Self.document.utf8))
        #expect(configuration.macros.map(\.name) == ["Password reset sent", "Hold for billing"])
        #expect(configuration.macros[1].reply == nil && configuration.macros[1].addTags == ["billing"])
        let again = try DeskConfiguration.decode(json: try configuration.json())
        #expect(again.macros == configuration.macros, "the macros survive a round trip")

        let harness = DeskHarness(configuration: configuration)
        let id = try await harness.receive("m-1", from: "alice", body: "No puedo entrar").ticket.id
        let ticket = try await harness.desk.apply(macroNamed: "password RESET sent", to: id, by: DeskHarness.agent)
        #expect(ticket.status == .pending)
        #expect(ticket.tags.contains("access"))
        let reply = try #require(ticket.messages.last { $0.kind == .publicReply })
        #expect(reply.templateKey == "macro.password_reset")
        #expect(reply.body.contains("new password link") || reply.body.contains("enlace nuevo"), "\(reply.body)")
        #expect(!reply.body.contains("{{"), "every value is filled in: \(reply.body)")

        let held = try await harness.desk.apply(macroNamed: "Hold for billing", to: id, by: DeskHarness.agent)
        #expect(held.status == .onHold)
        #expect(held.messages.count == ticket.messages.count, "a macro without a reply writes nothing")
    }

    @Test("an unknown macro name is refused, naming the macros there are, and nothing is stored")
    func unknownName() async throws {
        let harness = DeskHarness(configuration: try DeskConfiguration.decode(json: Data(Self.document.utf8)))
        let id = try await harness.receive("m-1").ticket.id
        let before = try await harness.ticket(id)
        do {
            try await harness.desk.apply(macroNamed: "Refund granted", to: id, by: DeskHarness.agent)
            Issue.record("an unknown macro was applied")
        } catch let error as DeskError {
            #expect(error.code == .notFound)
            #expect(error.message.contains("'Password reset sent'"))
        }
        #expect(try await harness.ticket(id) == before)
        let bare = DeskHarness()
        await #expect(throws: DeskError.self) {
            try await bare.desk.apply(macroNamed: "Anything", to: id, by: DeskHarness.agent)
        }
    }

    @Test("bad macros are refused with the path of the problem")
    func badMacros() {
        let cases: [(String, String)] = [
            (#"{"macros": [{"name": "  ", "status": "open"}]}"#, "macros[0].name"),
            (#"{"macros": [{"name": "A", "status": "open"}, {"name": "a", "status": "solved"}]}"#, "macros[1].name"),
            (#"{"macros": [{"name": "A", "reply": "macro.nowhere"}]}"#, "macros[0].reply"),
            (#"{"macros": [{"name": "A", "status": "closed"}]}"#, "macros[0].status"),
            (#"{"macros": [{"name": "A", "addTags": ["two words"]}]}"#, "macros[0].addTags"),
            (#"{"macros": [{"name": "A"}]}"#, "macros[0]"),
        ]
        for (json, path) in cases {
            let error = error(json)
            #expect(error?.path == path, "\(json): \(error.map { "\($0)" } ?? "no error")")
        }
    }
}
