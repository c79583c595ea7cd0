import SupportCore

/// The texts of every built-in template, one file per language: `BuiltInTexts+English.swift`,
/// `BuiltInTexts+Russian.swift` and `BuiltInTexts+Spanish.swift`, each grouped by feature.
///
/// A text added for one language is added for all three; ``TemplateCatalog/builtIn`` loads them, and a
/// host overrides any text per language.
///
/// Placeholders of the acknowledgements and notices: `member_name`, `ticket_number` (the ticket's
/// number with the desk's prefix, `#1042`; the built-in texts show it, never the internal id),
/// `ticket_id`, `ticket_subject`, `expected_reply` (formatted in the member's language and time zone), `self_service` (a rendered
/// ``TemplateKey/selfService`` block or empty), `next_opening`, `hours`, `absent_until`,
/// `substitute_name`, `topic`, `redirect`, `links`.
///
/// Placeholders of the refund texts: `member_name`, `amount` (the decision's amount, such as
/// `19.00 EUR`), `request_id`, `guarantee_days` (the plan's guarantee window in days).
///
/// Placeholders of the moderation texts: `member_name`, `rule` (the name of the kind of violation in
/// the member's language, from `moderation.rule.<kind>`, or the kind itself), `rules_link` (the text of
/// `moderation.rules_link`), `suspended_until` (the end of a suspension in the member's language and
/// time zone). Two helper keys carry no placeholders: `moderation.rules_link` (where the published
/// rules are; set your own URL per language) and `moderation.rule.<kind>` for each built-in
/// `ViolationKind` (a host adds names for its own kinds the same way).
///
/// The placeholders of the member journey and feedback texts are listed on their keys in
/// `Keys/JourneyTemplateKeys.swift`; the alerts to staff (`BuiltInTexts+Alerts.swift`, all three languages
/// in one file) list theirs on ``AlertTemplateKeys``.
enum BuiltInTexts {
    /// Every built-in text by key and language.
    static var all: [TemplateKey: [LocaleTag: String]] {
        var texts: [TemplateKey: [LocaleTag: String]] = [:]
        for (locale, byKey) in [(LocaleTag.en, english), (.ru, russian), (.es, spanish)] {
            for (key, text) in byKey { texts[key, default: [:]][locale] = text }
        }
        for (locale, byKey) in alerts {
            for (key, text) in byKey { texts[key, default: [:]][locale] = text }
        }
        return texts
    }
}
