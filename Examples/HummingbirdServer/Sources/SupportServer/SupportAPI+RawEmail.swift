import Foundation
import Hummingbird
import SupportEngine

extension SupportAPI {
    /// The media types `POST /inbound/email/raw` takes: the message itself, as a mail provider's inbound
    /// webhook or the `mailgate` posts it.
    static let rawEmailMediaTypes: Set<String> = ["message/rfc822", "application/octet-stream"]

    /// `POST /inbound/email/raw`: one RFC 5322 message as the body, run through the desk's ``EmailIntake``.
    ///
    /// 200 with what happened for a member's mail (a new ticket, an addition, a repeat; whether an
    /// automatic reply may go and why not); 202 for a bounce or delay report, which opens no ticket.
    /// 401 without the webhook's token, 415 for another media type, 413 over ``maximumRawEmailBytes``,
    /// 400 for an empty body or bytes that are not a message (the code names the problem).
    func rawEmail(_ request: Request) async throws -> Response {
        try tokens.checkWebhook(request)
        guard let intake else {
            throw APIError(.notFound, "not_found", "this server takes no raw email")
        }
        let mediaType = request.headers[.contentType]?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let mediaType, Self.rawEmailMediaTypes.contains(mediaType) else {
            throw APIError(
                .unsupportedMediaType,
                "unsupported_media_type",
                "send the raw message with Content-Type message/rfc822 or application/octet-stream, not "
                    + (mediaType.map { "'\($0.prefix(80))'" } ?? "without one")
            )
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumRawEmailBytes)
        } catch {
            throw APIError(
                .contentTooLarge,
                "message_too_large",
                "the message is larger than \(maximumRawEmailBytes) bytes"
            )
        }
        guard buffer.readableBytes > 0 else {
            throw APIError(.badRequest, "empty_body", "the request has no body; send the raw message")
        }
        let result: EmailIntakeResult
        do {
            result = try await intake.receive(raw: Array(buffer.readableBytesView))
        } catch let error as EmailError {
            throw APIError.from(error)
        }
        switch result {
        case .received(let outcome, let sender, let automaticReply):
            return try JSONResponse.make(
                RawEmailResult(outcome: outcome, sender: sender, automaticReply: automaticReply)
            )
        case .bounce(let report, let failed):
            return try JSONResponse.make(RawEmailResult(bounce: report, failed: failed), status: .accepted)
        }
    }
}

extension APIError {
    /// The API error for mail the parser refuses: 413 for a message over the parser's limit, 400 for the
    /// rest, with the parser's code in snake case (`not_a_message`, `missing_sender`, `header_too_long`).
    ///
    /// - Parameter error: The parser's error.
    /// - Returns: The error to answer with.
    static func from(_ error: EmailError) -> APIError {
        let code = snakeCase(error.code.name)
        let status: HTTPResponse.Status = error.code == .messageTooLarge ? .contentTooLarge : .badRequest
        return APIError(status, code, error.message)
    }

    /// `notAMessage` → `not_a_message`.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}

/// What `POST /inbound/email/raw` did with a message.
public struct RawEmailResult: Codable, Sendable, Hashable {
    /// `received` (a member's mail went to the desk) or `bounce` (a delivery report: no ticket).
    public var result: String
    /// For `received`: `created`, `appended`, `duplicate` or `follow_up`.
    public var disposition: String?
    /// For `received`: the ticket the mail is in.
    public var ticketID: TicketID?
    /// For `received`: the ticket's number, such as `1042`.
    public var ticketNumber: Int?
    /// For `received`: the member (or prospect `email:<address>`) the mail was filed under.
    public var sender: MemberID?
    /// For `received`: `send` when the desk may answer it automatically, `suppressed` when not.
    public var automaticReply: String?
    /// Why no automatic reply may go: an automatic message, list mail, a system sender, the desk's own
    /// address, the daily cap.
    public var automaticReplySuppressedBecause: String?
    /// The files the desk did not keep, each with the reason.
    public var refusedAttachments: [String]?
    /// For `bounce`: the desk's outbound message the report marked failed; absent for a delay or a
    /// report naming no message of the desk.
    public var failedMessage: String?
    /// For `bounce`: the recipients the report names, with status and diagnostic.
    public var bouncedRecipients: [String]?

    init(outcome: ReceiveOutcome, sender: MemberID, automaticReply: AutoReplyDecision) {
        result = "received"
        switch outcome.disposition {
        case .created: disposition = "created"
        case .appended: disposition = "appended"
        case .duplicate: disposition = "duplicate"
        case .followUp: disposition = "follow_up"
        }
        ticketID = outcome.ticket.id
        ticketNumber = outcome.ticket.number?.rawValue
        self.sender = sender
        switch automaticReply {
        case .send:
            self.automaticReply = "send"
        case .suppress(let reason):
            self.automaticReply = "suppressed"
            automaticReplySuppressedBecause = Self.describe(reason)
        }
        refusedAttachments = outcome.refusedAttachments.isEmpty ? nil : outcome.refusedAttachments.map(\.description)
    }

    init(bounce report: BounceReport, failed: OutboundMessage?) {
        result = "bounce"
        failedMessage = failed?.id.rawValue
        bouncedRecipients = report.recipients.map { recipient in
            [recipient.address, recipient.status, recipient.diagnostic].compactMap(\.self).joined(separator: " ")
        }
    }

    static func describe(_ reason: AutoReplySuppression) -> String {
        switch reason {
        case .automaticMessage(let signal): return "automatic message (\(signal))"
        case .bulkOrList(let signal): return "bulk or list mail (\(signal))"
        case .bounce: return "a bounce"
        case .systemSender(let sender): return "a system sender (\(sender))"
        case .ownAddress: return "the desk's own address"
        case .dailyCapReached(let limit): return "the daily cap of \(limit) automatic replies"
        }
    }
}
