import Foundation

/// Formats instants for members: in their language and time zone, with the zone named.
///
/// `Monday, January 12, 10:00 (Europe/Moscow)`, `понедельник, 12 января, 10:00 (Europe/Moscow)`,
/// `lunes 12 de enero, 10:00 (Europe/Moscow)`. Formatters are cached per language and zone, so
/// formatting is cheap after the first use. The cache holds at most ``maximumCachedFormatters``: language
/// tags and zone names come from members' profiles, so an unbounded cache would grow with them. Not
/// `Sendable`: keep one per actor.
final class LocalTimeFormatter {
    /// How many language-and-zone formatters are kept; past that the cache starts over.
    static let maximumCachedFormatters = 64

    private var cache: [String: DateFormatter] = [:]

    /// How many formatters are cached now.
    var cachedCount: Int { cache.count }

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
            if cache.count >= Self.maximumCachedFormatters { cache.removeAll(keepingCapacity: true) }
            cache[key] = formatter
        }
        return "\(formatter.string(from: date)) (\(timeZone))"
    }
}
