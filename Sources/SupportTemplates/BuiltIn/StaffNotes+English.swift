import Foundation
import Moderation
import RefundRules

/// The internal notes the desk writes for refund and moderation decisions, in English for the support
/// side. Members never see them: they are internal notes, left out of member views and the outbox.
package enum PolicyNotes {
    /// The note for a refund decision: verdict, machine reason, rule, amount and outcomes.
    package static func refund(_ decision: RefundDecision, staffNote: String) -> String {
        let outcomes = decision.outcomes.sorted().map(\.rawValue).joined(separator: ", ")
        var text = """
            Refund request \(decision.requestID) on charge \(decision.chargeID) (plan \(decision.plan)): \
            verdict \(decision.verdict.rawValue); reason \(decision.reason.rawValue); rule \(decision.rule); \
            amount \(decision.amount) (entitlement \(decision.entitlement)); \
            outcomes \(outcomes.isEmpty ? "none" : outcomes); decided by \(decision.decidedBy).
            """
        if decision.verdict == .escalateToOwner {
            text += "\nWaiting for the owner to approve or decline it."
        }
        if !staffNote.isEmpty { text += "\n\(staffNote)" }
        return text
    }

    /// The note for a moderation decision: the action, the rule, the violation and the ledger entry.
    package static func moderation(_ decision: ModerationDecision, violation: Violation?) -> String {
        let entry = decision.entry
        var text = "Moderation of member \(decision.member): \(entry.action.rawValue) (rule \(decision.rule)), "
        text += "ledger entry \(entry.id) by \(entry.actor)"
        if let target = entry.target { text += ", acting on entry \(target)" }
        text += "."
        if let violation {
            text += "\nViolation: \(violation.kind) (\(violation.severity.rawValue))"
            if let message = violation.message { text += " in message \(message)" }
            text += "."
            if !violation.note.isEmpty { text += "\nModerator's note: \(violation.note)" }
        }
        if !decision.countedEntries.isEmpty {
            text += "\nCounted entries: \(decision.countedEntries.map(String.init).joined(separator: ", "))."
        }
        if entry.action == .pendingRemoval {
            text += "\nThe member pays: the owner approves or declines the removal. The member is not told yet."
        }
        if !entry.note.isEmpty, entry.note != violation?.note { text += "\nNote: \(entry.note)" }
        return text
    }

    /// A ticket subject from the member's words: the first line, cut to 80 characters.
    package static func subject(from words: String?, fallback: String) -> String {
        let line = words?.split(whereSeparator: \.isNewline).first { $0.contains { !$0.isWhitespace } }
        let text = line.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !text.isEmpty else { return fallback }
        return text.count > 80 ? String(text.prefix(79)) + "…" : text
    }
}
