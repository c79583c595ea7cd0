/// The texts of the built-in member-journey and feedback templates, in English, Russian and Spanish.
///
/// Merged into ``TemplateCatalog/builtIn``. Placeholders are listed on the keys in
/// `JourneyTemplateKeys.swift`; a host overrides any text per language.
enum BuiltInJourneyTemplates {
    static let texts: [TemplateKey: [LocaleTag: String]] = messages.merging(subjects) { $1 }
        .merging(reasonNames) { $1 }

    private static let messages: [TemplateKey: [LocaleTag: String]] = [
        .journeyWelcome: [
            .en: """
            Hello {{member_name}},

            welcome to the club, we are glad you are here! Start with the introduction section, and ask us \
            anything: just reply to this message.

            The team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Добро пожаловать в клуб, мы рады, что вы с нами! Начните с раздела для новичков, а если возникнут \
            вопросы, просто ответьте на это письмо.

            Команда клуба
            """,
            .es: """
            Hola, {{member_name}}:

            ¡te damos la bienvenida al club, nos alegra tenerte aquí! Empieza por la sección de introducción y, \
            si tienes cualquier pregunta, responde a este mensaje.

            El equipo
            """,
        ],
        .journeyOnboardingCheckIn: [
            .en: """
            Hello {{member_name}},

            you have been with us for a few days: how is it going? If you like, we can meet for fifteen minutes \
            to help you find what you came for. Reply with a time that suits you.

            The team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Вы с нами уже несколько дней — как впечатления? Если хотите, давайте созвонимся на пятнадцать минут: \
            поможем найти то, ради чего вы пришли. Напишите в ответ удобное время.

            Команда клуба
            """,
            .es: """
            Hola, {{member_name}}:

            llevas unos días con nosotros: ¿qué tal va todo? Si quieres, podemos hablar quince minutos para \
            ayudarte a encontrar lo que buscabas. Responde con la hora que te venga bien.

            El equipo
            """,
        ],
        .journeyQuietCheckIn: [
            .en: """
            Hello {{member_name}},

            we have not seen you in a while and wanted to ask how you are doing and how your goals are going. \
            Is there anything we can help with? Just reply to this message.

            The team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Давно вас не видели и хотели спросить, как у вас дела и как продвигаются ваши цели. Можем ли мы \
            чем-то помочь? Просто ответьте на это письмо.

            Команда клуба
            """,
            .es: """
            Hola, {{member_name}}:

            hace tiempo que no te vemos y queríamos preguntarte cómo estás y cómo van tus objetivos. \
            ¿Podemos ayudarte en algo? Responde a este mensaje.

            El equipo
            """,
        ],
        .journeyExitSurvey: [
            .en: """
            Hello {{member_name}},

            thank you for being part of our community. We are sorry to see you go, and we would like to learn \
            from it: what made you leave? Reply with the numbers that apply, and a few words if you like:

            {{reasons}}

            We wish you all the best, and you are always welcome back.

            The team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Спасибо, что были частью нашего сообщества. Нам жаль расставаться, и мы хотим стать лучше: почему \
            вы решили уйти? Ответьте номерами подходящих причин и, если хотите, парой слов:

            {{reasons}}

            Желаем вам всего хорошего — будем рады, если вы вернётесь.

            Команда клуба
            """,
            .es: """
            Hola, {{member_name}}:

            gracias por haber sido parte de nuestra comunidad. Sentimos que te vayas y queremos aprender de \
            ello: ¿por qué te vas? Responde con los números que correspondan y, si quieres, unas palabras:

            {{reasons}}

            Te deseamos lo mejor; siempre serás bienvenido de vuelta.

            El equipo
            """,
        ],
        .journeyWinBack: [
            .en: """
            Hello {{member_name}},

            when you left, you told us the reason was: {{reason}}. Thank you for saying so — we listened, \
            and it is fixed:

            {{fix_note}}

            We would be glad to have you back.

            The team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Уходя, вы назвали причину: {{reason}}. Спасибо, что сказали об этом, — мы услышали и исправили:

            {{fix_note}}

            Будем рады видеть вас снова.

            Команда клуба
            """,
            .es: """
            Hola, {{member_name}}:

            cuando te fuiste nos dijiste que el motivo era: {{reason}}. Gracias por decírnoslo: te escuchamos \
            y ya está resuelto:

            {{fix_note}}

            Nos encantaría volver a verte.

            El equipo
            """,
        ],
        .ratingRequest: [
            .en: """
            Hello {{member_name}},

            we have marked your request "{{ticket_subject}}" as solved. How did we do? Rate us from 1 (poor) to \
            5 (excellent), and tell us in a few words what we could do better.
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Мы отметили ваше обращение «{{ticket_subject}}» как решённое. Как мы справились? Оцените нас от 1 \
            (плохо) до 5 (отлично) и напишите парой слов, что нам сделать лучше.
            """,
            .es: """
            Hola, {{member_name}}:

            hemos marcado tu solicitud «{{ticket_subject}}» como resuelta. ¿Qué tal lo hicimos? Valóranos del 1 \
            (mal) al 5 (excelente) y cuéntanos en pocas palabras qué podríamos mejorar.
            """,
        ],
        .youSaidWeDid: [
            .en: """
            Hello {{member_name}},

            you said: "{{feedback}}". We did:

            {{note}}

            Thank you for your feedback — it makes the club better.

            The team
            """,
            .ru: """
            Здравствуйте, {{member_name}}!

            Вы сказали: «{{feedback}}». Мы сделали:

            {{note}}

            Спасибо за обратную связь — благодаря ей клуб становится лучше.

            Команда клуба
            """,
            .es: """
            Hola, {{member_name}}:

            nos dijiste: «{{feedback}}». Lo que hicimos:

            {{note}}

            Gracias por tu opinión: gracias a ella el club mejora.

            El equipo
            """,
        ],
    ]

