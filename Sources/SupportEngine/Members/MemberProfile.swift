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

/// Where the desk looks members up. The host implements it over its own member data.
public protocol MemberDirectory: Sendable {
    /// Looks a member up.
    ///
    /// - Parameter id: The member's id.
    /// - Returns: The profile, or `nil` for an unknown contact.
    /// - Throws: Whatever the host's lookup throws; the desk passes it on.
    func member(_ id: MemberID) async throws -> MemberProfile?
}

/// A ``MemberDirectory`` kept in memory, for tests, demos and small hosts.
public actor InMemoryMemberDirectory: MemberDirectory {
    private var profiles: [MemberID: MemberProfile]

    /// Creates a directory.
    ///
    /// - Parameter members: The members it starts with.
    public init(_ members: [MemberProfile] = []) {
        var profiles: [MemberID: MemberProfile] = [:]
        for member in members { profiles[member.id] = member }
        self.profiles = profiles
    }

    /// Looks a member up.
    ///
    /// - Parameter id: The member's id.
    /// - Returns: The profile, or `nil`.
    public func member(_ id: MemberID) -> MemberProfile? { profiles[id] }

    /// Adds or replaces a member.
    ///
    /// - Parameter profile: The member's profile.
    public func upsert(_ profile: MemberProfile) { profiles[profile.id] = profile }

    /// Removes a member.
    ///
    /// - Parameter id: The member's id.
    public func remove(_ id: MemberID) { profiles[id] = nil }
}
