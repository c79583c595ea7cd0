import Foundation

/// The email ``Channel``: renders each outbound message with ``EmailRendering`` and hands it to a
/// ``MailTransport``.
///
/// The recipient's address is the first of their ``MemberProfile/emailAddresses``, or, for a prospect
/// who wrote by email, the address in their id (`email:<address>`); an alert to staff goes to its
/// ``OutboundMessage/staffAddress``. The message threads under the
/// member's latest email on the ticket (``EmailThread/of(_:earlier:before:settings:)``), and its
/// `Message-ID` is the desk's id for it, the same on every send, so a provider that deduplicates by
/// `Message-ID` drops a repeat. The receipt's external id is that `Message-ID`: a bounce naming it
/// marks the message failed (``EmailIntake``).
///
/// ```swift
/// let transport = ClosureMailTransport { email in try await smtp.send(email) }
/// let email = EmailChannel(settings: settings, store: store, members: directory, clock: clock, transport: transport)
/// let desk = try SupportDesk(store: store, clock: clock, channels: [email], members: directory)
/// ```
public struct EmailChannel: Channel {
    /// ``ChannelKind/email``.
    public var kind: ChannelKind { .email }
    private let rendering: EmailRendering
    private let store: any TicketStore
    private let members: any MemberDirectory
    private let clock: any SupportClock
    private let transport: any MailTransport
    private let attachments: (any AttachmentStore)?

    /// Creates the channel.
    ///
    /// - Parameters:
    ///   - settings: The desk's email settings, the same as its ``EmailIntake``'s.
    ///   - store: The desk's store, for the ticket's thread.
    ///   - members: The desk's member directory, for addresses and names.
    ///   - clock: The clock for the `Date` header and the receipt.
    ///   - transport: What sends the mail.
    ///   - attachments: Where the files of messages are kept, the desk's own store; `nil` when the desk
    ///     keeps none (a message with files then cannot go by email).
    public init(
        settings: EmailDeskSettings,
        store: any TicketStore,
        members: any MemberDirectory,
        clock: any SupportClock,
        transport: any MailTransport,
        attachments: (any AttachmentStore)? = nil
    ) {
        self.attachments = attachments
        self.rendering = EmailRendering(settings: settings)
        self.store = store
        self.members = members
        self.clock = clock
        self.transport = transport
    }

    /// Renders and sends one message.
    ///
    /// - Parameter message: The outbound message.
    /// - Returns: A receipt whose external id is the `Message-ID`.
    /// - Throws: ``EmailDeliveryError`` when the member has no address or a file's bytes are missing,
    ///   ``EmailError`` when the message
    ///   cannot be written as email, and what the transport or the store throws.
    public func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        let recipient = try await mailbox(of: message)
        var thread = EmailThread()
        var isAutomatic = true
        if let ticketID = message.ticketID, let stored = try await store.ticket(ticketID) {
            let earlier = try await store.outbound(ofTicket: ticketID)
            thread = EmailThread.of(stored.ticket, earlier: earlier, before: message, settings: rendering.settings)
            if let id = message.messageID, let item = stored.ticket.messages.first(where: { $0.id == id }) {
                isAutomatic = item.kind == .automatic
            }
        }
        let now = clock.now
        let files = try await files(of: message)
        let email = try rendering.render(
            message,
            to: recipient,
            thread: thread,
            isAutomatic: isAutomatic,
            at: now,
            files: files
        )
        try await transport.send(email)
        return DeliveryReceipt(externalID: email.messageID, at: now)
    }

    /// The message's files with their bytes, read from the attachment store.
    private func files(of message: OutboundMessage) async throws -> [OutgoingAttachment] {
        var files: [OutgoingAttachment] = []
        for attachment in message.attachments where attachment.isVisibleToMember {
            guard let attachments, let content = try await attachments.content(withHash: attachment.contentHash)
            else {
                throw EmailDeliveryError(
                    .missingAttachment,
                    "the bytes of \(attachment.fileName) (\(attachment.contentHash.prefix(12))…) are not in the "
                        + "attachment store: give EmailChannel the desk's store (attachments:)"
                )
            }
            files.append(
                OutgoingAttachment(
                    fileName: attachment.fileName,
                    mediaType: attachment.mediaType,
                    content: content.bytes
                )
            )
        }
        return files
    }

    private func mailbox(of message: OutboundMessage) async throws -> Mailbox {
        guard let staff = message.staffAddress else { return try await mailbox(of: message.recipient) }
        guard let address = try? EmailAddress(staff.address) else {
            throw EmailDeliveryError(
                .noAddress,
                "alert recipient '\(staff.name)' has no usable email address ('\(staff.address)'): fix "
                    + "AlertRecipient.address"
            )
        }
        return Mailbox(displayName: staff.name, address: address)
    }

    private func mailbox(of member: MemberID) async throws -> Mailbox {
        if let profile = try await members.member(member), let address = profile.emailAddresses.first {
            return Mailbox(displayName: profile.displayName, address: address)
        }
        if member.rawValue.hasPrefix("email:"), let address = try? EmailAddress(String(member.rawValue.dropFirst(6))) {
            return Mailbox(address: address)
        }
        throw EmailDeliveryError(
            .noAddress,
            "member \(member) has no email address: add one to their profile (MemberProfile.emailAddresses)"
        )
    }
}
