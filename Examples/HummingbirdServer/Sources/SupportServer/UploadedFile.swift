import Foundation
import SupportEngine

/// A file in a JSON request: its name, media type and bytes in base64.
public struct UploadedFile: Codable, Sendable, Hashable {
    /// The file's name, such as `guide.pdf`.
    public var fileName: String
    /// The media type, such as `application/pdf`; `application/octet-stream` when absent.
    public var mediaType: String?
    /// The bytes, base64.
    public var contentBase64: String

    /// Creates a file.
    ///
    /// - Parameters:
    ///   - fileName: The file's name.
    ///   - mediaType: The media type.
    ///   - content: The bytes.
    public init(fileName: String, mediaType: String? = nil, content: [UInt8]) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.contentBase64 = Data(content).base64EncodedString()
    }

    /// The upload for the desk, which checks it against its attachment limits.
    ///
    /// - Returns: The upload.
    /// - Throws: ``APIError`` (400) when `contentBase64` is not base64.
    func upload() throws -> AttachmentUpload {
        guard let bytes = Data(base64Encoded: contentBase64, options: .ignoreUnknownCharacters) else {
            throw APIError(
                .badRequest,
                "invalid_input",
                "the file '\(fileName.prefix(80))' has contentBase64 that is not base64"
            )
        }
        return AttachmentUpload(fileName: fileName, mediaType: mediaType, content: [UInt8](bytes))
    }
}
