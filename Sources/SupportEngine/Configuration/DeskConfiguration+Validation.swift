import Foundation

extension DeskConfiguration {
    /// Checks every value and names the JSON path of the first problem, as the configuration document
    /// writes it (`delivery.retryDelay`, `routing.agents[1].id`, `sla.targets.urgent.firstReply`).
    ///
    /// Durations must be finite numbers of seconds above zero; counts in range; agent ids unique and
    /// substitutes other agents; the SLA's warning fraction between 0 and 1 and its escalations in order;
    /// self-service links with an address; the refund, conduct and journey policies valid.
    ///
    /// - Throws: ``DeskConfigurationError`` with ``DeskConfigurationError/Code/invalidConfiguration``.
    public func validate() throws {
        func fail(_ path: String, _ message: String) -> DeskConfigurationError {
            DeskConfigurationError(.invalidConfiguration, path: path, message)
        }
        func seconds(_ value: TimeInterval, _ path: String) throws {
            guard value.isFinite, value > 0 else {
                throw fail(path, "must be a finite number of seconds above zero, not \(value)")
            }
        }
        try seconds(autoCloseAfter, "tickets.autoCloseAfter")
        guard maximumBodyBytes >= 1 else {
            throw fail("tickets.maximumBodyBytes", "must be 1 or more bytes, not \(maximumBodyBytes)")
        }
        guard maximumSubjectLength >= 1 else {
            throw fail("tickets.maximumSubjectLength", "must be 1 or more characters, not \(maximumSubjectLength)")
        }
        guard conflictRetries >= 0 else {
            throw fail("tickets.conflictRetries", "must be 0 or more, not \(conflictRetries)")
        }
        try seconds(deliveryRetryDelay, "delivery.retryDelay")
        try seconds(deliveryClaimDuration, "delivery.claimDuration")
        guard maximumDeliveryAttempts >= 1 else {
            throw fail("delivery.maximumAttempts", "must be 1 or more, not \(maximumDeliveryAttempts)")
        }
        try validateAgents(fail)
        if let sla { try Self.validate(sla, fail) }
        for key in selfService.keys.sorted() {
            guard !key.rawValue.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("selfService", "a self-service key must be a contact reason such as billing")
            }
            for (index, link) in (selfService[key] ?? []).enumerated() where link.url.isEmpty {
                throw fail("selfService.\(key.rawValue)[\(index)].url", "give the page's address")
            }
        }
        if let rulesLink, rulesLink.trimmingCharacters(in: .whitespaces).isEmpty {
            throw fail("rulesLink", "give the address of the published rules, or leave the key out")
        }
        do {
            try refunds?.validate()
        } catch {
            throw DeskConfigurationError.from(error, at: "refunds")
        }
        do {
            try moderation.validate()
        } catch {
            throw DeskConfigurationError.from(error, at: "moderation")
        }
        do {
            try journey?.validate()
        } catch {
            throw DeskConfigurationError.from(error, at: "journey")
        }
    }

    private func validateAgents(_ fail: (String, String) -> DeskConfigurationError) throws {
        var seen: Set<AgentID> = []
        for (index, agent) in agents.enumerated() {
            let path = "routing.agents[\(index)]"
            guard !agent.id.rawValue.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("\(path).id", "an agent needs an id")
            }
            guard seen.insert(agent.id).inserted else {
                throw fail("\(path).id", "the agent id '\(agent.id)' is used twice: give each agent its own")
            }
            guard !agent.displayName.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("\(path).displayName", "give the name members see")
            }
            guard agent.capacity >= 1 else {
                throw fail("\(path).capacity", "capacity must be 1 or more, not \(agent.capacity)")
            }
        }
        for (index, agent) in agents.enumerated() {
            if let substitute = agent.substitute, !seen.contains(substitute) || substitute == agent.id {
                throw fail(
                    "routing.agents[\(index)].substitute",
                    "'\(substitute)' is not another agent: name one of \(seen.map(\.rawValue).sorted())"
                )
            }
        }
    }

    private static func validate(_ sla: SLAPolicy, _ fail: (String, String) -> DeskConfigurationError) throws {
        let metrics: [(String, KeyPath<ResponseTargets, BusinessDuration?>)] = [
            ("firstReply", \.firstReply), ("nextReply", \.nextReply), ("resolution", \.resolution),
        ]
        for priority in Priority.allCases.reversed() {
            guard let targets = sla.targets[priority] else { continue }
            for (name, metric) in metrics {
                guard let target = targets[keyPath: metric] else { continue }
                guard target.seconds.isFinite, target.seconds > 0 else {
                    throw fail(
                        "sla.targets.\(priority.rawValue).\(name)",
                        "must be above zero: a finite number of seconds, not \(target.seconds)"
                    )
                }
            }
        }
        if let fraction = sla.warningFraction, !(fraction > 0 && fraction < 1) {
            throw fail(
                "sla.warningFraction",
                "must be between 0 and 1 (exclusive), or null for no warning, not \(fraction)"
            )
        }
        var previous: TimeInterval = -1
        for (index, escalation) in sla.escalations.enumerated() {
            guard escalation.after.isFinite, escalation.after >= 0, escalation.after > previous else {
                throw fail(
                    "sla.escalations[\(index)].after",
                    "must be zero or more seconds and later than the level before it, not \(escalation.after)"
                )
            }
            previous = escalation.after
        }
    }
}
