/// A file of a ticket with its bytes, as ``SupportDesk/attachmentFile(_:in:for:)`` and
/// ``SupportDesk/attachmentFile(_:in:)`` hand it out for download.
public struct AttachmentFile: Sendable, Hashable {
    /// What the file is.
    public let attachment: TicketAttachment
    /// Its bytes.
    public let content: AttachmentContent

    /// Creates a file.
    ///
    /// - Parameters:
    ///   - attachment: What the file is.
    ///   - content: Its bytes.
    public init(attachment: TicketAttachment, content: AttachmentContent) {
        self.attachment = attachment
        self.content = content
    }
}
