import Foundation

/// Takes raw email for a desk: parses it, files it under its member, threads it, and hands it to
/// ``SupportDesk/receive(_:)`` — or, for a bounce, marks the outbound message it reports failed.
///
/// For each message, in order:
/// 1. The bytes are parsed with ``EmailParser`` (MIME, charsets, encoded words); a message past the
///    parser's limits, with no header section or no sender, is refused with ``EmailError``.
/// 2. A delivery report (DSN, mailer-daemon) opens no ticket. A failure report naming one of the desk's
///    `Message-ID`s marks that outbound message failed so that delivery falls back to the member's next
///    channel (``SupportDesk/recordBounce(of:reason:)``).
/// 3. The sender (`From`) is looked up with ``MemberDirectory/member(withEmail:)``; an unknown sender is
///    a prospect with the id `email:<address>` (the address in lowercase).
/// 4. The thread: the first id of `In-Reply-To`, then `References` (newest first) that is one of the
///    desk's own `Message-ID`s or a message already received; else a ticket tag such as `[#1042]` in
///    the subject. Only the sender's own tickets are ever joined.
/// 5. The text is the message without its quoted history and signature (``ParsedEmail/newText``); the
///    subject loses its `Re:`/`Fwd:` prefixes and ticket tag.
/// 6. The files (attachments and inline images) go with the message as ``InboundMessage/attachments``:
///    the desk keeps those its ``DeskConfiguration/attachmentLimits`` allow and notes the others.
/// 7. The duplicate key is the `Message-ID`, or `sha256:` and the hash of the bytes when there is none,
///    so a repeated delivery is recognized and stores nothing new.
/// 8. Automatic replies: none to an out-of-office reply, list or bulk mail, a system sender or the
///    desk's own address; and at most ``EmailDeskSettings/autoReplyPolicy``'s cap per sender in 24
///    hours, counted from the automatic messages the store holds, so the cap holds across restarts.
///
/// Messages of one sender are taken one at a time (the cap is counted and used without a race inside
/// one intake); different senders go concurrently. Across several servers, messages of one sender that
/// arrive at two servers at the same instant may each pass the count, so the cap can be passed by one
/// reply per extra server; the other protections above do not depend on the count.
///
/// ```swift
/// let intake = EmailIntake(desk: desk, settings: settings)
/// let result = try await intake.receive(raw: Array(rawMessage))
/// ```
public actor EmailIntake {
    private let desk: SupportDesk
    private let settings: EmailDeskSettings
    private var locks = KeyedLock<String>()

    /// Creates an intake for a desk.
    ///
    /// - Parameters:
    ///   - desk: The desk the mail goes to; its store, clock and member directory are used.
    ///   - settings: The desk's email settings: the same as its ``EmailChannel``'s.
    public init(desk: SupportDesk, settings: EmailDeskSettings) {
        self.desk = desk
        self.settings = settings
    }

    /// Takes one raw message.
    ///
    /// - Parameter raw: The message as received (CRLF or LF line breaks).
    /// - Returns: What was done with it.
    /// - Throws: ``EmailError`` when the bytes are not a message the parser accepts; ``DeskError`` or
    ///   ``StoreError`` from the desk (nothing is stored then).
    @discardableResult
    public func receive(raw: Data) async throws -> EmailIntakeResult {
        try await receive(raw: [UInt8](raw))
    }

    /// Takes one raw message.
    ///
    /// - Parameter raw: The message as received (CRLF or LF line breaks).
    /// - Returns: What was done with it.
    /// - Throws: ``EmailError`` when the bytes are not a message the parser accepts; ``DeskError`` or
    ///   ``StoreError`` from the desk (nothing is stored then).
    @discardableResult
    public func receive(raw: [UInt8]) async throws -> EmailIntakeResult {
        let email = try settings.parser.parse(raw)
        if let report = email.classification.bounce {
            return .bounce(report, failedMessage: try await recordBounce(report, in: email))
        }
        let sender = try await member(sending: email)
        let lockKey = sender.rawValue
        if !locks.take(lockKey) {
            await withCheckedContinuation { locks.wait(for: lockKey, $0) }
        }
        defer { locks.release(lockKey) }
        let now = desk.clock.now
        let decision = settings.autoReplyPolicy.decide(
            for: email,
            at: now,
            ledger: try await automaticReplies(to: sender, address: email.replyAddress.address, at: now)
        )
        var inbound = InboundMessage(
            channel: .email,
            externalID: Self.externalID(of: email, raw: raw),
            sender: sender,
            threadReference: try await threadReference(of: email, sender: sender),
            subject: subject(of: email),
            body: body(of: email),
            receivedAt: now,
            attachments: email.attachments.map(Self.upload)
        )
        inbound.allowsAutomaticReplies = decision == .send
        let outcome = try await desk.receive(inbound)
        return .received(outcome, sender: sender, automaticReply: decision)
    }

    /// A file of the mail as the desk takes it: inline images too (a screenshot pasted into the text is
    /// as much the member's file as an attached one). The parser's hash is of the same bytes.
    static func upload(_ attachment: EmailAttachment) -> AttachmentUpload {
        AttachmentUpload(
            fileName: attachment.filename,
            mediaType: attachment.mediaType,
            content: AttachmentContent(attachment.content, contentHash: attachment.sha256)
        )
    }

    /// The member the mail is from, or the prospect keyed by the address.
    private func member(sending email: ParsedEmail) async throws -> MemberID {
        let address = email.from.address
        if let member = try await desk.members.member(withEmail: address) { return member.id }
        return Self.prospect(address)
    }

    /// The id an unknown sender is filed under: `email:` and the address in lowercase; an address too
    /// long for an id (over 194 bytes) is keyed by its hash instead.
    ///
    /// - Parameter address: The sender's address.
    /// - Returns: The prospect's id.
    public static func prospect(_ address: EmailAddress) -> MemberID {
        let id = MemberID("email:" + address.canonical)
        return id.isWellFormed ? id : MemberID("email-sha256:" + SHA256Digest.hex(of: Array(address.canonical.utf8)))
    }

    /// The message's duplicate key: its `Message-ID` when it has a usable one, else the hash of its bytes.
    static func externalID(of email: ParsedEmail, raw: [UInt8]) -> String {
        if let id = email.messageID, !id.isEmpty, id.utf8.count <= 512,
            id.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        {
            return id
        }
        return "sha256:" + SHA256Digest.hex(of: raw)
    }

    /// The thread reference for the desk: `ticket:<id>` for a reply to one of the desk's messages or
    /// a ticket tag of the sender's, the id of a received message the reply answers, or `nil`.
    private func threadReference(of email: ParsedEmail, sender: MemberID) async throws -> String? {
        let store = desk.store
        for id in email.threadIDs.prefix(32) {
            if let outboundID = settings.outboundID(in: id), let outbound = try await store.outbound(outboundID),
                let ticket = outbound.ticketID, outbound.recipient == sender
            {
                return ThreadKey.ticket(ticket).rawValue
            }
            if id.utf8.count <= 512, try await store.ticketID(forThread: ThreadKey(rawValue: id)) != nil {
                return id
            }
        }
        let probe = InboundMessage(
            channel: .email,
            externalID: "subject",
            sender: sender,
            subject: email.subject,
            body: "",
            receivedAt: .distantPast
        )
        let prefix = desk.configuration.ticketNumberPrefix
        for number in SupportDesk.ticketNumbers(in: probe, prefix: prefix) {
            guard let id = try await store.ticketID(forNumber: number),
                let owned = try await desk.ownConversation(startingAt: id, sender: sender)
            else { continue }
            return ThreadKey.ticket(owned.ticket.id).rawValue
        }
        return nil
    }

    /// The subject without reply prefixes and ticket tag, one line, within the desk's limit.
    private func subject(of email: ParsedEmail) -> String? {
        let line = String(
            String.UnicodeScalarView(
                email.normalizedSubject.unicodeScalars.map {
                    $0.properties.generalCategory == .control ? " " : $0
                }
            )
        )
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return String(trimmed.prefix(desk.configuration.maximumSubjectLength))
    }

    /// The new text of the message, without NUL characters and within the desk's limit; the whole text
    /// when nothing new is left, and a placeholder for mail without text (an attachment alone).
    private func body(of email: ParsedEmail) -> String {
        var text = email.newText
        if !text.contains(where: { !$0.isWhitespace }) { text = email.textBody }
        if !text.contains(where: { !$0.isWhitespace }) {
            text = email.attachments.isEmpty ? "(no text)" : "(no text; \(email.attachments.count) attachment(s))"
        }
        if text.utf8.contains(0) { text = text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") }
        let limit = desk.configuration.maximumBodyBytes
        guard text.utf8.count > limit else { return text }
        // Cut on a scalar boundary, leaving room for the note.
        let note = "\n[…]"
        var bytes = Array(text.utf8.prefix(limit - note.utf8.count))
        while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
        if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self) + note
    }

    /// The automatic messages the store holds to the sender from the last 24 hours, as a ledger under
    /// the reply address.
    private func automaticReplies(
        to sender: MemberID,
        address: EmailAddress,
        at now: Date
    ) async throws
        -> AutoReplyLedger
    {
        let since = now.addingTimeInterval(-AutoReplyLedger.window)
        var instants: [Date] = []
        var cursor: TicketID?
        repeat {
            let page = try await desk.store.tickets(
                matching: TicketQuery(requester: sender, after: cursor, limit: TicketQuery.maximumLimit)
            )
            for stored in page.tickets {
                for message in stored.ticket.messages where message.kind == .automatic && message.at > since {
                    instants.append(message.at)
                }
            }
            cursor = page.nextCursor
        } while cursor != nil
        var ledger = AutoReplyLedger()
        for instant in instants.sorted() where instant <= now { ledger.record(to: address, at: instant) }
        return ledger
    }

    /// The outbound message a bounce reports: the `Message-ID` it quotes, or else the return path it was
    /// sent to (``EmailDeskSettings/returnPath(of:)``).
    private func bouncedMessage(_ report: BounceReport, in email: ParsedEmail) -> OutboundID? {
        if let original = report.originalMessageID, let id = settings.outboundID(in: original) { return id }
        let delivered = ["delivered-to", "x-original-to"].flatMap { email.headers.values($0) }
        let addresses = email.to.map(\.address) + delivered.compactMap { try? EmailAddress($0) }
        return addresses.lazy.compactMap { self.settings.outboundID(inReturnPath: $0) }.first
    }

    /// Marks the outbound message a failure report names failed; `nil` when there is none to mark.
    private func recordBounce(_ report: BounceReport, in email: ParsedEmail) async throws -> OutboundMessage? {
        guard report.isFailure, let id = bouncedMessage(report, in: email) else { return nil }
        let details = report.recipients.map { recipient in
            [recipient.address, recipient.status, recipient.diagnostic].compactMap(\.self).joined(separator: " ")
        }
        let reason =
            "bounced: " + (details.isEmpty ? "the mail server returned the message" : details.joined(separator: "; "))
        return try await desk.recordBounce(of: id, reason: String(reason.prefix(1000)))
    }
}
