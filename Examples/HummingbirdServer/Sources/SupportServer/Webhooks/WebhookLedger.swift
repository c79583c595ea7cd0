import Foundation

/// Where an endpoint's place in the feed stands.
public struct WebhookCursor: Sendable, Hashable {
    /// The last position delivered or passed over (an event the endpoint does not want, a batch it
    /// refused); `0` before the first.
    public var position: Int
    /// The last position of the batch being delivered, while it is retried: a retry sends exactly the
    /// same entries, under the same delivery id; `nil` when no batch is waiting.
    public var batchEnd: Int?
    /// How many attempts of that batch failed.
    public var attempts: Int
    /// When the batch may be tried again, after a failed attempt.
    public var retryAt: Date?

    /// Creates a cursor.
    ///
    /// - Parameters:
    ///   - position: The last position handled.
    ///   - batchEnd: The last position of the batch being retried.
    ///   - attempts: Failed attempts of that batch.
    ///   - retryAt: When to try again.
    public init(position: Int = 0, batchEnd: Int? = nil, attempts: Int = 0, retryAt: Date? = nil) {
        self.position = position
        self.batchEnd = batchEnd
        self.attempts = attempts
        self.retryAt = retryAt
    }
}

/// One attempt to deliver a batch, as the delivery log keeps it.
public struct WebhookDelivery: Sendable, Hashable, Codable {
    /// What came of an attempt.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The receiver answered 2xx: the batch is done.
        case delivered
        /// A network error, a timeout, a 5xx, a 408 or a 429: the batch is tried again after a pause.
        case retrying
        /// Another 4xx, or a 3xx: the receiver refused the batch, which is passed over, not retried.
        case failed
    }

    /// The endpoint's name.
    public var endpoint: String
    /// The delivery id sent as `Webhook-Id`.
    public var id: String
    /// The first feed position in the batch.
    public var firstPosition: Int
    /// The last feed position in the batch.
    public var lastPosition: Int
    /// How many events the batch carried (the endpoint's selection of the positions).
    public var events: Int
    /// The attempt's number, from 1.
    public var attempt: Int
    /// What came of it.
    public var outcome: Outcome
    /// The receiver's HTTP status, when it answered.
    public var statusCode: Int?
    /// What went wrong, when something did.
    public var error: String?
    /// When the attempt was made, on the desk's clock.
    public var at: Date

    /// Creates a log entry.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint's name.
    ///   - id: The delivery id.
    ///   - firstPosition: The batch's first position.
    ///   - lastPosition: The batch's last position.
    ///   - events: How many events it carried.
    ///   - attempt: The attempt's number.
    ///   - outcome: What came of it.
    ///   - statusCode: The HTTP status.
    ///   - error: What went wrong.
    ///   - at: When.
    public init(
        endpoint: String,
        id: String,
        firstPosition: Int,
        lastPosition: Int,
        events: Int,
        attempt: Int,
        outcome: Outcome,
        statusCode: Int? = nil,
        error: String? = nil,
        at: Date
    ) {
        self.endpoint = endpoint
        self.id = id
        self.firstPosition = firstPosition
        self.lastPosition = lastPosition
        self.events = events
        self.attempt = attempt
        self.outcome = outcome
        self.statusCode = statusCode
        self.error = error
        self.at = at
    }
}

/// What one turn of a webhook worker did: the cursor to store, the attempt to log, and when to look
/// again.
public struct WebhookStep: Sendable, Hashable {
    /// When the worker looks at the endpoint again.
    public enum Next: Sendable, Hashable {
        /// At once: there may be more to deliver.
        case now
        /// After the poll interval: the feed had nothing new for the endpoint.
        case poll
        /// At an instant: a failed batch waits for its retry.
        case at(Date)
    }

    /// The cursor to store.
    public var cursor: WebhookCursor
    /// The attempt to add to the delivery log, if one was made.
    public var delivery: WebhookDelivery?
    /// When to look again.
    public var next: Next

    /// Creates a step.
    ///
    /// - Parameters:
    ///   - cursor: The cursor to store.
    ///   - delivery: The attempt to log.
    ///   - next: When to look again.
    public init(cursor: WebhookCursor, delivery: WebhookDelivery? = nil, next: Next) {
        self.cursor = cursor
        self.delivery = delivery
        self.next = next
    }
}

/// Keeps each endpoint's cursor and the delivery log, and lets one worker at a time move a cursor:
/// in memory for one server, in PostgreSQL (``PostgresWebhookLedger``) for several servers on one
/// database.
public protocol WebhookLedger: Sendable {
    /// Creates what the ledger needs (tables), once before the first turn.
    func prepare() async throws

    /// Gives a new endpoint its cursor at `position`; an endpoint that has one keeps it. Two servers
    /// starting at once agree: the first cursor stored wins.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint's name.
    ///   - position: The feed position it starts after.
    /// - Returns: `true` when the cursor was created, `false` when the endpoint had one.
    /// - Throws: A storage error.
    func startCursor(of endpoint: String, at position: Int) async throws -> Bool

    /// Runs one turn for an endpoint with its cursor held, so that no other worker (of this server or
    /// another) delivers for it at the same time, then stores the step's cursor and log entry together.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint's name.
    ///   - body: The turn: gets the stored cursor (a new endpoint's is at 0) and returns the step.
    /// - Returns: The step, or `nil` when another worker holds the cursor.
    /// - Throws: What `body` throws (nothing is stored then), or a storage error.
    func withCursor(
        of endpoint: String,
        _ body: (WebhookCursor) async throws -> WebhookStep
    ) async throws -> WebhookStep?

    /// The most recent attempts, newest first.
    ///
    /// - Parameters:
    ///   - endpoint: Only this endpoint's, or every endpoint's when `nil`.
    ///   - limit: The most to return.
    /// - Returns: The attempts.
    func deliveries(of endpoint: String?, limit: Int) async throws -> [WebhookDelivery]

    /// The stored cursor of an endpoint, for tests and the owner's page.
    ///
    /// - Parameter endpoint: The endpoint's name.
    /// - Returns: The cursor, or `nil` before the endpoint's first turn.
    func cursor(of endpoint: String) async throws -> WebhookCursor?
}
