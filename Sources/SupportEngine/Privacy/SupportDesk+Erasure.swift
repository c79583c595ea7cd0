import Foundation

extension SupportDesk {
    /// Erases everything personal the desk holds about a member (GDPR article 17, Russia's 152-FZ
    /// article 21): the subject, messages and attachment names of their tickets, the messages sent to
    /// them, their moderation notes, exit comments and rating comments are replaced by
    /// ``MemberErasure/redactionMarker`` in every store. What statistics count is kept: ticket ids and
    /// numbers, event kinds and times, statuses, priorities, reasons, tags, service-level records,
    /// refund decisions, scores.
    ///
    /// The erasure is recorded first, unfinished, in the ``PolicyLedgerStore``; from then on the desk
    /// takes no message from the member (``DeskError/Code/memberErased``), writes no text on their
    /// tickets and sends them nothing. Then each store redacts, and the record is marked finished. When
    /// a store fails midway the call throws and the record stays unfinished: any desk on the store
    /// finishes it on its next pass of ``processDueWork()`` (or ``finishErasures()``), and calling this
    /// again finishes it too. Erasing a member already erased runs the redaction again — it redacts
    /// whatever a write that raced the first erasure stored (a message received in the same instant),
    /// and nothing otherwise — and returns the record with the counts added up and the new finishing
    /// time.
    ///
    /// The bytes of the files the member attached are deleted from the desk's ``AttachmentStore`` (their
    /// records keep size and hash); files staff attached are kept. The member's id is kept (it is the key
    /// the desk refuses contact by); the host erases its own member directory.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - actor: The owner, or the member asking for their own erasure.
    /// - Returns: The finished record, with what each store redacted.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for anyone else; ``StoreError`` with
    ///   ``StoreError/Code/unsupported`` when a store's adapter does not implement erasure (nothing is
    ///   recorded when the policy store cannot record it); a ``StoreError`` when a store fails.
    public func erase(member: MemberID, by actor: SupportActor) async throws -> MemberErasure {
        guard actor.role == .owner || actor == .member(member) else {
            throw DeskError(.notPermitted, "only the owner or \(member) may erase \(member)'s data, not \(actor)")
        }
        if let recorded = try await ledgers.erasure(of: member) {
            // Again: whatever a write racing the first erasure stored is redacted too.
            return try await finish(recorded)
        }
        let erasure = MemberErasure(member: member, requestedBy: actor, requestedAt: clock.now)
        try await ledgers.recordErasure(erasure)
        return try await finish(erasure)
    }

    /// Finishes every erasure recorded but not finished, oldest first: a desk that stopped, or a store
    /// that failed, midway through ``erase(member:by:)``. ``processDueWork()`` calls it on every pass.
    ///
    /// - Returns: The erasures finished now.
    /// - Throws: ``StoreError`` when a store fails; the erasures not finished stay recorded for the next
    ///   call.
    @discardableResult
    public func finishErasures() async throws -> [MemberErasure] {
        var finished: [MemberErasure] = []
        while true {
            let unfinished = try await ledgers.unfinishedErasures(limit: 100)
            for erasure in unfinished { finished.append(try await finish(erasure)) }
            if unfinished.count < 100 { return finished }
        }
    }

    /// Has every store redact the member's data, then records the erasure finished.
    private func finish(_ erasure: MemberErasure) async throws -> MemberErasure {
        let marker = MemberErasure.redactionMarker
        let member = erasure.member
        var counts = try await store.eraseMember(member, redaction: marker)
        counts = counts + (try await ledgers.eraseMember(member, redaction: marker))
        counts = counts + (try await journeys.eraseMember(member, redaction: marker))
        counts = counts + (try await ratingStore.eraseMember(member, redaction: marker))
        counts.attachmentFiles = try await deleteFiles(sentBy: member)
        var done = erasure
        done.finishedAt = clock.now
        done.redacted = erasure.redacted + counts
        try await ledgers.recordErasure(done)
        return done
    }

    /// Deletes from the attachment store the bytes of every file the member attached to their tickets;
    /// files staff attached (a guide sent to many members) are kept. Returns how many were deleted.
    private func deleteFiles(sentBy member: MemberID) async throws -> Int {
        guard let attachmentStore else { return 0 }
        var hashes: Set<String> = []
        var cursor: TicketID?
        repeat {
            let page = try await store.tickets(
                matching: TicketQuery(requester: member, after: cursor, limit: TicketQuery.maximumLimit)
            )
            for stored in page.tickets {
                for message in stored.ticket.messages where message.author == .member(member) {
                    hashes.formUnion(message.attachments.map(\.contentHash))
                }
            }
            cursor = page.nextCursor
        } while cursor != nil
        var deleted = 0
        for hash in hashes.sorted() where try await attachmentStore.delete(contentHash: hash) { deleted += 1 }
        return deleted
    }

    /// Closes the race between a write that found no erasure of `member` and an erasure recorded while
    /// that write was on its way to the store: called after the write commits, it reads the record again
    /// and, when there is one now, has the ticket store redact the member once more and throws
    /// ``DeskError/Code/memberErased``.
    ///
    /// The erasure is recorded before its redaction starts. So either the record comes after this read,
    /// and its redaction comes after the write too, or this read finds it and redacts what the write
    /// stored: no text of an erased member outlives both.
    ///
    /// A read the desk made after the write stood serves as well (``ErasureReads``): it is the same
    /// read, made a little earlier.
    ///
    /// - Parameters:
    ///   - member: The member the write was about.
    ///   - ticket: The ticket the write was on.
    /// - Throws: ``DeskError`` with ``DeskError/Code/memberErased`` when the member was erased meanwhile;
    ///   a ``StoreError`` when a store fails (an unfinished redaction is finished by the next call of
    ///   ``erase(member:by:)``).
    func redactIfErasedMeanwhile(_ member: MemberID, wrote ticket: TicketID) async throws {
        // The ticket's latest commit is the write or a later one: a read begun after it came after the write.
        let write = erasureReads.latestCommit(of: ticket)
        guard let erasure = try await erasure(of: member, readAfter: write) else { return }
        _ = try await store.eraseMember(member, redaction: MemberErasure.redactionMarker)
        throw Self.memberErased(erasure)
    }

    /// The refusal of anything that would write or send a member's words after their erasure.
    static func memberErased(_ erasure: MemberErasure) -> DeskError {
        DeskError(
            .memberErased,
            "the data of \(erasure.member) was erased on request of \(erasure.requestedBy): the desk takes no "
                + "message from them, writes nothing more on their tickets and never contacts them again"
        )
    }
}

extension TicketCommand {
    /// Whether the command writes text on the ticket: what an erased member's tickets never get again.
    var addsText: Bool {
        switch self {
        case .memberMessage, .reply, .internalNote, .automaticMessage, .receiveMerge: true
        case .setStatus, .assign, .setPriority, .setReason, .addTags, .removeTags, .merge, .recordSLA, .explain:
            false
        }
    }
}
