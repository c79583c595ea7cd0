import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

/// What the webhook does with what it cannot take: no secret, a wrong one, malformed JSON, other kinds
/// of update, group chats, files too large or not to be had — a 401 with nothing stored, or a logged
/// skip answered 200 so Telegram stops posting it; never a crash.
@Suite("Telegram: bad input at the webhook")
struct TelegramBadInputTests {
    @Test("no secret or a wrong one: 401, nothing stored, nothing sent")
    func secretChecked() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                _ = try await TelegramFixture.link("anna", chat: TelegramFixture.annaChat, update: 1, client: client)
                let calls = api.methodsCalled.count
                let update = TelegramUpdates.text("let me in", update: 2, chat: TelegramFixture.annaChat, message: 2)
                for secret in [nil, "", "telegram-webhook-secret-0123456788", TelegramFixture.secret + "x"] {
                    let response = try await TelegramFixture.post(update, secret: secret, to: client)
                    #expect(response.status == .unauthorized, "secret \(secret ?? "none")")
                    #expect(response.text.contains("X-Telegram-Bot-Api-Secret-Token"))
                }
                #expect(try await fixture.tickets().isEmpty)
                #expect(api.methodsCalled.count == calls)
                // The same update with the secret is taken: the 401s left nothing behind to dedupe against.
                let accepted = try await TelegramFixture.post(update, to: client)
                #expect(try accepted.decode(TelegramWebhook.Result.self).outcome == "received")
            }
        }
    }

    @Test("malformed JSON, other kinds of update, group chats: skipped with 200, no ticket")
    func skipped() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                _ = try await TelegramFixture.link("anna", chat: TelegramFixture.annaChat, update: 1, client: client)
                let bodies = [
                    #"{"update_id": 5, "message": {"#,
                    "not json at all",
                    #"{"message": {"message_id": 1}}"#,
                    #"{"update_id": "six"}"#,
                    TelegramUpdates.callbackQuery(update: 7, chat: TelegramFixture.annaChat),
                    TelegramUpdates.groupMessage(update: 8),
                    #"{"update_id": 9, "message": {"message_id": 1, "chat": {"id": 5550001, "type": "private"}, "date": 0}}"#,
                ]
                for body in bodies {
                    let response = try await TelegramFixture.post(body, to: client)
                    #expect(response.status == .ok, "\(body)")
                    let result = try response.decode(TelegramWebhook.Result.self)
                    #expect(result.outcome == "skipped", "\(body): \(result)")
                    #expect(result.detail?.isEmpty == false)
                }
                #expect(try await fixture.tickets().isEmpty)
            }
        }
    }

    @Test("a photo comes with its file; a 50 MB document is named, not fetched; a getFile refusal is noted")
    func files() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        api.addFile(id: "photo-1", path: "photos/file_1.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0, 1, 2])
        api.addFile(id: "doc-big", path: "documents/file_2.pdf", bytes: [], declaredSize: 50 * 1024 * 1024)
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                let chat = TelegramFixture.annaChat
                _ = try await TelegramFixture.link("anna", chat: chat, update: 1, client: client)
                let photo = TelegramUpdates.photo(
                    caption: "The error",
                    fileID: "photo-1",
                    update: 2,
                    chat: chat,
                    message: 2
                )
                let first = try await TelegramFixture.post(photo, to: client).decode(TelegramWebhook.Result.self)
                #expect(first.outcome == "received")
                let id = TicketID(rawValue: try #require(first.ticket))
                let ticket = try await fixture.desk.agentView(of: id).ticket
                let attachment = try #require(ticket.messages.first?.attachments.first)
                #expect(attachment.fileName == "photo-2.jpg")
                #expect(attachment.byteSize == 6)
                #expect(ticket.messages.first?.body == "The error")

                let calls = api.methodsCalled.filter { $0 == "getFile" }.count
                let huge = TelegramUpdates.document(
                    name: "scan.pdf",
                    fileID: "doc-huge",
                    size: 50 * 1024 * 1024,
                    update: 3,
                    chat: chat,
                    message: 3
                )
                let second = try await TelegramFixture.post(huge, to: client)
                #expect(second.status == .ok)
                #expect(try second.decode(TelegramWebhook.Result.self).outcome == "received")
                #expect(
                    api.methodsCalled.filter { $0 == "getFile" }.count == calls,
                    "a file over the limit is not asked for"
                )

                // The update says the file is small, Telegram's getFile says it is too big.
                let refused = TelegramUpdates.document(
                    name: "big.pdf",
                    fileID: "doc-big",
                    size: 1000,
                    update: 4,
                    chat: chat,
                    message: 4
                )
                #expect(
                    try await TelegramFixture.post(refused, to: client).decode(TelegramWebhook.Result.self).outcome
                        == "received"
                )
                let messages = try await fixture.desk.agentView(of: id).ticket.messages.filter {
                    $0.kind == .memberMessage
                }
                #expect(messages.count == 3)
                #expect(messages[1].body.contains("scan.pdf (50.0 MB) was sent but not received"))
                #expect(messages[1].attachments.isEmpty)
                #expect(messages[2].body.contains("big.pdf was sent but could not be fetched"))
            }
        }
    }

    @Test("a download that fails on the way answers 503 with nothing stored; Telegram's next post is taken once")
    func downloadFailureIsRetried() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        api.addFile(id: "photo-1", path: "photos/file_1.jpg", bytes: [1, 2, 3])
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                let chat = TelegramFixture.annaChat
                _ = try await TelegramFixture.link("anna", chat: chat, update: 1, client: client)
                api.fail("getFile", status: 502, "Bad Gateway")
                let photo = TelegramUpdates.photo(caption: "Look", fileID: "photo-1", update: 2, chat: chat, message: 2)
                let failed = try await TelegramFixture.post(photo, to: client)
                #expect(failed.status == .serviceUnavailable)
                #expect(try await fixture.tickets().isEmpty)
                let retried = try await TelegramFixture.post(photo, to: client)
                #expect(try retried.decode(TelegramWebhook.Result.self).outcome == "received")
                let again = try await TelegramFixture.post(photo, to: client)
                #expect(try again.decode(TelegramWebhook.Result.self).outcome == "duplicate")
                #expect(try await fixture.tickets().count == 1)
            }
        }
    }
}
