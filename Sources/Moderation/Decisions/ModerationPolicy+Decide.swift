import Foundation
import SupportCore

/// What became of a penalty at an instant, as the ladder sees it.
public enum PenaltyStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// It counts towards the ladder: within the forgiveness window, or still in force.
    case counting
    /// The forgiveness window passed and it is not in force. An expiry is automatic: it is not a
    /// reversal and leaves no entry in the ledger.
    case expired
    /// A person reversed it.
    case reversed
    /// The owner declined it (a pending removal).
    case declined
}

extension ModerationPolicy {
    /// What became of a penalty entry at an instant.
    ///
    /// - Parameters:
    ///   - entry: A penalty entry of the ledger.
    ///   - ledger: The ledger.
    ///   - instant: The instant.
    /// - Returns: The status, or `nil` when the entry is not a penalty.
    public func status(of entry: LedgerEntry, in ledger: MemberLedger, at instant: Date) -> PenaltyStatus? {
        guard entry.action.isPenalty else { return nil }
        if entry.action == .pendingRemoval, let named = ledger.superseding(pendingRemoval: entry.id) {
            return status(of: named, in: ledger, at: instant)
        }
        if ledger.reversal(of: entry.id) != nil { return .reversed }
        if entry.action == .pendingRemoval, ledger.resolution(ofPendingRemoval: entry.id)?.action == .removalDeclined {
            return .declined
        }
        if instant < entry.at.addingTimeInterval(forgiveness) || ledger.isInForce(entry, at: instant) {
            return .counting
        }
        return .expired
    }

    /// The penalties that count towards the ladder at an instant.
    ///
    /// - Parameters:
    ///   - ledger: The ledger.
    ///   - instant: The instant.
    /// - Returns: The counting entries, oldest first.
    public func countingEntries(in ledger: MemberLedger, at instant: Date) -> [LedgerEntry] {
        ledger.entries.filter { status(of: $0, in: ledger, at: instant) == .counting }
    }

    /// Decides the next step of the ladder for a violation.
    ///
    /// The next step is one above the highest step among the counting penalties, or the severity's
    /// starting step when that is higher; past the last step it stays at removal. Removal of a paying
    /// member by anyone but the owner becomes a ``ModerationAction/pendingRemoval`` the owner approves
    /// or declines.
    ///
    /// - Parameters:
    ///   - violation: What the member did.
    ///   - ledger: The member's ledger as the moderator sees it now.
    ///   - actor: Who decides: an agent, the owner, or the system (an automatic filter).
    ///   - instant: When.
    /// - Returns: A decision to apply with ``MemberLedger/applying(_:)``.
    /// - Throws: ``ModerationError`` with ``ModerationError/Code/notAuthorized`` for a member,
    ///   ``ModerationError/Code/outOfOrder`` for an instant before the ledger's latest entry, or
    ///   ``ModerationError/Code/invalidPolicy``.
    public func decide(
        violation: Violation,
        ledger: MemberLedger,
        actor: SupportActor,
        at instant: Date
    ) throws
        -> ModerationDecision
    {
        try validate()
        guard actor.isStaff else {
            throw ModerationError(.notAuthorized, "\(actor) is a member and cannot moderate; only staff can")
        }
        try ledger.requireInOrder(instant)

        let counted = countingEntries(in: ledger, at: instant)
        let above = counted.compactMap(\.step).max().map { $0 + 1 } ?? 0
        let start = startingStep.index(for: violation.severity)
        let index = min(max(above, start), ladder.count - 1)
        var rule = start > above && index == start ? "startingStep.\(violation.severity.rawValue)" : "ladder[\(index)]"
        let step = ladder[index]

        var entry = LedgerEntry(
            id: ledger.entries.count + 1,
            action: .warning,
            actor: actor,
            at: instant,
            violation: violation,
            step: index
        )
        let template: String?
        switch step.action {
        case .warning:
            template = ModerationDecision.TemplateKey.warning
        case .finalWarning:
            entry.action = .finalWarning
            template = ModerationDecision.TemplateKey.finalWarning
        case .suspension:
            entry.action = .suspension
            entry.until = instant.addingTimeInterval(TimeInterval(step.days ?? 1) * 86_400)
            template = ModerationDecision.TemplateKey.suspension
        case .removal where ledger.isPaying && actor.role != .owner:
            entry.action = .pendingRemoval
            rule = "removal.payingMemberNeedsOwner"
            template = nil
        case .removal:
            entry.action = .removal
            template = ModerationDecision.TemplateKey.removal
        }
        return ModerationDecision(
            member: ledger.member,
            basedOnVersion: ledger.version,
            entry: entry,
            rule: rule,
            countedEntries: counted.map(\.id),
            templateKey: template
        )
    }
}
