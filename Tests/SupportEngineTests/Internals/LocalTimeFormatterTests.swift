import Foundation
import Testing

@testable import SupportEngine

@Suite("Local time formatter")
struct LocalTimeFormatterTests {
    @Test func writesTheInstantInTheMembersLanguageAndZone() throws {
        let formatter = LocalTimeFormatter()
        let instant = try Date("2026-01-12T07:00:00Z", strategy: .iso8601)
        #expect(
            formatter.format(instant, locale: .en, timeZone: "Europe/Moscow")
                == "Monday, January 12, 10:00 (Europe/Moscow)"
        )
        #expect(
            formatter.format(instant, locale: .en, timeZone: "Europe/Moscow")
                == "Monday, January 12, 10:00 (Europe/Moscow)"
        )
        #expect(formatter.cachedCount == 1)
    }

    /// Zone names and language tags come from members' profiles; the cache used to keep one formatter
    /// per pair forever.
    @Test func theCacheStaysBoundedWhateverMembersSend() throws {
        let formatter = LocalTimeFormatter()
        let instant = Date(timeIntervalSince1970: 0)
        let zones = TimeZone.knownTimeZoneIdentifiers.prefix(200)
        for zone in zones {
            _ = formatter.format(instant, locale: .en, timeZone: zone)
            #expect(formatter.cachedCount <= LocalTimeFormatter.maximumCachedFormatters)
        }
        #expect(zones.count > LocalTimeFormatter.maximumCachedFormatters)
    }
}
