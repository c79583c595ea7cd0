import Foundation
import Hummingbird
import SupportEngine

/// The agent's ticket page: the conversation with internal notes set apart, the reply, note, macro,
/// status, assign and merge forms, the service-level clocks, why the ticket was routed as it was, and
/// its deliveries with their attempts and dead letters.
extension WebConsole {
    func addTicketPages(to router: Router<BasicRequestContext>) {
        get(router, "/console/agent/tickets/:id", for: .agent) { page in try await self.agentTicket(page) }
        ticketAction(router, "reply") { page, id, agent in
            let status = try page.form.trimmed("status").map(SupportAPI.status(named:))
            try await self.desk.reply(to: id, body: try page.form.required("body"), by: .agent(agent), status: status)
            return id
        }
        ticketAction(router, "note") { page, id, agent in
            try await self.desk.addInternalNote(to: id, body: try page.form.required("body"), by: .agent(agent))
            return id
        }
        ticketAction(router, "macro") { page, id, agent in
            do {
                try await self.desk.apply(macroNamed: try page.form.required("macro"), to: id, by: .agent(agent))
            } catch let error as TemplateError {
                throw APIError(.badRequest, "invalid_input", error.message)
            }
            return id
        }
        ticketAction(router, "status") { page, id, agent in
            let status = try SupportAPI.status(named: try page.form.required("status"))
            try await self.desk.setStatus(status, of: id, by: .agent(agent))
            return id
        }
        ticketAction(router, "assign") { page, id, agent in
            let target = page.form.trimmed("assignee").map(AgentID.init(rawValue:))
            try await self.desk.assign(id, to: target, by: .agent(agent))
            return id
        }
        ticketAction(router, "merge") { page, id, agent in
            let into = try page.form.required("into")
            // The surviving ticket by its number as agents read it (`#1042`, `1042`), else by its id.
            let prefix = await self.desk.configuration.ticketNumberPrefix
            let target =
                if let number = TicketNumber(parsing: into, prefix: prefix) {
                    try await self.desk.agentView(ofNumber: number).ticket.id
                } else {
                    TicketID(rawValue: into)
                }
            return try await self.desk.merge(id, into: target, by: .agent(agent)).id
        }
    }

    /// A form on the ticket page: runs the action and shows the ticket it answers with.
    func ticketAction(
        _ router: Router<BasicRequestContext>,
        _ name: String,
        _ action: @escaping @Sendable (ConsolePageRequest, TicketID, AgentID) async throws -> TicketID
    ) {
        post(router, "/console/agent/tickets/:id/\(name)", for: .agent) { page in
            let shown = try await action(page, TicketID(rawValue: try page.parameter("id")), try page.agent())
            return ConsoleHTTP.redirect(to: "/console/agent/tickets/\(shown.rawValue)")
        }
    }

