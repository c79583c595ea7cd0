/// When a ``PriorityRule`` applies: every field that is present must match.
///
/// Within one field any listed value matches (`"reasons": ["billing", "refund"]` is billing *or*
/// refund); across fields all must match (reason *and* segment). A field left out matches anything;
/// a condition with no fields matches every ticket.
///
/// - `reasons`: the ticket's `ContactReason`.
/// - `segments`: the member's `MemberSegment`; a ticket with no known segment never matches.
/// - `channels`: the `ChannelKind` the message came through.
/// - `tags`: at least one of the ticket's tags, compared without regard to case.
/// - `keywords`: at least one pattern found in the subject or body, in the classifier's pattern
///   syntax (words, phrases, `*` stems; case, `ё` and accents do not matter).
/// - `tiers`: the member's tier, a host string such as `"gold"`, compared without regard to case.
public struct PriorityCondition: Hashable, Sendable, Codable {
    /// The reasons that match, or `nil` for any.
    public var reasons: [ContactReason]?
    /// The member segments that match, or `nil` for any.
    public var segments: [MemberSegment]?
    /// The channels that match, or `nil` for any.
    public var channels: [ChannelKind]?
    /// Tags of which the ticket must carry one, or `nil` for any.
    public var tags: [String]?
    /// Patterns of which the message must contain one, or `nil` for any.
    public var keywords: [String]?
    /// Member tiers that match, or `nil` for any.
    public var tiers: [String]?

    /// Creates a condition; leave a field `nil` to match anything.
    ///
    /// - Parameters:
    ///   - reasons: The reasons that match.
    ///   - segments: The member segments that match.
    ///   - channels: The channels that match.
    ///   - tags: Tags of which the ticket must carry one.
    ///   - keywords: Patterns of which the message must contain one.
    ///   - tiers: Member tiers that match.
    public init(
        reasons: [ContactReason]? = nil,
        segments: [MemberSegment]? = nil,
        channels: [ChannelKind]? = nil,
        tags: [String]? = nil,
        keywords: [String]? = nil,
        tiers: [String]? = nil
    ) {
        self.reasons = reasons
        self.segments = segments
        self.channels = channels
        self.tags = tags
        self.keywords = keywords
        self.tiers = tiers
    }
}
