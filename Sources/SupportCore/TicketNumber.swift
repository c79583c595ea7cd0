/// A ticket's short number: what a member reads, says on the phone and types into a search box.
///
/// The store hands numbers out in order, one per new ticket (`1`, `2`, … `1042`), unique in the store
/// however many desks share it. People see it with the desk's prefix, ``formatted(prefix:)``:
/// `#1042`. A ticket keeps its internal id as well; the number is the name people use for it.
///
/// A number is a whole number from 1 to ``maximum``. It encodes as a single JSON number.
///
/// ```swift
/// let number = try TicketNumber(1042)
/// number.formatted(prefix: "#")                  // "#1042"
/// TicketNumber(parsing: "#1042", prefix: "#")    // 1042
/// TicketNumber(parsing: "1042", prefix: "#")     // 1042
/// ```
public struct TicketNumber: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The largest number: fifteen digits, far beyond any help desk's count, and exact in a JSON
    /// number read as a double.
    public static let maximum = 999_999_999_999_999

    /// The number.
    public let rawValue: Int

    /// Creates a number, or `nil` when `rawValue` is not from 1 to ``maximum``.
    ///
    /// - Parameter rawValue: The number.
    public init?(rawValue: Int) {
        guard rawValue >= 1, rawValue <= Self.maximum else { return nil }
        self.rawValue = rawValue
    }

    /// Creates a number.
    ///
    /// - Parameter value: The number, from 1 to ``maximum``.
    /// - Throws: ``SupportCoreError`` with ``SupportCoreError/Code/invalidValue`` for a number out of
    ///   that range.
    public init(_ value: Int) throws {
        guard let number = TicketNumber(rawValue: value) else {
            throw SupportCoreError(
                .invalidValue,
                "ticket number \(value) is out of range: ticket numbers run from 1 to \(Self.maximum)"
            )
        }
        self = number
    }

    /// Reads a number as people write it: the digits, with or without the prefix in front.
    ///
    /// White space around the text is ignored; anything else (a sign, a letter, a second prefix, more
    /// than fifteen digits, zero) gives `nil`.
    ///
    /// - Parameters:
    ///   - text: The text, such as `#1042` or `1042`.
    ///   - prefix: The desk's prefix, such as `#`.
    public init?(parsing text: String, prefix: String) {
        var rest = Substring(text)
        while let first = rest.first, first.isWhitespace { rest.removeFirst() }
        while let last = rest.last, last.isWhitespace { rest.removeLast() }
        if !prefix.isEmpty, rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        guard let value = Self.digits(rest.utf8) else { return nil }
        self.init(rawValue: value)
    }

    /// The value of 1 to 15 ASCII digits, or `nil`.
    static func digits(_ bytes: Substring.UTF8View) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The number as people see it: the prefix and the digits, `#1042`.
    ///
    /// - Parameter prefix: The desk's prefix, such as `#`.
    /// - Returns: The text.
    public func formatted(prefix: String) -> String { prefix + String(rawValue) }

    /// The digits alone.
    public var description: String { String(rawValue) }

    /// Orders numbers by value: the order the store handed them out.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes a number from a single JSON number.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` when the value is not a whole number from 1 to ``maximum``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Int.self)
        guard let number = TicketNumber(rawValue: value) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "ticket number \(value) is out of range: ticket numbers run from 1 to \(Self.maximum)"
            )
        }
        self = number
    }

    /// Encodes the number as a single JSON number.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
