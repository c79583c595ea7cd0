/// A strongly typed identifier.
///
/// ``Identifier`` wraps a string and is tagged with a phantom type so that a ``TicketID`` can never
/// be passed where a ``MemberID`` is expected. Identifiers encode as a single JSON string, so their
/// stored form is stable.
///
/// ```swift
/// let ticket: TicketID = "T-000042"
/// let member = MemberID("m-7")
/// ```
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The identifier's text.
    public let rawValue: String

    /// Creates an identifier from its text.
    ///
    /// - Parameter rawValue: The identifier's text, used as is.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an identifier from its text.
    ///
    /// - Parameter rawValue: The identifier's text, used as is.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an identifier from a string literal.
    ///
    /// - Parameter value: The identifier's text.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Decodes an identifier from a single JSON string.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the identifier as a single JSON string.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The identifier's text.
    public var description: String { rawValue }

    /// Orders identifiers by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether the identifier is usable: 1 to 200 characters, printable, no surrounding white space.
    ///
    /// Identifiers that come from outside (a sender address, an external message id) are checked with
    /// this before they are stored.
    public var isWellFormed: Bool {
        guard !rawValue.isEmpty, rawValue.utf8.count <= 200 else { return false }
        if rawValue.utf8.allSatisfy({ $0 < 0x80 }) {
            // Fast path for ASCII: printable bytes, no space at either end.
            return rawValue.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F } && rawValue.utf8.first != 0x20
                && rawValue.utf8.last != 0x20
        }
        guard rawValue.first?.isWhitespace == false, rawValue.last?.isWhitespace == false else { return false }
        return !rawValue.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

/// Tags ``TicketID``.
public enum TicketTag: Sendable {}
/// Tags ``MemberID``.
public enum MemberTag: Sendable {}
/// Tags ``AgentID``.
public enum AgentTag: Sendable {}
/// Tags ``MessageID``.
public enum MessageTag: Sendable {}
/// Tags ``EventID``.
public enum EventTag: Sendable {}
/// Tags ``OutboundID``.
public enum OutboundTag: Sendable {}
/// Tags ``AttachmentID``.
public enum AttachmentTag: Sendable {}

/// Identifies a ticket.
public typealias TicketID = Identifier<TicketTag>
/// Identifies a member of the club (a resident, subscriber or participant), or an unknown contact.
public typealias MemberID = Identifier<MemberTag>
/// Identifies a person who answers: an agent, a moderator or the owner.
public typealias AgentID = Identifier<AgentTag>
/// Identifies one message inside a ticket.
public typealias MessageID = Identifier<MessageTag>
/// Identifies one event in a ticket's history.
public typealias EventID = Identifier<EventTag>
/// Identifies one outbound message in the outbox.
public typealias OutboundID = Identifier<OutboundTag>
/// Identifies one file attached to a message in a ticket.
public typealias AttachmentID = Identifier<AttachmentTag>
