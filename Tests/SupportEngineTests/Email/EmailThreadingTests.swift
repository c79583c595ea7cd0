import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Email intake: members, threading, text")
struct EmailThreadingTests {
    @Test("a Gmail request opens a ticket for the member with the new text, acknowledged in its thread")
    func newRequest() async throws {
        let harness = try EmailDeskHarness()
        let outcome = try await harness.receive("gmail-en-new.eml")

        #expect(outcome.disposition == .created)
        #expect(outcome.ticket.requester == "olivia")
        #expect(outcome.ticket.subject == "Can't open the lesson videos")
        let first = try #require(outcome.ticket.messages.first)
        #expect(first.externalID == "CAOb7x=Hq4Fz2mK0pLw9@mail.gmail.example")
        #expect(first.body.hasPrefix("Hi,\n\nSince yesterday the videos in lesson 3 just spin"))
        #expect(!first.body.contains("<div"))

        let sent = try harness.sentMail()
        #expect(sent.count == 1)
        let ack = try #require(sent.first)
        #expect(ack.to.map(\.address.canonical) == ["olivia.bennett@gmail.example"])
        #expect(ack.to.first?.displayName == "Olivia Bennett")
        #expect(ack.from.address.description == "support@club.example")
        #expect(ack.inReplyTo == ["CAOb7x=Hq4Fz2mK0pLw9@mail.gmail.example"])
        #expect(ack.references == ["CAOb7x=Hq4Fz2mK0pLw9@mail.gmail.example"])
        #expect(ack.headers["auto-submitted"] == "auto-replied")
        #expect(ack.subject == "Re: Can't open the lesson videos [#1]")
        #expect(ack.messageID == harness.transport.sent.first?.messageID)
        #expect(ack.messageID?.hasSuffix("@club.example") == true)
    }

