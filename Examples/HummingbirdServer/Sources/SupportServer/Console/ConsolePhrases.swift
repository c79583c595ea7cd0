import Foundation

/// Every fixed text of the console, in English, Russian and Spanish.
///
/// A text with `{}` takes one value (``ConsoleLanguage/say(_:_:)``).
enum Phrase: CaseIterable, Sendable {
    case console, skipToContent, signIn, signOut, signInIntro, tokenLabel, wrongToken, signedInAs
    case myTickets, writeToSupport, subject, message, send, status, handledBy, nobodyYet, conversation
    case you, support, automatic, reply, rateTitle, score, comment, rate, ratedAlready, rules, expectedReply
    case noTickets, refundTitle, refundIntro, refundSend, refundAnswered, updated, back
    case inbox, search, searchLabel, filter, priority, anyValue, tag, member, assignee, due, dueIn, overdueBy
    case presence, setPresence, emptyQueue, internalNote, addNote, sendReply, applyMacro, macro, setStatus
    case assign, unassigned, merge, mergeInto, slaClocks, routing, deliveries, attempts, deadLettered
    case noDeliveries, noClocks, statusAfterReply, keepStatus, timesIn, breaches, paused, ticketActions
    case ownerInbox, escalatedRefunds, pendingRemovals, deadLetters, approve, decline, note, retry
    case nothingWaits, liveReport, tickets, resolved, firstReplyMedian, slaAttainment, averageRating, since
    case notFound, forbidden, formExpired, failed, done, openStatuses, allStatuses, ticket, tags, channel
    case nextPage, request

