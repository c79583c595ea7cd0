import Foundation
import SupportTemplates
import Testing

@Suite("Templates")
struct TemplateTests {
    @Test func rendersPlaceholders() throws {
        let template = try Template(parsing: "Hello {{ member_name }}, ticket {{ticket_id}}.")
        #expect(template.placeholders == ["member_name", "ticket_id"])
        #expect(try template.render(["member_name": "Anna", "ticket_id": "T-1"]) == "Hello Anna, ticket T-1.")
    }

    @Test func memberTextIsInsertedLiterally() throws {
        let template = try Template(parsing: "You wrote: {{body}} ({{ticket.id}})")
        let text = try template.render(["body": "{{ticket.id}} and }} {{", "ticket.id": "T-9"])
        #expect(text == "You wrote: {{ticket.id}} and }} {{ (T-9)")
    }

    @Test func missingValueIsAnError() throws {
        let template = try Template(parsing: "Due {{expected_reply}}")
        let error = #expect(throws: TemplateError.self) { try template.render([:]) }
        #expect(error?.code == .missingValue)
        #expect(error?.message.contains("expected_reply") == true)
    }

    @Test(arguments: ["Hello {{name", "{{}}", "{{bad name}}", "{{ünicode}}"])
    func malformedTemplatesAreRefused(source: String) {
        let error = #expect(throws: TemplateError.self) { try Template(parsing: source) }
        #expect(error?.code == .invalidSyntax)
    }

    @Test func catalogFallsBackToLanguageThenDefault() throws {
        var catalog = TemplateCatalog()
        try catalog.set(.acknowledgement, for: .en, to: "en")
        try catalog.set(.acknowledgement, for: LocaleTag(rawValue: "pt")!, to: "pt")
        #expect(try catalog.render(.acknowledgement, for: LocaleTag(rawValue: "pt-br")!, values: [:]) == "pt")
        #expect(try catalog.render(.acknowledgement, for: .ru, values: [:]) == "en")
        let error = #expect(throws: TemplateError.self) {
            try catalog.render(.absence, for: .en, values: [:])
        }
        #expect(error?.code == .unknownTemplate)
    }

    @Test func overrideWithBadSyntaxLeavesCatalogUnchanged() {
        var catalog = TemplateCatalog.builtIn
        #expect(throws: TemplateError.self) { try catalog.set(.acknowledgement, for: .ru, to: "{{oops") }
        #expect(catalog == TemplateCatalog.builtIn)
    }

    @Test(arguments: TemplateCatalog.builtIn.keys)
    func builtInTemplatesExistInEveryLanguageWithTheSamePlaceholders(key: TemplateKey) throws {
        let catalog = TemplateCatalog.builtIn
        #expect(catalog.locales(of: key) == [.en, .es, .ru])
        let english = try #require(catalog.template(key, for: .en)).placeholders.sorted()
        for locale in [LocaleTag.ru, .es] {
            let placeholders = try #require(catalog.template(key, for: locale)).placeholders.sorted()
            #expect(placeholders == english, "\(key) in \(locale)")
        }
    }
}
