import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

/// Runs the real server on a loopback port with in-memory storage and a manual clock.
enum TestServer {
    /// Monday 12 January 2026, 10:00 in London.
    static let monday = ISO8601DateFormatter().date(from: "2026-01-12T10:00:00Z")!

    static func run<Value: Sendable>(
        mail: MailSettings = MailSettings(),
        configuration: DeskConfiguration? = nil,
        _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        var logger = Logger(label: "support-server-tests")
        logger.logLevel = .warning
        var settings = ServerSettings(host: "127.0.0.1", port: 0, allowsDemoTokens: true)
        settings.mail = mail
        let (app, _) = try await buildApplication(
            settings: settings,
            configuration: try configuration ?? demoDeskConfiguration(),
            clock: ManualClock(now: monday),
            logger: logger
        )
        return try await app.test(.live, test)
    }
}

extension TestClientProtocol {
    /// Sends a request with a bearer token and an optional JSON (or raw) body.
    func call(
        _ method: HTTPRequest.Method,
        _ uri: String,
        token: String?,
        json: (any Encodable)? = nil,
        raw: String? = nil,
        contentType: String = "application/json"
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json { body = ByteBuffer(bytes: try JSONEncoder().encode(json)) }
        if let raw { body = ByteBuffer(string: raw) }
        return try await execute(uri: uri, method: method, headers: headers, body: body)
    }
}

extension TestClientProtocol {
    /// Reports the member's last message on a ticket for rudeness, as the agent Olga.
    func reportLastMemberMessage(on id: String, severity: String, note: String) async throws -> TestResponse {
        let view = try await call(.get, "/agent/tickets/\(id)", token: "olga-token")
        let message = try #require(
            try view.decode(AgentTicket.self).ticket.messages.last { $0.kind == .memberMessage }
        )
        let report = ConductReportRequest(
            messageID: message.id.rawValue,
            kind: "rudeness",
            severity: severity,
            note: note
        )
        return try await call(.post, "/agent/tickets/\(id)/conduct", token: "olga-token", json: report)
    }
}

extension TestResponse {
    /// The body decoded as JSON with ISO 8601 dates.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(body.readableBytesView))
    }

    /// The body as text.
    var text: String { String(buffer: body) }
}
