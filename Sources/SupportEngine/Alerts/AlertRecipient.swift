import Foundation

/// A person on staff the desk alerts, on the channel they chose, in their language and time zone.
///
/// The desk writes an alert for each recipient whose ``events`` include a feed event's kind (an SLA
/// breach, an escalation, a refund or removal waiting for the owner, a dead letter), in the same commit
/// as the change the event reports. An SLA escalation step `{"notify": "lead"}` also alerts every
/// recipient whose ``agent`` is `lead`, whatever their ``events``. Alerts go through the outbox like any
/// message — retried, claimed across desks, dead-lettered — with ``OutboundMessage/staffAddress`` set;
/// the dead letter of an alert raises no alert.
///
/// In the configuration document, under `"alerts"`:
///
/// ```json
/// "alerts": [
///   {"name": "owner", "channel": "email", "address": "olga@club.example", "language": "ru",
///    "timeZone": "Europe/Moscow"},
///   {"name": "lead", "channel": "email", "address": "pavel@club.example", "agent": "pavel",
///    "events": ["sla_breach"]}
/// ]
/// ```
public struct AlertRecipient: Sendable, Hashable, Codable {
    /// A short name, unique among the recipients: letters, digits, `-`, `_` and `.`, up to 64 characters.
    /// It names the alert messages in the outbox (`alert/<name>/<event>`).
    public var name: String
    /// The channel the alerts go on; the desk must have a channel of this kind.
    public var channel: ChannelKind
    /// The recipient's address on ``channel``.
    public var address: String
    /// The language alerts are written in (`en`, `ru` or `es` built in; a host adds its own texts).
    public var language: LocaleTag
    /// The IANA time zone the alerts give times in, or `nil` for the desk's: the agent's shift's zone
    /// when ``agent`` is set, else the support line's.
    public var timeZone: String?
    /// The kinds of feed event that alert this recipient; by default every ``DeskEventKind/isAlert`` kind.
    public var events: Set<DeskEventKind>
    /// The agent this recipient is, so SLA escalation steps that notify that agent reach them; `nil` for
    /// the owner or anyone not in ``DeskConfiguration/agents``.
    public var agent: AgentID?

    /// Every kind of feed event that alerts a recipient unless they choose otherwise.
    public static let defaultEvents = Set(DeskEventKind.allCases.filter(\.isAlert))

    /// Creates a recipient.
    ///
    /// - Parameters:
    ///   - name: A short name, unique among the recipients.
    ///   - channel: The channel the alerts go on.
    ///   - address: The address on that channel.
    ///   - language: The language of the alerts.
    ///   - timeZone: The time zone of the times in the alerts, or `nil` for the desk's.
    ///   - events: The kinds of event that alert the recipient.
    ///   - agent: The agent the recipient is, if any.
    public init(
        name: String,
        channel: ChannelKind,
        address: String,
        language: LocaleTag = .en,
        timeZone: String? = nil,
        events: Set<DeskEventKind> = AlertRecipient.defaultEvents,
        agent: AgentID? = nil
    ) {
        self.name = name
        self.channel = channel
        self.address = address
        self.language = language
        self.timeZone = timeZone
        self.events = events
        self.agent = agent
    }

    private enum CodingKeys: String, CodingKey {
        case name, channel, address, language, timeZone, events, agent
    }

    /// Decodes a recipient; `language` defaults to `en` and `events` to ``defaultEvents``.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing or mistyped field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            channel: try container.decode(ChannelKind.self, forKey: .channel),
            address: try container.decode(String.self, forKey: .address),
            language: try container.decodeIfPresent(LocaleTag.self, forKey: .language) ?? .en,
            timeZone: try container.decodeIfPresent(String.self, forKey: .timeZone),
            events: try container.decodeIfPresent(Set<DeskEventKind>.self, forKey: .events)
                ?? Self.defaultEvents,
            agent: try container.decodeIfPresent(AgentID.self, forKey: .agent)
        )
    }

    /// Encodes a recipient, leaving out what is at its default.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(channel, forKey: .channel)
        try container.encode(address, forKey: .address)
        try container.encode(language, forKey: .language)
        try container.encodeIfPresent(timeZone, forKey: .timeZone)
        if events != Self.defaultEvents { try container.encode(events.map(\.rawValue).sorted(), forKey: .events) }
        try container.encodeIfPresent(agent, forKey: .agent)
    }

    /// What is wrong with the recipient, or `nil`: an empty or oddly named name, an empty address or one
    /// with control characters, an unknown time zone, no events.
    var problem: (field: String, message: String)? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        if name.isEmpty || name.count > 64 || !name.allSatisfy(allowed.contains) {
            return ("name", "'\(name)' is not a usable name: 1 to 64 letters, digits, '-', '_' or '.'")
        }
        if channel.rawValue.trimmingCharacters(in: .whitespaces).isEmpty {
            return ("channel", "give the channel the alerts go on, such as email")
        }
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed != address || address.utf8.count > 512
            || address.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            return ("address", "give the recipient's address on \(channel): one line, no surrounding spaces")
        }
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            return ("timeZone", "'\(timeZone)' is not an IANA time zone such as Europe/Madrid")
        }
        if events.isEmpty, agent == nil {
            return ("events", "name at least one kind of event, such as sla_breach, or leave the key out")
        }
        return nil
    }
}
