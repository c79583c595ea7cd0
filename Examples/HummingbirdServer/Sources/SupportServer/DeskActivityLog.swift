import Foundation
import Logging
import SupportEngine

/// A ``TicketStore`` wrapper that logs every change the desk commits, then passes it on.
///
/// The desk has no logger of its own (it is Foundation-only); everything it does goes through its store,
/// so logging the commits logs the desk's activity: each event, each outbound message and each delivery
/// attempt.
public struct DeskActivityLog: TicketStore {
    let base: any TicketStore
    let logger: Logger

    /// Wraps a store.
    ///
    /// - Parameters:
    ///   - base: The store that keeps the data.
    ///   - logger: Where the activity goes.
    public init(_ base: any TicketStore, logger: Logger) {
        self.base = base
        self.logger = logger
    }

    /// Commits, then logs each event and each queued message.
    ///
    /// - Parameter commit: What to write.
    /// - Throws: What the wrapped store throws.
    public func commit(_ commit: TicketCommit) async throws {
        do {
            try await base.commit(commit)
        } catch let error as StoreError {
            logger.debug("commit refused", metadata: ["code": "\(error.code)", "message": "\(error.message)"])
            throw error
        }
        for write in commit.writes {
            for event in write.events {
                logger.info(
                    "ticket event",
                    metadata: [
                        "ticket": "\(event.ticketID)", "sequence": "\(event.sequence)", "actor": "\(event.actor)",
                        "change": "\(Self.name(of: event.change))", "status": "\(write.ticket.status)",
                    ]
                )
            }
        }
        for message in commit.outbound {
            logger.info(
                "outbound queued",
                metadata: [
                    "ticket": "\(message.ticketID?.rawValue ?? "-")", "outbound": "\(message.id)",
                    "channel": "\(message.channel)",
                ]
            )
        }
    }

    static func name(of change: TicketChange) -> String {
        let text = String(describing: change)
        return String(text.prefix { $0 != "(" })
    }

    /// Passes on; see ``TicketStore/ticket(_:)``.
    public func ticket(_ id: TicketID) async throws -> StoredTicket? { try await base.ticket(id) }

    /// Passes on; see ``TicketStore/tickets(_:)``.
    public func tickets(_ ids: [TicketID]) async throws -> [StoredTicket?] { try await base.tickets(ids) }

    /// Passes on; see ``TicketStore/events(of:)``.
    public func events(of id: TicketID) async throws -> [TicketEvent] { try await base.events(of: id) }

    /// Passes on; see ``TicketStore/ticketID(forExternalMessage:)``.
    public func ticketID(forExternalMessage key: ExternalMessageKey) async throws -> TicketID? {
        try await base.ticketID(forExternalMessage: key)
    }

    /// Passes on; see ``TicketStore/ticketID(forThread:)``.
    public func ticketID(forThread key: ThreadKey) async throws -> TicketID? { try await base.ticketID(forThread: key) }

    /// Passes on; see ``TicketStore/nextTicketNumber()``.
    public func nextTicketNumber() async throws -> TicketNumber { try await base.nextTicketNumber() }

    /// Passes on; see ``TicketStore/ticketID(forNumber:)``.
    public func ticketID(forNumber number: TicketNumber) async throws -> TicketID? {
        try await base.ticketID(forNumber: number)
    }

    /// Passes on; see ``TicketStore/tickets(matching:)``.
    public func tickets(matching query: TicketQuery) async throws -> TicketPage {
        try await base.tickets(matching: query)
    }

    /// Passes on; see ``TicketStore/pendingOutbound(dueBy:limit:)``.
    public func pendingOutbound(dueBy instant: Date, limit: Int) async throws -> [OutboundMessage] {
        try await base.pendingOutbound(dueBy: instant, limit: limit)
    }

    /// Passes on; see ``TicketStore/storesClaimsOnCommit``.
    public var storesClaimsOnCommit: Bool { base.storesClaimsOnCommit }

