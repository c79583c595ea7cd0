/// A file sent with an ``OutgoingEmail``: written as a base64 `attachment` part after the text.
public struct OutgoingAttachment: Hashable, Sendable {
    /// The file's name as the member's mail client shows it; any characters (RFC 2231 encodes them).
    public var fileName: String
    /// The media type, such as `image/png`; one that is not a plain `type/subtype` is sent as
    /// `application/octet-stream`.
    public var mediaType: String
    /// The file's bytes.
    public var content: [UInt8]

    /// Creates an attachment.
    ///
    /// - Parameters:
    ///   - fileName: The file's name.
    ///   - mediaType: The media type.
    ///   - content: The bytes.
    public init(fileName: String, mediaType: String, content: [UInt8]) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.content = content
    }
}
