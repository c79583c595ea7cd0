import SupportCore

extension BuiltInTexts {
    /// The texts of the alerts to people on staff, in every built-in language: short, with the ticket's
    /// number first so a phone's notification shows it. See ``AlertTemplateKeys``.
    static let alerts: [LocaleTag: [TemplateKey: String]] = [
        .en: [
            AlertTemplateKeys.subject("sla_breach"): "SLA breach: {{ticket_number}}, {{metric}}",
            AlertTemplateKeys.text("sla_breach"): """
            Ticket {{ticket_number}} missed its {{metric}} target: it was due {{due_at}}.
            Member: {{member}}. Ticket id: {{ticket_id}}.
            """,
            AlertTemplateKeys.subject("sla_warning"): "SLA warning: {{ticket_number}}, {{metric}}",
            AlertTemplateKeys.text("sla_warning"): """
            Ticket {{ticket_number}} is close to its {{metric}} target, due {{due_at}}.
            Member: {{member}}. Ticket id: {{ticket_id}}.
            """,
            AlertTemplateKeys.subject("sla_escalation"): "Escalation {{level}}: {{ticket_number}}, {{metric}}",
            AlertTemplateKeys.text("sla_escalation"): """
            Ticket {{ticket_number}} reached escalation level {{level}}: its {{metric}} target was due {{due_at}}.
            Member: {{member}}. Ticket id: {{ticket_id}}.
            """,
            AlertTemplateKeys.subject("refund_escalated"): "Refund waits for you: {{ticket_number}}, {{amount}}",
            AlertTemplateKeys.text("refund_escalated"): """
            Refund request {{request}} of {{member}} ({{amount}}) on ticket {{ticket_number}} needs your decision \
            (since {{at}}).
            """,
            AlertTemplateKeys.subject("removal_pending"): "Removal waits for you: {{member}}",
            AlertTemplateKeys.text("removal_pending"): """
            The removal of paying member {{member}} waits for your approval (since {{at}}, ticket {{ticket_number}}).
            """,
            AlertTemplateKeys.subject("dead_lettered"): "Message not delivered: {{ticket_number}}",
            AlertTemplateKeys.text("dead_lettered"): """
            Message {{outbound}} to {{member}} on {{channel}} failed {{attempts}} times and was dead-lettered \
            at {{at}} (ticket {{ticket_number}}). Retry it from the owner's inbox.
            """,
            AlertTemplateKeys.genericSubject: "Desk event {{event}}: {{ticket_number}}",
            AlertTemplateKeys.genericText: """
            {{event}} at {{at}} on ticket {{ticket_number}} (member {{member}}).
            """,
            AlertTemplateKeys.metricName("first_reply"): "first reply",
            AlertTemplateKeys.metricName("next_reply"): "next reply",
            AlertTemplateKeys.metricName("resolution"): "resolution",
        ],
        .ru: [
            AlertTemplateKeys.subject("sla_breach"): "Нарушен SLA: {{ticket_number}}, {{metric}}",
            AlertTemplateKeys.text("sla_breach"): """
            Обращение {{ticket_number}} не уложилось в срок «{{metric}}»: срок был {{due_at}}.
            Участник: {{member}}. Id обращения: {{ticket_id}}.
            """,
            AlertTemplateKeys.subject("sla_warning"): "Скоро срок SLA: {{ticket_number}}, {{metric}}",
            AlertTemplateKeys.text("sla_warning"): """
            У обращения {{ticket_number}} подходит срок «{{metric}}»: {{due_at}}.
            Участник: {{member}}. Id обращения: {{ticket_id}}.
            """,
            AlertTemplateKeys.subject("sla_escalation"): "Эскалация {{level}}: {{ticket_number}}, {{metric}}",
            AlertTemplateKeys.text("sla_escalation"): """
            Обращение {{ticket_number}} дошло до эскалации уровня {{level}}: срок «{{metric}}» был {{due_at}}.
            Участник: {{member}}. Id обращения: {{ticket_id}}.
            """,
            AlertTemplateKeys.subject("refund_escalated"): "Возврат ждёт вашего решения: {{ticket_number}}, {{amount}}",
            AlertTemplateKeys.text("refund_escalated"): """
            Запрос на возврат {{request}} от {{member}} ({{amount}}) в обращении {{ticket_number}} ждёт вашего \
            решения (с {{at}}).
            """,
            AlertTemplateKeys.subject("removal_pending"): "Исключение ждёт вашего решения: {{member}}",
            AlertTemplateKeys.text("removal_pending"): """
            Исключение платящего участника {{member}} ждёт вашего одобрения (с {{at}}, обращение {{ticket_number}}).
            """,
            AlertTemplateKeys.subject("dead_lettered"): "Сообщение не доставлено: {{ticket_number}}",
            AlertTemplateKeys.text("dead_lettered"): """
            Сообщение {{outbound}} для {{member}} через {{channel}} не ушло после {{attempts}} попыток и отложено \
            {{at}} (обращение {{ticket_number}}). Повторите отправку из входящих владельца.
            """,
            AlertTemplateKeys.genericSubject: "Событие {{event}}: {{ticket_number}}",
            AlertTemplateKeys.genericText: """
            {{event}} в {{at}}, обращение {{ticket_number}} (участник {{member}}).
            """,
            AlertTemplateKeys.metricName("first_reply"): "первый ответ",
            AlertTemplateKeys.metricName("next_reply"): "следующий ответ",
            AlertTemplateKeys.metricName("resolution"): "решение",
        ],
        .es: [
            AlertTemplateKeys.subject("sla_breach"): "SLA incumplido: {{ticket_number}}, {{metric}}",
            AlertTemplateKeys.text("sla_breach"): """
            El ticket {{ticket_number}} no cumplió su objetivo de {{metric}}: vencía {{due_at}}.
            Miembro: {{member}}. Id del ticket: {{ticket_id}}.
            """,
            AlertTemplateKeys.subject("sla_warning"): "Aviso de SLA: {{ticket_number}}, {{metric}}",
            AlertTemplateKeys.text("sla_warning"): """
            El ticket {{ticket_number}} está cerca de su objetivo de {{metric}}, que vence {{due_at}}.
            Miembro: {{member}}. Id del ticket: {{ticket_id}}.
            """,
            AlertTemplateKeys.subject("sla_escalation"): "Escalado {{level}}: {{ticket_number}}, {{metric}}",
            AlertTemplateKeys.text("sla_escalation"): """
            El ticket {{ticket_number}} llegó al escalado de nivel {{level}}: su objetivo de {{metric}} vencía \
            {{due_at}}.
            Miembro: {{member}}. Id del ticket: {{ticket_id}}.
            """,
            AlertTemplateKeys.subject("refund_escalated"):
                "Un reembolso espera tu decisión: {{ticket_number}}, {{amount}}",
            AlertTemplateKeys.text("refund_escalated"): """
            La solicitud de reembolso {{request}} de {{member}} ({{amount}}) en el ticket {{ticket_number}} espera \
            tu decisión (desde {{at}}).
            """,
            AlertTemplateKeys.subject("removal_pending"): "Una expulsión espera tu decisión: {{member}}",
            AlertTemplateKeys.text("removal_pending"): """
            La expulsión del miembro de pago {{member}} espera tu aprobación (desde {{at}}, ticket {{ticket_number}}).
            """,
            AlertTemplateKeys.subject("dead_lettered"): "Mensaje no entregado: {{ticket_number}}",
            AlertTemplateKeys.text("dead_lettered"): """
            El mensaje {{outbound}} para {{member}} por {{channel}} falló {{attempts}} veces y se apartó {{at}} \
            (ticket {{ticket_number}}). Reinténtalo desde la bandeja del propietario.
            """,
            AlertTemplateKeys.genericSubject: "Evento {{event}}: {{ticket_number}}",
            AlertTemplateKeys.genericText: """
            {{event}} el {{at}} en el ticket {{ticket_number}} (miembro {{member}}).
            """,
            AlertTemplateKeys.metricName("first_reply"): "primera respuesta",
            AlertTemplateKeys.metricName("next_reply"): "siguiente respuesta",
            AlertTemplateKeys.metricName("resolution"): "resolución",
        ],
    ]
}
