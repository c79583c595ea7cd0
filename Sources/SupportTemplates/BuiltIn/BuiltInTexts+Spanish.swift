import MemberJourney
import Moderation
import RefundRules
import SupportCore

extension BuiltInTexts {
    /// The Spanish texts of every built-in template, by feature.
    static let spanish: [TemplateKey: String] = [
        // MARK: - Acknowledgements and notices

        .acknowledgement: """
        Hola, {{member_name}}:

        hemos recibido tu mensaje «{{ticket_subject}}» (solicitud {{ticket_number}}). \
        Recibirás una respuesta antes de: {{expected_reply}}.

        {{reply_channel}}{{self_service}}El equipo de soporte
        """,
        .acknowledgementWithoutPromise: """
        Hola, {{member_name}}:

        hemos recibido tu mensaje «{{ticket_subject}}» (solicitud {{ticket_number}}) y te responderemos lo \
        antes posible.

        {{reply_channel}}{{self_service}}El equipo de soporte
        """,
        .afterHours: """
        Hola, {{member_name}}:

        ahora mismo el equipo de soporte no está disponible. Volvemos el {{next_opening}} y te \
        responderemos entonces. Nuestro horario: {{hours}}.
        """,
        .absence: """
        Hola, {{member_name}}:

        estamos fuera hasta el {{absent_until}}. Te responderemos lo antes posible a nuestro regreso.
        """,
        .absenceWithSubstitute: """
        Hola, {{member_name}}:

        estamos fuera hasta el {{absent_until}}. Mientras tanto, {{substitute_name}} se ocupará de tu \
        mensaje.
        """,
        .agentAbsence: """
        Hola, {{member_name}}:

        {{agent_name}} está fuera hasta el {{absent_until}}. Mientras tanto, {{substitute_name}} se \
        ocupará de tu mensaje.
        """,
        .removedMember: """
        Hola, {{member_name}}:

        tu membresía del club ha terminado, así que este canal de soporte ya no atiende tus solicitudes. \
        Hemos guardado tu mensaje en nuestro registro.
        """,
        .agentAbsenceWithoutSubstitute: """
        Hola, {{member_name}}:

        {{agent_name}} está fuera hasta el {{absent_until}}. Otra persona de nuestro equipo te responderá.
        """,
        .outOfScope: """
        Hola, {{member_name}}:

        este canal de soporte no atiende {{topic}}. Por favor, {{redirect}}.

        Gracias por tu comprensión.
        """,
        .selfService: "Quizá puedas hacerlo tú mismo ahora mismo: {{links}}\n\n",
        .replyChannel: "Te responderemos por: {{channel}}.\n\n",

        // MARK: - Refunds

        TemplateKey(rawValue: RefundDecision.TemplateKey.approved): """
        Hola, {{member_name}}:

        tu reembolso de {{amount}} está aprobado (solicitud {{request_id}}). El dinero vuelve al medio de \
        pago que usaste; tu banco puede tardar unos días en mostrarlo.

        El equipo de soporte
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.approvedGoodwill): """
        Hola, {{member_name}}:

        aunque el periodo de garantía ya terminó, hemos decidido reembolsarte {{amount}} como gesto de \
        buena voluntad (solicitud {{request_id}}). El dinero vuelve al medio de pago que usaste.

        El equipo de soporte
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.withdrawal): """
        Hola, {{member_name}}:

        has desistido de tu membresía dentro del plazo legal de desistimiento. Te reembolsamos el total, \
        {{amount}} (solicitud {{request_id}}); tu suscripción y tu acceso terminan ahora.

        El equipo de soporte
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedOutsideWindow): """
        Hola, {{member_name}}:

        gracias por escribirnos. Nuestra garantía cubre reembolsos durante {{guarantee_days}} días y ese \
        plazo ya pasó, así que no podemos reembolsar este pago (solicitud {{request_id}}). \
        Si algo del club no te funciona, responde y te ayudamos.

