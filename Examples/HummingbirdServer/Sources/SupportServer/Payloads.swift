import Foundation
import SupportEngine

/// What the web form posts: `POST /inbound/web-form` by a signed-in member.
public struct WebFormSubmission: Codable, Sendable, Hashable {
    /// The subject line, optional.
    public var subject: String?
    /// The member's message.
    public var body: String
    /// The reason the member picked in the form, such as `access` or `billing`.
    public var reason: String?
    /// An id the form generates once per submission, so that a double click makes one ticket.
    public var submissionID: String?

    /// Creates a submission.
    ///
    /// - Parameters:
    ///   - subject: The subject line.
    ///   - body: The member's message.
    ///   - reason: The reason picked in the form.
    ///   - submissionID: The form's id for this submission.
    public init(subject: String? = nil, body: String, reason: String? = nil, submissionID: String? = nil) {
        self.subject = subject
        self.body = body
        self.reason = reason
        self.submissionID = submissionID
    }
}

/// What the mail provider's inbound webhook posts: `POST /inbound/email`.
///
/// The host maps the sender's address to a member id before calling the API (or the provider's
/// routing does); this example takes the member id as given.
public struct EmailWebhook: Codable, Sendable, Hashable {
    /// The email's `Message-ID`: the key that makes a retried webhook harmless.
    public var messageID: String
    /// The sender's member id.
    public var memberID: String
    /// The subject line.
    public var subject: String?
    /// The plain-text body.
    public var text: String
    /// The `In-Reply-To` or thread reference, when the email answers an earlier one.
    public var inReplyTo: String?

    /// Creates a webhook payload.
    ///
    /// - Parameters:
    ///   - messageID: The email's `Message-ID`.
    ///   - memberID: The sender's member id.
    ///   - subject: The subject line.
    ///   - text: The plain-text body.
    ///   - inReplyTo: The thread reference.
    public init(messageID: String, memberID: String, subject: String?, text: String, inReplyTo: String?) {
        self.messageID = messageID
        self.memberID = memberID
        self.subject = subject
        self.text = text
        self.inReplyTo = inReplyTo
    }
}

/// The answer to an inbound message.
public struct InboundResult: Codable, Sendable, Hashable {
    /// `created`, `appended`, `duplicate` or `follow_up`.
    public var disposition: String
    /// The ticket as the member sees it, with the acknowledgement and the expected reply time.
    public var ticket: MemberTicketView
}

/// An agent's public reply: `POST /agent/tickets/{id}/reply`.
public struct ReplyRequest: Codable, Sendable, Hashable {
    /// The reply's text.
    public var body: String
    /// The status to set with it, such as `pending` or `solved`; kept when absent.
    public var status: String?
    /// Files sent with the reply (public: the member gets them, by email as attachments).
    public var attachments: [UploadedFile]?

    /// Creates a reply.
    ///
    /// - Parameters:
    ///   - body: The reply's text.
    ///   - status: The status to set with it.
    ///   - attachments: Files sent with it.
    public init(body: String, status: String? = nil, attachments: [UploadedFile]? = nil) {
        self.body = body
        self.status = status
        self.attachments = attachments
    }
}

/// An internal note: `POST /agent/tickets/{id}/notes`.
public struct NoteRequest: Codable, Sendable, Hashable {
    /// The note's text; members never see it.
    public var body: String

    /// Creates a note.
    ///
    /// - Parameter body: The note's text.
    public init(body: String) {
        self.body = body
    }
}

/// A status change: `POST /agent/tickets/{id}/status`.
public struct StatusRequest: Codable, Sendable, Hashable {
    /// `new`, `open`, `pending`, `on_hold`, `solved` or `closed`.
    public var status: String

    /// Creates a status change.
    ///
    /// - Parameter status: The status's name.
    public init(status: String) {
        self.status = status
    }
}

