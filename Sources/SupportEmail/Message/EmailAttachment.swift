/// A file sent with a message: an attachment, an inline image of the HTML body, or an attached message.
public struct EmailAttachment: Hashable, Sendable {
    /// The file name the sender gave, decoded (RFC 2231 or RFC 2047), or nil.
    public var filename: String?
    /// The media type in lowercase, such as `image/png`.
    public var mediaType: String
    /// The decoded size in bytes.
    public var size: Int
    /// The SHA-256 of the decoded content, in lowercase hex.
    public var sha256: String
    /// The `Content-ID` without angle brackets, for images the HTML body shows (`cid:`).
    public var contentID: String?
    /// Whether the sender marked it inline (shown in the body) rather than attached.
    public var isInline: Bool
    /// The decoded content.
    public var content: [UInt8]

    /// Creates an attachment from its decoded content; the size and hash are computed.
    ///
    /// - Parameters:
    ///   - filename: The file name, or nil.
    ///   - mediaType: The media type, such as `application/pdf`.
    ///   - contentID: The `Content-ID` without brackets, or nil.
    ///   - isInline: Whether it is shown in the body.
    ///   - content: The decoded bytes.
    public init(
        filename: String?,
        mediaType: String,
        contentID: String? = nil,
        isInline: Bool = false,
        content: [UInt8]
    ) {
        self.filename = filename
        self.mediaType = mediaType.lowercased()
        self.size = content.count
        self.sha256 = SHA256Digest.hex(of: content)
        self.contentID = contentID
        self.isInline = isInline
        self.content = content
    }
}
