import MemberJourney
import Moderation
import RefundRules
import SupportCore

extension BuiltInTexts {
    /// The Russian texts of every built-in template, by feature.
    static let russian: [TemplateKey: String] = [
        // MARK: - Acknowledgements and notices

        .acknowledgement: """
        Здравствуйте, {{member_name}}!

        Мы получили ваше сообщение «{{ticket_subject}}» (обращение {{ticket_number}}). \
        Ответим не позднее: {{expected_reply}}.

        {{reply_channel}}{{self_service}}Служба поддержки
        """,
        .acknowledgementWithoutPromise: """
        Здравствуйте, {{member_name}}!

        Мы получили ваше сообщение «{{ticket_subject}}» (обращение {{ticket_number}}) и ответим как можно скорее.

        {{reply_channel}}{{self_service}}Служба поддержки
        """,
        .afterHours: """
        Здравствуйте, {{member_name}}!

        Сейчас служба поддержки не работает. Мы снова на связи: {{next_opening}}, тогда и ответим. \
        Часы работы: {{hours}}.
        """,
        .absence: """
        Здравствуйте, {{member_name}}!

        Нас нет на месте до {{absent_until}}. Мы ответим вам как можно скорее после возвращения.
        """,
        .absenceWithSubstitute: """
        Здравствуйте, {{member_name}}!

        Нас нет на месте до {{absent_until}}. Пока что вашим обращением займётся {{substitute_name}}.
        """,
        .agentAbsence: """
        Здравствуйте, {{member_name}}!

        {{agent_name}} отсутствует до {{absent_until}}. Пока что вашим обращением займётся \
        {{substitute_name}}.
        """,
        .removedMember: """
        Здравствуйте, {{member_name}}!

        Ваше членство в клубе прекращено, поэтому служба поддержки больше не принимает ваши обращения. \
        Ваше сообщение сохранено.
        """,
        .agentAbsenceWithoutSubstitute: """
        Здравствуйте, {{member_name}}!

        {{agent_name}} отсутствует до {{absent_until}}. Вам ответит другой сотрудник нашей команды.
        """,
        .outOfScope: """
        Здравствуйте, {{member_name}}!

        Служба поддержки не занимается вопросами «{{topic}}». Пожалуйста, {{redirect}}.

        Спасибо за понимание.
        """,
        .selfService: "Возможно, вы сможете сделать это сами прямо сейчас: {{links}}\n\n",
        .replyChannel: "Ответим вам здесь: {{channel}}.\n\n",

        // MARK: - Refunds

        TemplateKey(rawValue: RefundDecision.TemplateKey.approved): """
        Здравствуйте, {{member_name}}!

        Возврат {{amount}} одобрен (запрос {{request_id}}). Деньги вернутся на тот способ оплаты, которым \
        вы платили; банку может понадобиться несколько дней.

        Служба поддержки
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.approvedGoodwill): """
        Здравствуйте, {{member_name}}!

        Хотя гарантийный срок уже прошёл, мы решили вернуть вам {{amount}} в порядке исключения \
        (запрос {{request_id}}). Деньги вернутся на тот способ оплаты, которым вы платили.

        Служба поддержки
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.withdrawal): """
        Здравствуйте, {{member_name}}!

        Вы отказались от членства в установленный законом срок. Мы возвращаем всю сумму, {{amount}} \
        (запрос {{request_id}}); подписка и доступ прекращаются сейчас.

        Служба поддержки
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedOutsideWindow): """
        Здравствуйте, {{member_name}}!

        Спасибо, что написали. Гарантия возврата действует {{guarantee_days}} дн., и этот срок прошёл, \
        поэтому вернуть этот платёж мы не можем (запрос {{request_id}}). \
        Если в клубе что-то не получается, ответьте на это письмо — мы поможем.

