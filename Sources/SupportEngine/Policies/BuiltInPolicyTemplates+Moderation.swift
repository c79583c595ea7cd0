extension BuiltInPolicyTemplates {
    /// The texts of the moderation templates; see ``BuiltInPolicyTemplates`` for their placeholders.
    static let moderation: [TemplateKey: [LocaleTag: String]] = [
        TemplateKey(rawValue: ModerationDecision.TemplateKey.warning): [
            .en: """
            Hello {{member_name}},

            we value you in the club, and we ask everyone to keep to the same rules. Your recent message \
            went against our rule on {{rule}}. Please keep to it from now on. The rules: {{rules_link}}

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Мы ценим вас в клубе и просим всех соблюдать одни и те же правила. Ваше недавнее сообщение \
            нарушило правило: {{rule}}. Пожалуйста, соблюдайте его. Правила клуба: {{rules_link}}

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            te valoramos en el club y pedimos a todos que sigan las mismas normas. Tu mensaje reciente no \
            respetó nuestra norma sobre {{rule}}. Por favor, respétala a partir de ahora. Las normas: \
            {{rules_link}}

            El equipo de soporte
            """,
        ],
        TemplateKey(rawValue: ModerationDecision.TemplateKey.finalWarning): [
            .en: """
            Hello {{member_name}},

            this is a final warning: your message again went against our rule on {{rule}}. If it happens \
            once more, your membership will end. The rules: {{rules_link}}

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Это последнее предупреждение: ваше сообщение снова нарушило правило: {{rule}}. Если это \
            повторится, членство в клубе будет прекращено. Правила клуба: {{rules_link}}

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            este es un último aviso: tu mensaje volvió a no respetar nuestra norma sobre {{rule}}. Si vuelve \
            a ocurrir, tu membresía terminará. Las normas: {{rules_link}}

            El equipo de soporte
            """,
        ],
        TemplateKey(rawValue: ModerationDecision.TemplateKey.suspension): [
            .en: """
            Hello {{member_name}},

            because your message went against our rule on {{rule}}, your access is suspended until \
            {{suspended_until}}. The rules: {{rules_link}}

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Ваше сообщение нарушило правило: {{rule}}, поэтому доступ приостановлен до {{suspended_until}}. \
            Правила клуба: {{rules_link}}

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            como tu mensaje no respetó nuestra norma sobre {{rule}}, tu acceso queda suspendido hasta \
            {{suspended_until}}. Las normas: {{rules_link}}

            El equipo de soporte
            """,
        ],
        TemplateKey(rawValue: ModerationDecision.TemplateKey.removal): [
            .en: """
            Hello {{member_name}},

            after the earlier warnings, your message again went against our rule on {{rule}}, so your \
            membership of the club ends now. The rules: {{rules_link}}

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            После предыдущих предупреждений ваше сообщение снова нарушило правило: {{rule}}, поэтому \
            членство в клубе прекращено. Правила клуба: {{rules_link}}

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            después de los avisos anteriores, tu mensaje volvió a no respetar nuestra norma sobre {{rule}}, \
            así que tu membresía del club termina ahora. Las normas: {{rules_link}}

            El equipo de soporte
            """,
        ],
        TemplateKey(rawValue: ModerationDecision.TemplateKey.reversal): [
            .en: """
            Hello {{member_name}},

            we have looked again and withdrawn an earlier moderation step on your account. It no longer \
            counts. Thank you for your patience.

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Мы пересмотрели решение и отменили одну из прежних мер модерации. Она больше не учитывается. \
            Спасибо за терпение.

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            lo hemos revisado de nuevo y hemos retirado una medida de moderación anterior en tu cuenta. \
            Ya no cuenta. Gracias por tu paciencia.

            El equipo de soporte
            """,
        ],
        PolicyTemplateKeys.rulesLink: [.en: "/rules", .ru: "/rules", .es: "/rules"],
    ]

    /// The names of the built-in kinds of violation, for the `rule` placeholder.
    static let ruleNames: [TemplateKey: [LocaleTag: String]] = [
        PolicyTemplateKeys.ruleName(.rudeness): [.en: "rudeness", .ru: "грубость", .es: "la mala educación"],
        PolicyTemplateKeys.ruleName(.aggression): [.en: "aggression", .ru: "агрессия", .es: "la agresividad"],
        PolicyTemplateKeys.ruleName(.harassment): [.en: "harassment", .ru: "преследование", .es: "el acoso"],
        PolicyTemplateKeys.ruleName(.spam): [.en: "spam", .ru: "спам", .es: "el spam"],
        PolicyTemplateKeys.ruleName(.supportLineMisuse): [
            .en: "using the support line only for support",
            .ru: "использование поддержки только по назначению",
            .es: "usar la línea de soporte solo para soporte",
        ],
    ]
}
