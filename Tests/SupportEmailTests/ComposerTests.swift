import Foundation
import Testing

@testable import SupportEmail

@Suite("Composing outgoing email")
struct ComposerTests {
    let instant = Date(timeIntervalSince1970: 1_796_454_900)

    func message(
        subject: String = "[#1042] Your question",
        name: String? = "Club Support",
        text: String = "Hello Maria,\n\nYour access is restored.\n\nOlga",
        html: String? = nil,
        automatic: Bool = false
    ) throws -> OutgoingEmail {
        OutgoingEmail(
            from: Mailbox(displayName: name, address: try EmailAddress("support@club.example")),
            to: [Mailbox(displayName: "María López", address: try EmailAddress("maria@example.com"))],
            cc: [Mailbox(address: try EmailAddress("billing@club.example"))],
            replyTo: Mailbox(
                displayName: "Club, Support \"Desk\"",
                address: try EmailAddress("reply+1042@club.example")
            ),
            subject: subject,
            date: instant,
            messageID: "out-1042-3@club.example",
            inReplyTo: "CAF3k9Lx7Qp2mN0@mail.gmail.example",
            references: ["ticket-1042-1@club.example", "CAF3k9Lx7Qp2mN0@mail.gmail.example"],
            textBody: text,
            htmlBody: html,
            isAutomatic: automatic
        )
    }

