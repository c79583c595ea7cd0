import Foundation

/// The files of one member's message as the desk took them: the records of those kept (their bytes
/// already in the store) and the refusals.
struct KeptAttachments: Sendable {
    var records: [TicketAttachment] = []
    var refused: [AttachmentRefusal] = []
}

extension SupportDesk {
    /// Sorts a member's files by the limits and puts the bytes of those kept in the attachment store,
    /// before anything names them: a commit that fails after this leaves bytes no ticket names (a put of
    /// the same content later changes nothing), never a ticket naming missing bytes.
    ///
    /// - Throws: What the attachment store throws; nothing is committed then, and the receive can be
    ///   tried again.
    func keepAttachments(of inbound: InboundMessage) async throws -> KeptAttachments {
        guard !inbound.attachments.isEmpty else { return KeptAttachments() }
        guard let attachmentStore else {
            let error = AttachmentError(
                .noAttachmentStore,
                "this desk keeps no files: its host made it without an attachment store (SupportDesk(attachments:))"
            )
            return KeptAttachments(
                refused: inbound.attachments.map {
                    AttachmentRefusal(
                        fileName: AttachmentLimits.displayName($0.fileName),
                        mediaType: AttachmentLimits.displayName($0.mediaType),
                        byteSize: $0.byteSize,
                        error: error
                    )
                }
            )
        }
        let (kept, refused) = configuration.attachmentLimits.sort(inbound.attachments)
        // A repeated delivery stores nothing new: its bytes went in before its first commit.
        if try await store.ticketID(forExternalMessage: inbound.key) == nil {
            try await put(kept.map(\.content), in: attachmentStore)
        }
        return KeptAttachments(records: records(for: kept, visibility: .public), refused: refused)
    }

    /// Checks an agent's files against the limits and puts their bytes in the store.
    ///
    /// - Throws: ``AttachmentError`` for the first file refused, or for a desk without an attachment
    ///   store; what the store throws. Nothing is committed then.
    func keepAttachments(
        _ uploads: [AttachmentUpload],
        visibility: TicketAttachment.Visibility
    ) async throws -> [TicketAttachment] {
        guard !uploads.isEmpty else { return [] }
        guard let attachmentStore else {
            throw AttachmentError(
                .noAttachmentStore,
                "this desk keeps no files: make it with an attachment store (SupportDesk(attachments:)) to send them"
            )
        }
        try configuration.attachmentLimits.validate(uploads)
        try await put(uploads.map(\.content), in: attachmentStore)
        return records(for: uploads, visibility: visibility)
    }

    /// Puts each distinct content once.
    private func put(_ contents: [AttachmentContent], in attachmentStore: any AttachmentStore) async throws {
        var seen = Set<String>()
        for content in contents where seen.insert(content.contentHash).inserted {
            try await attachmentStore.put(content)
        }
    }

    private func records(
        for uploads: [AttachmentUpload],
        visibility: TicketAttachment.Visibility
    ) -> [TicketAttachment] {
        uploads.map {
            TicketAttachment(
                id: AttachmentID(ids.next("A")),
                fileName: $0.fileName,
                mediaType: $0.mediaType,
                byteSize: $0.byteSize,
                contentHash: $0.contentHash,
                visibility: visibility
            )
        }
    }

    /// The internal note that records the files not kept from a member's message, or `nil` for none.
    func refusalNote(_ refused: [AttachmentRefusal]) -> TicketCommand? {
        guard !refused.isEmpty else { return nil }
        let lines = refused.map { "- \($0)" }
        let body = "Files not kept from the member's message:\n" + lines.joined(separator: "\n")
        return .internalNote(MessageDraft(id: newMessageID(), body: body))
    }

    /// Checks that every file a command's message names has its bytes in the attachment store, so that no
    /// ticket ever names missing bytes.
    ///
    /// - Throws: ``DeskError`` with ``DeskError/Code/invalidInput`` naming the first missing content, or
    ///   ``AttachmentError`` for a desk without an attachment store.
    func requireStoredAttachments(of command: TicketCommand) async throws {
        let attachments: [TicketAttachment]
        switch command {
        case .memberMessage(let draft), .internalNote(let draft), .automaticMessage(let draft), .reply(let draft, _):
            attachments = draft.attachments
        default:
            return
        }
        guard !attachments.isEmpty else { return }
        guard let attachmentStore else {
            throw AttachmentError(
                .noAttachmentStore,
                "this desk keeps no files: make it with an attachment store (SupportDesk(attachments:)) to send them"
            )
        }
        for attachment in attachments where try await attachmentStore.content(withHash: attachment.contentHash) == nil {
            throw DeskError(
                .invalidInput,
                "the bytes of \(AttachmentLimits.displayName(attachment.fileName)) (\(attachment.contentHash)) are not "
                    + "in the attachment store: put them there first, or attach the file with reply(to:body:by:attachments:)"
            )
        }
    }

    /// Answers a member publicly, with files.
    ///
    /// The files are checked against ``DeskConfiguration/attachmentLimits`` and their bytes put in the
    /// attachment store before the reply is committed; they are public, and go out with the reply.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - body: The reply's text.
    ///   - actor: The agent or owner answering.
    ///   - status: The status to set with the reply, or `nil`.
    ///   - expectedVersion: The version the agent's screen showed, or `nil`.
    ///   - attachments: The files.
    /// - Returns: The ticket as it is now.
    /// - Throws: ``AttachmentError`` for a file the limits refuse or a desk without an attachment store,
    ///   else as ``execute(_:on:by:expectedVersion:)``. Nothing is committed on error.
    @discardableResult
    public func reply(
        to id: TicketID,
        body: String,
        by actor: SupportActor,
        status: TicketStatus? = nil,
        expectedVersion: Int? = nil,
        attachments: [AttachmentUpload]
    ) async throws -> Ticket {
        let records = try await keepAttachments(attachments, visibility: .public)
        return try await execute(
            .reply(MessageDraft(id: newMessageID(), body: body, attachments: records), status: status),
            on: id,
            by: actor,
            expectedVersion: expectedVersion
        )
    }

    /// Adds a note the member never sees, with files the member never sees either.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - body: The note's text.
    ///   - actor: Who writes it.
    ///   - attachments: The files; they are internal.
    /// - Returns: The ticket as it is now.
    /// - Throws: ``AttachmentError`` for a file the limits refuse or a desk without an attachment store,
    ///   else as ``execute(_:on:by:expectedVersion:)``. Nothing is committed on error.
    @discardableResult
    public func addInternalNote(
        to id: TicketID,
        body: String,
        by actor: SupportActor,
        attachments: [AttachmentUpload]
    ) async throws -> Ticket {
        let records = try await keepAttachments(attachments, visibility: .internal)
        return try await execute(
            .internalNote(MessageDraft(id: newMessageID(), body: body, attachments: records)),
            on: id,
            by: actor
        )
    }
}
