import Foundation
import PriorityRouting

let routingEpoch = Date(timeIntervalSince1970: 1_800_000_000)

func agent(
    _ id: String,
    capacity: Int = 5,
    open: Int = 0,
    presence: AgentPresence = .online,
    onShift: Bool = true,
    absent: Bool = false,
    languages: [LocaleTag] = [.en],
    skills: [ContactReason] = [],
    substitute: AgentID? = nil
) -> AgentState {
    AgentState(
        id: AgentID(id),
        displayName: "Agent \(id)",
        languages: languages,
        skills: skills,
        capacity: capacity,
        presence: presence,
        isOnShift: onShift,
        isAbsent: absent,
        substitute: substitute,
        openTickets: open
    )
}

func ticket(
    _ id: String,
    _ priority: Priority = .normal,
    age minutes: Int = 0,
    reason: ContactReason = .other,
    language: LocaleTag? = nil,
    preferred: AgentID? = nil
) -> RoutableTicket {
    RoutableTicket(
        id: TicketID(id),
        priority: priority,
        createdAt: routingEpoch.addingTimeInterval(-Double(minutes) * 60),
        reason: reason,
        language: language,
        preferredAgent: preferred
    )
}

func randomAgents(_ count: Int, _ random: inout SplitMix64) -> [AgentState] {
    (0..<count).map { index in
        agent(
            "a\(index)",
            capacity: Int(random.next() % 6),
            open: Int(random.next() % 4),
            presence: AgentPresence.allCases[Int(random.next() % 3)],
            onShift: random.next() % 4 != 0,
            absent: random.next() % 5 == 0,
            languages: [LocaleTag.builtIn[Int(random.next() % 3)]],
            skills: [ContactReason.builtIn[Int(random.next() % 12)]],
            substitute: random.next() % 3 == 0 ? AgentID("a\(random.next() % UInt64(count))") : nil
        )
    }
}

func randomTickets(_ count: Int, _ random: inout SplitMix64, prefix: String = "T") -> [RoutableTicket] {
    (0..<count).map { index in
        ticket(
            "\(prefix)\(index)",
            Priority.allCases[Int(random.next() % 4)],
            age: Int(random.next() % 500),
            reason: ContactReason.builtIn[Int(random.next() % 12)],
            language: LocaleTag.builtIn[Int(random.next() % 3)],
            preferred: random.next() % 4 == 0 ? AgentID("a\(random.next() % 8)") : nil
        )
    }
}
