import Foundation
import Testing

@testable import SupportServer

/// The console's building blocks: escaping, language choice, the phrase table, forms and cookies.
@Suite("The web console's rendering")
struct ConsoleRenderingTests {
    @Test("interpolated strings are escaped; markup is inserted as it is")
    func escaping() {
        let subject = "<script>alert('x') & \"y\"</script>"
        let cell: HTML = "<td title=\"\(subject)\">\(subject)</td>"
        let escaped = "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        #expect(cell.rendered == "<td title=\"\(escaped)\">\(escaped)</td>")
        let bold: HTML = "<b>\(HTML(raw: "<i>ok</i>"))</b>"
        #expect(bold.rendered == "<b><i>ok</i></b>")
    }

    @Test("Accept-Language picks the preferred language the console speaks, by quality; English otherwise")
    func language() {
        #expect(ConsoleLanguage.preferred(by: "ru-RU,ru;q=0.9,en;q=0.8") == .ru)
        #expect(ConsoleLanguage.preferred(by: "de-DE, en;q=0.3, es;q=0.7") == .es)
        #expect(ConsoleLanguage.preferred(by: "es;q=0, ru;q=0.1") == .ru)
        #expect(ConsoleLanguage.preferred(by: "de, fr") == .en)
        #expect(ConsoleLanguage.preferred(by: nil) == .en)
    }

    @Test("every phrase has an English, Russian and Spanish text, and the same placeholders in each")
    func phrases() {
        for phrase in Phrase.allCases {
            let texts = [phrase.texts.en, phrase.texts.ru, phrase.texts.es]
            #expect(texts.allSatisfy { !$0.isEmpty }, "\(phrase) has an empty text")
            let placeholders = texts.map { $0.components(separatedBy: "{}").count }
            #expect(Set(placeholders).count == 1, "\(phrase) has different placeholders: \(texts)")
        }
        #expect(ConsoleLanguage.ru.say(.ratedAlready, "4") == "Вы оценили обращение на 4 из 5.")
    }

    @Test("durations read as days, hours and minutes in each language")
    func durations() {
        #expect(ConsoleLanguage.en.duration(26 * 3600 + 5 * 60) == "1d 2h")
        #expect(ConsoleLanguage.en.duration(-(2 * 3600 + 30 * 60)) == "2h 30m")
        #expect(ConsoleLanguage.ru.duration(45 * 60) == "45м")
    }

    @Test("form fields are decoded (plus signs, percent escapes), and a repeated field keeps its first value")
    func forms() throws {
        let form = ConsoleForm.parse("subject=Hello+there%21&body=a%26b%3Dc&body=second&empty=&csrf=ab")
        #expect(form["subject"] == "Hello there!")
        #expect(form["body"] == "a&b=c")
        #expect(form.trimmed("empty") == nil)
        #expect(throws: APIError.self) { try form.required("missing") }
    }

    @Test("session ids and CSRF tokens are 256 random bits in hexadecimal, never repeated")
    func tokens() {
        let tokens = (0..<100).map { _ in ConsoleSessions.randomToken() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
    }
    @Test("CONSOLE_SECURE_COOKIES=1 turns the Secure flag on for every console cookie")
    func secureCookieSetting() throws {
        let on = try ServerSettings.fromEnvironment(["SUPPORT_DEMO": "1", "CONSOLE_SECURE_COOKIES": "1"])
        #expect(on.consoleSecureCookies)
        #expect(try ServerSettings.fromEnvironment(["SUPPORT_DEMO": "1"]).consoleSecureCookies == false)
        let cookie = ConsoleHTTP.setCookie(ConsoleHTTP.sessionCookie, "abc", maxAge: 60, secure: true)
        #expect(cookie == "console_session=abc; Path=/console; Max-Age=60; HttpOnly; SameSite=Strict; Secure")
    }
}