    private static let subjects: [TemplateKey: [LocaleTag: String]] = [
        TemplateKey.journeyWelcome.subject: [
            .en: "Welcome, {{member_name}}!", .ru: "Добро пожаловать, {{member_name}}!",
            .es: "¡Bienvenido, {{member_name}}!",
        ],
        TemplateKey.journeyOnboardingCheckIn.subject: [
            .en: "How is it going?", .ru: "Как впечатления?", .es: "¿Qué tal va todo?",
        ],
        TemplateKey.journeyQuietCheckIn.subject: [
            .en: "How are you doing?", .ru: "Как у вас дела?", .es: "¿Cómo estás?",
        ],
        TemplateKey.journeyExitSurvey.subject: [
            .en: "Thank you for being with us", .ru: "Спасибо, что были с нами", .es: "Gracias por estar con nosotros",
        ],
        TemplateKey.journeyWinBack.subject: [
            .en: "You told us, we fixed it", .ru: "Вы сказали — мы исправили", .es: "Nos lo dijiste y lo arreglamos",
        ],
        TemplateKey.ratingRequest.subject: [
            .en: "How did we do?", .ru: "Как мы справились?", .es: "¿Qué tal lo hicimos?",
        ],
        TemplateKey.youSaidWeDid.subject: [
            .en: "You said, we did", .ru: "Вы сказали — мы сделали", .es: "Lo dijiste y lo hicimos",
        ],
    ]

    private static let reasonNames: [TemplateKey: [LocaleTag: String]] = [
        .exitReasonName(.tooExpensive): [.en: "too expensive", .ru: "слишком дорого", .es: "demasiado caro"],
        .exitReasonName(.notEnoughTime): [.en: "not enough time", .ru: "не хватает времени", .es: "falta de tiempo"],
        .exitReasonName(.contentNotExpected): [
            .en: "the content was not what I expected", .ru: "содержание не оправдало ожиданий",
            .es: "el contenido no era lo que esperaba",
        ],
        .exitReasonName(.technicalProblems): [
            .en: "technical problems", .ru: "технические проблемы", .es: "problemas técnicos",
        ],
        .exitReasonName(.supportExperience): [
            .en: "the support I got", .ru: "работа поддержки", .es: "la atención recibida",
        ],
        .exitReasonName(.other): [.en: "something else", .ru: "другое", .es: "otro motivo"],
    ]
}
