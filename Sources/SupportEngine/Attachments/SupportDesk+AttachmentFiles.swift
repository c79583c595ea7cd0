extension SupportDesk {
    /// A file of a member's ticket, for the member to download: only a public file of a message they
    /// can see.
    ///
    /// - Parameters:
    ///   - id: The attachment.
    ///   - ticket: The ticket.
    ///   - member: The member asking.
    /// - Returns: The file and its bytes.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` when the ticket is not the member's, the
    ///   file is not on it, or the member may not see it — the cases are indistinguishable on purpose —
    ///   or when its bytes are no longer in the store (erased).
    public func attachmentFile(
        _ id: AttachmentID,
        in ticket: TicketID,
        for member: MemberID
    ) async throws
        -> AttachmentFile
    {
        guard let stored = try await store.ticket(ticket), stored.ticket.requester == member,
            let attachment = stored.ticket.messages.lazy.flatMap(\.memberVisibleAttachments).first(where: {
                $0.id == id
            })
        else { throw DeskError(.notFound, "ticket \(ticket) has no file \(id)") }
        return try await file(attachment, in: ticket)
    }

    /// A file of a ticket for the support side: any file, internal ones included.
    ///
    /// - Parameters:
    ///   - id: The attachment.
    ///   - ticket: The ticket.
    /// - Returns: The file and its bytes.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` when the ticket or the file does not
    ///   exist, or its bytes are no longer in the store (erased).
    public func attachmentFile(_ id: AttachmentID, in ticket: TicketID) async throws -> AttachmentFile {
        guard let stored = try await store.ticket(ticket),
            let attachment = stored.ticket.messages.lazy.flatMap(\.attachments).first(where: { $0.id == id })
        else { throw DeskError(.notFound, "ticket \(ticket) has no file \(id)") }
        return try await file(attachment, in: ticket)
    }

    private func file(_ attachment: TicketAttachment, in ticket: TicketID) async throws -> AttachmentFile {
        guard let attachmentStore, let content = try await attachmentStore.content(withHash: attachment.contentHash)
        else {
            throw DeskError(
                .notFound,
                "the bytes of file \(attachment.id) of ticket \(ticket) are not in the attachment store (erased, or "
                    + "the desk has no attachment store)"
            )
        }
        return AttachmentFile(attachment: attachment, content: content)
    }
}
