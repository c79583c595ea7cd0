/// Where a member is in their life with the club.
///
/// The community seed article's journey: someone considering joining, a newcomer, a regular, and
/// someone on their way out, plus the regular who has gone quiet. Routing raises the priority of
/// prospects and newcomers; the `MemberJourney` module computes the segment from a member's facts.
public enum MemberSegment: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not a member yet: asks before buying, or an unknown contact.
    case prospect
    /// Joined recently.
    case newcomer
    /// An established member.
    case regular
    /// A regular with no activity for a while: the club checks in on them.
    case quiet
    /// Has asked to cancel, or is leaving.
    case leaving
}
