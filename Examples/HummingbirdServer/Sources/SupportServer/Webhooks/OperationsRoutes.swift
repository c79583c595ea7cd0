import Foundation
import Hummingbird
import NIOCore
import SupportEngine

/// An endpoint's state on the owner's delivery page: never its secret or its full URL.
public struct WebhookStatus: Codable, Sendable, Hashable {
    /// The endpoint's name.
    public var name: String
    /// `all` or `alerts`.
    public var events: String
    /// The receiver's host.
    public var host: String
    /// The last feed position delivered or passed over; `nil` before the first turn.
    public var position: Int?
    /// Failed attempts of the batch waiting for a retry.
    public var attempts: Int
    /// When that batch is tried again.
    public var retryAt: Date?
}

/// What `GET /owner/webhooks/deliveries` returns: each endpoint's state and the latest attempts.
public struct WebhookDeliveryLog: Codable, Sendable, Hashable {
    /// The configured endpoints.
    public var endpoints: [WebhookStatus]
    /// The latest attempts, newest first.
    public var deliveries: [WebhookDelivery]
}

/// The routes for running the desk: `GET /owner/webhooks/deliveries` and `GET /metrics`.
public struct OperationsRoutes: Sendable {
    let desk: SupportDesk
    let tokens: AccessTokens
    let endpoints: [WebhookEndpoint]
    let ledger: any WebhookLedger
    let metrics: ServerMetrics
    let metricsToken: String?

    /// Creates the routes.
    ///
    /// - Parameters:
    ///   - desk: The desk.
    ///   - tokens: Who may call what; the delivery log is the owner's.
    ///   - endpoints: The configured webhook endpoints.
    ///   - ledger: Their cursors and the delivery log.
    ///   - metrics: The desk's metrics.
    ///   - metricsToken: The bearer token `/metrics` asks for, or `nil` for none.
    public init(
        desk: SupportDesk,
        tokens: AccessTokens,
        endpoints: [WebhookEndpoint],
        ledger: any WebhookLedger,
        metrics: ServerMetrics,
        metricsToken: String?
    ) {
        self.desk = desk
        self.tokens = tokens
        self.endpoints = endpoints
        self.ledger = ledger
        self.metrics = metrics
        self.metricsToken = metricsToken
    }

    /// Adds the routes to a router.
    ///
    /// - Parameter router: The API's router.
    public func add(to router: Router<BasicRequestContext>) {
        router.get("/owner/webhooks/deliveries") { request, _ in try await self.deliveries(request) }
        router.get("/metrics") { request, _ in try await self.scrape(request) }
    }

    /// `GET /owner/webhooks/deliveries?endpoint=NAME&limit=N` (default 50, at most 500).
    func deliveries(_ request: Request) async throws -> Response {
        _ = try tokens.owner(of: request)
        let parameters = request.uri.queryParameters
        var limit = 50
        if let text = parameters["limit"] {
            guard let number = Int(String(text)), (1...500).contains(number) else {
                throw APIError(.badRequest, "invalid_input", "'limit' must be 1 to 500")
            }
            limit = number
        }
        let endpoint = parameters["endpoint"].map(String.init)
        if let endpoint, !endpoints.contains(where: { $0.name == endpoint }) {
            throw APIError(.notFound, "not_found", "no webhook is named '\(endpoint)'")
        }
        var statuses: [WebhookStatus] = []
        for configured in endpoints {
            let cursor = try await ledger.cursor(of: configured.name)
            statuses.append(
                WebhookStatus(
                    name: configured.name,
                    events: configured.selection.rawValue,
                    host: configured.url.host ?? "",
                    position: cursor?.position,
                    attempts: cursor?.attempts ?? 0,
                    retryAt: cursor?.retryAt
                )
            )
        }
        let log = try await ledger.deliveries(of: endpoint, limit: limit)
        return try JSONResponse.make(WebhookDeliveryLog(endpoints: statuses, deliveries: log))
    }

    /// `GET /metrics`: Prometheus text; with `METRICS_TOKEN` set, only for `Authorization: Bearer <it>`.
    func scrape(_ request: Request) async throws -> Response {
        if let metricsToken {
            guard ConstantTimeComparison.equal(try tokens.token(of: request), metricsToken) else {
                throw APIError(.unauthorized, "unauthorized", "the bearer token is not the metrics token")
            }
        }
        let text = try await metrics.scrape(desk)
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }
}
