import Foundation
import SupportCore

/// The words of the published rules in one language.
struct RulesVocabulary: Sendable {
    var title: String
    var hoursHeading: String
    var channelsHeading: String
    var promisesHeading: String
    var scopeHeading: String
    var absencesHeading: String
    var days: [String]
    var aroundTheClock: String
    var closed: String
    var holidays: String
    var timeZone: String
    var firstReply: String
    var nextReply: String
    var resolution: String
    var within: String
    var workingTime: String
    var units: (day: String, hour: String, minute: String)
    var priorities: [Priority: String]
    var meantFor: String
    var whileOpen: String
    var notHandled: String
    var goTo: String
    var away: String
    var substitute: String
    var channels: [ChannelKind: String]
    var reasons: [ContactReason: String]

    static func forLocale(_ locale: LocaleTag) -> RulesVocabulary {
        switch locale.language {
        case "ru": russian
        case "es": spanish
        default: english
        }
    }

    static let english = RulesVocabulary(
        title: "How our support works",
        hoursHeading: "Hours",
        channelsHeading: "How to reach us",
        promisesHeading: "When we answer",
        scopeHeading: "What we do not handle here",
        absencesHeading: "Absences",
        days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        aroundTheClock: "around the clock",
        closed: "closed",
        holidays: "Closed on public holidays.",
        timeZone: "time zone",
        firstReply: "first reply",
        nextReply: "next reply",
        resolution: "resolution",
        within: "within",
        workingTime: "of working time",
        units: ("d", "h", "min"),
        priorities: [.urgent: "Urgent", .high: "High", .normal: "Normal", .low: "Low"],
        meantFor: "for",
        whileOpen: "reply within %@ while open",
        notHandled: "We do not handle %@ here",
        goTo: "please go to",
        away: "Away from %@ to %@",
        substitute: "%@ answers meanwhile",
        channels: [
            .email: "Email", .webForm: "Contact form", .supportPortal: "Support portal", .phone: "Phone",
            .forum: "Forum", .liveChat: "Live chat", .inPlatform: "Messages on the platform", .assistant: "Assistant",
            .telegram: "Telegram", .viber: "Viber", .whatsApp: "WhatsApp", .messenger: "Messenger",
            .facebook: "Facebook", .socialNetwork: "Social networks",
        ],
        reasons: [
            .access: "access and login", .brokenFeature: "something not working",
            .contentQuestion: "questions about content",
            .cancelSubscription: "cancelling a subscription", .feedback: "feedback and ideas",
            .preSales: "questions before joining",
            .registration: "registration", .trialOrApp: "trial and app download", .billing: "payments and invoices",
            .refund: "refunds", .personalConsultation: "personal consultations", .other: "anything else",
        ]
    )

    static let russian = RulesVocabulary(
        title: "Как работает наша поддержка",
        hoursHeading: "Часы работы",
        channelsHeading: "Как с нами связаться",
        promisesHeading: "Когда мы отвечаем",
        scopeHeading: "Чем мы здесь не занимаемся",
        absencesHeading: "Отсутствие",
        days: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
        aroundTheClock: "круглосуточно",
        closed: "выходной",
        holidays: "В праздничные дни поддержка не работает.",
        timeZone: "часовой пояс",
        firstReply: "первый ответ",
        nextReply: "следующий ответ",
        resolution: "решение",
        within: "в течение",
        workingTime: "рабочего времени",
        units: ("дн.", "ч", "мин"),
        priorities: [.urgent: "Срочно", .high: "Высокий", .normal: "Обычный", .low: "Низкий"],
        meantFor: "для",
        whileOpen: "ответ в течение %@, пока канал работает",
        notHandled: "Здесь мы не занимаемся темой «%@»",
        goTo: "обратитесь сюда",
        away: "Нет на месте с %@ по %@",
        substitute: "в это время отвечает %@",
        channels: [
            .email: "Электронная почта", .webForm: "Форма на сайте", .supportPortal: "Раздел поддержки",
            .phone: "Телефон", .forum: "Форум", .liveChat: "Онлайн-чат", .inPlatform: "Сообщения на платформе",
            .assistant: "Ассистент", .telegram: "Telegram", .viber: "Viber", .whatsApp: "WhatsApp",
            .messenger: "Мессенджер", .facebook: "Facebook", .socialNetwork: "Соцсети",
        ],
        reasons: [
            .access: "доступ и вход", .brokenFeature: "что-то не работает", .contentQuestion: "вопросы по материалам",
            .cancelSubscription: "отмена подписки", .feedback: "отзывы и идеи", .preSales: "вопросы до покупки",
            .registration: "регистрация", .trialOrApp: "пробный период и приложение", .billing: "оплата и счета",
            .refund: "возврат денег", .personalConsultation: "личные консультации", .other: "другое",
        ]
    )

