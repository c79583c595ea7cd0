import CoreMetrics
import Foundation
import Prometheus
import SupportEngine

/// The server's metrics in Prometheus text, through swift-metrics with a Prometheus factory of the
/// server's own (no global `MetricsSystem` bootstrap, so several servers in one process keep apart).
///
/// Two kinds of numbers, named apart:
/// - **Desk-wide counters from the event feed** (`support_tickets_created_total`,
///   `support_messages_received_total`, `support_sla_*_total`, `support_outbound_dead_lettered_total`,
///   `support_desk_events_total{kind}`): each scrape first reads the feed entries it has not counted
///   yet (``catchUp(with:)``), starting from position 0 when the server starts. So every server on one
///   database reports the same totals for the whole desk, whichever server handled the change; in a
///   query across servers take `max`, not `sum`. `support_feed_position` is the last position counted.
/// - **What this server did** (`support_outbound_delivered_total{channel}`,
///   `support_outbound_failed_total{channel}`, `support_webhook_attempts_total{endpoint,outcome}`):
///   counted as it happens, lost on restart like any process counter; `sum` them across servers.
///   Deliveries are not in the feed (only dead letters are), so they are counted where they happen.
public final class ServerMetrics: Sendable {
    /// The registry the metrics are kept in.
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    let feed: FeedCounter

    /// Creates empty metrics.
    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
        self.feed = FeedCounter(factory: factory)
    }

    /// Counts the feed entries not counted yet, a page at a time, up to the end of the feed.
    ///
    /// - Parameter desk: The desk whose feed is counted; always the same one.
    /// - Throws: What the store throws; what was counted before stays counted.
    public func catchUp(with desk: SupportDesk) async throws {
        try await feed.catchUp(with: desk)
    }

    /// The metrics in Prometheus' text format, after counting the feed up to its end.
    ///
    /// - Parameter desk: The desk whose feed is counted.
    /// - Returns: The text.
    /// - Throws: What the store throws.
    public func scrape(_ desk: SupportDesk) async throws -> String {
        try await catchUp(with: desk)
        return registry.emitToString()
    }

    /// Counts a message a channel of this server accepted.
    ///
    /// - Parameter channel: The channel's kind.
    public func countDelivered(on channel: ChannelKind) {
        CoreMetrics.Counter(
            label: "support_outbound_delivered_total",
            dimensions: [("channel", channel.rawValue)],
            factory: factory
        )
        .increment()
    }

    /// Counts a send that a channel of this server failed; the desk retries it or dead-letters it.
    ///
    /// - Parameter channel: The channel's kind.
    public func countFailed(on channel: ChannelKind) {
        CoreMetrics.Counter(
            label: "support_outbound_failed_total",
            dimensions: [("channel", channel.rawValue)],
            factory: factory
        )
        .increment()
    }

    /// Counts a webhook attempt.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint's name.
    ///   - outcome: What came of it.
    public func countWebhookAttempt(endpoint: String, outcome: WebhookDelivery.Outcome) {
        CoreMetrics.Counter(
            label: "support_webhook_attempts_total",
            dimensions: [("endpoint", endpoint), ("outcome", outcome.rawValue)],
            factory: factory
        )
        .increment()
    }
}

/// Counts feed entries into desk-wide counters, each position once.
actor FeedCounter {
    let factory: PrometheusMetricsFactory
    private(set) var position = 0
    private let positionGauge: CoreMetrics.Gauge

    init(factory: PrometheusMetricsFactory) {
        self.factory = factory
        self.positionGauge = CoreMetrics.Gauge(label: "support_feed_position", factory: factory)
        // Present from the first scrape, at 0, so a dashboard can tell "none" from "not reported".
        for label in Self.named.values.sorted() {
            CoreMetrics.Counter(label: label, factory: factory).increment(by: 0)
        }
        CoreMetrics.Counter(label: "support_messages_received_total", factory: factory).increment(by: 0)
        positionGauge.record(0)
    }

    /// The desk-wide counter each kind also adds to, beside `support_desk_events_total{kind}`.
    static let named: [DeskEventKind: String] = [
        .ticketCreated: "support_tickets_created_total",
        .slaWarning: "support_sla_warnings_total",
        .slaBreach: "support_sla_breaches_total",
        .slaEscalation: "support_sla_escalations_total",
        .deadLettered: "support_outbound_dead_lettered_total",
    ]

    func catchUp(with desk: SupportDesk) async throws {
        while true {
            let page = try await desk.events(after: position, limit: DeskFeedEntry.maximumPageSize)
            // Another scrape may have counted part of the page while this one waited for it.
            let new = page.filter { $0.position > position }
            for entry in new { count(entry.event) }
            if let last = new.last {
                position = last.position
                positionGauge.record(last.position)
            }
            if page.count < DeskFeedEntry.maximumPageSize { return }
        }
    }

    private func count(_ event: DeskEvent) {
        CoreMetrics.Counter(
            label: "support_desk_events_total",
            dimensions: [("kind", event.kind.rawValue)],
            factory: factory
        )
        .increment()
        if let name = Self.named[event.kind] { CoreMetrics.Counter(label: name, factory: factory).increment() }
        // A ticket's first message comes with its creation, not as a `message_added` event.
        let isMemberMessage = event.kind == .messageAdded && event.details["message_kind"] == "member_message"
        if event.kind == .ticketCreated || isMemberMessage {
            CoreMetrics.Counter(label: "support_messages_received_total", factory: factory).increment()
        }
    }
}
