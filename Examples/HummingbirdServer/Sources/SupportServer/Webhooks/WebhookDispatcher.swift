import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import SupportEngine

/// What a delivery's body holds: the delivery id and the entries the endpoint wants, oldest first.
public struct WebhookPayload: Codable, Sendable, Hashable {
    /// The delivery id, as in ``WebhookSignature/deliveryHeader``: the same on every retry of the batch.
    public var id: String
    /// The endpoint's name.
    public var endpoint: String
    /// The entries, in feed order; each event's `key` is its idempotency id.
    public var events: [DeskFeedEntry]

    /// Creates a payload.
    ///
    /// - Parameters:
    ///   - id: The delivery id.
    ///   - endpoint: The endpoint's name.
    ///   - events: The entries.
    public init(id: String, endpoint: String, events: [DeskFeedEntry]) {
        self.id = id
        self.endpoint = endpoint
        self.events = events
    }
}

/// Delivers the desk's event feed to webhook endpoints: one worker per endpoint, so a slow or failing
/// receiver never holds up another.
///
/// Each turn takes the endpoint's cursor from the ``WebhookLedger`` (skipping the endpoint when another
/// server holds it), reads the next batch of the feed after it, and posts the events the endpoint wants
/// as signed JSON (``WebhookSignature``). A 2xx moves the cursor past the batch. A network error, a
/// timeout, a 5xx, a 408 or a 429 keeps the batch (the same positions, the same delivery id) and tries
/// again after a pause that doubles from ``initialBackoff`` up to ``maximumBackoff``; any other answer
/// is logged as failed and the batch is passed over. Every attempt goes to the delivery log. All
/// waits and timestamps use the desk's clock.
public struct WebhookDispatcher: Service {
    let endpoints: [WebhookEndpoint]
    let ledger: any WebhookLedger
    let desk: SupportDesk
    let clock: any SupportClock
    let httpClient: HTTPClient
    let logger: Logger
    let metrics: ServerMetrics?
    /// The most feed positions one delivery covers.
    public let batchSize: Int
    /// How long to wait before looking again when nothing is new.
    public let pollInterval: TimeInterval
    /// The pause after a batch's first failed attempt.
    public let initialBackoff: TimeInterval
    /// The longest pause between attempts.
    public let maximumBackoff: TimeInterval
    /// How long one attempt may take, in real time.
    public let requestTimeout: TimeAmount

    /// Creates the dispatcher.
    ///
    /// - Parameters:
    ///   - endpoints: Where to deliver.
    ///   - ledger: Cursors and the delivery log.
    ///   - desk: The desk whose feed is delivered.
    ///   - clock: The desk's clock, for timestamps and waits.
    ///   - httpClient: The client that posts.
    ///   - logger: Where attempts log.
    ///   - metrics: Counts attempts by outcome, when set.
    ///   - batchSize: The most positions per delivery, 1 to 1,000.
    ///   - pollInterval: The wait when nothing is new.
    ///   - initialBackoff: The pause after a first failure.
    ///   - maximumBackoff: The longest pause.
    ///   - requestTimeout: The longest attempt.
    public init(
        endpoints: [WebhookEndpoint],
        ledger: any WebhookLedger,
        desk: SupportDesk,
        clock: any SupportClock,
        httpClient: HTTPClient = .shared,
        logger: Logger,
        metrics: ServerMetrics? = nil,
        batchSize: Int = 50,
        pollInterval: TimeInterval = 1,
        initialBackoff: TimeInterval = 1,
        maximumBackoff: TimeInterval = 300,
        requestTimeout: TimeAmount = .seconds(10)
    ) {
        self.endpoints = endpoints
        self.ledger = ledger
        self.desk = desk
        self.clock = clock
        self.httpClient = httpClient
        self.logger = logger
        self.metrics = metrics
        self.batchSize = min(max(batchSize, 1), DeskFeedEntry.maximumPageSize)
        self.pollInterval = pollInterval
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.requestTimeout = requestTimeout
    }

    /// The pause after a batch's `attempt`-th failure: ``initialBackoff`` doubled for each earlier one,
    /// at most ``maximumBackoff``.
    ///
    /// - Parameter attempt: The failed attempt's number, from 1.
    /// - Returns: The pause, in seconds.
    public func backoff(after attempt: Int) -> TimeInterval {
        min(maximumBackoff, initialBackoff * pow(2, Double(min(max(attempt - 1, 0), 30))))
    }

