import Foundation

/// Formats instants for members: in their language and time zone, with the zone named.
///
/// `Monday, January 12, 10:00 (Europe/Moscow)`, `понедельник, 12 января, 10:00 (Europe/Moscow)`,
/// `lunes 12 de enero, 10:00 (Europe/Moscow)`. Formatters are cached per language and zone, so
/// formatting is cheap after the first use. Not `Sendable`: keep one per actor.
final class LocalTimeFormatter {
    private var cache: [String: DateFormatter] = [:]

    func format(_ date: Date, locale: LocaleTag, timeZone: String) -> String {
        let key = "\(locale.rawValue)|\(timeZone)"
        let formatter: DateFormatter
        if let cached = cache[key] {
            formatter = cached
        } else {
            formatter = DateFormatter()
            formatter.locale = Locale(identifier: locale.rawValue)
            formatter.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")
            switch locale.language {
            case "ru": formatter.dateFormat = "EEEE, d MMMM, HH:mm"
            case "es": formatter.dateFormat = "EEEE d 'de' MMMM, HH:mm"
            case "en": formatter.dateFormat = "EEEE, MMMM d, HH:mm"
            default: formatter.setLocalizedDateFormatFromTemplate("EEEEMMMMdHHmm")
            }
            cache[key] = formatter
        }
        return "\(formatter.string(from: date)) (\(timeZone))"
    }
}
