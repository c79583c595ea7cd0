import Foundation

/// One fact in the desk-wide event feed: a ticket opened, a breach, a refund waiting for the owner, a
/// dead letter.
///
/// The feed carries identifiers and facts, never the personal text of a message or a subject: a
/// consumer that needs the text reads the ticket. So the feed can be kept for statistics after a
/// member's data is erased, and a webhook never carries a member's words to a third party.
///
/// Events are stored by the ``TicketStore`` in the same atomic step as the change they report (see
/// ``TicketStore/deskEvents(after:limit:)``): a change that stands has its events in the feed, and a
/// change that failed has none.
public struct DeskEvent: Sendable, Hashable, Codable {
    /// The event's identity: unique in the feed, so that an event stored twice (a retried change) is
    /// kept once. Ticket events use `ticket/<id>/<sequence>`.
    public var key: String
    /// What the event reports.
    public var kind: DeskEventKind
    /// When it happened.
    public var at: Date
    /// The ticket it is about, if any.
    public var ticket: TicketID?
    /// The member it is about, if any.
    public var member: MemberID?
    /// Who caused it, if known.
    public var actor: SupportActor?
    /// The kind's facts, as short strings (ids, statuses, ISO 8601 instants); never a member's text.
    public var details: [String: String]

    /// The longest ``key`` a store accepts.
    public static let maximumKeyLength = 300

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - key: The event's identity, unique in the feed.
    ///   - kind: What it reports.
    ///   - at: When it happened.
    ///   - ticket: The ticket it is about.
    ///   - member: The member it is about.
    ///   - actor: Who caused it.
    ///   - details: The kind's facts.
    public init(
        key: String,
        kind: DeskEventKind,
        at: Date,
        ticket: TicketID? = nil,
        member: MemberID? = nil,
        actor: SupportActor? = nil,
        details: [String: String] = [:]
    ) {
        self.key = key
        self.kind = kind
        self.at = at
        self.ticket = ticket
        self.member = member
        self.actor = actor
        self.details = details
    }

    /// Checks what a store needs of an event: a key of 1 to ``maximumKeyLength`` characters and no NUL
    /// character in any string.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidCommit`` naming the event.
    public func validateForStorage() throws {
        guard !key.isEmpty, key.count <= Self.maximumKeyLength else {
            throw StoreError(
                .invalidCommit,
                "a desk event's key must have 1 to \(Self.maximumKeyLength) characters, not \(key.count)"
            )
        }
        let texts = [key] + details.keys + details.values
        if texts.contains(where: StoredText.hasNUL) {
            throw StoreError(.invalidCommit, StoredText.nulMessage("desk event \(key)"))
        }
    }
}

/// A ``DeskEvent`` with its place in the feed.
public struct DeskFeedEntry: Sendable, Hashable, Codable {
    /// The event's position: positions increase by one from 1, in the order the events were stored, and
    /// a reader never sees a position before every lower one is readable. Resume a feed with the last
    /// position read.
    public var position: Int
    /// The event.
    public var event: DeskEvent

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - position: The event's position in the feed.
    ///   - event: The event.
    public init(position: Int, event: DeskEvent) {
        self.position = position
        self.event = event
    }
}

extension DeskFeedEntry {
    /// The largest page ``TicketStore/deskEvents(after:limit:)`` returns.
    public static let maximumPageSize = 1000

    /// Checks the arguments of ``TicketStore/deskEvents(after:limit:)``, as every store does first.
    ///
    /// - Parameters:
    ///   - position: The last position read.
    ///   - limit: The page size.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery``.
    public static func validateQuery(after position: Int, limit: Int) throws {
        guard position >= 0 else {
            throw StoreError(.invalidQuery, "a feed position is 0 or more, not \(position)")
        }
        guard (1...maximumPageSize).contains(limit) else {
            throw StoreError(.invalidQuery, "a feed page holds 1 to \(maximumPageSize) events, not \(limit)")
        }
    }
}
