import Foundation

/// Whether an automatic reply (an acknowledgement, an out-of-hours notice) may go to the sender of a
/// message: never to an automatic message, bulk or list mail, a bounce, a system sender or the desk itself,
/// and at most ``maxPerAddressPerDay`` to one address in any 24 hours.
///
/// The policy is a value; the count of replies already sent is an ``AutoReplyLedger`` the caller stores and
/// passes in with the instant.
///
/// ```swift
/// switch policy.decide(for: email, at: now, ledger: ledger) {
/// case .send:
///     try await send(ack)
///     ledger.record(to: email.replyAddress.address, at: now)
/// case .suppress(let reason):
///     log("no automatic reply: \(reason)")
/// }
/// ```
public struct AutoReplyPolicy: Hashable, Sendable {
    /// The most automatic replies to one address in any 24 hours.
    public var maxPerAddressPerDay: Int
    /// The desk's own addresses: mail from them is never answered (a loop through a forward).
    public var ownAddresses: Set<EmailAddress>
    /// Local parts (before the `@`) of senders that are machines, matched as prefixes in lowercase.
    public var systemSenderPrefixes: [String]

    /// The local parts of machine senders by default.
    public static let standardSystemSenders = [
        "mailer-daemon", "postmaster", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
        "do_not_reply", "bounce", "bounces", "auto-reply", "autoreply", "daemon",
    ]

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - maxPerAddressPerDay: The most automatic replies to one address in 24 hours; 0 sends none.
    ///   - ownAddresses: The desk's own addresses.
    ///   - systemSenderPrefixes: Local-part prefixes of machine senders.
    /// - Throws: ``EmailError`` with code `invalidPolicy` when the cap is negative.
    public init(
        maxPerAddressPerDay: Int = 3,
        ownAddresses: Set<EmailAddress> = [],
        systemSenderPrefixes: [String] = AutoReplyPolicy.standardSystemSenders
    ) throws {
        guard maxPerAddressPerDay >= 0 else {
            throw EmailError(
                .invalidPolicy,
                "maxPerAddressPerDay is \(maxPerAddressPerDay); give 0 (never) or a positive number of replies."
            )
        }
        self.maxPerAddressPerDay = maxPerAddressPerDay
        self.ownAddresses = ownAddresses
        self.systemSenderPrefixes = systemSenderPrefixes.map { $0.lowercased() }
    }

    /// Decides whether an automatic reply to the message may go out now.
    ///
    /// - Parameters:
    ///   - email: The message that arrived.
    ///   - instant: Now.
    ///   - ledger: The automatic replies already sent.
    /// - Returns: ``AutoReplyDecision/send`` or why not.
    public func decide(for email: ParsedEmail, at instant: Date, ledger: AutoReplyLedger) -> AutoReplyDecision {
        switch email.classification {
        case .bounce: return .suppress(.bounce)
        case .autoReply(let signal): return .suppress(.automaticMessage(signal: signal))
        case .bulk(let signal): return .suppress(.bulkOrList(signal: signal))
        case .normal: break
        }
        if let returnPath = email.headers["return-path"], returnPath.replacingSpaces() == "<>" {
            return .suppress(.systemSender("Return-Path: <>"))
        }
        let target = email.replyAddress.address
        for address in [email.from.address, target] {
            if ownAddresses.contains(where: { $0.canonical == address.canonical }) { return .suppress(.ownAddress) }
            let local = address.localPart.lowercased()
            if systemSenderPrefixes.contains(where: { local.hasPrefix($0) }) {
                return .suppress(.systemSender(address.description))
            }
        }
        let sent = ledger.count(for: target, at: instant)
        if sent >= maxPerAddressPerDay { return .suppress(.dailyCapReached(limit: maxPerAddressPerDay)) }
        return .send
    }
}

/// The answer of ``AutoReplyPolicy/decide(for:at:ledger:)``.
public enum AutoReplyDecision: Hashable, Sendable {
    /// An automatic reply may go out; record it in the ledger when it does.
    case send
    /// No automatic reply; the reason says why.
    case suppress(AutoReplySuppression)
}

/// Why no automatic reply goes out.
public enum AutoReplySuppression: Hashable, Sendable {
    /// The message is itself automatic (the signal names the header or subject).
    case automaticMessage(signal: String)
    /// The message is bulk or list mail.
    case bulkOrList(signal: String)
    /// The message is a bounce.
    case bounce
    /// The sender is a machine (`mailer-daemon`, `noreply`, a null return path).
    case systemSender(String)
    /// The message comes from one of the desk's own addresses.
    case ownAddress
    /// The address already had this many automatic replies in the last 24 hours.
    case dailyCapReached(limit: Int)
}
