import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SupportServer

/// A webhook receiver on a loopback port: it checks each delivery's signature with its secret (401
/// when it does not match), answers with the statuses it is scripted with (then 200), and keeps what it
/// accepted.
final class WebhookReceiver: @unchecked Sendable {
    struct Attempt: Sendable {
        var id: String
        var keys: String
        var signatureValid: Bool
        var status: Int
    }

    let secret: String
    private let lock = NSLock()
    private var script: [Int]
    private var attemptsMade: [Attempt] = []
    private var acceptedPayloads: [WebhookPayload] = []

    init(secret: String, answers: [Int] = []) {
        self.secret = secret
        self.script = answers
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    var attempts: [Attempt] { locked { attemptsMade } }
    var accepted: [WebhookPayload] { locked { acceptedPayloads } }
    /// Every accepted event's key, in the order received.
    var acceptedKeys: [String] { accepted.flatMap { $0.events.map(\.event.key) } }
    var acceptedPositions: [Int] { accepted.flatMap { $0.events.map(\.position) } }

    func handle(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let bytes = Array(body.readableBytesView)
        let timestamp = request.headers[HTTPField.Name(WebhookSignature.timestampHeader)!] ?? ""
        let signature = request.headers[HTTPField.Name(WebhookSignature.signatureHeader)!] ?? ""
        let valid = WebhookSignature.isValid(signature: signature, body: bytes, timestamp: timestamp, secret: secret)
        let status = locked { () -> Int in
            guard valid else { return 401 }
            return script.isEmpty ? 200 : script.removeFirst()
        }
        var payload: WebhookPayload?
        if status == 200 {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            payload = try decoder.decode(WebhookPayload.self, from: Data(bytes))
        }
        locked {
            attemptsMade.append(
                Attempt(
                    id: request.headers[HTTPField.Name(WebhookSignature.deliveryHeader)!] ?? "",
                    keys: request.headers[HTTPField.Name(WebhookSignature.eventKeysHeader)!] ?? "",
                    signatureValid: valid,
                    status: status
                )
            )
            if let payload { acceptedPayloads.append(payload) }
        }
        return Response(status: HTTPResponse.Status(code: status))
    }

    /// Runs the receiver while `body` runs, giving it the receiver's URL.
    func serve<Value: Sendable>(_ body: @Sendable (String) async throws -> Value) async throws -> Value {
        let router = Router()
        router.post("/hook") { request, _ in try await self.handle(request) }
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "webhook-receiver")
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
            return try await body("http://127.0.0.1:\(port)/hook")
        }
    }
}
