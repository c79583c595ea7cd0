/// A file the desk did not keep from a member's message, and why.
public struct AttachmentRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The file name as sent.
    public let fileName: String
    /// The media type as sent.
    public let mediaType: String
    /// The size in bytes.
    public let byteSize: Int
    /// Why it was refused.
    public let error: AttachmentError

    /// Creates a refusal.
    ///
    /// - Parameters:
    ///   - fileName: The file name as sent.
    ///   - mediaType: The media type as sent.
    ///   - byteSize: The size in bytes.
    ///   - error: Why it was refused.
    public init(fileName: String, mediaType: String, byteSize: Int, error: AttachmentError) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.byteSize = byteSize
        self.error = error
    }

    /// `name (type, size): reason`.
    public var description: String { "\(fileName) (\(mediaType), \(byteSize) bytes): \(error.message)" }
}