    static let spanish = RulesVocabulary(
        title: "Cómo funciona nuestro soporte",
        hoursHeading: "Horario",
        channelsHeading: "Cómo contactarnos",
        promisesHeading: "Cuándo respondemos",
        scopeHeading: "Lo que no atendemos aquí",
        absencesHeading: "Ausencias",
        days: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
        aroundTheClock: "las 24 horas",
        closed: "cerrado",
        holidays: "Cerrado en días festivos.",
        timeZone: "zona horaria",
        firstReply: "primera respuesta",
        nextReply: "siguiente respuesta",
        resolution: "resolución",
        within: "en",
        workingTime: "de horario laboral",
        units: ("d", "h", "min"),
        priorities: [.urgent: "Urgente", .high: "Alta", .normal: "Normal", .low: "Baja"],
        meantFor: "para",
        whileOpen: "respuesta en %@ mientras está abierto",
        notHandled: "No atendemos aquí %@",
        goTo: "diríjase a",
        away: "Ausentes del %@ al %@",
        substitute: "mientras tanto responde %@",
        channels: [
            .email: "Correo electrónico", .webForm: "Formulario web", .supportPortal: "Portal de soporte",
            .phone: "Teléfono", .forum: "Foro", .liveChat: "Chat en vivo", .inPlatform: "Mensajes en la plataforma",
            .assistant: "Asistente", .telegram: "Telegram", .viber: "Viber", .whatsApp: "WhatsApp",
            .messenger: "Mensajería", .facebook: "Facebook", .socialNetwork: "Redes sociales",
        ],
        reasons: [
            .access: "acceso e inicio de sesión", .brokenFeature: "algo que no funciona",
            .contentQuestion: "preguntas sobre el contenido", .cancelSubscription: "cancelar la suscripción",
            .feedback: "opiniones e ideas", .preSales: "preguntas antes de unirse", .registration: "registro",
            .trialOrApp: "prueba y descarga de la app", .billing: "pagos y facturas", .refund: "reembolsos",
            .personalConsultation: "consultas personales", .other: "otros temas",
        ]
    )

    func channel(_ kind: ChannelKind) -> String { channels[kind] ?? kind.rawValue }

    func reason(_ reason: ContactReason) -> String { reasons[reason] ?? reason.rawValue }

    /// A duration such as `24 h` or `1 h 30 min`.
    func duration(_ seconds: TimeInterval) -> String {
        var left = Int(seconds.rounded())
        var parts: [String] = []
        if left >= 86_400 && left % 86_400 == 0 { return "\(left / 86_400) \(units.day)" }
        if left >= 3600 {
            parts.append("\(left / 3600) \(units.hour)")
            left %= 3600
        }
        if left >= 60 || parts.isEmpty {
            parts.append("\(max(left / 60, parts.isEmpty ? 1 : 0)) \(units.minute)")
        }
        return parts.joined(separator: " ")
    }

    func duration(_ duration: BusinessDuration) -> String {
        let text = self.duration(duration.seconds)
        return duration.isBusinessTime ? "\(text) \(workingTime)" : text
    }

    func filling(_ pattern: String, _ values: String...) -> String {
        var result = pattern
        for value in values {
            guard let range = result.range(of: "%@") else { break }
            result.replaceSubrange(range, with: value)
        }
        return result
    }
}
