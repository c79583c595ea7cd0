import Foundation
import Moderation

/// 2026-01-01 00:00:00 UTC.
let t0 = Date(timeIntervalSince1970: 1_767_225_600)
let day: TimeInterval = 86_400

func at(day count: Double) -> Date { t0.addingTimeInterval(count * day) }

let member: MemberID = "m-1"
let owner = SupportActor.owner("o-1")
let agent = SupportActor.agent("a-1")
let otherAgent = SupportActor.agent("a-2")

func rude(_ severity: Severity = .minor, ticket: TicketID = "T-1", message: MessageID = "M-1") -> Violation {
    Violation(.rudeness, severity: severity, ticket: ticket, message: message, note: "insulted the agent")
}

extension MemberLedger {
    /// Decides a violation and applies it at once.
    func recording(
        _ violation: Violation,
        by actor: SupportActor = agent,
        at instant: Date,
        policy: ModerationPolicy = .standard
    ) throws -> MemberLedger {
        try applying(policy.decide(violation: violation, ledger: self, actor: actor, at: instant))
    }

    /// The actions of the entries, in order.
    var actions: [ModerationAction] { entries.map(\.action) }
}
