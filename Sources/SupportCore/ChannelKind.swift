/// A way a member reaches support.
///
/// The built-in kinds cover every channel the seed articles name. A host adds its own with
/// ``init(rawValue:)`` (for example `ChannelKind(rawValue: "discord")`). A kind encodes as its raw
/// string.
public struct ChannelKind: OpenVocabulary {
    /// The kind's stable name.
    public let rawValue: String

    /// Creates a kind from its stable name.
    ///
    /// - Parameter rawValue: The name, for example `"email"`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Email.
    public static let email = ChannelKind(rawValue: "email")
    /// A contact form on the club's site.
    public static let webForm = ChannelKind(rawValue: "web_form")
    /// A support section with tickets on the platform.
    public static let supportPortal = ChannelKind(rawValue: "support_portal")
    /// A phone line.
    public static let phone = ChannelKind(rawValue: "phone")
    /// A forum or community board.
    public static let forum = ChannelKind(rawValue: "forum")
    /// Live chat on the site.
    public static let liveChat = ChannelKind(rawValue: "live_chat")
    /// Direct messages inside the platform.
    public static let inPlatform = ChannelKind(rawValue: "in_platform")
    /// An assistant or bot.
    public static let assistant = ChannelKind(rawValue: "assistant")
    /// Telegram.
    public static let telegram = ChannelKind(rawValue: "telegram")
    /// Viber.
    public static let viber = ChannelKind(rawValue: "viber")
    /// WhatsApp.
    public static let whatsApp = ChannelKind(rawValue: "whatsapp")
    /// Another messenger.
    public static let messenger = ChannelKind(rawValue: "messenger")
    /// Facebook.
    public static let facebook = ChannelKind(rawValue: "facebook")
    /// Another social network.
    public static let socialNetwork = ChannelKind(rawValue: "social_network")

    /// Every built-in kind.
    public static let builtIn: [ChannelKind] = [
        .email, .webForm, .supportPortal, .phone, .forum, .liveChat, .inPlatform, .assistant,
        .telegram, .viber, .whatsApp, .messenger, .facebook, .socialNetwork,
    ]

    /// Whether members expect an answer within minutes on this kind (chat and messengers), as the
    /// seeds' 20-minute promise for online channels assumes.
    public var isConversational: Bool {
        [.liveChat, .inPlatform, .assistant, .telegram, .viber, .whatsApp, .messenger, .phone].contains(self)
    }
}
