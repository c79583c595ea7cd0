import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

extension AcknowledgementTests {
    @Test(
        "a sender without a profile is answered in the language they wrote in",
        arguments: [
            ("No puedo acceder a mi cuenta, la contraseña no funciona", "Recibirás una respuesta"),
            ("Не могу войти в личный кабинет, пароль не подходит", "Ответим не позднее"),
            ("I cannot log in, my password does not work", "You can expect an answer by"),
        ]
    )
    func unknownSenderIsAnsweredInTheirLanguage(body: String, phrase: String) async throws {
        let (desk, clock) = try desk(at: "2026-01-12 10:00", members: [])
        var message = inbound("m1", from: "new-person@example.com", at: clock, subject: "Hola")
        message.body = body
        let ticket = try await desk.receive(message).ticket
        let acknowledgement = try #require(email.sentMessages.first?.body)
        #expect(acknowledgement.contains(phrase), "\(acknowledgement)")
        #expect(ticket.reason == .access)
    }

    @Test("a member's profile language wins over the words; a language the message states wins over both")
    func profileAndStatedLanguage() async throws {
        let member = MemberProfile(id: "anna", displayName: "Anna", locale: .ru)
        let (desk, clock) = try desk(at: "2026-01-12 10:00", members: [member])
        var message = inbound("m1", from: "anna", at: clock)
        message.body = "No puedo acceder a mi cuenta"
        #expect(try await desk.receive(message).ticket.locale == .ru)
        var stated = inbound("m2", from: "anna", at: clock)
        stated.body = "No puedo acceder a mi cuenta"
        stated.locale = .es
        #expect(try await desk.receive(stated).ticket.locale == .es)
    }
}