        Служба поддержки
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedDisputed): """
        Здравствуйте, {{member_name}}!

        По этому платежу открыт спор в вашем банке: деньги возвращает банк, и мы не можем вернуть их \
        ещё раз (запрос {{request_id}}). Если спор закроют, ответьте — мы посмотрим снова.

        Служба поддержки
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedAlreadyRefunded): """
        Здравствуйте, {{member_name}}!

        Этот платёж уже возвращён, поэтому возвращать больше нечего (запрос {{request_id}}). \
        Если вы не видите деньги, ответьте — мы проверим вместе с вами.

        Служба поддержки
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedNothingLeft): """
        Здравствуйте, {{member_name}}!

        Оплаченный период уже использован, поэтому по условиям возврата возвращать нечего \
        (запрос {{request_id}}).

        Служба поддержки
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedByOwner): """
        Здравствуйте, {{member_name}}!

        Мы внимательно рассмотрели ваш запрос. Гарантийный срок прошёл, и в этот раз сделать исключение \
        мы не можем (запрос {{request_id}}). Спасибо за понимание.

        Служба поддержки
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.escalated): """
        Здравствуйте, {{member_name}}!

        Мы получили ваш запрос на возврат ({{request_id}}). Решение по нему принимает владелец клуба; \
        мы напишем вам, как только оно будет принято.

        Служба поддержки
        """,

        // MARK: - Moderation

        TemplateKey(rawValue: ModerationDecision.TemplateKey.warning): """
        Здравствуйте, {{member_name}}!

        Мы ценим вас в клубе и просим всех соблюдать одни и те же правила. Ваше недавнее сообщение \
        нарушило правило: {{rule}}. Пожалуйста, соблюдайте его. Правила клуба: {{rules_link}}

        Служба поддержки
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.finalWarning): """
        Здравствуйте, {{member_name}}!

        Это последнее предупреждение: ваше сообщение снова нарушило правило: {{rule}}. Если это \
        повторится, членство в клубе будет прекращено. Правила клуба: {{rules_link}}

        Служба поддержки
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.suspension): """
        Здравствуйте, {{member_name}}!

        Ваше сообщение нарушило правило: {{rule}}, поэтому доступ приостановлен до {{suspended_until}}. \
        Правила клуба: {{rules_link}}

        Служба поддержки
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.removal): """
        Здравствуйте, {{member_name}}!

        После предыдущих предупреждений ваше сообщение снова нарушило правило: {{rule}}, поэтому \
        членство в клубе прекращено. Правила клуба: {{rules_link}}

        Служба поддержки
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.reversal): """
        Здравствуйте, {{member_name}}!

        Мы пересмотрели решение и отменили одну из прежних мер модерации. Она больше не учитывается. \
        Спасибо за терпение.

        Служба поддержки
        """,
        PolicyTemplateKeys.rulesLink: "/rules",

        // MARK: - Names of the kinds of violation

        PolicyTemplateKeys.ruleName(.rudeness): "грубость",
        PolicyTemplateKeys.ruleName(.aggression): "агрессия",
        PolicyTemplateKeys.ruleName(.harassment): "преследование",
        PolicyTemplateKeys.ruleName(.spam): "спам",
        PolicyTemplateKeys.ruleName(.supportLineMisuse): "использование поддержки только по назначению",

        // MARK: - Member journey and feedback

        .journeyWelcome: """
        Здравствуйте, {{member_name}}!

        Добро пожаловать в клуб, мы рады, что вы с нами! Начните с раздела для новичков, а если возникнут \
        вопросы, просто ответьте на это письмо.

        Команда клуба
        """,
        .journeyOnboardingCheckIn: """
        Здравствуйте, {{member_name}}!

        Вы с нами уже несколько дней — как впечатления? Если хотите, давайте созвонимся на пятнадцать минут: \
        поможем найти то, ради чего вы пришли. Напишите в ответ удобное время.

        Команда клуба
        """,
        .journeyQuietCheckIn: """
        Здравствуйте, {{member_name}}!

        Давно вас не видели и хотели спросить, как у вас дела и как продвигаются ваши цели. Можем ли мы \
        чем-то помочь? Просто ответьте на это письмо.

        Команда клуба
        """,
        .journeyExitSurvey: """
        Здравствуйте, {{member_name}}!

        Спасибо, что были частью нашего сообщества. Нам жаль расставаться, и мы хотим стать лучше: почему \
        вы решили уйти? Ответьте номерами подходящих причин и, если хотите, парой слов:

        {{reasons}}

        Желаем вам всего хорошего — будем рады, если вы вернётесь.

        Команда клуба
        """,
        .journeyWinBack: """
        Здравствуйте, {{member_name}}!

        Уходя, вы назвали причину: {{reason}}. Спасибо, что сказали об этом, — мы услышали и исправили:

        {{fix_note}}

        Будем рады видеть вас снова.

        Команда клуба
        """,
        .ratingRequest: """
        Здравствуйте, {{member_name}}!

        Мы отметили ваше обращение «{{ticket_subject}}» как решённое. Как мы справились? Оцените нас от 1 \
        (плохо) до 5 (отлично) и напишите парой слов, что нам сделать лучше.
        """,
        .youSaidWeDid: """
        Здравствуйте, {{member_name}}!

        Вы сказали: «{{feedback}}». Мы сделали:

        {{note}}

        Спасибо за обратную связь — благодаря ей клуб становится лучше.

        Команда клуба
        """,

        // MARK: - Subjects of the journey and feedback messages

        TemplateKey.journeyWelcome.subject: "Добро пожаловать, {{member_name}}!",
        TemplateKey.journeyOnboardingCheckIn.subject: "Как впечатления?",
        TemplateKey.journeyQuietCheckIn.subject: "Как у вас дела?",
        TemplateKey.journeyExitSurvey.subject: "Спасибо, что были с нами",
        TemplateKey.journeyWinBack.subject: "Вы сказали — мы исправили",
        TemplateKey.ratingRequest.subject: "Как мы справились?",
        TemplateKey.youSaidWeDid.subject: "Вы сказали — мы сделали",

        // MARK: - Names of the exit reasons

        .exitReasonName(.tooExpensive): "слишком дорого",
        .exitReasonName(.notEnoughTime): "не хватает времени",
        .exitReasonName(.contentNotExpected): "содержание не оправдало ожиданий",
        .exitReasonName(.technicalProblems): "технические проблемы",
        .exitReasonName(.supportExperience): "работа поддержки",
        .exitReasonName(.other): "другое",
    ]
}
