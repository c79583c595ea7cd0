import Foundation

/// The record of a member's erasure: who asked, when, whether every store has redacted the member's
/// data yet, and how much it redacted. Made by ``SupportDesk/erase(member:by:)`` and kept by the
/// ``PolicyLedgerStore`` for good, so that the desk never contacts the member again and can show that
/// the erasure was done.
///
/// The record holds the member's id and nothing else about them.
public struct MemberErasure: Sendable, Hashable, Codable {
    /// The text every store puts where the member's words and contact data were.
    public static let redactionMarker = "[erased]"

    /// The member.
    public var member: MemberID
    /// Who asked: the member or the owner.
    public var requestedBy: SupportActor
    /// When the erasure was recorded.
    public var requestedAt: Date
    /// When every store had redacted the member's data; `nil` while the erasure is unfinished (a desk
    /// starting on the store finishes it).
    public var finishedAt: Date?
    /// How much each store redacted, once finished.
    public var redacted: ErasureCounts

    /// Whether every store has redacted the member's data.
    public var isFinished: Bool { finishedAt != nil }

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - requestedBy: Who asked.
    ///   - requestedAt: When it was recorded.
    ///   - finishedAt: When every store had redacted the data; `nil` while unfinished.
    ///   - redacted: How much was redacted.
    public init(
        member: MemberID,
        requestedBy: SupportActor,
        requestedAt: Date,
        finishedAt: Date? = nil,
        redacted: ErasureCounts = ErasureCounts()
    ) {
        self.member = member
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.finishedAt = finishedAt
        self.redacted = redacted
    }
}

/// How much of a member's data the stores redacted. Each store's `eraseMember(_:redaction:)` fills in its
/// part; the desk adds them up.
public struct ErasureCounts: Sendable, Hashable, Codable {
    /// Tickets the member opened whose subject and messages were redacted.
    public var tickets: Int
    /// Messages on those tickets whose body and attachment names were redacted.
    public var messages: Int
    /// Outbound messages to the member whose subject, body and delivery errors were redacted.
    public var outboundMessages: Int
    /// Moderation ledger entries whose notes were redacted.
    public var ledgerEntries: Int
    /// Ticket posts owed to the member's tickets that were dropped.
    public var pendingPosts: Int
    /// Exit survey comments redacted in the member's journey.
    public var journeyComments: Int
    /// Rating comments redacted.
    public var ratingComments: Int
    /// Files the member sent whose bytes were deleted from the attachment store.
    public var attachmentFiles: Int

    /// Creates counts; all zero by default.
    ///
    /// - Parameters:
    ///   - tickets: Tickets redacted.
    ///   - messages: Messages redacted.
    ///   - outboundMessages: Outbound messages redacted.
    ///   - ledgerEntries: Ledger entries redacted.
    ///   - pendingPosts: Owed posts dropped.
    ///   - journeyComments: Exit comments redacted.
    ///   - ratingComments: Rating comments redacted.
    ///   - attachmentFiles: Files whose bytes were deleted.
    public init(
        tickets: Int = 0,
        messages: Int = 0,
        outboundMessages: Int = 0,
        ledgerEntries: Int = 0,
        pendingPosts: Int = 0,
        journeyComments: Int = 0,
        ratingComments: Int = 0,
        attachmentFiles: Int = 0
    ) {
        self.tickets = tickets
        self.messages = messages
        self.outboundMessages = outboundMessages
        self.ledgerEntries = ledgerEntries
        self.pendingPosts = pendingPosts
        self.journeyComments = journeyComments
        self.ratingComments = ratingComments
        self.attachmentFiles = attachmentFiles
    }

    /// The sum of two counts.
    ///
    /// - Parameters:
    ///   - left: One count.
    ///   - right: The other.
    /// - Returns: Their sum, field by field.
    public static func + (left: ErasureCounts, right: ErasureCounts) -> ErasureCounts {
        ErasureCounts(
            tickets: left.tickets + right.tickets,
            messages: left.messages + right.messages,
            outboundMessages: left.outboundMessages + right.outboundMessages,
            ledgerEntries: left.ledgerEntries + right.ledgerEntries,
            pendingPosts: left.pendingPosts + right.pendingPosts,
            journeyComments: left.journeyComments + right.journeyComments,
            ratingComments: left.ratingComments + right.ratingComments,
            attachmentFiles: left.attachmentFiles + right.attachmentFiles
        )
    }
}
