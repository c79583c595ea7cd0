/// What kind of mail a message is, for loop protection and for whether it opens a ticket.
public enum EmailClassification: Hashable, Sendable {
    /// Mail a person wrote.
    case normal
    /// An automatic message: an out-of-office reply, another desk's auto-responder, a vacation notice.
    /// The signal names the header or subject that shows it, such as `Auto-Submitted: auto-replied`.
    case autoReply(signal: String)
    /// Bulk or mailing-list mail (`Precedence: bulk`, `List-Id`); the signal names the header.
    case bulk(signal: String)
    /// A delivery failure or delay report. A failure marks the original outbound message failed and opens
    /// no ticket.
    case bounce(BounceReport)

    /// Whether a machine sent it: an automatic reply, bulk mail or a bounce. Never answer it automatically.
    public var isAutomatic: Bool {
        if case .normal = self { return false }
        return true
    }

    /// The bounce report, when it is a bounce.
    public var bounce: BounceReport? {
        if case .bounce(let report) = self { return report }
        return nil
    }
}

/// What a bounce says: which recipients failed, why, and which message bounced.
///
/// Read from a DSN (`multipart/report; report-type=delivery-status`, RFC 3464) when there is one, else from
/// `X-Failed-Recipients` and the returned message's headers.
public struct BounceReport: Hashable, Sendable {
    /// One recipient the report is about.
    public struct Recipient: Hashable, Sendable {
        /// The address from `Final-Recipient` (or `Original-Recipient`), without the `rfc822;` type.
        public var address: String
        /// The `Action`: `failed`, `delayed`, `delivered`, `relayed`, `expanded`; nil when absent.
        public var action: String?
        /// The `Status`, such as `5.1.1`.
        public var status: String?
        /// The `Diagnostic-Code` text, such as `smtp; 550 5.1.1 user unknown`.
        public var diagnostic: String?

        /// Creates a recipient entry.
        ///
        /// - Parameters:
        ///   - address: The recipient's address.
        ///   - action: The action, lowercased.
        ///   - status: The status code.
        ///   - diagnostic: The diagnostic text.
        public init(address: String, action: String? = nil, status: String? = nil, diagnostic: String? = nil) {
            self.address = address
            self.action = action
            self.status = status
            self.diagnostic = diagnostic
        }
    }

    /// The `Message-ID` of the message that bounced, without brackets, when the report includes it.
    public var originalMessageID: String?
    /// The recipients the report is about.
    public var recipients: [Recipient]
    /// The headers of the returned message, when the report includes them.
    public var originalHeaders: EmailHeaders?

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - originalMessageID: The bounced message's id.
    ///   - recipients: The recipients.
    ///   - originalHeaders: The returned message's headers.
    public init(originalMessageID: String? = nil, recipients: [Recipient] = [], originalHeaders: EmailHeaders? = nil) {
        self.originalMessageID = originalMessageID
        self.recipients = recipients
        self.originalHeaders = originalHeaders
    }

    /// Whether delivery failed: a recipient with action `failed` or a `5.x.x` status, or a report without
    /// recipient details (a non-DSN bounce). A report of only delays is not a failure.
    public var isFailure: Bool {
        if recipients.isEmpty { return true }
        return recipients.contains { recipient in
            recipient.action == "failed" || (recipient.action == nil && recipient.status?.hasPrefix("5") == true)
                || (recipient.action == nil && recipient.status == nil)
        }
    }
}
