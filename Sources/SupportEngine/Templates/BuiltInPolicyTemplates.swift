/// The texts of the built-in refund and moderation templates, in English, Russian and Spanish.
///
/// Merged into ``TemplateCatalog/builtIn`` with ``BuiltInTemplates``. Every key the refund rules and
/// the conduct ladder produce has a text here; a host overrides any of them per language.
///
/// Placeholders of the refund texts: `member_name`, `amount` (the decision's amount, such as
/// `19.00 EUR`), `request_id`, `guarantee_days` (the plan's guarantee window in days).
///
/// Placeholders of the moderation texts: `member_name`, `rule` (the name of the kind of violation in
/// the member's language, from `moderation.rule.<kind>`, or the kind itself), `rules_link` (the text of
/// `moderation.rules_link`), `suspended_until` (the end of a suspension in the member's language and
/// time zone).
///
/// Two helper keys carry no placeholders: `moderation.rules_link` (where the published rules are; set
/// your own URL per language) and `moderation.rule.<kind>` for each built-in `ViolationKind` (a host
/// adds names for its own kinds the same way).
///
/// The moderation texts live in `Policies/BuiltInPolicyTemplates+Moderation.swift`.
enum BuiltInPolicyTemplates {
    static let texts: [TemplateKey: [LocaleTag: String]] = refunds.merging(moderation) { $1 }.merging(ruleNames) { $1 }

    private static func key(_ raw: String) -> TemplateKey { TemplateKey(rawValue: raw) }

