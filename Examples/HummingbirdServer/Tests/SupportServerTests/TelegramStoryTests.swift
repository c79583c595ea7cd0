import Foundation
import Hummingbird
import HummingbirdTesting
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

/// The story the issue asks for, against the fake Bot API: a member links their chat, opens a ticket
/// there, gets the acknowledgement and the agent's reply there, falls back to email when they block
/// the bot, and nothing is lost or doubled when Telegram posts an update again.
@Suite("Telegram: a member's ticket from link to fallback")
struct TelegramStoryTests {
    @Test("link, ticket, acknowledgement and reply on Telegram; a re-post changes nothing; a block falls back to email")
    func memberStory() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                let chat = TelegramFixture.annaChat
                let linked = try await TelegramFixture.link("anna", chat: chat, update: 1, client: client)
                #expect(try linked.decode(TelegramWebhook.Result.self).outcome == "linked")
                #expect(api.sent.last?.text?.hasPrefix("Done, Anna") == true)
                #expect(api.sent.last?.chat == chat)

                // She writes: a ticket, and the acknowledgement in her chat.
                let question = TelegramUpdates.text(
                    "The video <lesson> does not load",
                    update: 2,
                    chat: chat,
                    message: 2
                )
                let first = try await TelegramFixture.post(question, to: client)
                let received = try first.decode(TelegramWebhook.Result.self)
                #expect(received.outcome == "received")
                let tickets = try await fixture.tickets()
                #expect(tickets.count == 1)
                #expect(tickets.first?.channel == .telegram)
                #expect(tickets.first?.requester == "anna")
                let acknowledgement = try #require(api.sent.last)
                #expect(acknowledgement.chat == chat && acknowledgement.parseMode == "HTML")
                #expect(acknowledgement.text?.hasPrefix("<b>") == true, "the subject in bold")
                #expect(acknowledgement.text?.contains("We will answer you on: Telegram.") == true)
                #expect(fixture.email.sentMessages.isEmpty)
                let ticketID = try #require(received.ticket.map(TicketID.init(rawValue:)))
                #expect(try await fixture.desk.memberView(of: ticketID, for: "anna").replyChannel == .telegram)

                // Telegram posts the same update again (it never got our 200): nothing new.
                let sentBefore = api.sent.count
                let again = try await TelegramFixture.post(question, to: client)
                #expect(try again.decode(TelegramWebhook.Result.self).outcome == "duplicate")
                let afterRepost = try await fixture.tickets()
                #expect(afterRepost.count == 1)
                #expect(afterRepost.first?.messages.filter { $0.kind == .memberMessage }.count == 1)
                #expect(api.sent.count == sentBefore)

