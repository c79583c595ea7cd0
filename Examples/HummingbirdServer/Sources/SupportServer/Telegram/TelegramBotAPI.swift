import AsyncHTTPClient
import Foundation
import NIOCore

/// The Bot API methods the channel uses — `sendMessage`, `sendDocument`, `getFile` and the file
/// download — over AsyncHTTPClient.
///
/// An answer with `"ok": false` throws ``TelegramAPIError``; no answer (a network error, a timeout) or
/// a 5xx throws ``TelegramError`` with code `unreachable`, which the desk retries.
public struct TelegramBotAPI: Sendable {
    /// The settings: token, base URL, limits.
    public let settings: TelegramSettings
    let httpClient: HTTPClient

    /// Creates the client.
    ///
    /// - Parameters:
    ///   - settings: The bot's settings.
    ///   - httpClient: The HTTP client; the shared one by default.
    public init(settings: TelegramSettings, httpClient: HTTPClient = .shared) {
        self.settings = settings
        self.httpClient = httpClient
    }

    /// A file as `getFile` describes it.
    public struct File: Sendable, Hashable, Decodable {
        /// Where to download it from, under `/file/bot<token>/`.
        public var filePath: String?
        /// Its size in bytes, when known.
        public var fileSize: Int?

        enum CodingKeys: String, CodingKey {
            case filePath = "file_path"
            case fileSize = "file_size"
        }
    }

    private struct Envelope<Result: Decodable>: Decodable {
        struct Parameters: Decodable {
            var retryAfter: Int?
            enum CodingKeys: String, CodingKey { case retryAfter = "retry_after" }
        }
        var ok: Bool
        var result: Result?
        var errorCode: Int?
        var description: String?
        var parameters: Parameters?
        enum CodingKeys: String, CodingKey {
            case ok, result, description, parameters
            case errorCode = "error_code"
        }
    }

    private struct SendMessageBody: Encodable {
        var chatID: Int64
        var text: String
        var parseMode: String?
        enum CodingKeys: String, CodingKey {
            case text
            case chatID = "chat_id"
            case parseMode = "parse_mode"
        }
    }

    private struct SentMessage: Decodable {
        var messageID: Int64
        enum CodingKeys: String, CodingKey { case messageID = "message_id" }
    }

    /// Sends a text message.
    ///
    /// - Parameters:
    ///   - text: The text, escaped for `parseMode`.
    ///   - chat: The chat.
    ///   - parseMode: `HTML`, or `nil` for plain text.
    /// - Returns: The sent message's id.
    /// - Throws: ``TelegramAPIError`` or ``TelegramError``.
    public func sendMessage(_ text: String, to chat: TelegramChatID, parseMode: String?) async throws -> Int64 {
        let body = try JSONEncoder().encode(SendMessageBody(chatID: chat.rawValue, text: text, parseMode: parseMode))
        let sent: SentMessage = try await call(
            "sendMessage",
            body: ByteBuffer(bytes: body),
            contentType: "application/json"
        )
        return sent.messageID
    }

    /// Sends a file as a document, uploaded as `multipart/form-data`.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - fileName: Its name.
    ///   - mediaType: Its media type.
    ///   - chat: The chat.
    /// - Returns: The sent message's id.
    /// - Throws: ``TelegramAPIError`` or ``TelegramError``.
    public func sendDocument(
        _ bytes: [UInt8],
        fileName: String,
        mediaType: String,
        to chat: TelegramChatID
    ) async throws -> Int64 {
        let boundary = "support-engine-\(UUID().uuidString)"
        var body = ByteBuffer()
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n\(chat.rawValue)\r\n"
        )
        let safeName = String(fileName.unicodeScalars.filter { $0 != "\"" && $0 != "\r" && $0 != "\n" && $0 != "\\" })
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"; filename=\"\(safeName)\"\r\n"
                + "Content-Type: \(mediaType)\r\n\r\n"
        )
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        let sent: SentMessage = try await call(
            "sendDocument",
            body: body,
            contentType: "multipart/form-data; boundary=\(boundary)"
        )
        return sent.messageID
    }

    /// Asks where a file is.
    ///
    /// - Parameter fileID: The file's id from an update.
    /// - Returns: Its path and size.
    /// - Throws: ``TelegramAPIError`` or ``TelegramError``.
    public func getFile(_ fileID: String) async throws -> File {
        let body = try JSONEncoder().encode(["file_id": fileID])
        return try await call("getFile", body: ByteBuffer(bytes: body), contentType: "application/json")
    }

    /// Downloads a file, reading at most `limit` bytes.
    ///
    /// - Parameters:
    ///   - path: The file's path from ``getFile(_:)``.
    ///   - limit: The most bytes to read.
    /// - Returns: The file's bytes.
    /// - Throws: ``TelegramError`` with code `file_too_large` past the limit, `unreachable` when the
    ///   download fails.
    public func download(_ path: String, limit: Int) async throws -> [UInt8] {
        guard !path.contains(".."), !path.hasPrefix("/") else {
            throw TelegramError(.refused, "the file path '\(path.prefix(80))' is not a Bot API file path")
        }
        let request = HTTPClientRequest(url: url("file/bot\(settings.botToken)/\(path)"))
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request, timeout: timeout)
        } catch {
            throw TelegramError(.unreachable, "downloading a file from Telegram failed: \(error)")
        }
        guard response.status == .ok else {
            throw TelegramError(.unreachable, "downloading a file from Telegram answered \(response.status.code)")
        }
        do {
            return Array(try await response.body.collect(upTo: limit).readableBytesView)
        } catch is NIOTooManyBytesError {
            throw TelegramError(.fileTooLarge, "the file is larger than \(limit) bytes")
        } catch {
            throw TelegramError(.unreachable, "downloading a file from Telegram failed: \(error)")
        }
    }

    private var timeout: TimeAmount { .seconds(max(settings.requestTimeout.components.seconds, 1)) }

    private func url(_ tail: String) -> String {
        var base = settings.apiBaseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/\(tail)"
    }

    private func call<Result: Decodable>(_ method: String, body: ByteBuffer, contentType: String) async throws -> Result
    {
        var request = HTTPClientRequest(url: url("bot\(settings.botToken)/\(method)"))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        request.body = .bytes(body)
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await httpClient.execute(request, timeout: timeout)
            bytes = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw TelegramError(.unreachable, "calling \(method) on the Bot API failed: \(error)")
        }
        let envelope = try? JSONDecoder().decode(Envelope<Result>.self, from: Data(bytes.readableBytesView))
        if response.status.code >= 500 || envelope == nil && response.status.code != 200 {
            throw TelegramError(.unreachable, "the Bot API answered \(method) with \(response.status.code)")
        }
        guard let envelope else {
            throw TelegramError(.unreachable, "the Bot API's answer to \(method) is not the JSON it documents")
        }
        guard envelope.ok, let result = envelope.result else {
            throw TelegramAPIError(
                status: envelope.errorCode ?? Int(response.status.code),
                message: envelope.description ?? "no description",
                retryAfter: envelope.parameters?.retryAfter
            )
        }
        return result
    }
}
