import Foundation

/// The routing decisions the desk makes while it receives a message: the contact reason, the
/// priority and the explanations to record, and the agent a new ticket goes to.
extension SupportDesk {
    /// Classifies a new message and sets its priority; returns the explanations to record.
    func classify(
        _ inbound: InboundMessage,
        member: MemberProfile
    ) -> (reason: ContactReason, priority: Priority, language: LocaleTag?, explanations: [RoutingExplanation]) {
        let settings = configuration.routing
        let classification = settings.classifier.classify(
            subject: inbound.subject,
            body: inbound.body,
            explicitReason: inbound.reason
        )
        let decision = settings.priorities.decide(
            PriorityInput(
                reason: classification.reason,
                segment: member.segment,
                channel: inbound.channel,
                tier: member.tier,
                subject: inbound.subject,
                body: inbound.body
            )
        )
        let reasonWhy: String
        switch classification.source {
        case .explicit:
            reasonWhy = routing.explanationText(.explicitReason(inbound.channel)) {
                "stated with the message (\(inbound.channel))"
            }
        case .rule:
            let rule = classification.ruleID ?? "?"
            let pattern = classification.matchedPattern ?? ""
            reasonWhy = routing.explanationText(.reasonRule(rule, pattern, classification.score)) {
                "rule \(rule) matched '\(pattern)' (score \(classification.score))"
            }
        case .fallback: reasonWhy = "no rule matched"
        }
        let priorityWhy = decision.ruleName.map { name in
            routing.explanationText(.priorityRule(name)) { "rule '\(name)'" }
        }
        // Room for the assignee's explanation, which the caller adds: the array is stored as it is.
        var explanations: [RoutingExplanation] = []
        explanations.reserveCapacity(RoutingExplanation.Aspect.allCases.count)
        explanations.append(
            RoutingExplanation(aspect: .reason, value: classification.reason.rawValue, because: reasonWhy)
        )
        explanations.append(
            RoutingExplanation(
                aspect: .priority,
                value: decision.priority.rawValue,
                because: priorityWhy ?? "the default priority"
            )
        )
        return (classification.reason, decision.priority, classification.language, explanations)
    }

    /// Chooses an agent for a ticket that has none, and reserves the capacity; `nil` leaves it queued.
    func chooseAgent(for ticket: Ticket, excluding: AgentID? = nil) -> Assignment? {
        guard configuration.routing.autoAssign, !configuration.agents.isEmpty else { return nil }
        var agents = routing.routable(currentAgentStates(at: clock.now))
        if let excluding { agents.removeAll { $0.id == excluding } }
        return routing.assigner.choose(for: routable(ticket), among: agents)
    }

    func describe(_ basis: AssignmentBasis) -> String {
        switch basis {
        case .preferred: "the member's preferred agent"
        case .substitute(let absent): "substitute for \(absent), who is absent"
        case .strategy(let strategy): "\(strategy) among available agents"
        }
    }
}