    func agentTicket(_ page: ConsolePageRequest) async throws -> Response {
        _ = try page.agent()
        let view = try await desk.agentView(of: TicketID(rawValue: try page.parameter("id")))
        let ticket = view.ticket
        let messages = ticket.messages.map { message -> HTML in
            let who = message.author.agentID?.rawValue ?? ticket.requester.rawValue
            switch message.kind {
            case .internalNote:
                return """
                    <article class="message note" aria-label="\(page.say(.internalNote))"><p class="meta">
                    <span class="note-label">\(page.say(.internalNote))</span> · <strong>\(who)</strong> · \(page.time(message.at))</p>
                    \(ConsoleLayout.text(message.body))</article>
                    """
            case .memberMessage, .publicReply, .automatic:
                let kind =
                    message.kind == .memberMessage ? "member" : message.kind == .publicReply ? "reply" : "automatic"
                let author = message.kind == .automatic ? page.say(.automatic) : who
                return """
                    <article class="message \(kind)"><p class="meta"><strong>\(author)</strong> · \(page.time(message.at))</p>
                    \(ConsoleLayout.text(message.body))</article>
                    """
            }
        }
        let facts: HTML = """
            <dl class="facts"><dt>\(page.say(.member))</dt><dd>\(ticket.requester.rawValue)</dd>
            <dt>\(page.say(.status))</dt><dd>\(ConsoleLayout.badge(ticket.status, page.language))</dd>
            <dt>\(page.say(.priority))</dt><dd class="priority-\(ticket.priority.rawValue)">\(page.language.name(of: ticket.priority))</dd>
            <dt>\(page.say(.assignee))</dt><dd>\(ticket.assignee?.rawValue ?? page.say(.unassigned))</dd>
            <dt>\(page.say(.tags))</dt><dd>\(ticket.tags.joined(separator: ", "))</dd>
            <dt>\(page.say(.channel))</dt><dd>\(ticket.channel.rawValue)</dd></dl>
            """
        let body: HTML = """
            <p><a href="/console/agent">\(page.say(.back))</a></p>
            <div class="columns"><div>
            <section><h2>\(ticket.subject)</h2>\(facts)</section>
            <h2>\(page.say(.conversation))</h2>\(messages)
            \(await forms(view, page))
            </div><div>
            \(clocks(ticket, page))\(routing(ticket, page))\(deliveries(view, page))
            </div></div>
            """
        return page.page("\(page.say(.ticket)) \(view.reference ?? ticket.id.rawValue)", body)
    }

    func forms(_ view: AgentTicketView, _ page: ConsolePageRequest) async -> HTML {
        let path = "/console/agent/tickets/\(view.ticket.id.rawValue)"
        let csrf = HTML.csrfField(page.session.csrf)
        let statuses = TicketStatus.allCases.map { (value: $0.rawValue, text: page.language.name(of: $0)) }
        let afterReply = [(value: "", text: page.say(.keepStatus))] + statuses
        let macros = desk.macros.map { (value: $0.name, text: $0.name) }
        let agents =
            [(value: "", text: page.say(.unassigned))]
            + (await desk.configuration.agents).map { (value: $0.id.rawValue, text: $0.displayName) }
        let statusSelect = ConsoleLayout.select(
            id: "set-status",
            name: "status",
            label: page.say(.status),
            options: statuses,
            selected: view.ticket.status.rawValue
        )
        let macroForm: HTML =
            macros.isEmpty
            ? .empty
            : """
            <form method="post" action="\(path)/macro" class="row">\(csrf)
            <div>\(ConsoleLayout.select(id: "macro", label: page.say(.macro), options: macros))</div>
            <button type="submit">\(page.say(.applyMacro))</button></form>
            """
        return """
            <section aria-labelledby="reply-heading"><h2 id="reply-heading">\(page.say(.reply))</h2>
            <form method="post" action="\(path)/reply" class="stack">\(csrf)
            <label for="reply-body">\(page.say(.message))</label><textarea id="reply-body" name="body" required></textarea>
            \(ConsoleLayout.select(id: "status", label: page.say(.statusAfterReply), options: afterReply))
            <button type="submit">\(page.say(.sendReply))</button></form></section>
            <section aria-labelledby="note-heading" class="card"><h2 id="note-heading">\(page.say(.internalNote))</h2>
            <form method="post" action="\(path)/note" class="stack">\(csrf)
            <label for="note-body">\(page.say(.internalNote))</label><textarea id="note-body" name="body" required></textarea>
            <button type="submit" class="quiet">\(page.say(.addNote))</button></form></section>
            <section aria-labelledby="actions-heading"><h2 id="actions-heading">\(page.say(.ticketActions))</h2>
            \(macroForm)
            <form method="post" action="\(path)/status" class="row">\(csrf)
            <div>\(statusSelect)</div>
            <button type="submit">\(page.say(.setStatus))</button></form>
            <form method="post" action="\(path)/assign" class="row">\(csrf)
            <div>\(ConsoleLayout.select(id: "assignee", label: page.say(.assignee), options: agents, selected: view.ticket.assignee?.rawValue ?? ""))</div>
            <button type="submit">\(page.say(.assign))</button></form>
            <form method="post" action="\(path)/merge" class="row">\(csrf)
            <div><label for="into">\(page.say(.mergeInto))</label><input id="into" name="into" required></div>
            <button type="submit" class="quiet">\(page.say(.merge))</button></form></section>
            """
    }

