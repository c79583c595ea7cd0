import Foundation

/// Everything the desk holds about one member, as one document: the answer to "what do you hold about
/// me?" (GDPR article 15, Russia's 152-FZ article 14). Build it with ``SupportDesk/exportData(of:by:)``.
///
/// It is the club's copy: it includes the internal notes staff wrote on the member's tickets, which a
/// club may have to hand over or may withhold under an exemption — review it before sending it on.
/// Encode it with `JSONEncoder` for the member.
public struct MemberDataExport: Sendable, Hashable, Codable {
    /// The member.
    public var member: MemberID
    /// When the export was made.
    public var exportedAt: Date
    /// The member's profile as the club's member directory gives it, if it knows them.
    public var profile: MemberProfile?
    /// Every ticket the member opened, with all its messages, tags and SLA record, oldest id first.
    public var tickets: [Ticket]
    /// The files attached to the member's tickets: names, types, sizes and hashes (the bytes stay in the
    /// attachment store).
    public var attachments: [TicketAttachment]
    /// Every message the desk sent or tried to send about the member's tickets, with its delivery
    /// history.
    public var outbound: [OutboundMessage]
    /// The refund decisions about the member.
    public var refundDecisions: [RefundDecision]
    /// The member's moderation ledger, if any.
    public var moderationLedger: MemberLedger?
    /// The member's journey with the club (segment facts, steps taken, exit survey), if any.
    public var journey: JourneyRecord?
    /// The member's ratings of their tickets.
    public var ratings: [Rating]
    /// The record of the member's erasure, when their data was erased: the export then holds only it.
    public var erasure: MemberErasure?

    /// Creates an export.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - exportedAt: When it was made.
    ///   - profile: The member's profile.
    ///   - tickets: The member's tickets.
    ///   - attachments: The files' metadata.
    ///   - outbound: The messages sent about the tickets.
    ///   - refundDecisions: The refund decisions.
    ///   - moderationLedger: The moderation ledger.
    ///   - journey: The journey record.
    ///   - ratings: The ratings.
    ///   - erasure: The record of the member's erasure, if any.
    public init(
        member: MemberID,
        exportedAt: Date,
        profile: MemberProfile?,
        tickets: [Ticket],
        attachments: [TicketAttachment],
        outbound: [OutboundMessage],
        refundDecisions: [RefundDecision],
        moderationLedger: MemberLedger?,
        journey: JourneyRecord?,
        ratings: [Rating],
        erasure: MemberErasure? = nil
    ) {
        self.member = member
        self.exportedAt = exportedAt
        self.profile = profile
        self.tickets = tickets
        self.attachments = attachments
        self.outbound = outbound
        self.refundDecisions = refundDecisions
        self.moderationLedger = moderationLedger
        self.journey = journey
        self.ratings = ratings
        self.erasure = erasure
    }
}