    /// Passes on; see ``TicketStore/claimOutbound(_:at:until:)``.
    public func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) async throws -> OutboundMessage? {
        try await base.claimOutbound(id, at: instant, until: until)
    }

    /// Logs the delivery attempt, then passes on; see ``TicketStore/updateOutbound(_:)``.
    public func updateOutbound(_ message: OutboundMessage) async throws {
        try await base.updateOutbound(message)
        logAttempt(message)
    }

    /// Passes on, then logs each delivery attempt stored; see ``TicketStore/updateOutboundMessages(_:)``.
    public func updateOutboundMessages(_ messages: [OutboundMessage]) async -> [OutboundID: any Error] {
        let failures = await base.updateOutboundMessages(messages)
        for message in messages where failures[message.id] == nil { logAttempt(message) }
        return failures
    }

    private func logAttempt(_ message: OutboundMessage) {
        let level: Logger.Level = message.state == .deadLettered ? .warning : .info
        logger.log(
            level: level,
            "delivery attempt",
            metadata: [
                "ticket": "\(message.ticketID?.rawValue ?? "-")", "outbound": "\(message.id)",
                "state": "\(message.state)",
                "attempts": "\(message.attempts)", "error": "\(message.lastError ?? "-")",
            ]
        )
    }

    /// Passes on; see ``TicketStore/outbound(_:)``.
    public func outbound(_ id: OutboundID) async throws -> OutboundMessage? { try await base.outbound(id) }

    /// Passes on; see ``TicketStore/outbound(ofTicket:)``.
    public func outbound(ofTicket ticket: TicketID) async throws -> [OutboundMessage] {
        try await base.outbound(ofTicket: ticket)
    }

    /// Passes on; see ``TicketStore/deadLetteredOutbound(after:limit:)``.
    public func deadLetteredOutbound(after: OutboundID?, limit: Int) async throws -> [OutboundMessage] {
        try await base.deadLetteredOutbound(after: after, limit: limit)
    }

    /// Passes on; see ``TicketStore/outbound(matching:)``.
    public func outbound(matching query: OutboxQuery) async throws -> OutboxPage {
        try await base.outbound(matching: query)
    }

    /// Passes on; see ``TicketStore/deskEvents(after:limit:)``.
    public func deskEvents(after position: Int, limit: Int) async throws -> [DeskFeedEntry] {
        try await base.deskEvents(after: position, limit: limit)
    }

    /// Passes on; see ``TicketStore/latestDeskEventPosition()``.
    public func latestDeskEventPosition() async throws -> Int {
        try await base.latestDeskEventPosition()
    }

    /// Erases a member's data in the wrapped store, then logs the counts (never the erased text).
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: What the wrapped store redacted.
    /// - Throws: What the wrapped store throws.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        let counts = try await base.eraseMember(member, redaction: redaction)
        logger.info(
            "member erased in the ticket store",
            metadata: [
                "member": "\(member)", "tickets": "\(counts.tickets)", "messages": "\(counts.messages)",
                "outbound": "\(counts.outboundMessages)",
            ]
        )
        return counts
    }
}

/// A channel that "sends" by logging: the example's stand-in for an email provider or a chat API.
///
/// It keeps what it sent, so tests can look.
public final class LoggingChannel: Channel {
    /// The kind of channel this stands in for.
    public let kind: ChannelKind
    let logger: Logger
    let sent = Locked<[OutboundMessage]>([])

    /// Creates a channel.
    ///
    /// - Parameters:
    ///   - kind: The kind it stands in for.
    ///   - logger: Where the messages go.
    public init(kind: ChannelKind, logger: Logger) {
        self.kind = kind
        self.logger = logger
    }

    /// Logs the message and returns a receipt.
    ///
    /// - Parameter message: The message.
    /// - Returns: A receipt naming the message.
    public func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        sent.withLock { $0.append(message) }
        logger.info(
            "sent",
            metadata: [
                "channel": "\(kind)", "to": "\(message.recipient)", "ticket": "\(message.ticketID?.rawValue ?? "-")",
                "subject": "\(message.subject)",
            ]
        )
        return DeliveryReceipt(externalID: "\(kind)-\(message.id)", at: Date())
    }

    /// Every message sent so far.
    public var sentMessages: [OutboundMessage] { sent.withLock { $0 } }
}

/// A value behind a lock.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
