import SupportEngine

/// An SMTP send that failed for now: the server could not be reached, did not answer in time, closed
/// the connection, broke the protocol, or answered with a 4xx ("try again later").
///
/// Not an `UndeliverableError`: the desk retries the message with back-off.
public struct SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable {
        /// The connection could not be opened.
        case connectionFailed
        /// A step (connecting, one reply) took longer than ``SMTPSettings/timeout``.
        case timeout
        /// The server closed the connection before the message was accepted.
        case connectionClosed
        /// The server answered with something that is not an SMTP reply, or not the one expected.
        case protocolViolation
        /// The server answered with a 4xx reply: it may accept the message later.
        case temporaryFailure
    }

    /// What went wrong.
    public let code: Code
    /// The step that failed, such as `RCPT TO`.
    public let step: String
    /// The server's reply code, when it answered.
    public let replyCode: Int?
    /// What happened, for the delivery log.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - step: The step that failed.
    ///   - replyCode: The server's reply code, if any.
    ///   - message: What happened.
    public init(_ code: Code, step: String, replyCode: Int? = nil, _ message: String) {
        self.code = code
        self.step = step
        self.replyCode = replyCode
        self.message = message
    }

    /// `SMTP <step>: <message>`.
    public var description: String { "SMTP \(step): \(message)" }
}

/// The SMTP server refused the message for good (a 5xx reply): the address does not exist, the
/// message is refused as spam, the relay is denied.
///
/// An `UndeliverableError`, so the desk falls back to the member's next channel at once instead of
/// retrying a send that would be refused again.
public struct SMTPRejection: UndeliverableError, Sendable, Hashable {
    /// The step the server refused, such as `RCPT TO`.
    public let step: String
    /// The reply code (500–599).
    public let replyCode: Int
    /// The server's text, lines joined with spaces.
    public let text: String

    /// Creates a rejection.
    ///
    /// - Parameters:
    ///   - step: The step refused.
    ///   - replyCode: The reply code.
    ///   - text: The server's text.
    public init(step: String, replyCode: Int, text: String) {
        self.step = step
        self.replyCode = replyCode
        self.text = text
    }

    /// `SMTP <step> refused: <code> <text>`.
    public var description: String { "SMTP \(step) refused: \(replyCode) \(text)" }
}
