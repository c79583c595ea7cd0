import Foundation

/// A file arriving with a message, before the desk keeps it: its name, its media type and its bytes.
///
/// An ``InboundMessage`` carries these in ``InboundMessage/attachments``, and an agent's reply or note
/// hands them to the desk. The desk checks them against ``DeskConfiguration/attachmentLimits``, puts
/// the bytes in its ``AttachmentStore`` and records a `TicketAttachment` on the message.
///
/// Encoded, the bytes are one base64 string; decoding computes the hash again from them.
public struct AttachmentUpload: Sendable, Hashable, Codable {
    /// The file name as sent, without any folder part (`screenshot.png`); `attachment` when none was given.
    public let fileName: String
    /// The media type in lowercase (`image/png`); `application/octet-stream` when none was given.
    public let mediaType: String
    /// The bytes and their hash.
    public let content: AttachmentContent

    /// Creates an upload.
    ///
    /// Only the last part of a path is kept as the name (`C:\Users\ana\shot.png` becomes `shot.png`), so
    /// a name can never point into a folder.
    ///
    /// - Parameters:
    ///   - fileName: The file name as sent, or `nil`.
    ///   - mediaType: The media type, or `nil`.
    ///   - content: The bytes.
    public init(fileName: String?, mediaType: String?, content: [UInt8]) {
        self.init(fileName: fileName, mediaType: mediaType, content: AttachmentContent(content))
    }

    /// Creates an upload from bytes already hashed.
    ///
    /// - Parameters:
    ///   - fileName: The file name as sent, or `nil`.
    ///   - mediaType: The media type, or `nil`.
    ///   - content: The bytes with their hash.
    public init(fileName: String?, mediaType: String?, content: AttachmentContent) {
        let lastPart = (fileName ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let trimmed = lastPart.trimmingCharacters(in: .whitespacesAndNewlines)
        self.fileName = trimmed.isEmpty ? "attachment" : trimmed
        let type = (mediaType ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        self.mediaType = type.isEmpty ? "application/octet-stream" : type
        self.content = content
    }

    /// The size in bytes.
    public var byteSize: Int { content.byteSize }

    /// The SHA-256 of the bytes in lowercase hex.
    public var contentHash: String { content.contentHash }

    private enum CodingKeys: String, CodingKey {
        case fileName, mediaType, content
    }

    /// Decodes an upload; the content is base64.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing field or content that is not base64.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base64 = try container.decode(String.self, forKey: .content)
        guard let data = Data(base64Encoded: base64) else {
            throw DecodingError.dataCorruptedError(
                forKey: .content,
                in: container,
                debugDescription: "the attachment's content is not base64"
            )
        }
        self.init(
            fileName: try container.decodeIfPresent(String.self, forKey: .fileName),
            mediaType: try container.decodeIfPresent(String.self, forKey: .mediaType),
            content: [UInt8](data)
        )
    }

    /// Encodes an upload; the content as base64.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fileName, forKey: .fileName)
        try container.encode(mediaType, forKey: .mediaType)
        try container.encode(Data(content.bytes).base64EncodedString(), forKey: .content)
    }
}
