import SupportCore

extension ChannelKind {
    /// The channel's name as the published rules write it: "Telegram", "Электронная почта", "Formulario
    /// web"; in English for a language other than Russian and Spanish, and a host's own kind by its raw
    /// value.
    ///
    /// - Parameter locale: The reader's language.
    /// - Returns: The name.
    public func displayName(in locale: LocaleTag) -> String {
        RulesVocabulary.forLocale(locale).channel(self)
    }
}
