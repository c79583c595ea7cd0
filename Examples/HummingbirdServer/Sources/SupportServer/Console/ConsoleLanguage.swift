import Foundation
import SupportEngine

/// The languages the console speaks: English, Russian and Spanish, chosen by the viewer's browser.
enum ConsoleLanguage: String, Sendable, Hashable, CaseIterable {
    /// English, the default.
    case en
    /// Russian.
    case ru
    /// Spanish.
    case es

    /// The language for an `Accept-Language` header: the one the browser prefers most (by `q`) among
    /// those the console speaks; English when none matches or the header is missing.
    ///
    /// - Parameter header: The header's value, such as `ru-RU,ru;q=0.9,en;q=0.8`.
    /// - Returns: The language.
    static func preferred(by header: String?) -> ConsoleLanguage {
        guard let header else { return .en }
        var best: (language: ConsoleLanguage, quality: Double)?
        for entry in header.split(separator: ",").prefix(20) {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty else { continue }
            let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
            guard let language = ConsoleLanguage(rawValue: primary) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0, quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .en
    }

    /// The desk's locale for this language, for the published rules and templates.
    var locale: LocaleTag { LocaleTag(rawValue: rawValue) ?? .en }

    /// The Foundation locale for dates.
    var foundationLocale: Locale {
        switch self {
        case .en: Locale(identifier: "en_GB")
        case .ru: Locale(identifier: "ru_RU")
        case .es: Locale(identifier: "es_ES")
        }
    }

    /// A ticket status as people read it.
    func name(of status: TicketStatus) -> String {
        switch status {
        case .new: pick("New", "Новый", "Nuevo")
        case .open: pick("Open", "Открыт", "Abierto")
        case .pending: pick("Pending", "Ожидает ответа", "Pendiente")
        case .onHold: pick("On hold", "Отложен", "En espera")
        case .solved: pick("Solved", "Решён", "Resuelto")
        case .closed: pick("Closed", "Закрыт", "Cerrado")
        }
    }

    /// A priority as people read it.
    func name(of priority: Priority) -> String {
        switch priority {
        case .low: pick("Low", "Низкий", "Baja")
        case .normal: pick("Normal", "Обычный", "Normal")
        case .high: pick("High", "Высокий", "Alta")
        case .urgent: pick("Urgent", "Срочный", "Urgente")
        }
    }

    /// A presence as people read it.
    func name(of presence: AgentPresence) -> String {
        switch presence {
        case .online: pick("Online", "В сети", "En línea")
        case .away: pick("Away", "Отошёл", "Ausente")
        case .offline: pick("Offline", "Не в сети", "Desconectado")
        }
    }

    /// An SLA clock's name.
    func name(of metric: SLAMetric) -> String {
        switch metric {
        case .firstReply: pick("First reply", "Первый ответ", "Primera respuesta")
        case .nextReply: pick("Next reply", "Следующий ответ", "Siguiente respuesta")
        case .resolution: pick("Resolution", "Решение", "Resolución")
        }
    }

    /// A length of time in days, hours and minutes, such as `1d 2h 5m`, `3ч 10м`.
    func duration(_ interval: TimeInterval) -> String {
        let minutes = Int((abs(interval) / 60).rounded(.down))
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        let units = pick("d h m", "д ч м", "d h min").split(separator: " ").map(String.init)
        var parts: [String] = []
        if days > 0 { parts.append("\(days)\(units[0])") }
        if hours > 0 { parts.append("\(hours)\(units[1])") }
        if days == 0 { parts.append("\(rest)\(units[2])") }
        return parts.joined(separator: " ")
    }

    /// An instant as the viewer reads it, in their zone: `Mon 12 Jan 2026, 10:00`.
    func time(_ date: Date, in zone: TimeZone) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: foundationLocale, timeZone: zone)
        style.calendar = Calendar(identifier: .gregorian)
        return date.formatted(style)
    }

    /// The English, Russian or Spanish text, as this language is.
    func pick(_ english: String, _ russian: String, _ spanish: String) -> String {
        switch self {
        case .en: english
        case .ru: russian
        case .es: spanish
        }
    }
}
