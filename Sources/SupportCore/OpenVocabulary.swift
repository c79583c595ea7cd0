/// A value from an open vocabulary: built-in constants plus values a host defines, stored as one string.
///
/// ``ContactReason``, ``ChannelKind`` and the engine's template keys and violation kinds are open
/// vocabularies. A conforming type declares its `rawValue` and `init(rawValue:)`; it gets its ordering,
/// its description and (from the standard library's `RawRepresentable` support) its single-string
/// `Codable` form here.
public protocol OpenVocabulary: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible
where RawValue == String {
    /// Creates a value from its stable name.
    ///
    /// - Parameter rawValue: The name.
    init(rawValue: String)
}

extension OpenVocabulary {
    /// The value's stable name.
    public var description: String { rawValue }

    /// Orders values by name.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
