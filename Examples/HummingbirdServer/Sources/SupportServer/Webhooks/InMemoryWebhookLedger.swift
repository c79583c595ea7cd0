import Foundation

/// A ``WebhookLedger`` in memory, for a server without a database: lost on restart, so a restarted
/// server delivers the feed again from its start (receivers drop repeats by event key).
public final class InMemoryWebhookLedger: WebhookLedger {
    private struct State {
        var cursors: [String: WebhookCursor] = [:]
        var busy: Set<String> = []
        var log: [WebhookDelivery] = []
    }

    private let state = Locked(State())
    /// The most log entries kept; older ones are dropped.
    public let logCapacity: Int

    /// Creates an empty ledger.
    ///
    /// - Parameter logCapacity: The most log entries kept.
    public init(logCapacity: Int = 1000) {
        self.logCapacity = logCapacity
    }

    /// Nothing to create.
    public func prepare() async throws {}

    /// Gives a new endpoint its cursor at `position`; see ``WebhookLedger/startCursor(of:at:)``.
    public func startCursor(of endpoint: String, at position: Int) async throws -> Bool {
        state.withLock { state in
            guard state.cursors[endpoint] == nil else { return false }
            state.cursors[endpoint] = WebhookCursor(position: position)
            return true
        }
    }

    /// Runs a turn unless another worker of this server holds the endpoint.
    public func withCursor(
        of endpoint: String,
        _ body: (WebhookCursor) async throws -> WebhookStep
    ) async throws -> WebhookStep? {
        let cursor = state.withLock { state -> WebhookCursor? in
            guard state.busy.insert(endpoint).inserted else { return nil }
            return state.cursors[endpoint] ?? WebhookCursor()
        }
        guard let cursor else { return nil }
        do {
            let step = try await body(cursor)
            state.withLock { state in
                state.cursors[endpoint] = step.cursor
                if let delivery = step.delivery {
                    state.log.append(delivery)
                    if state.log.count > logCapacity { state.log.removeFirst(state.log.count - logCapacity) }
                }
                state.busy.remove(endpoint)
            }
            return step
        } catch {
            state.withLock { _ = $0.busy.remove(endpoint) }
            throw error
        }
    }

    /// The most recent attempts, newest first.
    public func deliveries(of endpoint: String?, limit: Int) async throws -> [WebhookDelivery] {
        state.withLock { state in
            Array(state.log.reversed().filter { endpoint == nil || $0.endpoint == endpoint }.prefix(limit))
        }
    }

    /// The stored cursor of an endpoint.
    public func cursor(of endpoint: String) async throws -> WebhookCursor? {
        state.withLock { $0.cursors[endpoint] }
    }
}
