/// The texts of the built-in templates.
///
/// Placeholders: `member_name`, `ticket_id`, `ticket_subject`, `expected_reply` (formatted in the
/// member's language and time zone), `self_service` (a rendered ``TemplateKey/selfService`` block or
/// empty), `next_opening`, `hours`, `absent_until`, `substitute_name`, `topic`,
/// `redirect`, `links`.
enum BuiltInTemplates {
    static let texts: [TemplateKey: [LocaleTag: String]] = [
        .acknowledgement: [
            .en: """
            Hello {{member_name}},

            we have received your message "{{ticket_subject}}" (ticket {{ticket_id}}). \
            You can expect an answer by {{expected_reply}}.

            {{self_service}}The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Мы получили ваше сообщение «{{ticket_subject}}» (обращение {{ticket_id}}). \
            Ответим не позднее: {{expected_reply}}.

            {{self_service}}Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            hemos recibido tu mensaje «{{ticket_subject}}» (solicitud {{ticket_id}}). \
            Recibirás una respuesta antes de: {{expected_reply}}.

            {{self_service}}El equipo de soporte
            """,
        ],
        .acknowledgementWithoutPromise: [
            .en: """
            Hello {{member_name}},

            we have received your message "{{ticket_subject}}" (ticket {{ticket_id}}) and will answer as soon \
            as we can.

            {{self_service}}The support team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Мы получили ваше сообщение «{{ticket_subject}}» (обращение {{ticket_id}}) и ответим как можно скорее.

            {{self_service}}Служба поддержки
            """,
            .es: """
            Hola, {{member_name}}:

            hemos recibido tu mensaje «{{ticket_subject}}» (solicitud {{ticket_id}}) y te responderemos lo \
            antes posible.

            {{self_service}}El equipo de soporte
            """,
        ],
        .afterHours: [
            .en: """
            Hello {{member_name}},

            our support team is not working right now. We are back on {{next_opening}} and will answer \
            you then. Our hours: {{hours}}.
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Сейчас служба поддержки не работает. Мы снова на связи: {{next_opening}}, тогда и ответим. \
            Часы работы: {{hours}}.
            """,
            .es: """
            Hola, {{member_name}}:

            ahora mismo el equipo de soporte no está disponible. Volvemos el {{next_opening}} y te \
            responderemos entonces. Nuestro horario: {{hours}}.
            """,
        ],
        .absence: [
            .en: """
            Hello {{member_name}},

            we are away until {{absent_until}}. We will answer you as soon as possible after that.
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Нас нет на месте до {{absent_until}}. Мы ответим вам как можно скорее после возвращения.
            """,
            .es: """
            Hola, {{member_name}}:

            estamos fuera hasta el {{absent_until}}. Te responderemos lo antes posible a nuestro regreso.
            """,
        ],
        .absenceWithSubstitute: [
            .en: """
            Hello {{member_name}},

            we are away until {{absent_until}}. {{substitute_name}} is looking after your message in the \
            meantime.
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Нас нет на месте до {{absent_until}}. Пока что вашим обращением займётся {{substitute_name}}.
            """,
            .es: """
            Hola, {{member_name}}:

            estamos fuera hasta el {{absent_until}}. Mientras tanto, {{substitute_name}} se ocupará de tu \
            mensaje.
            """,
        ],
        .outOfScope: [
            .en: """
            Hello {{member_name}},

            this support line does not handle {{topic}}. Please {{redirect}}.

            Thank you for understanding.
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Служба поддержки не занимается вопросами «{{topic}}». Пожалуйста, {{redirect}}.

            Спасибо за понимание.
            """,
            .es: """
            Hola, {{member_name}}:

            este canal de soporte no atiende {{topic}}. Por favor, {{redirect}}.

            Gracias por tu comprensión.
            """,
        ],
        .selfService: [
            .en: "You may be able to do this yourself right away: {{links}}\n\n",
            .ru: "Возможно, вы сможете сделать это сами прямо сейчас: {{links}}\n\n",
            .es: "Quizá puedas hacerlo tú mismo ahora mismo: {{links}}\n\n",
        ],
    ]
}
