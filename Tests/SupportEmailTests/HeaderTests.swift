import Foundation
import Testing

@testable import SupportEmail

@Suite("Email headers: encoded words, parameters, ids, dates")
struct HeaderTests {
    private func decode(_ text: String) -> String {
        HeaderText.decode(Array(text.utf8)[...], fallback: .windows1252)
    }

    @Test("RFC 2047 encoded words in B and Q, in every listed charset")
    func encodedWords() {
        #expect(decode("=?UTF-8?B?0J/RgNC40LLQtdGC?=") == "Привет")
        #expect(decode("=?utf-8?q?Jos=C3=A9_Mart=C3=ADnez?=") == "José Martínez")
        #expect(decode("=?windows-1251?B?z/Do4uXy?=") == "Привет")
        #expect(decode("=?KOI8-R?Q?=F0=D2=C9=D7=C5=D4?=") == "Привет")
        #expect(decode("=?ISO-8859-1?Q?Se=F1or?=") == "Señor")
        #expect(decode("=?iso-8859-15?Q?=A4?=") == "€")
        #expect(decode("=?windows-1252?Q?=93hi=94?=") == "“hi”")
        #expect(decode("=?UTF-8*es?Q?a=C3=B1o?=") == "año")
    }

    @Test("whitespace between encoded words goes, elsewhere it stays; a character split over two words survives")
    func adjacentWords() {
        #expect(decode("=?UTF-8?Q?a?= =?UTF-8?Q?b?=") == "ab")
        #expect(decode("=?UTF-8?Q?a?= plain =?UTF-8?Q?b?=") == "a plain b")
        #expect(decode("=?UTF-8?B?0J/R?=\r\n =?UTF-8?B?gNC4?=") == "При")
        #expect(decode("Re: =?UTF-8?B?0J/RgNC4?= [#1]") == "Re: При [#1]")
    }

    @Test("malformed encoded words are kept as text")
    func malformedWords() {
        #expect(decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
        #expect(decode("=?UTF-8?B?abc") == "=?UTF-8?B?abc")
        #expect(decode("=??B?abc?=") == "=??B?abc?=")
        #expect(decode("50% =?") == "50% =?")
    }

    @Test("raw 8-bit header bytes read as UTF-8, else in the fallback charset")
    func rawBytes() {
        #expect(HeaderText.decode(Array("Привет".utf8)[...], fallback: .windows1252) == "Привет")
        #expect(HeaderText.decode([0xCF, 0xF0, 0xE8][...], fallback: .windows1251) == "При")
    }

    @Test("RFC 2231 parameters: continuations, charset and language, percent-encoding; RFC 2047 in quotes")
    func parameters() {
        let type = MediaType.parse(
            Array(
                "attachment; filename*0*=utf-8'ru'%D0%A1%D1%87; filename*1=\"et 1\"; filename*2*=%2Epdf; size=12".utf8
            ),
            fallback: .utf8
        )
        #expect(type.value == "attachment")
        #expect(type.parameters["filename"] == "Счet 1.pdf")
        #expect(type.parameters["size"] == "12")
        let quoted = MediaType.parse(
            Array("Text/Plain (comment); charset=\"KOI8-R\"; name=\"=?UTF-8?B?0KTQsNC50Lsu?=txt\"; format=flowed".utf8),
            fallback: .utf8
        )
        #expect(quoted.value == "text/plain")
        #expect(quoted.type == "text")
        #expect(quoted.subtype == "plain")
        #expect(quoted.parameters["charset"] == "KOI8-R")
        #expect(quoted.parameters["name"] == "Файл.txt")
        #expect(quoted.parameters["format"] == "flowed")
        let lenient = MediaType.parse(Array("application/pdf; name=my file.pdf ;x".utf8), fallback: .utf8)
        #expect(lenient.parameters["name"] == "my file.pdf")
    }

    @Test("message ids with and without brackets")
    func messageIDs() {
        #expect(MessageIDList.parse(Array("<a@b> <c@d>\r\n <e@f>".utf8)) == ["a@b", "c@d", "e@f"])
        #expect(MessageIDList.parse(Array("a@b, c@d".utf8)) == ["a@b", "c@d"])
        #expect(MessageIDList.parse(Array("<a@b> (comment) <broken".utf8)) == ["a@b"])
        #expect(MessageIDList.parse(nil) == [])
    }

    @Test("dates: RFC 5322 forms with zones and comments, and the strict form written back")
    func dates() throws {
        let instant = try #require(EmailDate.parse("Fri, 5 Dec 2026 10:15:00 +0300 (MSK)"))
        #expect(instant == Date(timeIntervalSince1970: 1_796_454_900))
        #expect(EmailDate.parse("5 Dec 26 07:15 GMT") == instant)
        #expect(EmailDate.parse("Fri, 05 Dec 2026 02:15:00 EST") == instant)
        #expect(EmailDate.parse("yesterday") == nil)
        #expect(EmailDate.parse("Fri, 45 Dec 2026 10:15:00 +0300") == nil)
        #expect(EmailDate.format(instant) == "Sat, 05 Dec 2026 07:15:00 +0000")
        #expect(EmailDate.parse(EmailDate.format(instant)) == instant)
    }

    @Test("subjects: prefixes of many clients and the ticket tag")
    func subjects() {
        #expect(SubjectLine.normalized("Re: RE: Fwd: [#1042] Can't log in") == "Can't log in")
        #expect(SubjectLine.normalized("RV: Re[3]: Pago rechazado") == "Pago rechazado")
        #expect(SubjectLine.normalized("Отв: Re: Ответ: Возврат") == "Возврат")
        #expect(SubjectLine.normalized("Meeting: Tuesday") == "Meeting: Tuesday")
        #expect(
            TicketReference.find(in: "Re: [Club Support #1042] Hello")
                == TicketReference(label: "Club Support", value: "1042")
        )
        #expect(TicketReference.find(in: "[note] [#A-77] x") == TicketReference(value: "A-77"))
        #expect(TicketReference.find(in: "Re: [#] nothing [x#y z]") == nil)
    }
}
