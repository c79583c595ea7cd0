/// The bounds the parser keeps so a hostile or broken message costs bounded time and memory.
///
/// A message past a limit is refused with an ``EmailError`` naming the limit; nothing is read past it.
/// The defaults fit real mail: a 30 MB attachment in base64 (about 41 MB) passes, a 1 MB header line
/// does not.
public struct EmailParsingLimits: Hashable, Sendable {
    /// The largest message, in bytes, before any decoding.
    public var maxMessageBytes: Int
    /// The longest single header field, in bytes, after unfolding.
    public var maxHeaderFieldBytes: Int
    /// The most header bytes one part (or the message) may have.
    public var maxHeaderSectionBytes: Int
    /// How deep multiparts and attached messages may nest.
    public var maxDepth: Int
    /// The most MIME parts in one message, counting every level.
    public var maxParts: Int

    /// Creates limits.
    ///
    /// - Parameters:
    ///   - maxMessageBytes: The largest message, in bytes.
    ///   - maxHeaderFieldBytes: The longest header field after unfolding.
    ///   - maxHeaderSectionBytes: The most header bytes in one part.
    ///   - maxDepth: How deep parts may nest.
    ///   - maxParts: The most parts in one message.
    public init(
        maxMessageBytes: Int = 50 * 1024 * 1024,
        maxHeaderFieldBytes: Int = 64 * 1024,
        maxHeaderSectionBytes: Int = 512 * 1024,
        maxDepth: Int = 16,
        maxParts: Int = 500
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxHeaderFieldBytes = maxHeaderFieldBytes
        self.maxHeaderSectionBytes = maxHeaderSectionBytes
        self.maxDepth = maxDepth
        self.maxParts = maxParts
    }

    /// The defaults: 50 MB messages, 64 KB header fields, 512 KB header sections, depth 16, 500 parts.
    public static var standard: EmailParsingLimits { EmailParsingLimits() }
}