    /// The English, Russian and Spanish texts.
    var texts: (en: String, ru: String, es: String) {
        switch self {
        case .console: ("Support console", "Консоль поддержки", "Consola de soporte")
        case .skipToContent: ("Skip to content", "К содержимому", "Ir al contenido")
        case .signIn: ("Sign in", "Войти", "Iniciar sesión")
        case .signOut: ("Sign out", "Выйти", "Cerrar sesión")
        case .signInIntro:
            (
                "Enter the access token the club gave you.",
                "Введите ключ доступа, который вам выдал клуб.",
                "Introduce el token de acceso que te dio el club."
            )
        case .tokenLabel: ("Access token", "Ключ доступа", "Token de acceso")
        case .wrongToken: ("That token is not valid.", "Этот ключ не подходит.", "Ese token no es válido.")
        case .signedInAs: ("Signed in as {}", "Вы вошли как {}", "Sesión iniciada como {}")
        case .myTickets: ("My requests", "Мои обращения", "Mis solicitudes")
        case .writeToSupport: ("Write to support", "Написать в поддержку", "Escribir a soporte")
        case .subject: ("Subject", "Тема", "Asunto")
        case .message: ("Message", "Сообщение", "Mensaje")
        case .send: ("Send", "Отправить", "Enviar")
        case .status: ("Status", "Статус", "Estado")
        case .handledBy: ("Handled by", "Кто занимается", "Atendido por")
        case .nobodyYet: ("Nobody yet", "Пока никто", "Nadie todavía")
        case .conversation: ("Conversation", "Переписка", "Conversación")
        case .you: ("You", "Вы", "Tú")
        case .support: ("Support", "Поддержка", "Soporte")
        case .automatic: ("Automatic message", "Автоматическое сообщение", "Mensaje automático")
        case .reply: ("Reply", "Ответить", "Responder")
        case .rateTitle: ("How did we do?", "Как мы справились?", "¿Qué tal lo hicimos?")
        case .score: ("Rating from 1 to 5", "Оценка от 1 до 5", "Valoración del 1 al 5")
        case .comment: ("Comment", "Комментарий", "Comentario")
        case .rate: ("Send rating", "Отправить оценку", "Enviar valoración")
        case .ratedAlready:
            (
                "You rated this request {} of 5.", "Вы оценили обращение на {} из 5.",
                "Valoraste esta solicitud con {} de 5."
            )
        case .rules: ("Rules and hours", "Правила и часы работы", "Normas y horario")
        case .expectedReply: ("Expected answer by", "Ответ ожидается до", "Respuesta prevista antes de")
        case .noTickets: ("You have no requests yet.", "У вас пока нет обращений.", "Todavía no tienes solicitudes.")
        case .refundTitle: ("Ask for a refund", "Запросить возврат", "Pedir un reembolso")
        case .refundIntro:
            (
                "For your last payment. The club's refund rules decide; some requests go to the owner.",
                "За последний платёж. Решение принимается по правилам клуба; некоторые запросы решает владелец.",
                "Por tu último pago. Deciden las normas del club; algunas solicitudes pasan al propietario."
            )
        case .refundSend: ("Ask for a refund", "Запросить возврат", "Pedir el reembolso")
        case .refundAnswered:
            ("Your refund request was received.", "Запрос на возврат получен.", "Recibimos tu solicitud de reembolso.")
        case .updated: ("Updated", "Обновлено", "Actualizado")
        case .back: ("Back", "Назад", "Volver")
        case .inbox: ("Inbox", "Входящие", "Bandeja de entrada")
        case .search: ("Search", "Найти", "Buscar")
        case .searchLabel: ("Words, number or subject", "Слова, номер или тема", "Palabras, número o asunto")
        case .filter: ("Filter", "Фильтр", "Filtrar")
        case .priority: ("Priority", "Приоритет", "Prioridad")
        case .anyValue: ("Any", "Любой", "Cualquiera")
        case .tag: ("Tag", "Метка", "Etiqueta")
        case .member: ("Member", "Участник", "Miembro")
        case .assignee: ("Assignee", "Исполнитель", "Asignado a")
        case .due: ("Due", "Срок", "Vence")
        case .dueIn: ("in {}", "через {}", "en {}")
        case .overdueBy: ("overdue by {}", "просрочено на {}", "vencido hace {}")
        case .presence: ("Presence", "Статус присутствия", "Presencia")
        case .setPresence: ("Set presence", "Сменить статус", "Cambiar presencia")
        case .emptyQueue: ("No tickets match.", "Подходящих обращений нет.", "Ninguna solicitud coincide.")
        case .internalNote: ("Internal note", "Внутренняя заметка", "Nota interna")
        case .addNote: ("Add internal note", "Добавить заметку", "Añadir nota interna")
        case .sendReply: ("Send reply", "Отправить ответ", "Enviar respuesta")
        case .applyMacro: ("Apply macro", "Применить шаблон", "Aplicar macro")
        case .macro: ("Macro", "Шаблон", "Macro")
        case .setStatus: ("Set status", "Сменить статус", "Cambiar estado")
        case .assign: ("Assign", "Назначить", "Asignar")
        case .unassigned: ("Unassigned", "Не назначен", "Sin asignar")
        case .merge: ("Merge", "Объединить", "Fusionar")
        case .mergeInto:
            ("Merge into ticket (number)", "Объединить с обращением (номер)", "Fusionar con la solicitud (número)")
        case .slaClocks: ("Service-level clocks", "Сроки обслуживания", "Plazos de servicio")
        case .routing: ("Why it was routed this way", "Почему обращение направлено так", "Por qué se asignó así")
        case .deliveries: ("Deliveries", "Доставка", "Entregas")
        case .attempts: ("attempts: {}", "попыток: {}", "intentos: {}")
        case .deadLettered: ("Dead letter", "Не доставлено", "No entregado")
        case .noDeliveries: ("No outbound messages.", "Исходящих сообщений нет.", "No hay mensajes salientes.")
        case .noClocks: ("No clock is running.", "Сроки не идут.", "No corre ningún plazo.")
        case .statusAfterReply: ("Status after the reply", "Статус после ответа", "Estado tras la respuesta")
        case .keepStatus: ("As the desk decides", "Как решит система", "Lo que decida el sistema")
        case .timesIn: ("Times are in {}.", "Время указано в поясе {}.", "Las horas están en {}.")
        case .breaches: ("Missed targets", "Нарушенные сроки", "Plazos incumplidos")
        case .paused: ("paused", "на паузе", "en pausa")
        case .ticketActions: ("Actions", "Действия", "Acciones")
        case .ownerInbox: ("Owner's inbox", "Входящие владельца", "Bandeja del propietario")
        case .escalatedRefunds: ("Refunds waiting for you", "Возвраты на решение", "Reembolsos pendientes")
        case .pendingRemovals: ("Removals waiting for you", "Исключения на решение", "Expulsiones pendientes")
        case .deadLetters: ("Undelivered messages", "Недоставленные сообщения", "Mensajes no entregados")
        case .approve: ("Approve", "Одобрить", "Aprobar")
        case .decline: ("Decline", "Отклонить", "Rechazar")
        case .note: ("Note", "Заметка", "Nota")
        case .retry: ("Send again", "Отправить снова", "Enviar de nuevo")
        case .nothingWaits: ("Nothing waits here.", "Здесь ничего не ждёт.", "Aquí no hay nada pendiente.")
        case .liveReport: ("The last 30 days", "Последние 30 дней", "Los últimos 30 días")
        case .tickets: ("Tickets", "Обращения", "Solicitudes")
        case .resolved: ("Resolved", "Решено", "Resueltas")
        case .firstReplyMedian: ("Median first reply", "Медиана первого ответа", "Mediana de primera respuesta")
        case .slaAttainment: ("Targets met", "Сроки соблюдены", "Plazos cumplidos")
        case .averageRating: ("Average rating", "Средняя оценка", "Valoración media")
        case .since: ("since {}", "с {}", "desde {}")
        case .notFound: ("Not found", "Не найдено", "No encontrado")
        case .forbidden: ("Not allowed", "Нет доступа", "No permitido")
        case .formExpired:
            (
                "This form has expired. Go back, reload the page and try again.",
                "Форма устарела. Вернитесь, обновите страницу и попробуйте снова.",
                "Este formulario ha caducado. Vuelve, recarga la página e inténtalo de nuevo."
            )
        case .failed: ("That did not work", "Не получилось", "No ha funcionado")
        case .done: ("Done.", "Готово.", "Hecho.")
        case .openStatuses: ("New and open", "Новые и открытые", "Nuevas y abiertas")
        case .allStatuses: ("All", "Все", "Todas")
        case .ticket: ("Ticket", "Обращение", "Solicitud")
        case .tags: ("Tags", "Метки", "Etiquetas")
        case .channel: ("Channel", "Канал", "Canal")
        case .nextPage: ("Next page", "Следующая страница", "Página siguiente")
        case .request: ("Request", "Обращение", "Solicitud")
        }
    }
}

extension ConsoleLanguage {
    /// A phrase in this language.
    func say(_ phrase: Phrase) -> String {
        let texts = phrase.texts
        return pick(texts.en, texts.ru, texts.es)
    }

    /// A phrase in this language with its `{}` filled in.
    func say(_ phrase: Phrase, _ value: String) -> String {
        say(phrase).replacingOccurrences(of: "{}", with: value)
    }
}