/// One line of the agents' queue.
public struct QueueEntry: Codable, Sendable, Hashable {
    /// The ticket's id.
    public var id: TicketID
    /// The ticket's number as people see it (`#1042`); absent for a ticket stored before numbers.
    public var reference: String?
    /// Its subject.
    public var subject: String
    /// Its status.
    public var status: TicketStatus
    /// Its priority.
    public var priority: Priority
    /// The member who wrote in.
    public var requester: MemberID
    /// The agent working on it.
    public var assignee: AgentID?
    /// When it last changed.
    public var updatedAt: Date
    /// When the desk next looks at it (SLA step or auto-close).
    public var dueAt: Date?
}

/// The support side's view of a ticket: the full snapshot with internal notes, and its deliveries.
public struct AgentTicket: Codable, Sendable, Hashable {
    /// The ticket's number as people see it (`#1042`); absent for a ticket stored before numbers.
    public var reference: String?
    /// The snapshot.
    public var ticket: Ticket
    /// How many events its audit log holds.
    public var eventCount: Int
    /// When the desk next looks at it.
    public var dueAt: Date?
    /// Its outbound messages and their delivery state.
    public var deliveries: [OutboundMessage]
}

/// The published rules of the support line.
public struct RulesDocument: Codable, Sendable, Hashable {
    /// One section.
    public struct Section: Codable, Sendable, Hashable {
        /// The heading.
        public var heading: String
        /// The lines.
        public var lines: [String]
    }

    /// The language.
    public var locale: String
    /// The title.
    public var title: String
    /// The sections.
    public var sections: [Section]
    /// The whole text, ready to show.
    public var text: String
}

/// The answer of `GET /health`.
public struct HealthStatus: Codable, Sendable, Hashable {
    /// `ok`.
    public var status: String
    /// `memory` or `postgres`.
    public var storage: String

    /// Creates a health answer.
    ///
    /// - Parameters:
    ///   - status: `ok`.
    ///   - storage: `memory` or `postgres`.
    public init(status: String, storage: String) {
        self.status = status
        self.storage = storage
    }
}

/// A conduct report by an agent: `POST /agent/tickets/{id}/conduct`.
public struct ConductReportRequest: Codable, Sendable, Hashable {
    /// The id of the member's message on the ticket.
    public var messageID: String
    /// `rudeness`, `aggression`, `harassment`, `spam` or `support_line_misuse`.
    public var kind: String
    /// `minor`, `major` or `severe`.
    public var severity: String
    /// A note for staff.
    public var note: String

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - messageID: The id of the member's message.
    ///   - kind: The kind of violation.
    ///   - severity: How serious it is.
    ///   - note: A note for staff.
    public init(messageID: String, kind: String, severity: String, note: String) {
        self.messageID = messageID
        self.kind = kind
        self.severity = severity
        self.note = note
    }
}

/// The answer to a conduct report: the decision on the conduct ladder and the member's ledger after it.
public struct ConductReportResult: Codable, Sendable, Hashable {
    /// The decision.
    public var decision: ModerationDecision
    /// The member's ledger after it.
    public var ledger: MemberLedger
}

/// A member's refund request: `POST /me/refunds`.
public struct RefundRequestBody: Codable, Sendable, Hashable {
    /// An id the client makes once per request, so that a retry never refunds twice.
    public var requestID: String
    /// The member's own words.
    public var message: String
    /// The member's ticket to attach the request to; a new ticket when absent.
    public var ticketID: String?

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - requestID: The client's id for the request.
    ///   - message: The member's own words.
    ///   - ticketID: The ticket to attach it to.
    public init(requestID: String, message: String, ticketID: String? = nil) {
        self.requestID = requestID
        self.message = message
        self.ticketID = ticketID
    }
}

/// The answer to a refund request.
public struct RefundRequestResult: Codable, Sendable, Hashable {
    /// The decision: approve, deny or escalate to the owner, with the amount and the rule.
    public var decision: RefundDecision
    /// Whether this request id had been decided before (nothing new was done).
    public var isRepeat: Bool
    /// The ticket as the member sees it.
    public var ticket: MemberTicketView
}
