import Foundation
import SupportCore

/// One channel the support line offers: what it is for, its hours, and its own reply promise.
///
/// Live chat and other conversational channels usually have their own ``hours`` (only while someone
/// is on) and a short ``firstReply`` promise (the seeds' 20 minutes) that holds while they are open.
public struct ChannelPolicy: Sendable, Hashable, Codable {
    /// The channel.
    public var kind: ChannelKind
    /// The contact reasons the channel is meant for, shown in the published rules.
    public var reasons: [ContactReason]
    /// What the channel is for, in words, by language tag (`"en"`, `"ru"`, `"es"`); optional.
    public var purpose: [String: String]
    /// When the channel is staffed; `nil` uses the policy's ``BoundariesPolicy/hours``.
    public var hours: BusinessCalendar?
    /// A first-reply promise that holds while the channel is open (the 20 minutes of online channels).
    public var firstReply: BusinessDuration?

    /// Creates a channel policy.
    ///
    /// - Parameters:
    ///   - kind: The channel.
    ///   - reasons: The contact reasons it is meant for.
    ///   - purpose: What it is for, by language tag.
    ///   - hours: Its own hours, or `nil` for the policy's.
    ///   - firstReply: A first-reply promise that holds while it is open.
    public init(
        kind: ChannelKind,
        reasons: [ContactReason] = [],
        purpose: [String: String] = [:],
        hours: BusinessCalendar? = nil,
        firstReply: BusinessDuration? = nil
    ) {
        self.kind = kind
        self.reasons = reasons
        self.purpose = purpose
        self.hours = hours
        self.firstReply = firstReply
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case reasons
        case purpose
        case hours
        case firstReply
    }

    /// Decodes a channel; only `kind` is required.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError`, or ``BoundariesError`` for invalid hours.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(ChannelKind.self, forKey: .kind)
        reasons = try container.decodeIfPresent([ContactReason].self, forKey: .reasons) ?? []
        purpose = try container.decodeIfPresent([String: String].self, forKey: .purpose) ?? [:]
        hours = try container.decodeIfPresent(BusinessCalendar.self, forKey: .hours)
        firstReply = try container.decodeIfPresent(BusinessDuration.self, forKey: .firstReply)
    }
}

/// What the support line handles, and where to go for what it does not.
public struct ScopePolicy: Sendable, Hashable, Codable {
    /// The reasons the line handles; empty means every reason not listed in ``outOfScope``.
    public var handled: [ContactReason]
    /// The reasons the line does not handle, each with where to go instead.
    public var outOfScope: [OutOfScopeReason]
    /// When repeated out-of-scope requests count as misuse of the support line; `nil` never counts them.
    public var misuse: MisuseRule?

    /// Creates a scope.
    ///
    /// - Parameters:
    ///   - handled: The reasons handled; empty for all not out of scope.
    ///   - outOfScope: The reasons not handled.
    ///   - misuse: When repeated out-of-scope requests count as misuse (3 within 30 days by default);
    ///     `nil` never counts them.
    public init(handled: [ContactReason] = [], outOfScope: [OutOfScopeReason] = [], misuse: MisuseRule? = MisuseRule())
    {
        self.handled = handled
        self.outOfScope = outOfScope
        self.misuse = misuse
    }

    /// The out-of-scope entry for a reason, if the line does not handle it.
    ///
    /// - Parameter reason: The contact reason.
    /// - Returns: The entry with where to go instead, or `nil` when the reason is in scope.
    public func outOfScopeEntry(for reason: ContactReason) -> OutOfScopeReason? {
        outOfScope.first { $0.reason == reason }
    }

    /// Whether the line handles a reason.
    ///
    /// - Parameter reason: The contact reason.
    /// - Returns: `false` for an out-of-scope reason, or for a reason missing from a non-empty ``handled``.
    public func handles(_ reason: ContactReason) -> Bool {
        if outOfScopeEntry(for: reason) != nil { return false }
        return handled.isEmpty || handled.contains(reason)
    }

    private enum CodingKeys: String, CodingKey {
        case handled
        case outOfScope
        case misuse
    }

    /// Decodes a scope; both lists may be left out. A missing `misuse` is the default rule; `null`
    /// turns it off.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for values of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        handled = try container.decodeIfPresent([ContactReason].self, forKey: .handled) ?? []
        outOfScope = try container.decodeIfPresent([OutOfScopeReason].self, forKey: .outOfScope) ?? []
        if !container.contains(.misuse) {
            misuse = MisuseRule()
        } else if try container.decodeNil(forKey: .misuse) {
            misuse = nil
        } else {
            misuse = try container.decode(MisuseRule.self, forKey: .misuse)
        }
    }

    /// Encodes the scope; a rule that is off is written as `null`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(handled, forKey: .handled)
        try container.encode(outOfScope, forKey: .outOfScope)
        try container.encode(misuse, forKey: .misuse)
    }
}

/// A reason the support line does not handle, and where the member should go instead.
public struct OutOfScopeReason: Sendable, Hashable, Codable {
    /// The reason, such as `ContactReason.personalConsultation`.
    public var reason: ContactReason
    /// Where to go instead: a link, an address, a service, in the member's words.
    public var redirect: String

    /// Creates an out-of-scope entry.
    ///
    /// - Parameters:
    ///   - reason: The reason not handled.
    ///   - redirect: Where to go instead.
    public init(reason: ContactReason, redirect: String) {
        self.reason = reason
        self.redirect = redirect
    }
}

/// A dated absence: the owner (or the whole line) is away for some days.
///
/// During an absence the member gets an absence notice. With a ``substitute`` the line keeps its
/// promises and new messages are routed to the substitute; without one, promised replies count from
/// the end of the absence.
public struct Absence: Sendable, Hashable, Codable {
    /// The first local day away, `"yyyy-MM-dd"`, in the policy's time zone.
    public var from: String
    /// The last local day away, inclusive.
    public var through: String
    /// Who answers meanwhile, if anyone.
    public var substitute: AgentID?
    /// A note for the notice, such as `"on a retreat"`.
    public var note: String?
    /// The one agent who is away, or `nil` when the whole line is away. A personal absence keeps the
    /// line working: the agent gets no tickets, their members are told who answers meanwhile.
    public var agent: AgentID?

    /// Creates an absence.
    ///
    /// - Parameters:
    ///   - from: The first local day away, `"yyyy-MM-dd"`.
    ///   - through: The last local day away, inclusive.
    ///   - substitute: Who answers meanwhile.
    ///   - note: A note for the notice.
    ///   - agent: The one agent who is away, or `nil` for the whole line.
    public init(from: String, through: String, substitute: AgentID? = nil, note: String? = nil, agent: AgentID? = nil) {
        self.from = from
        self.through = through
        self.substitute = substitute
        self.note = note
        self.agent = agent
    }
}
