import Foundation
import SupportCore

/// Where a member stands with moderation at an instant.
public enum Standing: Sendable, Hashable, Codable {
    /// No penalty in force (warnings may still count towards the ladder).
    case inGoodStanding
    /// Suspended until an instant.
    case suspended(until: Date)
    /// An agent or the system proposed removing this paying member; the owner has not decided.
    case pendingRemoval
    /// Removed from the club.
    case removed
}

extension MemberLedger {
    /// The reversal of an entry, if a person reversed it.
    ///
    /// - Parameter id: The entry's number.
    /// - Returns: The reversal entry, or `nil`.
    public func reversal(of id: Int) -> LedgerEntry? {
        entries.first { $0.action == .reversal && $0.target == id }
    }

    /// The owner's resolution of a pending removal: the first approval or decline after it that names
    /// it or a later pending removal (one resolution settles every pending removal before it).
    ///
    /// - Parameter id: The pending removal's number.
    /// - Returns: The approval or decline, or `nil` while the removal is still pending.
    public func resolution(ofPendingRemoval id: Int) -> LedgerEntry? {
        entries.first { entry in
            (entry.action == .removalApproved || entry.action == .removalDeclined) && (entry.target ?? 0) >= id
                && entry.id > id
        }
    }

    /// The later pending removal whose approval or decline also settled this one, if any.
    ///
    /// When several pending removals are open, the owner's one resolution names the latest; the
    /// earlier ones follow it: they are in force, count, or are reversed exactly as the one it names.
    ///
    /// - Parameter id: The pending removal's number.
    /// - Returns: The pending removal the resolution named, or `nil` when it named this one or none.
    public func superseding(pendingRemoval id: Int) -> LedgerEntry? {
        guard let named = resolution(ofPendingRemoval: id)?.target, named != id else { return nil }
        return entry(named)
    }

    /// The pending removals the owner has not approved or declined, oldest first.
    public var openPendingRemovals: [LedgerEntry] {
        entries.filter {
            $0.action == .pendingRemoval && reversal(of: $0.id) == nil && resolution(ofPendingRemoval: $0.id) == nil
        }
    }

    /// Whether a penalty is in force at an instant: a removal not reversed, a pending removal not
    /// reversed or declined, or a suspension not reversed and not over. Warnings are never in force;
    /// they only count towards the ladder.
    ///
    /// - Parameters:
    ///   - entry: The entry.
    ///   - instant: The instant.
    /// - Returns: Whether the entry's penalty holds at `instant`.
    public func isInForce(_ entry: LedgerEntry, at instant: Date) -> Bool {
        guard entry.action.isPenalty else { return false }
        if entry.action == .pendingRemoval, let named = superseding(pendingRemoval: entry.id) {
            return isInForce(named, at: instant)
        }
        guard reversal(of: entry.id) == nil else { return false }
        switch entry.action {
        case .removal: return true
        case .pendingRemoval: return resolution(ofPendingRemoval: entry.id)?.action != .removalDeclined
        case .suspension: return instant < (entry.until ?? entry.at)
        default: return false
        }
    }

    /// Where the member stands at an instant; removal outranks a pending removal, which outranks a
    /// suspension.
    ///
    /// - Parameter instant: The instant.
    /// - Returns: The member's standing.
    public func standing(at instant: Date) -> Standing {
        var suspendedUntil: Date?
        var pending = false
        for entry in entries where isInForce(entry, at: instant) {
            switch entry.action {
            case .removal: return .removed
            case .pendingRemoval:
                if resolution(ofPendingRemoval: entry.id)?.action == .removalApproved { return .removed }
                pending = true
            case .suspension:
                suspendedUntil = max(suspendedUntil ?? .distantPast, entry.until ?? entry.at)
            default: break
            }
        }
        if pending { return .pendingRemoval }
        if let suspendedUntil { return .suspended(until: suspendedUntil) }
        return .inGoodStanding
    }

    /// Whether the member may receive re-engagement or win-back messages at an instant.
    ///
    /// A removed or suspended member gets none, and neither does one whose removal is pending.
    ///
    /// - Parameter instant: The instant the message would go out.
    /// - Returns: `true` only when the member is in good standing.
    public func mayReceiveReengagement(at instant: Date) -> Bool { standing(at: instant) == .inGoodStanding }
}
