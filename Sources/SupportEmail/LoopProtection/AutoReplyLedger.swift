import Foundation

/// The automatic replies sent per address in the last 24 hours: the state ``AutoReplyPolicy`` counts
/// against. A value the caller stores (it is `Codable`); pruned on every record, so it stays bounded by
/// the replies of one day.
public struct AutoReplyLedger: Hashable, Sendable, Codable {
    /// The instants of replies sent, by canonical address.
    public private(set) var sent: [String: [Date]]

    /// The length of the counting window: 24 hours.
    public static let window: TimeInterval = 86_400

    /// Creates an empty ledger.
    public init() {
        sent = [:]
    }

    /// The replies to an address in the 24 hours before `instant`.
    ///
    /// - Parameters:
    ///   - address: The recipient.
    ///   - instant: Now.
    /// - Returns: How many automatic replies went to it.
    public func count(for address: EmailAddress, at instant: Date) -> Int {
        let since = instant.addingTimeInterval(-Self.window)
        return sent[address.canonical]?.filter { $0 > since && $0 <= instant }.count ?? 0
    }

    /// Records an automatic reply sent, dropping entries older than 24 hours.
    ///
    /// - Parameters:
    ///   - address: The recipient.
    ///   - instant: When it was sent.
    public mutating func record(to address: EmailAddress, at instant: Date) {
        prune(at: instant)
        sent[address.canonical, default: []].append(instant)
    }

    /// Drops every entry older than 24 hours before `instant`.
    ///
    /// - Parameter instant: Now.
    public mutating func prune(at instant: Date) {
        let since = instant.addingTimeInterval(-Self.window)
        for (key, instants) in sent {
            let kept = instants.filter { $0 > since }
            sent[key] = kept.isEmpty ? nil : kept
        }
    }
}