                // She edits her message: the new version joins the same ticket, marked as an edit.
                let edit = TelegramUpdates.edited(
                    "The video lesson does not load on my phone",
                    update: 20,
                    chat: chat,
                    message: 2
                )
                let edited = try await TelegramFixture.post(edit, to: client)
                #expect(try edited.decode(TelegramWebhook.Result.self).outcome == "received")
                let withEdit = try await fixture.tickets()
                #expect(withEdit.count == 1)
                #expect(
                    withEdit.first?.messages.last { $0.kind == .memberMessage }?.body
                        == "(edited) The video lesson does not load on my phone"
                )

                // The agent answers; the chat's one-a-second pace holds it a second, then it goes out.
                let id = try #require(tickets.first?.id)
                try await fixture.desk.reply(to: id, body: "Press <Reload> & wait a minute", by: .agent("olga"))
                let held = try #require(try await fixture.desk.agentView(of: id).deliveries.last)
                #expect(held.state == .pending && held.attemptsOnChannel == 0, "held back, not failed")
                fixture.clock.advance(by: 1)
                try await fixture.desk.processDueWork()
                #expect(api.sent.last?.text?.contains("Press &lt;Reload&gt; &amp; wait a minute") == true)
                #expect(try await fixture.desk.agentView(of: id).deliveries.last?.state == .delivered)

                // She blocks the bot: the next reply falls back to email at once, and later ones go
                // straight to email without asking Telegram.
                api.block(chat)
                fixture.clock.advance(by: 5)
                try await fixture.desk.reply(to: id, body: "Did it help?", by: .agent("olga"))
                #expect(fixture.email.sentMessages.map(\.body) == ["Did it help?"])
                let blocked = try #require(try await fixture.desk.agentView(of: id).deliveries.last)
                #expect(blocked.history.map(\.channel) == [.telegram, .email])
                #expect(blocked.history.first.map { "\($0.outcome)" }?.contains("blocked by the user") == true)
                let calls = api.methodsCalled.count
                fixture.clock.advance(by: 5)
                try await fixture.desk.reply(to: id, body: "We are here if you need us", by: .agent("olga"))
                #expect(fixture.email.sentMessages.count == 2)
                #expect(api.methodsCalled.count == calls, "a blocked chat is not asked again")
                let profile = try #require(
                    try await TelegramMemberDirectory(
                        InMemoryMemberDirectory(TelegramFixture.members),
                        bindings: fixture.bot.bindings
                    ).member("anna")
                )
                #expect(!profile.contactChannels.contains(.telegram))
                #expect(try await fixture.desk.memberView(of: id, for: "anna").replyChannel == .email)

                // She unblocks the bot and writes: Telegram is hers again.
                let back = TelegramUpdates.text("Thanks, it works", update: 3, chat: chat, message: 3)
                #expect(
                    try await TelegramFixture.post(back, to: client).decode(TelegramWebhook.Result.self).outcome
                        == "received"
                )
                #expect(try await fixture.bot.bindings.binding(ofChat: TelegramChatID(chat))?.blockedAt == nil)
            }
        }
    }

    @Test("a chat nobody linked gets a polite answer in the sender's language, and no ticket")
    func unlinkedChat() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                let update = TelegramUpdates.text(
                    "Здравствуйте, не работает оплата",
                    update: 10,
                    chat: 777,
                    message: 1,
                    language: "ru"
                )
                let response = try await TelegramFixture.post(update, to: client)
                #expect(response.status == .ok)
                #expect(try response.decode(TelegramWebhook.Result.self).outcome == "not_linked")
                #expect(try await fixture.tickets().isEmpty)
                #expect(api.sent.count == 1)
                #expect(api.sent.first?.chat == 777)
                #expect(api.sent.first?.text?.contains("свяжите этот чат") == true)

                // A used or made-up token links nothing; the answer says so, in Spanish this time.
                let forged = TelegramUpdates.text(
                    "/start " + String(repeating: "ab", count: 32),
                    update: 11,
                    chat: 777,
                    message: 2,
                    language: "es"
                )
                #expect(
                    try await TelegramFixture.post(forged, to: client).decode(TelegramWebhook.Result.self).outcome
                        == "not_linked"
                )
                #expect(api.sent.last?.text?.contains("ha caducado") == true)
                #expect(try await fixture.bot.bindings.binding(ofChat: TelegramChatID(777)) == nil)
            }
        }
    }

    @Test("/stop unlinks the chat; the token works once, /start posted again does not link another chat")
    func stopAndOneTimeTokens() async throws {
        let api = FakeBotAPI(token: TelegramFixture.token)
        try await api.serve { url in
            let fixture = try TelegramFixture(apiURL: url)
            try await fixture.application().test(.router) { client in
                let issued = try await client.call(
                    .post,
                    "/backend/members/dmitri/telegram-link",
                    token: "club-backend-token"
                )
                #expect(issued.status == .created)
                let invitation = try issued.decode(TelegramLinkInvitation.self)
                #expect(invitation.link == "https://t.me/club_support_bot?start=\(invitation.token)")
                let start = TelegramUpdates.text(
                    "/start \(invitation.token)",
                    update: 20,
                    chat: TelegramFixture.dmitriChat,
                    message: 1
                )
                #expect(
                    try await TelegramFixture.post(start, to: client).decode(TelegramWebhook.Result.self).outcome
                        == "linked"
                )
                #expect(api.sent.last?.text?.hasPrefix("Готово, Дмитрий") == true, "in the member's language")
                // Telegram posts the /start again: still linked, the same chat.
                #expect(
                    try await TelegramFixture.post(start, to: client).decode(TelegramWebhook.Result.self).outcome
                        == "linked"
                )
                // /start without a token in the linked chat: it says so.
                let bare = TelegramUpdates.text("/start", update: 24, chat: TelegramFixture.dmitriChat, message: 4)
                let again = try await TelegramFixture.post(bare, to: client).decode(TelegramWebhook.Result.self)
                #expect(again.outcome == "linked")
                #expect(api.sent.last?.text == "Этот чат уже связан с вашим аккаунтом. Напишите свой вопрос.")
                // Another chat with the same token: refused.
                let other = TelegramUpdates.text("/start \(invitation.token)", update: 21, chat: 999, message: 1)
                #expect(
                    try await TelegramFixture.post(other, to: client).decode(TelegramWebhook.Result.self).outcome
                        == "not_linked"
                )
                #expect(
                    try await fixture.bot.bindings.binding(ofMember: "dmitri")?.chat.rawValue
                        == TelegramFixture.dmitriChat
                )

                let stop = TelegramUpdates.text("/stop", update: 22, chat: TelegramFixture.dmitriChat, message: 2)
                #expect(
                    try await TelegramFixture.post(stop, to: client).decode(TelegramWebhook.Result.self).outcome
                        == "unlinked"
                )
                #expect(try await fixture.bot.bindings.binding(ofMember: "dmitri") == nil)
                let after = TelegramUpdates.text("hello?", update: 23, chat: TelegramFixture.dmitriChat, message: 3)
                #expect(
                    try await TelegramFixture.post(after, to: client).decode(TelegramWebhook.Result.self).outcome
                        == "not_linked"
                )
                #expect(try await fixture.tickets().isEmpty)

                // Only the backend issues links, and only for members the club knows.
                #expect(
                    try await client.call(.post, "/backend/members/dmitri/telegram-link", token: "alice-token").status
                        == .unauthorized
                )
                #expect(
                    try await client.call(.post, "/backend/members/nobody/telegram-link", token: "club-backend-token")
                        .status == .notFound
                )
            }
        }
    }
}
