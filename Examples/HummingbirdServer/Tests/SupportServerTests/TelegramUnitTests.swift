import Foundation
import SupportEngine
import SupportServer
import Testing

@Suite("Telegram: texts, pacing, settings and ids")
struct TelegramUnitTests {
    @Test("escaping leaves nothing the HTML parse mode would read as markup")
    func escaping() {
        let text = "a < b && c > d <b>not bold</b> &amp;"
        let escaped = TelegramText.escaped(text)
        #expect(escaped == "a &lt; b &amp;&amp; c &gt; d &lt;b&gt;not bold&lt;/b&gt; &amp;amp;")
        #expect(FakeBotAPI.parseHTML(escaped) == text)
        #expect(FakeBotAPI.parseHTML(text) == nil, "the fake refuses what Telegram refuses")
    }

    @Test("texts are cut at paragraphs, then lines, then spaces, then anywhere; never over the limit")
    func splitting() {
        #expect(TelegramText.split("one\n\ntwo\n\nthree", limit: 10) == ["one\n\ntwo", "three"])
        #expect(TelegramText.split("aaaa bbbb\ncccc dddd", limit: 10) == ["aaaa bbbb", "cccc dddd"])
        #expect(TelegramText.split("aaaa bbbb cccc", limit: 10) == ["aaaa bbbb", "cccc"])
        #expect(TelegramText.split("abcdefghijkl", limit: 5) == ["abcde", "fghij", "kl"])
        #expect(TelegramText.split("short", limit: 10) == ["short"])
        #expect(TelegramText.split("  \n\n  ", limit: 10).isEmpty)
        // Emoji count two UTF-16 units, as the Bot API counts them, and are never cut in half.
        let emoji = String(repeating: "👍", count: 5)
        #expect(TelegramText.split(emoji, limit: 4) == ["👍👍", "👍👍", "👍"])
        // A seeded mix of paragraphs: every part fits, and the words all come back in order.
        var generator = SeededGenerator(seed: 18)
        print("telegram split seed: 18")
        let words = ["я", "club", "ñandú", "4096", "&", "<b>", "—"]
        for _ in 0..<50 {
            let paragraphs = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                (0..<Int.random(in: 1...400, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                    .joined(separator: " ")
            }
            let text = paragraphs.joined(separator: "\n\n")
            let parts = TelegramText.split(text, limit: 300)
            #expect(parts.allSatisfy { $0.utf16.count <= 300 && !$0.isEmpty })
            #expect(
                parts.joined(separator: " ").split(whereSeparator: \.isWhitespace)
                    == text.split(whereSeparator: \.isWhitespace)
            )
        }
    }

    @Test("the subject is bold on the first part only, escaped like the rest")
    func subjectLine() {
        let parts = TelegramText.messages(subject: "[#7] Payment <failed>", body: "Try again & tell us")
        #expect(parts.map(\.html) == ["<b>[#7] Payment &lt;failed&gt;</b>\n\nTry again &amp; tell us"])
        #expect(parts.map(\.plain) == ["[#7] Payment <failed>\n\nTry again & tell us"])
    }

    @Test("one message a second to a chat, thirty a second in all; other chats are not held up")
    func pacing() {
        let limiter = TelegramRateLimiter(messagesPerSecond: 30, secondsPerChatMessage: 1)
        let start = Date(timeIntervalSince1970: 1_000_000)
        let anna = try! TelegramChatID(1)
        #expect(limiter.reserve(chat: anna, messages: 1, at: start) == nil)
        #expect(limiter.reserve(chat: anna, messages: 1, at: start.addingTimeInterval(0.25)) == 0.75)
        #expect(limiter.reserve(chat: anna, messages: 1, at: start.addingTimeInterval(1)) == nil)
        // Three parts of one text take three seconds of the chat's pace.
        #expect(limiter.reserve(chat: anna, messages: 3, at: start.addingTimeInterval(2)) == nil)
        #expect(limiter.reserve(chat: anna, messages: 1, at: start.addingTimeInterval(4.5)) == 0.5)
        // Thirty other chats in one second: the thirty-first waits for the second to pass.
        let later = start.addingTimeInterval(10)
        for chat in 100..<128 {
            #expect(limiter.reserve(chat: try! TelegramChatID(Int64(chat)), messages: 1, at: later) == nil)
        }
        #expect(limiter.reserve(chat: try! TelegramChatID(200), messages: 2, at: later.addingTimeInterval(0.5)) == nil)
        let wait = limiter.reserve(chat: try! TelegramChatID(201), messages: 1, at: later.addingTimeInterval(0.5))
        #expect(wait == 0.5)
        #expect(limiter.reserve(chat: try! TelegramChatID(201), messages: 1, at: later.addingTimeInterval(1)) == nil)
    }

    @Test("chat ids: positive, at most 52 bits, digits only")
    func chatIDs() throws {
        #expect(try TelegramChatID("123456789").rawValue == 123_456_789)
        for bad in ["", "-100123", "12a", "１２３", "99999999999999999", " 1"] {
            #expect(throws: TelegramError.self, "\(bad)") { try TelegramChatID(bad) }
        }
        #expect(throws: TelegramError.self) { try TelegramChatID(Int64(0)) }
        #expect(throws: TelegramError.self) { try TelegramChatID(TelegramChatID.maximum + 1) }
    }

    @Test("settings come from TELEGRAM_* variables and are checked")
    func settings() throws {
        #expect(try TelegramSettings.fromEnvironment([:]) == nil)
        let good = [
            "TELEGRAM_BOT_TOKEN": "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
            "TELEGRAM_WEBHOOK_SECRET": "a-secret-of-sixteen-or-more",
            "TELEGRAM_BOT_USERNAME": "club_support_bot",
            "TELEGRAM_API_URL": "http://127.0.0.1:8081",
        ]
        let settings = try #require(try TelegramSettings.fromEnvironment(good))
        #expect(settings.apiBaseURL.absoluteString == "http://127.0.0.1:8081")
        #expect(settings.deepLink(for: "abc") == "https://t.me/club_support_bot?start=abc")
        let broken: [(String, String)] = [
            ("TELEGRAM_BOT_TOKEN", "not-a-token"),
            ("TELEGRAM_WEBHOOK_SECRET", ""),
            ("TELEGRAM_WEBHOOK_SECRET", "short"),
            ("TELEGRAM_WEBHOOK_SECRET", "has spaces in the secret"),
            ("TELEGRAM_BOT_USERNAME", "@club"),
            ("TELEGRAM_API_URL", "ftp://example.com"),
            ("TELEGRAM_MAX_FILE_BYTES", "-1"),
        ]
        for (name, value) in broken {
            var environment = good
            environment[name] = value
            #expect(throws: TelegramError.self, "\(name)=\(value)") {
                try TelegramSettings.fromEnvironment(environment)
            }
        }
    }
}
