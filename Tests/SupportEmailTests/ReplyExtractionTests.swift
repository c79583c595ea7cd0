import Testing

@testable import SupportEmail

@Suite("Reply extraction")
struct ReplyExtractionTests {
    let extractor = ReplyExtractor()

    @Test(
        "the quoted history and signature go, in English, Spanish and Russian layouts",
        arguments: [
            ("Thanks!\n\n-----Original Message-----\nFrom: Club\nSent: today\n\nold", "Thanks!"),
            ("Gracias.\n\nDe: Soporte <s@club.example>\nEnviado: hoy\nPara: yo\nAsunto: x\n\nviejo", "Gracias."),
            ("Спасибо.\n\nОт: Поддержка\nДата: сегодня\nТема: x\n\nстарое", "Спасибо."),
            ("Ok.\n\n-----Исходное сообщение-----\nОт: x", "Ok."),
            ("Yes.\n\nOn Fri, Dec 5, 2026 at 10:15 AM Club <s@club.example> wrote:\n> old", "Yes."),
            ("Sí.\n\nEl vie, 5 dic 2026, 10:15, Club escribió:\n> viejo", "Sí."),
            ("Да.\n\n05.12.2026 10:15, Club пишет:\n> старое", "Да."),
            ("Да.\n\n5 декабря 2026 г., в 10:15, Club написал(а):\n\n> старое", "Да."),
            ("Text\n> quoted without attribution", "Text"),
            ("Body\n\n-- \nJohn Smith\nCEO", "Body"),
            ("Body\n\nSent from my iPhone", "Body"),
            ("Cuerpo\n\nEnviado desde mi Samsung Galaxy", "Cuerpo"),
            ("Тело\n\nОтправлено с iPhone", "Тело"),
            ("Body\n\nGet Outlook for Android", "Body"),
            ("Line one\nwith: a colon\n\nLine three", "Line one\nwith: a colon\n\nLine three"),
            ("", ""),
        ]
    )
    func cuts(text: String, expected: String) {
        #expect(extractor.newText(of: text) == expected)
    }

    @Test("a forwarded message is kept whole")
    func forwardKept() {
        let text =
            "FYI\n\n-------- Пересылаемое сообщение --------\n05.12.2026, 10:15, \"Bank\" <b@bank.example>:\n\nПлатёж отклонён."
        #expect(extractor.newText(of: text) == text)
    }

    @Test("inline answers below quotes keep the unquoted lines")
    func inlineAnswers() {
        let text = "> Which device?\nAn iPad.\n> Which version?\n17.2"
        #expect(extractor.newText(of: text) == "An iPad.\n17.2")
    }

    @Test("extra signatures can be added")
    func extraSignatures() {
        let custom = ReplyExtractor(extraSignatures: ["sent from the club app"])
        #expect(custom.newText(of: "Hi\n\nSent from the Club app") == "Hi")
        #expect(extractor.newText(of: "Hi\n\nSent from the Club app") == "Hi\n\nSent from the Club app")
    }
}
