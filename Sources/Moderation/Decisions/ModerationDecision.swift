import Foundation
import SupportCore

/// A moderation step decided against one version of a member's ledger, ready to apply.
///
/// Apply it with ``MemberLedger/applying(_:)``; it applies only to the ledger version it was made
/// against, so a moderator who acted on a stale ledger gets a conflict instead of a double penalty.
/// Then send the member the message named by ``templateKey``, if any.
public struct ModerationDecision: Sendable, Hashable, Codable {
    /// The member.
    public var member: MemberID
    /// The ledger version the decision was made against.
    public var basedOnVersion: Int
    /// The entry to append; its number is the next in the ledger.
    public var entry: LedgerEntry
    /// The rule that decided, such as `ladder[1]`, `startingStep.severe`,
    /// `removal.payingMemberNeedsOwner`, `reversal` or `ownerApproval`.
    public var rule: String
    /// The penalties that counted towards the ladder when a penalty was decided; empty otherwise.
    public var countedEntries: [Int]
    /// The key of the message template for the member, or `nil` when the member is not told
    /// (a pending removal, a declined removal).
    public var templateKey: String?

    /// Creates a decision. Decisions come from ``ModerationPolicy/decide(violation:ledger:actor:at:)``
    /// and the ledger's resolutions; this initializer is for hosts restoring stored decisions and for
    /// tests.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - basedOnVersion: The ledger version the decision was made against.
    ///   - entry: The entry to append.
    ///   - rule: The rule that decided.
    ///   - countedEntries: The penalties that counted.
    ///   - templateKey: The member's message template key.
    public init(
        member: MemberID,
        basedOnVersion: Int,
        entry: LedgerEntry,
        rule: String,
        countedEntries: [Int] = [],
        templateKey: String?
    ) {
        self.member = member
        self.basedOnVersion = basedOnVersion
        self.entry = entry
        self.rule = rule
        self.countedEntries = countedEntries
        self.templateKey = templateKey
    }

    /// The decided action.
    public var action: ModerationAction { entry.action }

    /// Message template keys moderation produces.
    public enum TemplateKey {
        /// A warning: the behaviour is not acceptable.
        public static let warning = "moderation.warning"
        /// A final warning: next time, removal.
        public static let finalWarning = "moderation.final_warning"
        /// A suspension.
        public static let suspension = "moderation.suspension"
        /// Removal.
        public static let removal = "moderation.removal"
        /// A penalty was reversed.
        public static let reversal = "moderation.reversal"
    }
}
