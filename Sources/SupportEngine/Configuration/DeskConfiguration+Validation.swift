import Foundation

extension DeskConfiguration {
    /// Checks every value and names the JSON path of the first problem, as the configuration document
    /// writes it (`delivery.retryDelay`, `routing.agents[1].id`, `sla.targets.urgent.firstReply`); the
    /// message of a top-level value also names its property in code (`DeskConfiguration.deliveryRetryDelay`).
    ///
    /// Durations must be finite numbers of seconds above zero (a NaN auto-close would stop the timers, a
    /// NaN retry delay leave messages pending for ever, a claim of zero seconds exclude nobody); counts in
    /// range, and the last delivery back-off (the retry delay doubled at each attempt) a finite time; agent
    /// ids unique, capacities 1 or more and substitutes other agents; the SLA's targets above zero, its
    /// warning fractions between 0 and 1 and increasing and its escalations in order; personal absences
    /// naming agents of the desk; self-service links with an address; the refund, conduct and journey
    /// policies valid.
    /// ``SupportDesk/init(store:clock:channels:configuration:ids:members:ledgers:journeys:ratings:agentStatuses:access:attachments:)``
    /// runs it, so a desk never starts with a configuration it cannot keep.
    ///
    /// - Throws: ``DeskConfigurationError`` with ``DeskConfigurationError/Code/invalidConfiguration``.
    public func validate() throws {
        func fail(_ path: String, _ message: String) -> DeskConfigurationError {
            DeskConfigurationError(.invalidConfiguration, path: path, message)
        }
        func seconds(_ value: TimeInterval, _ path: String, _ property: String) throws {
            guard value.isFinite, value > 0 else {
                throw fail(
                    path,
                    "must be a finite number of seconds above zero, not \(value) (DeskConfiguration.\(property))"
                )
            }
        }
        func atLeast(_ minimum: Int, _ value: Int, _ path: String, _ property: String, _ unit: String = "") throws {
            guard value >= minimum else {
                throw fail(path, "must be \(minimum)\(unit) or more, not \(value) (DeskConfiguration.\(property))")
            }
        }
        try seconds(autoCloseAfter, "tickets.autoCloseAfter", "autoCloseAfter")
        try atLeast(1, maximumBodyBytes, "tickets.maximumBodyBytes", "maximumBodyBytes", " bytes")
        try atLeast(1, maximumSubjectLength, "tickets.maximumSubjectLength", "maximumSubjectLength", " characters")
        try atLeast(0, conflictRetries, "tickets.conflictRetries", "conflictRetries")
        if let problem = Self.problem(withTicketNumberPrefix: ticketNumberPrefix) {
            throw fail("tickets.numberPrefix", "\(problem) (DeskConfiguration.ticketNumberPrefix)")
        }
        try seconds(deliveryRetryDelay, "delivery.retryDelay", "deliveryRetryDelay")
        try seconds(deliveryClaimDuration, "delivery.claimDuration", "deliveryClaimDuration")
        try atLeast(1, maximumDeliveryAttempts, "delivery.maximumAttempts", "maximumDeliveryAttempts")
        if let storeScanInterval { try seconds(storeScanInterval, "delivery.storeScanInterval", "storeScanInterval") }
        // The wait before the last retry on a channel is the retry delay doubled once per failed attempt.
        let lastBackOff = deliveryRetryDelay * pow(2, Double(maximumDeliveryAttempts - 1))
        guard lastBackOff.isFinite, Date(timeIntervalSinceReferenceDate: lastBackOff) < .distantFuture else {
            throw fail(
                "delivery.maximumAttempts",
                "\(maximumDeliveryAttempts) attempts double the retry delay of \(deliveryRetryDelay) s past any date: "
                    + "lower the attempts or the delay (DeskConfiguration.maximumDeliveryAttempts)"
            )
        }
        if let problem = attachmentLimits.problem {
            throw fail("attachments", "\(problem) (DeskConfiguration.attachmentLimits)")
        }
        try validateAgents(fail)
        let known = Set(agents.map(\.id))
        for (index, absence) in (boundaries?.absences ?? []).enumerated() {
            if let agent = absence.agent, !known.contains(agent) {
                throw fail(
                    "boundaries.absences[\(index)].agent",
                    "'\(agent)' is not one of the agents: a personal absence names an agent of the desk"
                )
            }
        }
        if let sla { try Self.validate(sla, fail) }
        try validateAlertRecipients(known: known, fail)
        try validateMacros(fail)
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

    private func validateAlertRecipients(
        known: Set<AgentID>,
        _ fail: (String, String) -> DeskConfigurationError
    ) throws {
        var names: Set<String> = []
        for (index, recipient) in alertRecipients.enumerated() {
            if let (field, message) = recipient.problem { throw fail("alerts[\(index)].\(field)", message) }
            guard names.insert(recipient.name).inserted else {
                throw fail("alerts[\(index)].name", "'\(recipient.name)' names two recipients: give each its own name")
            }
            if let agent = recipient.agent, !known.contains(agent) {
                throw fail("alerts[\(index)].agent", "'\(agent)' is not one of the agents of the desk (routing.agents)")
            }
        }
    }

    private func validateMacros(_ fail: (String, String) -> DeskConfigurationError) throws {
        var names: Set<String> = []
        for (index, macro) in macros.enumerated() {
            let path = "macros[\(index)]"
            let name = macro.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name == macro.name, name.count <= 100,
                !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw fail("\(path).name", "give the name agents see: 1 to 100 characters on one line")
            }
            guard names.insert(name.lowercased()).inserted else {
                throw fail("\(path).name", "'\(name)' names two macros: give each its own name")
            }
            if let reply = macro.reply, templates.locales(of: reply).isEmpty {
                throw fail("\(path).reply", "no template '\(reply)': add it under \"templates\" or pick another key")
            }
            if let status = macro.status, status == .new || status == .closed {
                throw fail("\(path).status", "a macro sets open, pending, on_hold or solved, not \(status.rawValue)")
            }
            if let problem = macro.addTags.lazy.compactMap(TicketRules.problem(withTag:)).first {
                throw fail("\(path).addTags", problem)
            }
            guard macro.reply != nil || macro.status != nil || !macro.addTags.isEmpty else {
                throw fail(path, "macro '\(name)' does nothing: give it a reply, a status or tags to add")
            }
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
        for (index, fraction) in sla.warningFractions.enumerated() {
            let path = sla.warningFractions.count == 1 ? "sla.warningFraction" : "sla.warningFractions[\(index)]"
            guard fraction > 0 && fraction < 1 else {
                throw fail(path, "must be between 0 and 1 (exclusive), or null for no warning, not \(fraction)")
            }
            guard index == 0 || fraction > sla.warningFractions[index - 1] else {
                throw fail(path, "must be above the warning before it: list distinct fractions in increasing order")
            }
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

extension DeskConfiguration {
    /// What is wrong with a ticket number prefix, or `nil` when it can be used.
    static func problem(withTicketNumberPrefix prefix: String) -> String? {
        guard !prefix.isEmpty, prefix.count <= 8 else {
            return "must be 1 to 8 characters, such as \"#\" or \"REQ-\", not \(prefix.count)"
        }
        let refused = prefix.unicodeScalars.first { scalar in
            scalar.properties.numericType != nil || scalar.properties.isWhitespace || scalar == "[" || scalar == "]"
                || scalar.properties.generalCategory == .control
        }
        if let refused {
            return "'\(prefix)' contains '\(refused.escaped(asASCII: true))': a prefix may hold no digit, white space, "
                + "control character or square bracket"
        }
        return nil
    }
}
