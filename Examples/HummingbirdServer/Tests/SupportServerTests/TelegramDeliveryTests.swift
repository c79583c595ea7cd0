import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

/// How the channel maps the Bot API's answers onto the outbox, against the fake Bot API.
@Suite("Telegram: outbound delivery and the Bot API's errors")
struct TelegramDeliveryTests {
    @Test("a 429 waits exactly its retry_after; a 5xx is retried after the back-off; both then deliver")
    func rateLimitedAndServerErrors() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                let id = try await fixture.openTicketFromTelegram(client)
                api.fail("sendMessage", status: 429, "Too Many Requests: retry after 7", retryAfter: 7)
                try await fixture.desk.reply(to: id, body: "First answer", by: .agent("olga"))
                let waiting = try #require(try await fixture.desk.agentView(of: id).deliveries.last)
                #expect(waiting.state == .pending)
                #expect(waiting.nextAttemptAt == fixture.clock.now.addingTimeInterval(7))
                #expect(waiting.attemptsOnChannel == 1, "a 429 counts as a failed attempt")
                fixture.clock.advance(by: 6)
                try await fixture.desk.processDueWork()
                #expect(try await fixture.desk.agentView(of: id).deliveries.last?.state == .pending)
                fixture.clock.advance(by: 1)
                try await fixture.desk.processDueWork()
                #expect(try await fixture.desk.agentView(of: id).deliveries.last?.state == .delivered)
                #expect(api.sent.last?.text?.hasSuffix("First answer") == true)

                api.fail("sendMessage", status: 502, "Bad Gateway")
                fixture.clock.advance(by: 5)
                try await fixture.desk.reply(to: id, body: "Second answer", by: .agent("olga"))
                let retrying = try #require(try await fixture.desk.agentView(of: id).deliveries.last)
                #expect(retrying.state == .pending)
                #expect(retrying.lastError?.contains("502") == true)
                fixture.clock.advance(to: retrying.nextAttemptAt)
                try await fixture.desk.processDueWork()
                #expect(try await fixture.desk.agentView(of: id).deliveries.last?.state == .delivered)
                #expect(api.sent.last?.text?.hasSuffix("Second answer") == true)
                #expect(fixture.email.sentMessages.isEmpty, "neither fell back to email")
            }
        }
    }

    @Test("a text over 4,096 characters goes out in parts cut at paragraphs; bad markup is sent again as plain text")
    func longTextsAndMarkup() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                let id = try await fixture.openTicketFromTelegram(client)
                let paragraphs = (1...6).map { index in
                    "Step \(index): " + String(repeating: "подробно & <ясно> ", count: 80) + "done."
                }
                let body = paragraphs.joined(separator: "\n\n")
                #expect(body.utf16.count > 8192)
                let before = api.sent.count
                try await fixture.desk.reply(to: id, body: body, by: .agent("olga"))
                #expect(try await fixture.desk.agentView(of: id).deliveries.last?.state == .delivered)
                let parts = api.sent.dropFirst(before).compactMap(\.text)
                #expect(parts.count == 3)
                let shown = try parts.map { try #require(FakeBotAPI.parseHTML($0)) }
                #expect(shown.allSatisfy { $0.utf16.count <= 4096 })
                #expect(shown.dropFirst().allSatisfy { $0.hasPrefix("Step ") }, "every part starts at a paragraph")
                let rejoined = shown.dropFirst().joined(separator: "\n\n")
                #expect(body.hasSuffix(rejoined))

                api.fail("sendMessage", status: 400, "Bad Request: can't parse entities: Unsupported start tag \"x\"")
                fixture.clock.advance(by: 10)
                try await fixture.desk.reply(to: id, body: "Plain <x> words", by: .agent("olga"))
                #expect(try await fixture.desk.agentView(of: id).deliveries.last?.state == .delivered)
                #expect(api.sent.last?.parseMode == nil)
                #expect(api.sent.last?.text?.hasSuffix("Plain <x> words") == true)
            }
        }
    }

    @Test("files go out as documents after the text; a file over the limit sends the message by email instead")
    func attachmentsAsDocuments() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                _ = try await fixture.openTicketFromTelegram(client)
                let content = AttachmentContent(Array("%PDF-1.4 receipt".utf8))
                await fixture.attachments.put(content)
                let receipt = TicketAttachment(
                    id: "A-1",
                    fileName: "receipt.pdf",
                    mediaType: "application/pdf",
                    byteSize: content.byteSize,
                    contentHash: content.contentHash
                )
                let channel = fixture.bot.channel(attachments: fixture.attachments)
                let message = OutboundMessage(
                    id: "O-files",
                    ticketID: nil,
                    messageID: nil,
                    recipient: "anna",
                    channel: .telegram,
                    subject: "Your receipt",
                    body: "Here it is.",
                    createdAt: fixture.clock.now,
                    attachments: [receipt]
                )
                _ = try await channel.send(message)
                #expect(api.sent.suffix(2).map(\.method) == ["sendMessage", "sendDocument"])
                #expect(api.sent.last?.fileName == "receipt.pdf")
                #expect(api.sent.last?.bytes == Array("%PDF-1.4 receipt".utf8))

                let huge = TicketAttachment(
                    id: "A-2",
                    fileName: "video.mp4",
                    mediaType: "video/mp4",
                    byteSize: 50 * 1024 * 1024,
                    contentHash: content.contentHash
                )
                fixture.clock.advance(by: 10)
                let tooLarge = OutboundMessage(
                    id: "O-huge",
                    ticketID: nil,
                    messageID: nil,
                    recipient: "anna",
                    channel: .telegram,
                    subject: "Video",
                    body: "The recording",
                    createdAt: fixture.clock.now,
                    attachments: [huge]
                )
                await #expect(throws: TelegramUndeliverable.self) { try await channel.send(tooLarge) }
            }
        }
    }
}
