/// What the desk knows about a member: how to address them and how to reach them.
///
/// The host owns member data; the desk reads it through a ``MemberDirectory``. A sender the directory
/// does not know is treated as an unknown contact: a ``MemberSegment/prospect`` reached on the channel
/// they wrote from (``unknown(_:)``).
///
/// A member's email addresses are ``EmailAddress`` values, validated when they are made: text that is
/// not an address never gets into a profile (``addEmailAddress(_:)`` and decoding throw
/// ``EmailError`` with code `invalidAddress`). The desk finds the member an email came from by them
/// (``MemberDirectory/member(withEmail:)``) and sends email to the first of them.
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
    /// The member's email addresses, the preferred one first: mail from any of them is the member's,
    /// and email to the member goes to the first.
    public var emailAddresses: [EmailAddress]

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
    ///   - emailAddresses: Their email addresses, the preferred one first.
    public init(
        id: MemberID,
        displayName: String,
        locale: LocaleTag = .en,
        timeZone: String? = nil,
        segment: MemberSegment = .regular,
        isPaying: Bool = true,
        tier: String? = nil,
        contactChannels: [ChannelKind] = [.email],
        emailAddresses: [EmailAddress] = []
    ) {
        self.id = id
        self.displayName = displayName
        self.locale = locale
        self.timeZone = timeZone
        self.segment = segment
        self.isPaying = isPaying
        self.tier = tier
        self.contactChannels = contactChannels
        self.emailAddresses = emailAddresses
    }

    /// Adds an email address given as text, after checking that it is one; an address the profile
    /// already has (compared without regard to case) is not added twice.
    ///
    /// ```swift
    /// var anna = MemberProfile(id: "anna", displayName: "Anna")
    /// try anna.addEmailAddress("Anna.Petrova@Example.ru")
    /// ```
    ///
    /// - Parameter text: The address, such as `anna@example.ru`.
    /// - Throws: ``EmailError`` with code `invalidAddress`, saying what is wrong, when the text is not an
    ///   email address; the profile is unchanged.
    public mutating func addEmailAddress(_ text: String) throws {
        let address = try EmailAddress(text)
        guard !emailAddresses.contains(where: { $0.canonical == address.canonical }) else { return }
        emailAddresses.append(address)
    }

    /// Whether `address` is one of the member's, compared without regard to case.
    ///
    /// - Parameter address: The address.
    /// - Returns: `true` when the profile lists it.
    public func hasEmailAddress(_ address: EmailAddress) -> Bool {
        emailAddresses.contains { $0.canonical == address.canonical }
    }

    private enum CodingKeys: String, CodingKey {
        case id, displayName, locale, timeZone, segment, isPaying, tier, contactChannels, emailAddresses
    }

    /// Decodes a profile; `emailAddresses` may be missing (profiles written before addresses existed),
    /// and each address present is validated.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing or mistyped field; ``EmailError`` with code
    ///   `invalidAddress` for an email address that does not parse.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(MemberID.self, forKey: .id)
        displayName = try container.decode(String.self, forKey: .displayName)
        locale = try container.decode(LocaleTag.self, forKey: .locale)
        timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone)
        segment = try container.decode(MemberSegment.self, forKey: .segment)
        isPaying = try container.decode(Bool.self, forKey: .isPaying)
        tier = try container.decodeIfPresent(String.self, forKey: .tier)
        contactChannels = try container.decode([ChannelKind].self, forKey: .contactChannels)
        emailAddresses = try container.decodeIfPresent([EmailAddress].self, forKey: .emailAddresses) ?? []
    }

    /// The profile of a sender the directory does not know: a prospect, addressed by their id.
    ///
    /// - Parameter id: The sender's id.
    /// - Returns: A non-paying prospect with no preferred channels.
    public static func unknown(_ id: MemberID) -> MemberProfile {
        MemberProfile(id: id, displayName: id.rawValue, segment: .prospect, isPaying: false, contactChannels: [])
    }
}
