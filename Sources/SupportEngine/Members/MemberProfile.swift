/// What the desk knows about a member: how to address them and how to reach them.
///
/// The host owns member data; the desk reads it through a ``MemberDirectory``. A sender the directory
/// does not know is treated as an unknown contact: a ``MemberSegment/prospect`` reached on the channel
/// they wrote from (``unknown(_:)``).
public struct MemberProfile: Sendable, Hashable, Codable {
    /// The member's id.
    public var id: MemberID
    /// The name to address them by.
    public var displayName: String
    /// The language they read.
    public var locale: LocaleTag
    /// Their IANA time zone, for stating times; `nil` uses the club's.
    public var timeZone: String?
    /// Where they are in their life with the club.
    public var segment: MemberSegment
    /// Whether they pay for a membership (removing a paying member needs the owner).
    public var isPaying: Bool
    /// A host-defined tier name ("gold", "annual"), for priority rules.
    public var tier: String?
    /// The channels to reach them on, most preferred first; delivery falls back along this list.
    public var contactChannels: [ChannelKind]

    /// Creates a profile.
    ///
    /// - Parameters:
    ///   - id: The member's id.
    ///   - displayName: The name to address them by.
    ///   - locale: The language they read.
    ///   - timeZone: Their IANA time zone, if known.
    ///   - segment: Where they are in their life with the club.
    ///   - isPaying: Whether they pay for a membership.
    ///   - tier: A host-defined tier name.
    ///   - contactChannels: The channels to reach them on, most preferred first.
    public init(
        id: MemberID,
        displayName: String,
        locale: LocaleTag = .en,
        timeZone: String? = nil,
        segment: MemberSegment = .regular,
        isPaying: Bool = true,
        tier: String? = nil,
        contactChannels: [ChannelKind] = [.email]
    ) {
        self.id = id
        self.displayName = displayName
        self.locale = locale
        self.timeZone = timeZone
        self.segment = segment
        self.isPaying = isPaying
        self.tier = tier
        self.contactChannels = contactChannels
    }

    /// The profile of a sender the directory does not know: a prospect, addressed by their id.
    ///
    /// - Parameter id: The sender's id.
    /// - Returns: A non-paying prospect with no preferred channels.
    public static func unknown(_ id: MemberID) -> MemberProfile {
        MemberProfile(id: id, displayName: id.rawValue, segment: .prospect, isPaying: false, contactChannels: [])
    }
}
