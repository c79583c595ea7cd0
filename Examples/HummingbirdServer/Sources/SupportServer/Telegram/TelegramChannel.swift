import Foundation
import Logging
import SupportEngine

/// The desk's Telegram channel: sends a message to the member's linked chat with `sendMessage` (escaped
/// for the `HTML` parse mode, cut into parts of 4,096 characters at paragraph breaks) and its files
/// with `sendDocument`.
///
/// Failures map onto the outbox:
/// - no linked chat, a chat the member blocked the bot in (a 403, recorded on the binding so later
///   messages do not try again), a chat Telegram no longer knows, a file over the size limit, an alert
///   to staff: ``TelegramUndeliverable``, so the desk falls back to the member's next channel at once;
/// - a 429: ``TelegramRetryAfter`` with the Bot API's `retry_after`, counted as a failed attempt;
/// - the rate limits (``TelegramRateLimiter``): ``TelegramRetryAfter`` not counted as a failure, so the
///   message waits in the outbox without holding up other messages;
/// - a 400 for bad markup: that part is sent again as plain text;
/// - a network error, a timeout, a 5xx or another 4xx: an error the desk retries with its back-off.
///
/// Telegram takes no idempotency key. So that a retry after a partial send (the second of three parts
/// refused with a 429) does not send the first part again, the channel remembers, by the message's
/// ``OutboundMessage/idempotencyKey``, how many of its parts went out — in this process only: a server
/// that stops in between sends them again (delivery is at least once).
public struct TelegramChannel: SupportEngine.Channel {
    /// Telegram.
    public var kind: ChannelKind { .telegram }
    let api: TelegramBotAPI
    let bindings: any TelegramBindingStore
    let limiter: TelegramRateLimiter
    let attachments: (any AttachmentStore)?
    let clock: any SupportClock
    let progress = TelegramSendProgress()

    /// Creates the channel.
    ///
    /// - Parameters:
    ///   - api: The Bot API client.
    ///   - bindings: Members' chats.
    ///   - limiter: The rate limits.
    ///   - attachments: The desk's attachment store, for the files of a message.
    ///   - clock: The desk's clock.
    public init(
        api: TelegramBotAPI,
        bindings: any TelegramBindingStore,
        limiter: TelegramRateLimiter,
        attachments: (any AttachmentStore)?,
        clock: any SupportClock
    ) {
        self.api = api
        self.bindings = bindings
        self.limiter = limiter
        self.attachments = attachments
        self.clock = clock
    }

    /// Sends the message's parts and files to the member's chat.
    ///
    /// - Parameter message: The message.
    /// - Returns: A receipt naming the chat and the first sent message's id.
    /// - Throws: See the type's description.
    public func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        guard message.staffAddress == nil else {
            throw TelegramUndeliverable("an alert to staff is not sent on Telegram")
        }
        guard let binding = try await bindings.binding(ofMember: message.recipient) else {
            throw TelegramUndeliverable("\(message.recipient) has not linked a Telegram chat")
        }
        guard binding.blockedAt == nil else {
            throw TelegramUndeliverable(
                "\(message.recipient) blocked the bot; they are reached elsewhere until they write to it"
            )
        }
        let parts = TelegramText.messages(subject: message.subject, body: message.body)
        let files = try await files(of: message)
        let done = progress.sent(message.idempotencyKey)
        let remaining = parts.count + files.count - done
        if remaining > 0, let wait = limiter.reserve(chat: binding.chat, messages: remaining, at: clock.now) {
            throw TelegramRetryAfter(retryAfter: wait, countsAsFailure: false)
        }
        var firstID: Int64?
        var index = 0
        do {
            for part in parts {
                defer { index += 1 }
                guard index >= done else { continue }
                let id = try await sendText(part, to: binding.chat)
                firstID = firstID ?? id
                progress.record(message.idempotencyKey, sent: index + 1)
            }
            for file in files {
                defer { index += 1 }
                guard index >= done else { continue }
                let id = try await api.sendDocument(
                    file.bytes,
                    fileName: file.name,
                    mediaType: file.mediaType,
                    to: binding.chat
                )
                firstID = firstID ?? id
                progress.record(message.idempotencyKey, sent: index + 1)
            }
        } catch let error as TelegramAPIError {
            throw try await mapped(error, chat: binding.chat)
        }
        progress.forget(message.idempotencyKey)
        return DeliveryReceipt(externalID: "telegram:\(binding.chat):\(firstID ?? 0)", at: clock.now)
    }

    /// Whether the member has a linked chat they have not blocked the bot in; `true` when the store
    /// cannot say (the send then decides).
    ///
    /// - Parameter member: The member.
    /// - Returns: `false` for a member without a linked chat or who blocked the bot.
    public func canReach(_ member: MemberID) async -> Bool {
        do {
            guard let binding = try await bindings.binding(ofMember: member) else { return false }
            return binding.blockedAt == nil
        } catch {
            return true
        }
    }

    private func sendText(_ part: TelegramText.Part, to chat: TelegramChatID) async throws -> Int64 {
        do {
            return try await api.sendMessage(part.html, to: chat, parseMode: TelegramText.parseMode)
        } catch let error as TelegramAPIError where error.isBadMarkup {
            // The escaping should leave nothing to misread; if the Bot API still refuses the markup, the
            // member gets the same words without formatting rather than nothing.
            return try await api.sendMessage(part.plain, to: chat, parseMode: nil)
        }
    }

    private func mapped(_ error: TelegramAPIError, chat: TelegramChatID) async throws -> any Error {
        if error.status == 429 {
            return TelegramRetryAfter(retryAfter: TimeInterval(max(error.retryAfter ?? 1, 1)), countsAsFailure: true)
        }
        if error.isUndeliverable {
            if error.status == 403 { try await bindings.setBlocked(chat: chat, at: clock.now) }
            return TelegramUndeliverable(error.description)
        }
        return error
    }

    private struct File {
        var name: String
        var mediaType: String
        var bytes: [UInt8]
    }

    private func files(of message: OutboundMessage) async throws -> [File] {
        var files: [File] = []
        for attachment in message.attachments where attachment.isVisibleToMember {
            guard attachment.byteSize <= api.settings.maximumFileBytes else {
                throw TelegramUndeliverable(
                    "\(attachment.fileName) has \(attachment.byteSize) bytes; the bot sends at most "
                        + "\(api.settings.maximumFileBytes), so the message goes on the member's next channel"
                )
            }
            guard let attachments, let content = try await attachments.content(withHash: attachment.contentHash) else {
                throw TelegramError(
                    .refused,
                    "the bytes of \(attachment.fileName) are not in the attachment store: give the channel the desk's store"
                )
            }
            files.append(File(name: attachment.fileName, mediaType: attachment.mediaType, bytes: content.bytes))
        }
        return files
    }
}

/// How many parts of each message being sent went out, in this process, so that a retry after a
/// partial send goes on from the first part not sent.
final class TelegramSendProgress: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`: idempotency key to parts sent.
    private var parts: [String: Int] = [:]

    func sent(_ key: String) -> Int { lock.withLock { parts[key] ?? 0 } }

    func record(_ key: String, sent count: Int) {
        lock.withLock {
            // A message that never finishes must not keep its entry for ever: the table stays small.
            if parts.count > 10_000 { parts.removeAll() }
            parts[key] = count
        }
    }

    func forget(_ key: String) { _ = lock.withLock { parts.removeValue(forKey: key) } }
}
