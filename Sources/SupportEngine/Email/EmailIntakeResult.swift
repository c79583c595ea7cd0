/// What ``EmailIntake/receive(raw:)-([UInt8])`` did with a message.
public enum EmailIntakeResult: Sendable, Hashable {
    /// The mail went to the desk as a member's message: a new ticket, an addition to one, or a repeat.
    ///
    /// - Parameters:
    ///   - outcome: What the desk did, and the ticket as it is now.
    ///   - sender: The member the mail was filed under: the directory's member with the sender's
    ///     address, or the prospect `email:<address>`.
    ///   - automaticReply: Whether the desk was allowed to answer it automatically, and why not.
    case received(ReceiveOutcome, sender: MemberID, automaticReply: AutoReplyDecision)
    /// A bounce or delay report: no ticket is opened.
    ///
    /// - Parameters:
    ///   - report: What the report says.
    ///   - failedMessage: The desk's outbound message the report says failed, as stored now (on its next
    ///     channel, or dead-lettered); `nil` for a delay, a report naming no message of the desk, or a
    ///     message already marked.
    case bounce(BounceReport, failedMessage: OutboundMessage?)
}
