import Testing

@testable import SupportCore

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

/// The quick path of `SearchText.terms` must give what the general path gives, on any text it takes.
@Suite("Search text, quick path")
struct SearchTextQuickPathTests {
    static let alphabet: [Unicode.Scalar] = {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0x09)...0x7E { scalars.append(Unicode.Scalar(value)!) }
        for value in UInt32(0xA0)...0xFF where ![0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE].contains(value) {
            scalars.append(Unicode.Scalar(value)!)
        }
        for value in UInt32(0x401)...0x451 where value == 0x401 || value == 0x451 || (0x410...0x44F).contains(value) {
            scalars.append(Unicode.Scalar(value)!)
        }
        for value in UInt32(0x2010)...0x2027 { scalars.append(Unicode.Scalar(value)!) }
        return scalars
    }()

    @Test("quick and general terms agree on generated text, and on words with real endings")
    func quickMatchesGeneral() throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("SearchTextQuickPathTests seed \(seed)")
        var random = SeededRandom(seed: seed)
        let words = [
            "refunded", "stopping", "classes", "Suscripciones", "pagadas", "MÓDULOS", "Straße", "ОПЛАТИТЬСЯ",
            "подписками", "ёлочкой", "Ñandúes", "æble", "øre", "þorn", "ðe", "ÿes", "Crème", "brûlée",
        ]
        for _ in 0..<3000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 40) {
                if random.next() % 3 == 0 {
                    text.append(contentsOf: words[Int(random.next() % UInt64(words.count))].unicodeScalars)
                } else {
                    text.append(Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))])
                }
            }
            let string = String(text)
            let quick = try #require(SearchText.quickTerms(string), "seed \(seed): \(string.debugDescription)")
            #expect(quick == SearchText.generalTerms(string), "seed \(seed): \(string.debugDescription)")
        }
    }

    @Test("text outside the quick alphabet goes the general way")
    func othersGoGeneral() {
        #expect(SearchText.quickTerms("日本語") == nil)
        #expect(SearchText.quickTerms("1º piso") == nil)
        #expect(SearchText.quickTerms("cafe\u{301}") == nil, "a combining accent")
        #expect(SearchText.terms("cafe\u{301}") == SearchText.terms("café"))
    }
}

/// SplitMix64, seeded, for generated text.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
