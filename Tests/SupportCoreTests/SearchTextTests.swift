import SupportCore
import Testing

@Suite("Search text")
struct SearchTextTests {
    @Test("folding: case, Latin accents and ё go; й and other letters stay")
    func folding() {
        #expect(SearchText.fold("SUSCRIPCIÓN Cancelación Ñandú") == "suscripcion cancelacion nandu")
        #expect(SearchText.fold("Ёлка, ЁЖИК и всё") == "елка, ежик и все")
        #expect(SearchText.fold("Мой Йогурт") == "мой йогурт", "й is a letter of its own")
        #expect(SearchText.fold("Straße") == "strasse")
        #expect(SearchText.fold("日本語 ok") == "日本語 ok")
    }

    @Test("the examples of the documentation")
    func documentedExamples() {
        #expect(SearchText.terms("¿Dónde está mi SUSCRIPCIÓN?") == ["dond", "est", "mi", "suscripcion"])
        #expect(SearchText.terms("Не могу оплатить подписку") == ["не", "мог", "оплат", "подписк"])
    }

    @Test(
        "word forms of one word share a stem",
        arguments: [
            ["refund", "refunds", "refunded", "Refunding"],
            ["cancel", "cancels", "canceled", "canceling"],
            ["call", "calls", "called", "calling"],
            ["pass", "passes", "passed"],
            ["stop", "stops", "stopped", "stopping"],
            ["payment", "payments"],
            ["charge", "charged", "charging", "charges"],
            ["lesson", "lessons"],
            ["access", "accesses"],
            ["pago", "pagos", "pagar", "pagado"],
            ["suscripción", "suscripciones", "SUSCRIPCION"],
            ["cuenta", "cuentas"],
            ["оплата", "оплаты", "оплату", "оплатой", "оплатить"],
            ["подписка", "подписки", "подписку", "подпиской"],
            ["доступ", "доступа", "доступом"],
            ["курс", "курса", "курсы", "курсом"],
            ["занятие", "занятия", "занятий"],
            ["ёлка", "елка", "ЁЛКИ"],
        ]
    )
    func wordFormsMeet(_ forms: [String]) {
        let stems = Set(forms.map { SearchText.terms($0).first ?? "" })
        #expect(stems.count == 1, "\(forms) → \(stems)")
    }

    @Test("different words keep different stems")
    func differentWordsStayApart() {
        let words = [
            "refund", "access", "account", "payment", "pago", "cuenta", "оплата", "подписка", "доступ", "курс",
        ]
        let stems = words.map { SearchText.terms($0)[0] }
        #expect(Set(stems).count == words.count, "\(stems)")
        #expect(SearchText.terms("class")[0] == "class", "a word ending in ss keeps it")
        #expect(SearchText.terms("bus")[0] == "bus", "three letters are kept whole")
    }

    @Test("terms are runs of letters and digits; long runs are cut, many words are capped")
    func termBoundaries() {
        #expect(
            SearchText.terms("order #1042, e-mail: anna@club.example") == [
                "ord", "1042", "e", "mail", "ann", "club", "exampl",
            ]
        )
        #expect(SearchText.terms("") == [])
        #expect(SearchText.terms("  ,.;  ") == [])
        let long = String(repeating: "x", count: 500)
        #expect(SearchText.terms(long)[0].count <= SearchText.maximumTermLength)
        let many = Array(repeating: "word", count: SearchText.maximumTerms + 10).joined(separator: " ")
        #expect(SearchText.terms(many).count == SearchText.maximumTerms)
        #expect(SearchText.termSet("Lessons and lesson") == ["lesson", "and"])
    }
}
