import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Email channel and rendering")
struct EmailChannelTests {
    func settings() throws -> EmailDeskSettings {
        try EmailDeskSettings(
            mailbox: Mailbox(displayName: "Club Support", address: EmailAddress("support@club.example"))
        )
    }

    func message(to recipient: MemberID, subject: String = "Re: Login [#7]") -> OutboundMessage {
        OutboundMessage(
            id: "O-42",
            ticketID: nil,
            messageID: nil,
            recipient: recipient,
            channel: .email,
            subject: subject,
            body: "Добрый день! Ваш доступ открыт.",
            createdAt: Date(timeIntervalSince1970: 1_767_603_600)
        )
    }

    @Test("every send of a message carries the same Message-ID, and a journey message is marked automatic")
    func stableMessageID() async throws {
        let store = InMemoryTicketStore()
        let sent = LockedList()
        let transport = ClosureMailTransport { sent.append($0) }
        let channel = EmailChannel(
            settings: try settings(),
            store: store,
            members: InMemoryMemberDirectory([EmailDeskHarness.anna]),
            clock: MovingClock(),
            transport: transport
        )
        let first = try await channel.send(message(to: "anna"))
        let second = try await channel.send(message(to: "anna"))
        #expect(first.externalID == "O-42@club.example")
        #expect(second.externalID == first.externalID)
        let parsed = try sent.all.map { try EmailParser().parse($0.bytes) }
        #expect(parsed.map(\.messageID) == ["O-42@club.example", "O-42@club.example"])
        #expect(parsed.first?.to.first?.displayName == "Анна Петрова")
        #expect(parsed.first?.textBody == "Добрый день! Ваш доступ открыт.")
        #expect(parsed.first?.headers["auto-submitted"] == "auto-replied")
        #expect(sent.all.first?.recipients.map(\.description) == ["anna.petrova@yandex.example"])
    }

    @Test("a member without an email address is a typed, undeliverable error: the desk falls back at once")
    func noAddress() async throws {
        let channel = EmailChannel(
            settings: try settings(),
            store: InMemoryTicketStore(),
            members: InMemoryMemberDirectory([MemberProfile(id: "boris", displayName: "Boris")]),
            clock: MovingClock(),
            transport: InMemoryMailTransport()
        )
        let error = try await #require(throws: EmailDeliveryError.self) { try await channel.send(message(to: "boris")) }
        #expect(error.code == .noAddress)
        #expect((error as Any) is any UndeliverableError)
    }

    @Test("a subject with a line break cannot inject a header")
    func headerInjection() async throws {
        let transport = InMemoryMailTransport()
        let channel = EmailChannel(
            settings: try settings(),
            store: InMemoryTicketStore(),
            members: InMemoryMemberDirectory(),
            clock: MovingClock(),
            transport: transport
        )
        let error = try await #require(throws: EmailError.self) {
            try await channel.send(message(to: "email:x@example.com", subject: "Hi\r\nBcc: all@example.com"))
        }
        #expect(error.code == .headerInjection)
        #expect(transport.sent.isEmpty)
    }

    @Test("settings refuse a domain that cannot stand in a Message-ID and a negative cap")
    func settingsValidation() throws {
        let mailbox = Mailbox(address: try EmailAddress("support@club.example"))
        #expect(throws: EmailError.self) { try EmailDeskSettings(mailbox: mailbox, messageIDDomain: "bad domain") }
        #expect(throws: EmailError.self) { try EmailDeskSettings(mailbox: mailbox, maximumAutomaticRepliesPerDay: -1) }
        let settings = try EmailDeskSettings(mailbox: mailbox)
        #expect(settings.outboundID(in: "O-7@CLUB.example") == "O-7")
        #expect(settings.outboundID(in: "O-7@other.example") == nil)
    }
}

/// Sent mail collected from a closure.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [RenderedEmail] = []
    func append(_ email: RenderedEmail) {
        lock.lock()
        items.append(email)
        lock.unlock()
    }
    var all: [RenderedEmail] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