    private static let refunds: [TemplateKey: [LocaleTag: String]] = [
        key(RefundDecision.TemplateKey.approved): [
            .en: """
            Hello {{member_name}},

            your refund of {{amount}} is approved (request {{request_id}}). \
            The money goes back to the payment method you used; your bank may take a few days to show it.

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Возврат {{amount}} одобрен (запрос {{request_id}}). Деньги вернутся на тот способ оплаты, которым \
            вы платили; банку может понадобиться несколько дней.

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            tu reembolso de {{amount}} está aprobado (solicitud {{request_id}}). El dinero vuelve al medio de \
            pago que usaste; tu banco puede tardar unos días en mostrarlo.

            El equipo de soporte
            """,
        ],
        key(RefundDecision.TemplateKey.approvedGoodwill): [
            .en: """
            Hello {{member_name}},

            although the guarantee period has passed, we have decided to refund {{amount}} as a gesture of \
            good will (request {{request_id}}). The money goes back to the payment method you used.

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Хотя гарантийный срок уже прошёл, мы решили вернуть вам {{amount}} в порядке исключения \
            (запрос {{request_id}}). Деньги вернутся на тот способ оплаты, которым вы платили.

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            aunque el periodo de garantía ya terminó, hemos decidido reembolsarte {{amount}} como gesto de \
            buena voluntad (solicitud {{request_id}}). El dinero vuelve al medio de pago que usaste.

            El equipo de soporte
            """,
        ],
        key(RefundDecision.TemplateKey.withdrawal): [
            .en: """
            Hello {{member_name}},

            you have withdrawn from your membership within the statutory withdrawal period. We refund the \
            full {{amount}} (request {{request_id}}); your subscription and access end now.

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Вы отказались от членства в установленный законом срок. Мы возвращаем всю сумму, {{amount}} \
            (запрос {{request_id}}); подписка и доступ прекращаются сейчас.

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            has desistido de tu membresía dentro del plazo legal de desistimiento. Te reembolsamos el total, \
            {{amount}} (solicitud {{request_id}}); tu suscripción y tu acceso terminan ahora.

            El equipo de soporte
            """,
        ],
        key(RefundDecision.TemplateKey.deniedOutsideWindow): [
            .en: """
            Hello {{member_name}},

            thank you for writing to us. Our guarantee covers refunds within {{guarantee_days}} days, and \
            that period has passed, so we cannot refund this payment (request {{request_id}}). \
            If something in the club does not work for you, reply and we will help.

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Спасибо, что написали. Гарантия возврата действует {{guarantee_days}} дн., и этот срок прошёл, \
            поэтому вернуть этот платёж мы не можем (запрос {{request_id}}). \
            Если в клубе что-то не получается, ответьте на это письмо — мы поможем.

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            gracias por escribirnos. Nuestra garantía cubre reembolsos durante {{guarantee_days}} días y ese \
            plazo ya pasó, así que no podemos reembolsar este pago (solicitud {{request_id}}). \
            Si algo del club no te funciona, responde y te ayudamos.

            El equipo de soporte
            """,
        ],
        key(RefundDecision.TemplateKey.deniedDisputed): [
            .en: """
            Hello {{member_name}},

            this payment is being disputed with your bank, so the bank handles the money back and we cannot \
            refund it as well (request {{request_id}}). If the dispute is closed, reply and we will look again.

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            По этому платежу открыт спор в вашем банке: деньги возвращает банк, и мы не можем вернуть их \
            ещё раз (запрос {{request_id}}). Если спор закроют, ответьте — мы посмотрим снова.

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            este pago está en disputa con tu banco, así que es el banco quien gestiona la devolución y no \
            podemos reembolsarlo también (solicitud {{request_id}}). Si la disputa se cierra, responde y lo \
            revisamos de nuevo.

            El equipo de soporte
            """,
        ],
        key(RefundDecision.TemplateKey.deniedAlreadyRefunded): [
            .en: """
            Hello {{member_name}},

            this payment has already been refunded, so there is nothing more to return (request \
            {{request_id}}). If you do not see the money, reply and we will check with you.

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Этот платёж уже возвращён, поэтому возвращать больше нечего (запрос {{request_id}}). \
            Если вы не видите деньги, ответьте — мы проверим вместе с вами.

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            este pago ya fue reembolsado, así que no queda nada por devolver (solicitud {{request_id}}). \
            Si no ves el dinero, responde y lo revisamos contigo.

            El equipo de soporte
            """,
        ],
        key(RefundDecision.TemplateKey.deniedNothingLeft): [
            .en: """
            Hello {{member_name}},

            the period this payment covers has been used up, so under our refund terms nothing is left to \
            return (request {{request_id}}).

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Оплаченный период уже использован, поэтому по условиям возврата возвращать нечего \
            (запрос {{request_id}}).

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            el periodo que cubre este pago ya se ha usado, así que según nuestras condiciones no queda nada \
            por devolver (solicitud {{request_id}}).

            El equipo de soporte
            """,
        ],
        key(RefundDecision.TemplateKey.deniedByOwner): [
            .en: """
            Hello {{member_name}},

            we have looked at your request carefully. As the guarantee period has passed, we cannot make \
            an exception this time (request {{request_id}}). Thank you for understanding.

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Мы внимательно рассмотрели ваш запрос. Гарантийный срок прошёл, и в этот раз сделать исключение \
            мы не можем (запрос {{request_id}}). Спасибо за понимание.

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            hemos revisado tu solicitud con atención. Como el periodo de garantía ya pasó, esta vez no \
            podemos hacer una excepción (solicitud {{request_id}}). Gracias por tu comprensión.

            El equipo de soporte
            """,
        ],
        key(RefundDecision.TemplateKey.escalated): [
            .en: """
            Hello {{member_name}},

            we have received your refund request ({{request_id}}). It needs a decision by the club's owner; \
            we will write to you as soon as it is made.

            The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Мы получили ваш запрос на возврат ({{request_id}}). Решение по нему принимает владелец клуба; \
            мы напишем вам, как только оно будет принято.

            Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            hemos recibido tu solicitud de reembolso ({{request_id}}). Necesita la decisión de la persona \
            responsable del club; te escribiremos en cuanto la tome.

            El equipo de soporte
            """,
        ],
    ]
}
