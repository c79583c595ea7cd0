import Foundation
import SupportEngine
import Testing

/// Stores persist tickets, outbound messages and inbound queues as JSON written before attachments
/// existed: it must still decode, and values without attachments are written as before.
@Suite("Attachments in stored JSON")
struct AttachmentCodableTests {
    static let attachment = TicketAttachment(
        id: "A-000001",
        fileName: "broken-button.png",
        mediaType: "Image/PNG",
        byteSize: 14,
        contentHash: AttachmentContent(AttachmentFixtures.screenshotBytes).contentHash
    )

    private func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    private func roundTrip<Value: Codable & Equatable>(_ value: Value) throws -> Value {
        try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    @Test("a ticket message written before attachments decodes with none, and is written back without the key")
    func oldTicketMessage() throws {
        let old =
            #"{"id":"M-1","author":{"member":{"_0":"alice"}},"kind":"member_message","body":"Hello","at":0,"#
            + #""channel":"email","externalID":"<a@b>"}"#
        let authorJSON = try json(SupportActor.member("alice"))
        let message = try decode(
            TicketMessage.self,
            old.replacingOccurrences(of: #"{"member":{"_0":"alice"}}"#, with: authorJSON)
        )
        #expect(message.attachments.isEmpty)
        #expect(message.body == "Hello")
        #expect(message.externalID == "<a@b>")
        #expect(!(try json(message)).contains("attachments"))
        #expect(try roundTrip(message) == message)
    }

    @Test("a message, a draft and a command with attachments round-trip; the media type is kept in lowercase")
    func withAttachments() throws {
        #expect(Self.attachment.mediaType == "image/png")
        let message = TicketMessage(
            id: "M-1",
            kind: .publicReply,
            author: .agent("anna"),
            body: "Here is the fix",
            at: Date(timeIntervalSince1970: 1_767_596_400),
            attachments: [Self.attachment, Self.attachment.with(visibility: .internal)]
        )
        #expect(try roundTrip(message) == message)
        let draft = MessageDraft(id: "M-2", body: "See attached", attachments: [Self.attachment])
        #expect(try roundTrip(draft) == draft)
        #expect(try roundTrip(TicketCommand.reply(draft, status: .pending)) == .reply(draft, status: .pending))
        let oldDraft = try decode(MessageDraft.self, #"{"id":"M-3","body":"Old","templateKey":"acknowledgement"}"#)
        #expect(oldDraft.attachments.isEmpty && oldDraft.templateKey == "acknowledgement")
    }

    @Test("an outbound message written before attachments decodes with none; one with them round-trips")
    func outbound() throws {
        let old = """
            {"id":"O-1","ticketID":"T-1","messageID":"M-2","recipient":"alice","channel":"email","subject":"Re: login",
            "body":"Try again","createdAt":10,"attempts":0,"state":"pending","nextAttemptAt":10,
            "fallbackChannels":["telegram"],"attemptsOnChannel":0,"history":[]}
            """
        let decoded = try decode(OutboundMessage.self, old)
        #expect(decoded.attachments.isEmpty)
        #expect(decoded.fallbackChannels == [.telegram])
        #expect(!(try json(decoded)).contains("attachments"))
        #expect(try roundTrip(decoded) == decoded)
        let withFiles = OutboundMessage(
            id: "O-2",
            ticketID: "T-1",
            messageID: "M-3",
            recipient: "alice",
            channel: .email,
            subject: "Re: login",
            body: "Screenshot attached",
            createdAt: Date(timeIntervalSince1970: 20),
            attachments: [Self.attachment, Self.attachment.with(visibility: .internal)]
        )
        #expect(withFiles.attachments == [Self.attachment], "an outbound message never carries an internal file")
        #expect(try roundTrip(withFiles) == withFiles)
    }

    @Test("an inbound message written before attachments decodes with none; one with files round-trips as base64")
    func inbound() throws {
        let old = #"{"channel":"email","externalID":"e-1","sender":"alice","body":"hi","receivedAt":0}"#
        let decoded = try decode(InboundMessage.self, old)
        #expect(decoded.attachments.isEmpty)
        #expect(decoded.allowsAutomaticReplies)
        var inbound = decoded
        inbound.attachments = [AttachmentFixtures.screenshot()]
        let text = try json(inbound)
        #expect(text.contains(Data(AttachmentFixtures.screenshotBytes).base64EncodedString()))
        let back = try roundTrip(inbound)
        #expect(back == inbound)
        #expect(
            back.attachments.first?.contentHash == AttachmentContent(AttachmentFixtures.screenshotBytes).contentHash
        )
        let corrupt = #"{"fileName":"a.png","mediaType":"image/png","content":"not base64!"}"#
        #expect(throws: DecodingError.self) { try decode(AttachmentUpload.self, corrupt) }
    }

    @Test("a member view's message written before attachments decodes with none")
    func memberViewMessage() throws {
        let old = #"{"author":"support","authorName":"Anna","body":"Fixed","at":5}"#
        let message = try decode(MemberTicketView.Message.self, old)
        #expect(message.attachments.isEmpty)
        #expect(message.authorName == "Anna")
        var withFile = message
        withFile.attachments = [Self.attachment]
        #expect(try roundTrip(withFile) == withFile)
    }

    @Test("a note's files are internal whatever the draft says; a reply keeps what it was given")
    func notesAreInternal() throws {
        let created = try TicketRules.create(
            TicketCreation(
                requester: "alice",
                subject: "Login",
                channel: .email,
                reason: .access,
                priority: .normal,
                locale: .en,
                firstMessage: TicketMessage(
                    id: "M-1",
                    kind: .memberMessage,
                    author: .member("alice"),
                    body: "I cannot log in",
                    at: .distantPast
                )
            ),
            id: "T-1",
            by: .member("alice"),
            at: .distantPast
        )
        let note = try TicketRules.execute(
            .internalNote(MessageDraft(id: "M-2", body: "Logs", attachments: [Self.attachment])),
            on: created.ticket,
            by: .agent("anna"),
            at: .distantPast
        )
        #expect(note.ticket.messages.last?.attachments.map(\.visibility) == [.internal])
        #expect(note.ticket.messages.last?.memberVisibleAttachments == [])
        let replay = try Ticket.replay([created.event] + note.events)
        #expect(replay == note.ticket)
    }
}
