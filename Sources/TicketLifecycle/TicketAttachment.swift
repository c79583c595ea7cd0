/// A file attached to a message in a ticket: what it is, not its bytes.
///
/// The bytes live in an attachment store under ``contentHash``; the ticket keeps only this record, so
/// the same screenshot sent twice is stored once. Who may see the file is ``visibility``: an
/// attachment of an internal note is always ``Visibility/internal`` (see ``TicketRules``), and member
/// views and outbound messages carry only ``Visibility/public`` ones.
public struct TicketAttachment: Sendable, Hashable, Codable, Identifiable {
    /// Who may see an attachment.
    public enum Visibility: String, Sendable, Hashable, Codable, CaseIterable {
        /// The member and the support side: a member's own file, a file sent with a reply.
        case `public`
        /// The support side only: a file on an internal note.
        case `internal`
    }

    /// The attachment's id, unique in its ticket.
    public let id: AttachmentID
    /// The file name as the sender gave it (`screenshot.png`).
    public let fileName: String
    /// The media type in lowercase (`image/png`).
    public let mediaType: String
    /// The size of the content in bytes.
    public let byteSize: Int
    /// The SHA-256 of the content, as 64 lowercase hex digits: the key of the bytes in the store.
    public let contentHash: String
    /// Who may see it.
    public let visibility: Visibility

    /// Creates an attachment record.
    ///
    /// - Parameters:
    ///   - id: The attachment's id.
    ///   - fileName: The file name.
    ///   - mediaType: The media type; kept in lowercase.
    ///   - byteSize: The size of the content in bytes.
    ///   - contentHash: The SHA-256 of the content in lowercase hex.
    ///   - visibility: Who may see it; ``Visibility/public`` unless given.
    public init(
        id: AttachmentID,
        fileName: String,
        mediaType: String,
        byteSize: Int,
        contentHash: String,
        visibility: Visibility = .public
    ) {
        self.id = id
        self.fileName = fileName
        self.mediaType = mediaType.lowercased()
        self.byteSize = byteSize
        self.contentHash = contentHash
        self.visibility = visibility
    }

    /// Whether the member may see it.
    public var isVisibleToMember: Bool { visibility == .public }

    /// The same record with another visibility.
    ///
    /// - Parameter visibility: The new visibility.
    /// - Returns: The record.
    public func with(visibility: Visibility) -> TicketAttachment {
        TicketAttachment(
            id: id,
            fileName: fileName,
            mediaType: mediaType,
            byteSize: byteSize,
            contentHash: contentHash,
            visibility: visibility
        )
    }

    /// Whether `text` is a content hash as attachments carry it: 64 lowercase hex digits.
    ///
    /// - Parameter text: The text to check.
    /// - Returns: `true` for a well-formed SHA-256 hex digest.
    public static func isWellFormedHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