    @Test(
        "composed mail parses back to the same values",
        arguments: [
            ("[#1042] Your question", "Hello Maria,\n\nYour access is restored.\n\nOlga", nil as String?),
            (
                "Re: [#3003] Не могу войти — ответ поддержки клуба, очень длинная тема письма для проверки переноса",
                "Здравствуйте, Иван!\n\nПароль сброшен. Цена: 990 ₽ = 10 €.\nFrom now on\n.\n",
                "<p>Здравствуйте, <b>Иван</b>!</p><p>Пароль сброшен.</p>"
            ),
            ("¿Año nuevo? Suscripción renovada", "Hola José:\n\nSu suscripción fue renovada. ¡Gracias!", "<p>Hola</p>"),
        ]
    )
    func roundTrip(subject: String, text: String, html: String?) throws {
        let outgoing = try message(subject: subject, text: text, html: html)
        let bytes = try EmailComposer().compose(outgoing)
        let parsed = try EmailParser().parse(bytes)
        #expect(parsed.from == outgoing.from)
        #expect(parsed.to == outgoing.to)
        #expect(parsed.cc == outgoing.cc)
        #expect(parsed.replyTo == [outgoing.replyTo!])
        #expect(parsed.subject == subject)
        #expect(parsed.date == instant)
        #expect(parsed.messageID == outgoing.messageID)
        #expect(parsed.inReplyTo == [outgoing.inReplyTo!])
        #expect(parsed.references == outgoing.references)
        #expect(parsed.textBody == ReplyExtractor.trimBlankLines(text))
        #expect(parsed.htmlBody == html)
        #expect(parsed.classification == .normal)
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.attachments.isEmpty)
    }

    @Test("every line is CRLF-terminated, ASCII, at most 78 characters, and the output is deterministic")
    func lineLengths() throws {
        let long = String(repeating: "Очень длинная строка текста ", count: 20)
        let outgoing = try message(
            subject: long,
            text: long + "\n" + String(repeating: "x", count: 2000),
            html: "<p>\(long)</p>"
        )
        let bytes = try EmailComposer().compose(outgoing)
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
        }
        #expect(try EmailComposer().compose(outgoing) == bytes)
        #expect(try EmailParser().parse(bytes).subject == long.trimmingSpaces())
    }

    @Test("automatic mail says so, and parses back as an automatic reply")
    func automatic() throws {
        let bytes = try EmailComposer().compose(try message(automatic: true))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\r\nAuto-Submitted: auto-replied\r\n"))
        #expect(try EmailParser().parse(bytes).classification == .autoReply(signal: "Auto-Submitted: auto-replied"))
        let manual = String(decoding: try EmailComposer().compose(try message()), as: UTF8.self)
        #expect(!manual.contains("Auto-Submitted"))
    }

    @Test(
        "CR or LF in any header value is refused: header injection is impossible",
        arguments: [
            ("[#1] Hi\r\nBcc: victim@example.com", "Club Support"),
            ("Hi\nBcc: victim@example.com", "Club Support"),
            ("Hi", "Club\r\nBcc: victim@example.com"),
            ("Hi\u{0}", "Club"),
            ("Hi\u{2028}Bcc: x@y.z", "Club"),
        ]
    )
    func headerInjection(subject: String, name: String) throws {
        let outgoing = try message(subject: subject, name: name)
        #expect {
            try EmailComposer().compose(outgoing)
        } throws: { error in
            (error as? EmailError)?.code == .headerInjection
        }
    }

    @Test("invalid ids, missing recipients and non-ASCII addresses are typed errors")
    func otherErrors() throws {
        var outgoing = try message()
        outgoing.messageID = "no-at-sign"
        #expect(throws: EmailError(.invalidMessageID, "“no-at-sign” is not a Message-ID; write it as token@domain.")) {
            try EmailComposer().compose(outgoing)
        }
        outgoing = try message()
        outgoing.references = ["a@b\r\nBcc: x@y.z"]
        #expect(throws: EmailError.self) { try EmailComposer().compose(outgoing) }
        outgoing = try message()
        outgoing.to = []
        #expect(throws: EmailError.self) { try EmailComposer().compose(outgoing) }
        outgoing = try message()
        outgoing.to = [Mailbox(address: try EmailAddress("пользователь@почта.рф"))]
        #expect(throws: EmailError.self) { try EmailComposer().compose(outgoing) }
        #expect(try OutgoingEmail.messageID(unique: "out <1>", domain: "club.example") == "out..1.@club.example")
        #expect(throws: EmailError.self) { try OutgoingEmail.messageID(unique: "", domain: "club.example") }
    }

    @Test("a reply threads: Re: once, In-Reply-To the message, References its thread")
    func reply() throws {
        let parsed = try EmailParser().parse(try EmailComposer().compose(try message()))
        let from = Mailbox(address: try EmailAddress("maria@example.com"))
        let reply = OutgoingEmail.reply(
            to: parsed,
            from: from,
            textBody: "Thanks",
            messageID: "r1@example.com",
            date: instant
        )
        #expect(reply.to == parsed.replyTo)
        #expect(reply.subject == "Re: [#1042] Your question")
        #expect(reply.inReplyTo == "out-1042-3@club.example")
        #expect(reply.references == parsed.references + ["out-1042-3@club.example"])
        let again = OutgoingEmail.reply(
            to: parsed,
            from: from,
            subject: nil,
            textBody: "",
            messageID: "r2@x.y",
            date: instant
        )
        let twice = OutgoingEmail.reply(
            to: try EmailParser().parse(try EmailComposer().compose(again)),
            from: from,
            textBody: "",
            messageID: "r3@x.y",
            date: instant
        )
        #expect(twice.subject == "Re: [#1042] Your question")
    }

    // Fixed seeds, so CI is repeatable; SUPPORT_EMAIL_ROUNDTRIP_SEED tries another.
    @Test(
        "seeded random texts and subjects round-trip",
        arguments: ProcessInfo.processInfo.environment["SUPPORT_EMAIL_ROUNDTRIP_SEED"].flatMap(UInt64.init).map { [$0] }
            ?? [1, 2, 3, 20_261_205]
    )
    func randomRoundTrip(seed: UInt64) throws {
        print("ComposerTests.randomRoundTrip seed \(seed)")
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("abc xyz ÁÉÍñ¿¡ абв ЁЖЩ €“”—=?._-:;<>\"'()[]@,\\\t😀") + ["\n", "\n"]
        for _ in 0..<200 {
            func random(_ count: Int) -> String {
                String((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
            }
            let subject = HeaderText.collapse(
                random(Int.random(in: 0...120, using: &generator)).replacingOccurrences(of: "\n", with: " ")
            )
            let name = HeaderText.collapse(
                random(Int.random(in: 1...30, using: &generator)).replacingOccurrences(of: "\n", with: " ")
            )
            let text = random(Int.random(in: 0...600, using: &generator))
            var outgoing = try message(subject: subject, name: name.isEmpty ? nil : name, text: text)
            outgoing.htmlBody = Bool.random(using: &generator) ? "<p>\(text)</p>" : nil
            let parsed = try EmailParser().parse(try EmailComposer().compose(outgoing))
            #expect(parsed.subject == subject, "seed \(seed)")
            #expect(parsed.from.displayName == (name.isEmpty ? nil : name), "seed \(seed)")
            #expect(parsed.textBody == ReplyExtractor.trimBlankLines(text.replacingCRLF()), "seed \(seed)")
            #expect(parsed.htmlBody == outgoing.htmlBody, "seed \(seed)")
        }
    }

    @Test("a display name in single quotes keeps them; a client's bare 'Anna' wrapping is dropped")
    func singleQuotedName() throws {
        for name in ["'Anna'", "'Аня'", "'a b'"] {
            let outgoing = try message(subject: "Hi", name: name, text: "text")
            let parsed = try EmailParser().parse(try EmailComposer().compose(outgoing))
            #expect(parsed.from.displayName == name)
        }
        #expect(try Mailbox("'Anna' <anna@example.com>").displayName == "Anna")
        #expect(try Mailbox("\"'Anna'\" <anna@example.com>").displayName == "'Anna'")
        #expect(try Mailbox("anna@example.com ('Anna')").displayName == "Anna")
    }
}
