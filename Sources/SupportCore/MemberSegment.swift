/// Where a member is in their life with the club.
///
/// The community seed article's journey: someone considering joining, a newcomer, a regular, and
/// someone on their way out. Routing raises the priority of prospects and newcomers.
public enum MemberSegment: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not a member yet: asks before buying, or an unknown contact.
    case prospect
    /// Joined recently.
    case newcomer
    /// An established member.
    case regular
    /// Has asked to cancel, or is leaving.
    case leaving
}