        El equipo de soporte
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedDisputed): """
        Hola, {{member_name}}:

        este pago está en disputa con tu banco, así que es el banco quien gestiona la devolución y no \
        podemos reembolsarlo también (solicitud {{request_id}}). Si la disputa se cierra, responde y lo \
        revisamos de nuevo.

        El equipo de soporte
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedAlreadyRefunded): """
        Hola, {{member_name}}:

        este pago ya fue reembolsado, así que no queda nada por devolver (solicitud {{request_id}}). \
        Si no ves el dinero, responde y lo revisamos contigo.

        El equipo de soporte
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedNothingLeft): """
        Hola, {{member_name}}:

        el periodo que cubre este pago ya se ha usado, así que según nuestras condiciones no queda nada \
        por devolver (solicitud {{request_id}}).

        El equipo de soporte
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedByOwner): """
        Hola, {{member_name}}:

        hemos revisado tu solicitud con atención. Como el periodo de garantía ya pasó, esta vez no \
        podemos hacer una excepción (solicitud {{request_id}}). Gracias por tu comprensión.

        El equipo de soporte
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.escalated): """
        Hola, {{member_name}}:

        hemos recibido tu solicitud de reembolso ({{request_id}}). Necesita la decisión de la persona \
        responsable del club; te escribiremos en cuanto la tome.

        El equipo de soporte
        """,

        // MARK: - Moderation

        TemplateKey(rawValue: ModerationDecision.TemplateKey.warning): """
        Hola, {{member_name}}:

        te valoramos en el club y pedimos a todos que sigan las mismas normas. Tu mensaje reciente no \
        respetó nuestra norma sobre {{rule}}. Por favor, respétala a partir de ahora. Las normas: \
        {{rules_link}}

        El equipo de soporte
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.finalWarning): """
        Hola, {{member_name}}:

        este es un último aviso: tu mensaje volvió a no respetar nuestra norma sobre {{rule}}. Si vuelve \
        a ocurrir, tu membresía terminará. Las normas: {{rules_link}}

        El equipo de soporte
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.suspension): """
        Hola, {{member_name}}:

        como tu mensaje no respetó nuestra norma sobre {{rule}}, tu acceso queda suspendido hasta \
        {{suspended_until}}. Las normas: {{rules_link}}

        El equipo de soporte
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.removal): """
        Hola, {{member_name}}:

        después de los avisos anteriores, tu mensaje volvió a no respetar nuestra norma sobre {{rule}}, \
        así que tu membresía del club termina ahora. Las normas: {{rules_link}}

        El equipo de soporte
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.reversal): """
        Hola, {{member_name}}:

        lo hemos revisado de nuevo y hemos retirado una medida de moderación anterior en tu cuenta. \
        Ya no cuenta. Gracias por tu paciencia.

        El equipo de soporte
        """,
        PolicyTemplateKeys.rulesLink: "/rules",

        // MARK: - Names of the kinds of violation

        PolicyTemplateKeys.ruleName(.rudeness): "la mala educación",
        PolicyTemplateKeys.ruleName(.aggression): "la agresividad",
        PolicyTemplateKeys.ruleName(.harassment): "el acoso",
        PolicyTemplateKeys.ruleName(.spam): "el spam",
        PolicyTemplateKeys.ruleName(.supportLineMisuse): "usar la línea de soporte solo para soporte",

        // MARK: - Member journey and feedback

        .journeyWelcome: """
        Hola, {{member_name}}:

        ¡te damos la bienvenida al club, nos alegra tenerte aquí! Empieza por la sección de introducción y, \
        si tienes cualquier pregunta, responde a este mensaje.

        El equipo
        """,
        .journeyOnboardingCheckIn: """
        Hola, {{member_name}}:

        llevas unos días con nosotros: ¿qué tal va todo? Si quieres, podemos hablar quince minutos para \
        ayudarte a encontrar lo que buscabas. Responde con la hora que te venga bien.

        El equipo
        """,
        .journeyQuietCheckIn: """
        Hola, {{member_name}}:

        hace tiempo que no te vemos y queríamos preguntarte cómo estás y cómo van tus objetivos. \
        ¿Podemos ayudarte en algo? Responde a este mensaje.

        El equipo
        """,
        .journeyExitSurvey: """
        Hola, {{member_name}}:

        gracias por haber sido parte de nuestra comunidad. Sentimos que te vayas y queremos aprender de \
        ello: ¿por qué te vas? Responde con los números que correspondan y, si quieres, unas palabras:

        {{reasons}}

        Te deseamos lo mejor; siempre serás bienvenido de vuelta.

        El equipo
        """,
        .journeyWinBack: """
        Hola, {{member_name}}:

        cuando te fuiste nos dijiste que el motivo era: {{reason}}. Gracias por decírnoslo: te escuchamos \
        y ya está resuelto:

        {{fix_note}}

        Nos encantaría volver a verte.

        El equipo
        """,
        .ratingRequest: """
        Hola, {{member_name}}:

        hemos marcado tu solicitud «{{ticket_subject}}» como resuelta. ¿Qué tal lo hicimos? Valóranos del 1 \
        (mal) al 5 (excelente) y cuéntanos en pocas palabras qué podríamos mejorar.
        """,
        .youSaidWeDid: """
        Hola, {{member_name}}:

        nos dijiste: «{{feedback}}». Lo que hicimos:

        {{note}}

        Gracias por tu opinión: gracias a ella el club mejora.

        El equipo
        """,

        // MARK: - Subjects of the journey and feedback messages

        TemplateKey.journeyWelcome.subject: "¡Bienvenido, {{member_name}}!",
        TemplateKey.journeyOnboardingCheckIn.subject: "¿Qué tal va todo?",
        TemplateKey.journeyQuietCheckIn.subject: "¿Cómo estás?",
        TemplateKey.journeyExitSurvey.subject: "Gracias por estar con nosotros",
        TemplateKey.journeyWinBack.subject: "Nos lo dijiste y lo arreglamos",
        TemplateKey.ratingRequest.subject: "¿Qué tal lo hicimos?",
        TemplateKey.youSaidWeDid.subject: "Lo dijiste y lo hicimos",

        // MARK: - Names of the exit reasons

        .exitReasonName(.tooExpensive): "demasiado caro",
        .exitReasonName(.notEnoughTime): "falta de tiempo",
        .exitReasonName(.contentNotExpected): "el contenido no era lo que esperaba",
        .exitReasonName(.technicalProblems): "problemas técnicos",
        .exitReasonName(.supportExperience): "la atención recibida",
        .exitReasonName(.other): "otro motivo",
    ]
}
