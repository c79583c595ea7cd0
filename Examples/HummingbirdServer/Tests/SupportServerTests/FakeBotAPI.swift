import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A Bot API on a loopback port that behaves as Telegram documents it: `sendMessage` (checking the
/// `HTML` markup and the 4,096-character limit), `sendDocument` (multipart), `getFile` and the file
/// download, with the errors a test scripts: 429 with `retry_after`, 403 for a chat that blocked the
/// bot, 5xx. It keeps what it accepted.
final class FakeBotAPI: @unchecked Sendable {
    /// A message the fake accepted.
    struct Sent: Sendable, Hashable {
        var method: String
        var chat: Int64
        var text: String?
        var parseMode: String?
        var fileName: String?
        var bytes: [UInt8] = []
    }

    /// A file members can send: its path and bytes, or only a size too large to download.
    struct StoredFile: Sendable {
        var path: String
        var bytes: [UInt8]
        var declaredSize: Int
    }

    let token: String
    private let lock = NSLock()
    private var sentMessages: [Sent] = []
    private var calls: [String] = []
    private var blocked: Set<Int64> = []
    private var script: [String: [(status: Int, description: String, retryAfter: Int?)]] = [:]
    private var files: [String: StoredFile] = [:]
    private var nextMessageID: Int64 = 100
    private var waiters: [(token: Int, chat: Int64, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private var nextWaiterToken = 0

    init(token: String) {
        self.token = token
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Every message accepted, in order.
    var sent: [Sent] { locked { sentMessages } }
    /// Returns once `count` messages to `chat` have been accepted, or when the waiting task is cancelled
    /// (run the test with a time limit): a server may deliver from its own timer loop after the request
    /// that caused the message has answered.
    func waitForSent(_ count: Int, chat: Int64) async {
        let token = locked { () -> Int in
            nextWaiterToken += 1
            return nextWaiterToken
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = locked { () -> Bool in
                    if Task.isCancelled || sentMessages.count(where: { $0.chat == chat }) >= count { return true }
                    waiters.append((token, chat, count, continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            // Only this task's waiter: another task's keeps waiting for its messages.
            let cancelled = locked { () -> CheckedContinuation<Void, Never>? in
                guard let index = waiters.firstIndex(where: { $0.token == token }) else { return nil }
                return waiters.remove(at: index).continuation
            }
            cancelled?.resume()
        }
    }
    /// Every method called, accepted or not, in order.
    var methodsCalled: [String] { locked { calls } }
    /// Makes the chat answer 403 "bot was blocked by the user".
    func block(_ chat: Int64) { _ = locked { blocked.insert(chat) } }
    /// Makes the next calls of `method` fail, in order.
    func fail(_ method: String, status: Int, _ description: String, retryAfter: Int? = nil) {
        locked { script[method, default: []].append((status, description, retryAfter)) }
    }
    /// Makes a file available to `getFile` and the download.
    func addFile(id: String, path: String, bytes: [UInt8], declaredSize: Int? = nil) {
        locked { files[id] = StoredFile(path: path, bytes: bytes, declaredSize: declaredSize ?? bytes.count) }
    }

    private func error(_ status: Int, _ description: String, retryAfter: Int? = nil) -> Response {
        var object: [String: Any] = ["ok": false, "error_code": status, "description": description]
        if let retryAfter { object["parameters"] = ["retry_after": retryAfter] }
        return json(object, status: status)
    }

    private func json(_ object: [String: Any], status: Int = 200) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    func method(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let bot = context.parameters.get("bot") ?? ""
        let method = context.parameters.get("method") ?? ""
        guard bot == "bot\(token)" else { return error(401, "Unauthorized") }
        let body = Array(try await request.body.collect(upTo: 60 << 20).readableBytesView)
        let scripted = locked { () -> (status: Int, description: String, retryAfter: Int?)? in
            calls.append(method)
            return script[method]?.isEmpty == false ? script[method]!.removeFirst() : nil
        }
        if let scripted { return error(scripted.status, scripted.description, retryAfter: scripted.retryAfter) }
        switch method {
        case "sendMessage": return sendMessage(body)
        case "sendDocument": return sendDocument(body, contentType: request.headers[.contentType] ?? "")
        case "getFile": return getFile(body)
        default: return error(404, "Not Found: method not found")
        }
    }

    private func sendMessage(_ body: [UInt8]) -> Response {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let chat = (object["chat_id"] as? NSNumber)?.int64Value, let text = object["text"] as? String
        else { return error(400, "Bad Request: chat_id and text are required") }
        let parseMode = object["parse_mode"] as? String
        if locked({ blocked.contains(chat) }) { return error(403, "Forbidden: bot was blocked by the user") }
        var shown = text
        if parseMode == "HTML" {
            guard let parsed = Self.parseHTML(text) else {
                return error(400, "Bad Request: can't parse entities: Unsupported start tag at byte offset 0")
            }
            shown = parsed
        }
        if shown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return error(400, "Bad Request: message text is empty")
        }
        if shown.utf16.count > 4096 { return error(400, "Bad Request: message is too long") }
        return accept(Sent(method: "sendMessage", chat: chat, text: text, parseMode: parseMode))
    }

    private func accept(_ sent: Sent) -> Response {
        let (id, ready) = locked { () -> (Int64, [CheckedContinuation<Void, Never>]) in
            sentMessages.append(sent)
            nextMessageID += 1
            let toChat = sentMessages.count(where: { $0.chat == sent.chat })
            let ready = waiters.filter { $0.chat == sent.chat && $0.count <= toChat }.map(\.continuation)
            waiters.removeAll { $0.chat == sent.chat && $0.count <= toChat }
            return (nextMessageID, ready)
        }
        for continuation in ready { continuation.resume() }
        return json(["ok": true, "result": ["message_id": id, "chat": ["id": sent.chat, "type": "private"]]])
    }

    /// The text a `HTML` message shows, or `nil` for markup the Bot API refuses: only `b`, `i`, `u`,
    /// `s`, `code` and `pre` tags, and only the entities `&lt;`, `&gt;`, `&amp;` and `&quot;`.
    static func parseHTML(_ text: String) -> String? {
        var shown = ""
        var rest = Substring(text)
        let tags = ["<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<s>", "</s>", "<code>", "</code>", "<pre>", "</pre>"]
        let entities = ["&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\""]
        while let first = rest.first {
            if first == "<" {
                guard let tag = tags.first(where: { rest.hasPrefix($0) }) else { return nil }
                rest = rest.dropFirst(tag.count)
            } else if first == "&" {
                guard let entity = entities.keys.first(where: { rest.hasPrefix($0) }) else { return nil }
                shown += entities[entity]!
                rest = rest.dropFirst(entity.count)
            } else if first == ">" {
                return nil
            } else {
                shown.append(first)
                rest = rest.dropFirst()
            }
        }
        return shown
    }

    private func sendDocument(_ body: [UInt8], contentType: String) -> Response {
        guard let boundary = contentType.components(separatedBy: "boundary=").last,
            contentType.hasPrefix("multipart/form-data")
        else { return error(400, "Bad Request: send the document as multipart/form-data") }
        var chat: Int64?
        var fileName: String?
        var bytes: [UInt8] = []
        for part in Self.parts(of: body, boundary: boundary) {
            if part.headers.contains("name=\"chat_id\"") { chat = Int64(String(decoding: part.body, as: UTF8.self)) }
            if part.headers.contains("name=\"document\"") {
                fileName = part.headers.components(separatedBy: "filename=\"").last?.components(separatedBy: "\"").first
                bytes = part.body
            }
        }
        guard let chat, let fileName else { return error(400, "Bad Request: chat_id and document are required") }
        if locked({ blocked.contains(chat) }) { return error(403, "Forbidden: bot was blocked by the user") }
        return accept(Sent(method: "sendDocument", chat: chat, fileName: fileName, bytes: bytes))
    }

    private static func parts(of body: [UInt8], boundary: String) -> [(headers: String, body: [UInt8])] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [(String, [UInt8])] = []
        var starts: [Int] = []
        var index = 0
        while index + delimiter.count <= body.count {
            if Array(body[index..<index + delimiter.count]) == delimiter {
                starts.append(index)
                index += delimiter.count
            } else {
                index += 1
            }
        }
        for (start, end) in zip(starts, starts.dropFirst()) {
            let part = Array(body[(start + delimiter.count)..<end])
            let separator = Array("\r\n\r\n".utf8)
            guard let split = (0..<max(part.count - 3, 0)).first(where: { Array(part[$0..<$0 + 4]) == separator })
            else { continue }
            let headers = String(decoding: part[..<split], as: UTF8.self)
            var content = Array(part[(split + 4)...])
            if content.suffix(2) == [13, 10] { content.removeLast(2) }
            parts.append((headers, content))
        }
        return parts
    }

    private func getFile(_ body: [UInt8]) -> Response {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let id = object["file_id"] as? String
        else { return error(400, "Bad Request: file_id is required") }
        guard let file = locked({ files[id] }) else { return error(400, "Bad Request: invalid file_id") }
        guard file.declaredSize <= 20 * 1024 * 1024 else { return error(400, "Bad Request: file is too big") }
        return json(["ok": true, "result": ["file_id": id, "file_size": file.declaredSize, "file_path": file.path]])
    }

    func download(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let bot = context.parameters.get("bot") ?? ""
        let path = "\(context.parameters.get("folder") ?? "")/\(context.parameters.get("name") ?? "")"
        guard bot == "bot\(token)", let file = locked({ files.values.first { $0.path == path } }) else {
            return Response(status: .notFound)
        }
        return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// Runs the fake while `body` runs, giving it the base URL.
    func serve<Value: Sendable>(_ body: @Sendable (String) async throws -> Value) async throws -> Value {
        let router = Router()
        router.post("/:bot/:method") { request, context in try await self.method(request, context) }
        router.get("/file/:bot/:folder/:name") { request, context in try await self.download(request, context) }
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "fake-bot-api")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer { group.cancelAll() }
            var ports = portStream.makeAsyncIterator()
            let port = await ports.next() ?? 0
            return try await body("http://127.0.0.1:\(port)")
        }
    }
}