    func clocks(_ ticket: Ticket, _ page: ConsolePageRequest) -> HTML {
        let now = clock.now
        var items = ticket.sla.running.map { metric, clock -> HTML in
            "<li><strong>\(page.language.name(of: metric))</strong>: \(Self.countdown(clock.dueAt, now: now, page))</li>"
        }
        items += ticket.sla.paused.sorted { $0.key.rawValue < $1.key.rawValue }.map { metric, paused -> HTML in
            """
            <li><strong>\(page.language.name(of: metric))</strong>: \(page.say(.paused)),
            \(page.language.duration(paused.remaining))</li>
            """
        }
        let breaches = ticket.sla.firings.filter { $0.step == .breach }.map { firing -> HTML in
            "<li class=\"overdue\">\(page.language.name(of: firing.metric)): \(page.time(firing.dueAt))</li>"
        }
        let running: HTML = items.isEmpty ? "<p>\(page.say(.noClocks))</p>" : "<ul class=\"plain\">\(items)</ul>"
        let missed: HTML =
            breaches.isEmpty ? .empty : "<h3>\(page.say(.breaches))</h3><ul class=\"plain\">\(breaches)</ul>"
        return """
            <section aria-labelledby="clocks-heading"><h2 id="clocks-heading">\(page.say(.slaClocks))</h2>
            \(running)\(missed)<p class="muted">\(page.say(.timesIn, page.zone.identifier))</p></section>
            """
    }

    func routing(_ ticket: Ticket, _ page: ConsolePageRequest) -> HTML {
        let items = ticket.explanations.values.map { explanation -> HTML in
            "<dt>\(explanation.aspect.rawValue): \(explanation.value)</dt><dd>\(explanation.because)</dd>"
        }
        guard !items.isEmpty else { return .empty }
        return """
            <section aria-labelledby="routing-heading"><h2 id="routing-heading">\(page.say(.routing))</h2>
            <dl>\(items)</dl></section>
            """
    }

    func deliveries(_ view: AgentTicketView, _ page: ConsolePageRequest) -> HTML {
        let items = view.deliveries.map { message -> HTML in
            let dead = message.state == .deadLettered
            let state: HTML =
                dead ? "<strong class=\"overdue\">\(page.say(.deadLettered))</strong>" : "\(message.state.rawValue)"
            // Each failed attempt with its channel, time and reason; a delivered one needs no line.
            let failures = message.history.compactMap { attempt -> HTML? in
                switch attempt.outcome {
                case .delivered: return nil
                case .failed(let reason), .unavailable(let reason):
                    return
                        "<li>#\(attempt.number) \(attempt.channel.rawValue) · \(page.time(attempt.at)) · \(reason)</li>"
                }
            }
            let error: HTML = failures.isEmpty ? .empty : "<ul class=\"muted\">\(failures)</ul>"
            return """
                <li>\(message.channel.rawValue) · \(state) · \(page.say(.attempts, String(message.attempts)))
                · \(page.time(message.createdAt))\(error)</li>
                """
        }
        let list: HTML = items.isEmpty ? "<p>\(page.say(.noDeliveries))</p>" : "<ul class=\"plain\">\(items)</ul>"
        return """
            <section aria-labelledby="deliveries-heading"><h2 id="deliveries-heading">\(page.say(.deliveries))</h2>
            \(list)</section>
            """
    }
}
