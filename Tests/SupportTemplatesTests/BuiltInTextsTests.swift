import Foundation
import Moderation
import RefundRules
import SupportTemplates
import Testing

@Suite("Built-in texts")
struct BuiltInTextsTests {
    /// Every template key the refund rules and the conduct ladder produce.
    static let policyKeys: [String] = [
        RefundDecision.TemplateKey.approved, RefundDecision.TemplateKey.approvedGoodwill,
        RefundDecision.TemplateKey.withdrawal, RefundDecision.TemplateKey.deniedOutsideWindow,
        RefundDecision.TemplateKey.deniedDisputed, RefundDecision.TemplateKey.deniedAlreadyRefunded,
        RefundDecision.TemplateKey.deniedNothingLeft, RefundDecision.TemplateKey.deniedByOwner,
        RefundDecision.TemplateKey.escalated, ModerationDecision.TemplateKey.warning,
        ModerationDecision.TemplateKey.finalWarning, ModerationDecision.TemplateKey.suspension,
        ModerationDecision.TemplateKey.removal, ModerationDecision.TemplateKey.reversal,
    ]

    @Test(arguments: policyKeys)
    func everyPolicyKeyHasABuiltInTextInEveryLanguage(raw: String) throws {
        let key = TemplateKey(rawValue: raw)
        #expect(TemplateCatalog.builtIn.locales(of: key) == [.en, .es, .ru])
        let values = [
            "member_name": "Anna", "amount": "19.00 EUR", "request_id": "rq-1", "guarantee_days": "14",
            "rule": "rudeness", "rules_link": "/rules", "suspended_until": "Monday",
        ]
        for locale in [LocaleTag.en, .ru, .es] {
            let text = try TemplateCatalog.builtIn.render(key, for: locale, values: values)
            #expect(text.contains("Anna"), "\(raw) in \(locale) greets the member")
            #expect(!text.contains("{{"), "\(raw) in \(locale)")
        }
    }
}