    @Test("replies from Gmail, Outlook and Thunderbird thread into the same ticket without the quoted history")
    func repliesThread() async throws {
        let harness = try EmailDeskHarness()
        let created = try await harness.receive("gmail-en-new.eml")
        let ticket = created.ticket.id
        try await harness.desk.reply(to: ticket, body: "Please try clearing the browser cache.", by: .agent("ivan"))
        let sent = try harness.sentMail()
        try #require(sent.count == 2)
        let ack = sent[0]
        let answer = sent[1]
        #expect(answer.headers["auto-submitted"] == nil)
        #expect(answer.inReplyTo == ["CAOb7x=Hq4Fz2mK0pLw9@mail.gmail.example"])
        #expect(answer.references == ["CAOb7x=Hq4Fz2mK0pLw9@mail.gmail.example", try #require(ack.messageID)])

        let gmail = try await harness.receive(
            "gmail-en-reply.eml",
            ["IN_REPLY_TO": try #require(ack.messageID), "SUBJECT": ack.subject]
        )
        #expect(gmail.disposition == .appended)
        #expect(gmail.ticket.id == ticket)
        #expect(gmail.ticket.messages.last?.body == "Clearing the cache did not help, the spinner is still there.")

        let outlook = try await harness.receive(
            "outlook-en-reply.eml",
            ["IN_REPLY_TO": try #require(answer.messageID), "SUBJECT": answer.subject]
        )
        #expect(outlook.disposition == .appended)
        #expect(outlook.ticket.id == ticket)
        let outlookText = try #require(outlook.ticket.messages.last?.body)
        #expect(outlookText.hasPrefix("It works now on the laptop, but not on my phone"))
        #expect(!outlookText.contains("Original Message"))
        #expect(!outlookText.contains("clearing the browser cache"))

        // Thunderbird through a forwarder that dropped In-Reply-To and References: the subject tag is left.
        let thunderbird = try await harness.receive("thunderbird-en-tag-only.eml", ["SUBJECT": answer.subject])
        #expect(thunderbird.disposition == .appended)
        #expect(thunderbird.ticket.id == ticket)
        #expect(thunderbird.ticket.messages.last?.body == "And on the phone too now. Thank you, you can close it.")

        #expect(try await harness.store.tickets(matching: TicketQuery()).tickets.count == 1)
        let memberMessages = thunderbird.ticket.messages.filter { $0.kind == .memberMessage }
        #expect(memberMessages.count == 4)
    }

    @Test("Russian mail in windows-1251 and a KOI8-R reply are read right and thread together")
    func russianCharsets() async throws {
        let harness = try EmailDeskHarness()
        let created = try await harness.receive("yandex-ru-cp1251-new.eml")
        #expect(created.ticket.requester == "anna")
        #expect(created.ticket.subject == "Нет доступа к урокам после оплаты")
        let text = try #require(created.ticket.messages.first?.body)
        #expect(text.contains("Оплатила годовую подписку, деньги списались, а доступа к урокам нет."))
        #expect(!text.contains("С уважением"))

        let ack = try #require(try harness.sentMail().first)
        #expect(
            ack.textBody.contains("Мы получили") || ack.textBody.contains("Спасибо") || ack.textBody.contains("Ответим")
        )
        let reply = try await harness.receive(
            "thunderbird-ru-koi8r-reply.eml",
            ["IN_REPLY_TO": try #require(ack.messageID), "SUBJECT": ack.subject]
        )
        #expect(reply.disposition == .appended)
        #expect(reply.ticket.id == created.ticket.id)
        #expect(reply.ticket.messages.last?.body == "Спасибо, доступ появился, всё работает.")
    }

    @Test("an unknown Spanish sender is a prospect keyed by address, answered by email and threaded")
    func spanishProspect() async throws {
        let harness = try EmailDeskHarness()
        let result = try await harness.intake.receive(raw: EmailFixture.bytes("apple-es-latin1-new.eml"))
        guard case .received(let created, let sender, let decision) = result else {
            Issue.record("the Spanish request was not received: \(result)")
            return
        }
        #expect(sender == "email:lucia.martinez@correo.example")
        #expect(decision == .send)
        #expect(created.ticket.requester == sender)
        #expect(created.ticket.subject == "No puedo cambiar mi contraseña")
        #expect(created.ticket.messages.first?.body.contains("la página dice \"error\" y no pasa nada más.") == true)

        let ack = try #require(try harness.sentMail().first)
        #expect(ack.to.map(\.address.canonical) == ["lucia.martinez@correo.example"])
        let reply = try await harness.receive(
            "apple-es-reply.eml",
            ["IN_REPLY_TO": try #require(ack.messageID), "SUBJECT": ack.subject]
        )
        #expect(reply.disposition == .appended)
        #expect(reply.ticket.id == created.ticket.id)
        #expect(reply.ticket.messages.last?.body == "Ya funciona, ¡muchas gracias!")
    }

    @Test("another member's ids and ticket tag are never followed")
    func othersThreadIsNotJoined() async throws {
        let harness = try EmailDeskHarness()
        let olivias = try await harness.receive("gmail-en-new.eml")
        let ack = try #require(try harness.sentMail().first)
        // Anna answers Olivia's acknowledgement (a forwarded copy): her own ticket opens.
        let anna = try await harness.receive(
            "thunderbird-ru-koi8r-reply.eml",
            ["IN_REPLY_TO": try #require(ack.messageID), "SUBJECT": ack.subject]
        )
        #expect(anna.disposition == .created)
        #expect(anna.ticket.id != olivias.ticket.id)
        #expect(anna.ticket.requester == "anna")
    }

    @Test("a repeated delivery of the same mail adds nothing, with or without a Message-ID")
    func duplicates() async throws {
        let harness = try EmailDeskHarness()
        let first = try await harness.receive("gmail-en-new.eml")
        let again = try await harness.receive("gmail-en-new.eml")
        #expect(again.disposition == .duplicate)
        #expect(again.ticket.id == first.ticket.id)
        #expect(again.ticket.messages.count == first.ticket.messages.count)

        let bare = try await harness.receive("no-message-id.eml")
        #expect(bare.disposition == .created)
        let key = try #require(bare.ticket.messages.first?.externalID)
        #expect(key.hasPrefix("sha256:") && key.count == 7 + 64)
        let bareAgain = try await harness.receive("no-message-id.eml")
        #expect(bareAgain.disposition == .duplicate)
        #expect(bareAgain.ticket.id == bare.ticket.id)

        #expect(try await harness.store.tickets(matching: TicketQuery()).tickets.count == 2)
        #expect(harness.transport.sent.count == 2)
    }

    @Test("bytes that are not a message are a typed error and store nothing")
    func notAMessage() async throws {
        let harness = try EmailDeskHarness()
        let error = try await #require(throws: EmailError.self) {
            try await harness.intake.receive(raw: Array("just some text without headers".utf8))
        }
        #expect(error.code == .notAMessage || error.code == .missingSender)
        #expect(try await harness.store.tickets(matching: TicketQuery()).tickets.isEmpty)
    }
}