    /// Runs a worker per endpoint until graceful shutdown or cancellation.
    ///
    /// With no endpoints it only waits, since a service that returns would stop the server.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for endpoint in endpoints {
                    group.addTask { await work(for: endpoint) }
                }
                if endpoints.isEmpty {
                    while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
                }
            }
        }
    }

    /// One endpoint's worker: turns, and waits between them on the desk's clock.
    func work(for endpoint: WebhookEndpoint) async {
        var prepared = false
        while !Task.isCancelled {
            var wakeAt = clock.now.addingTimeInterval(pollInterval)
            do {
                // The schema may not be there yet while the server's migration runs: create the
                // tables (idempotent) before the first turn, and try again after a pause until it is.
                if !prepared {
                    do {
                        try await ledger.prepare()
                        try await startIfNew(endpoint)
                        prepared = true
                    } catch {
                        logger.notice(
                            "webhook tables or cursor not ready; trying again",
                            metadata: ["endpoint": "\(endpoint.name)", "error": "\(error)"]
                        )
                        try await clock.sleep(until: wakeAt)
                        continue
                    }
                }
                if let step = try await turn(for: endpoint) {
                    switch step.next {
                    case .now: continue
                    case .poll: break
                    case .at(let instant): wakeAt = instant
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.error(
                    "webhook delivery stopped; trying again",
                    metadata: ["endpoint": "\(endpoint.name)", "error": "\(error)"]
                )
            }
            do {
                try await clock.sleep(until: wakeAt)
            } catch {
                return
            }
        }
    }

    /// Gives an endpoint without a cursor its start: after the newest event for ``WebhookEndpoint/Start/now``,
    /// at the beginning for ``WebhookEndpoint/Start/beginning``.
    ///
    /// - Parameter endpoint: The endpoint.
    /// - Throws: When the feed or the ledger cannot be read or written.
    public func startIfNew(_ endpoint: WebhookEndpoint) async throws {
        guard try await ledger.cursor(of: endpoint.name) == nil else { return }
        let position = endpoint.start == .now ? try await desk.latestEventPosition() : 0
        if try await ledger.startCursor(of: endpoint.name, at: position) {
            logger.info(
                "webhook starts reading the feed",
                metadata: ["endpoint": "\(endpoint.name)", "after": "\(position)", "from": "\(endpoint.start)"]
            )
        }
    }

    /// One turn for an endpoint: at most one attempt.
    ///
    /// - Parameter endpoint: The endpoint.
    /// - Returns: The step stored, or `nil` when another worker holds the endpoint.
    /// - Throws: When the feed or the ledger cannot be read or written.
    public func turn(for endpoint: WebhookEndpoint) async throws -> WebhookStep? {
        try await ledger.withCursor(of: endpoint.name) { cursor in
            let now = clock.now
            if let retryAt = cursor.retryAt, retryAt > now {
                return WebhookStep(cursor: cursor, next: .at(retryAt))
            }
            let limit = cursor.batchEnd.map { min(max($0 - cursor.position, 1), batchSize) } ?? batchSize
            let entries = try await desk.events(after: cursor.position, limit: limit)
            guard let first = entries.first, let last = entries.last else {
                return WebhookStep(cursor: cursor, next: .poll)
            }
            let wanted = entries.filter { endpoint.wants($0.event) }
            guard !wanted.isEmpty else {
                return WebhookStep(cursor: WebhookCursor(position: last.position), next: .now)
            }
            let id = "\(endpoint.name)/\(first.position)-\(last.position)"
            let attempt = cursor.attempts + 1
            let answer = await post(
                WebhookPayload(id: id, endpoint: endpoint.name, events: wanted),
                to: endpoint,
                at: now
            )
            var delivery = WebhookDelivery(
                endpoint: endpoint.name,
                id: id,
                firstPosition: first.position,
                lastPosition: last.position,
                events: wanted.count,
                attempt: attempt,
                outcome: answer.outcome,
                statusCode: answer.status,
                error: answer.error,
                at: now
            )
            metrics?.countWebhookAttempt(endpoint: endpoint.name, outcome: answer.outcome)
            switch answer.outcome {
            case .delivered:
                return WebhookStep(cursor: WebhookCursor(position: last.position), delivery: delivery, next: .now)
            case .failed:
                logger.error(
                    "webhook refused a delivery; passing it over",
                    metadata: ["endpoint": "\(endpoint.name)", "delivery": "\(id)", "status": "\(answer.status ?? 0)"]
                )
                return WebhookStep(cursor: WebhookCursor(position: last.position), delivery: delivery, next: .now)
            case .retrying:
                let retryAt = now.addingTimeInterval(backoff(after: attempt))
                delivery.error =
                    (answer.error ?? "HTTP \(answer.status ?? 0)") + "; retrying at \(retryAt.ISO8601Format())"
                logger.warning(
                    "webhook delivery failed; retrying",
                    metadata: ["endpoint": "\(endpoint.name)", "delivery": "\(id)", "attempt": "\(attempt)"]
                )
                let kept = WebhookCursor(
                    position: cursor.position,
                    batchEnd: last.position,
                    attempts: attempt,
                    retryAt: retryAt
                )
                return WebhookStep(cursor: kept, delivery: delivery, next: .at(retryAt))
            }
        }
    }

    struct Answer {
        var outcome: WebhookDelivery.Outcome
        var status: Int?
        var error: String?
    }

    /// Posts one signed delivery and sorts the answer.
    func post(_ payload: WebhookPayload, to endpoint: WebhookEndpoint, at now: Date) async -> Answer {
        do {
            let body = try JSONResponse.encoder().encode(payload)
            let timestamp = String(Int(now.timeIntervalSince1970))
            var request = HTTPClientRequest(url: endpoint.url.absoluteString)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "support-server-webhooks")
            request.headers.add(name: WebhookSignature.timestampHeader, value: timestamp)
            request.headers.add(
                name: WebhookSignature.signatureHeader,
                value: WebhookSignature.sign(body: body, timestamp: timestamp, secret: endpoint.secret)
            )
            request.headers.add(name: WebhookSignature.deliveryHeader, value: payload.id)
            let keys = payload.events.map(\.event.key).joined(separator: ",")
            if keys.utf8.count <= WebhookSignature.maximumEventKeysHeaderBytes {
                request.headers.add(name: WebhookSignature.eventKeysHeader, value: keys)
            }
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await httpClient.execute(request, timeout: requestTimeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let status = Int(response.status.code)
            switch status {
            case 200..<300: return Answer(outcome: .delivered, status: status)
            case 408, 429, 500...: return Answer(outcome: .retrying, status: status)
            default: return Answer(outcome: .failed, status: status, error: "the receiver answered \(status)")
            }
        } catch {
            return Answer(outcome: .retrying, error: "\(error)")
        }
    }
}
