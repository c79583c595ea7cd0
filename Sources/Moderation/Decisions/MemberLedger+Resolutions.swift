import Foundation
import SupportCore

extension MemberLedger {
    /// Decides a person's reversal of an earlier penalty; a reversed penalty no longer counts.
    ///
    /// Only a person reverses: an agent or the owner, never a member or the system (an automatic
    /// expiry is not a reversal). Reversing a removal of a paying member needs the owner, as the
    /// removal did. A pending removal still waiting for the owner is declined, not reversed.
    ///
    /// - Parameters:
    ///   - id: The number of the penalty entry to reverse.
    ///   - actor: Who reverses.
    ///   - instant: When.
    ///   - note: Why, for the ledger.
    /// - Returns: A decision to apply with ``applying(_:)``.
    /// - Throws: ``ModerationError`` with ``ModerationError/Code/notAuthorized``,
    ///   ``ModerationError/Code/unknownEntry``, ``ModerationError/Code/notReversible``,
    ///   ``ModerationError/Code/alreadyReversed`` or ``ModerationError/Code/outOfOrder``.
    public func reverse(
        entry id: Int,
        by actor: SupportActor,
        at instant: Date,
        note: String = ""
    ) throws
        -> ModerationDecision
    {
        guard actor.role == .agent || actor.role == .owner else {
            throw ModerationError(
                .notAuthorized,
                "only a person on staff (an agent or the owner) can reverse a penalty; \(actor) has the "
                    + "\(actor.role.rawValue) role"
            )
        }
        guard let target = entry(id) else {
            throw ModerationError(
                .unknownEntry,
                "the ledger of '\(member)' has no entry \(id) (it has \(entries.count))"
            )
        }
        guard target.action.isPenalty else {
            throw ModerationError(.notReversible, "entry \(id) is a \(target.action.rawValue), not a penalty")
        }
        guard reversal(of: id) == nil else {
            throw ModerationError(.alreadyReversed, "entry \(id) of '\(member)' was already reversed")
        }
        let resolution = target.action == .pendingRemoval ? resolution(ofPendingRemoval: id) : nil
        if target.action == .pendingRemoval {
            guard let resolution else {
                throw ModerationError(
                    .notReversible,
                    "entry \(id) is a pending removal the owner has not decided; the owner declines it instead"
                )
            }
            if let named = superseding(pendingRemoval: id) {
                throw ModerationError(
                    .notReversible,
                    "entry \(id) was settled together with pending removal \(named.id); reverse entry \(named.id) instead"
                )
            }
            guard resolution.action == .removalApproved else {
                throw ModerationError(.notReversible, "entry \(id) is a pending removal the owner already declined")
            }
        }
        let isRemoval = target.action == .removal || target.action == .pendingRemoval
        if isRemoval, isPaying, actor.role != .owner {
            throw ModerationError(
                .notAuthorized,
                "reversing the removal of paying member '\(member)' needs the owner; \(actor) is an agent"
            )
        }
        try requireInOrder(instant)
        return ModerationDecision(
            member: member,
            basedOnVersion: version,
            entry: LedgerEntry(
                id: entries.count + 1,
                action: .reversal,
                actor: actor,
                at: instant,
                target: id,
                note: note
            ),
            rule: "reversal",
            templateKey: ModerationDecision.TemplateKey.reversal
        )
    }

    /// Decides the owner's approval of the pending removal: the member is removed.
    ///
    /// - Parameters:
    ///   - actor: Who approves; must have the `SupportActor.Role.owner` role.
    ///   - instant: When.
    ///   - note: A note for the ledger.
    /// - Returns: A decision to apply with ``applying(_:)``; it settles every open pending removal.
    /// - Throws: ``ModerationError`` with ``ModerationError/Code/notAuthorized`` for any role but the
    ///   owner, ``ModerationError/Code/noPendingRemoval``, or ``ModerationError/Code/outOfOrder``.
    public func approvePendingRemoval(
        by actor: SupportActor,
        at instant: Date,
        note: String = ""
    ) throws
        -> ModerationDecision
    {
        try resolvePendingRemoval(.removalApproved, by: actor, at: instant, note: note)
    }

    /// Decides the owner's refusal of the pending removal: it no longer counts, and the member stays.
    ///
    /// - Parameters:
    ///   - actor: Who declines; must have the `SupportActor.Role.owner` role.
    ///   - instant: When.
    ///   - note: A note for the ledger.
    /// - Returns: A decision to apply with ``applying(_:)``; it settles every open pending removal.
    /// - Throws: ``ModerationError`` with ``ModerationError/Code/notAuthorized`` for any role but the
    ///   owner, ``ModerationError/Code/noPendingRemoval``, or ``ModerationError/Code/outOfOrder``.
    public func declinePendingRemoval(
        by actor: SupportActor,
        at instant: Date,
        note: String = ""
    ) throws
        -> ModerationDecision
    {
        try resolvePendingRemoval(.removalDeclined, by: actor, at: instant, note: note)
    }

    private func resolvePendingRemoval(
        _ action: ModerationAction,
        by actor: SupportActor,
        at instant: Date,
        note: String
    ) throws -> ModerationDecision {
        let verb = action == .removalApproved ? "approve" : "decline"
        guard actor.role == .owner else {
            throw ModerationError(
                .notAuthorized,
                "only the owner may \(verb) the removal of paying member '\(member)'; \(actor) has the "
                    + "\(actor.role.rawValue) role"
            )
        }
        guard let pending = openPendingRemovals.last else {
            throw ModerationError(.noPendingRemoval, "member '\(member)' has no pending removal to \(verb)")
        }
        try requireInOrder(instant)
        return ModerationDecision(
            member: member,
            basedOnVersion: version,
            entry: LedgerEntry(
                id: entries.count + 1,
                action: action,
                actor: actor,
                at: instant,
                target: pending.id,
                note: note
            ),
            rule: "ownerApproval",
            templateKey: action == .removalApproved ? ModerationDecision.TemplateKey.removal : nil
        )
    }

    func requireInOrder(_ instant: Date) throws {
        if let last = entries.last, instant < last.at {
            throw ModerationError(
                .outOfOrder,
                "\(instant) is before the latest entry of '\(member)' (\(last.at)); the ledger is kept in time order"
            )
        }
    }
}
