/// What a ledger entry records.
///
/// Penalties (``warning``, ``finalWarning``, ``suspension``, ``removal``, ``pendingRemoval``) come from
/// the ladder; resolutions (``reversal``, ``removalApproved``, ``removalDeclined``) act on an earlier
/// entry named by ``LedgerEntry/target``.
public enum ModerationAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// A warning.
    case warning
    /// A final warning: the next time is removal.
    case finalWarning
    /// A suspension until ``LedgerEntry/until``.
    case suspension
    /// Removal from the club.
    case removal
    /// Removal of a paying member proposed by an agent or the system, waiting for the owner.
    case pendingRemoval
    /// A person undid an earlier penalty; it no longer counts.
    case reversal
    /// The owner approved a pending removal: the member is removed.
    case removalApproved
    /// The owner declined a pending removal: it no longer counts.
    case removalDeclined

    /// Whether the action is a penalty from the ladder.
    public var isPenalty: Bool {
        switch self {
        case .warning, .finalWarning, .suspension, .removal, .pendingRemoval: true
        case .reversal, .removalApproved, .removalDeclined: false
        }
    }
}
