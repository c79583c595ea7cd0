import Foundation
import Hummingbird
import SupportEngine

/// The agent's inbox: the queue in the desk's order (priority, then the earliest due time, then age)
/// with service-level countdowns in the agent's zone, filters, search, and the presence switch.
extension WebConsole {
    /// The status choices of the inbox filter.
    static let statusChoices: [(name: String, statuses: Set<TicketStatus>?)] = [
        ("open", [.new, .open]), ("pending", [.pending]), ("on_hold", [.onHold]), ("solved", [.solved]),
        ("closed", [.closed]), ("all", nil),
    ]

    func addAgentPages(to router: Router<BasicRequestContext>) {
        get(router, "/console/agent", for: .agent) { page in try await self.inbox(page) }
        post(router, "/console/agent/presence", for: .agent) { page in
            guard let presence = AgentPresence(rawValue: try page.form.required("presence")) else {
                throw APIError(.badRequest, "invalid_input", "the presence must be online, away or offline")
            }
            try await self.desk.agents.setPresence(presence, of: try page.agent())
            return ConsoleHTTP.redirect(to: "/console/agent")
        }
        addTicketPages(to: router)
    }

    func inbox(_ page: ConsolePageRequest) async throws -> Response {
        let agent = try page.agent()
        let parameters = page.request.uri.queryParameters
        let text = parameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces).prefix(200)
        let statusName = parameters["status"].map(String.init) ?? "open"
        let choice = Self.statusChoices.first { $0.name == statusName } ?? Self.statusChoices[0]
        let priority = parameters["priority"].flatMap { Priority(rawValue: String($0)) }
        let tag = parameters["tag"].map(String.init)?.trimmingCharacters(in: .whitespaces).prefix(100)
        let query = TicketQuery(
            text: text.flatMap { $0.isEmpty ? nil : String($0) },
            tags: tag.flatMap { $0.isEmpty ? nil : [String($0)] },
            priorities: priority.map { [$0] },
            statuses: choice.statuses,
            sort: .priority,
            cursor: parameters["cursor"].map { TicketCursor(rawValue: String($0.prefix(500))) },
            limit: 50
        )
        let result = try await desk.tickets(matching: query)
        let tickets = result.tickets
        let now = clock.now
        let prefix = await desk.configuration.ticketNumberPrefix
        let rows = tickets.map { stored -> HTML in
            let ticket = stored.ticket
            let due = ticket.sla.running.values.map(\.dueAt).min()
            return """
                <tr><td><a href="/console/agent/tickets/\(ticket.id.rawValue)">\(ticket.number.map { $0.formatted(prefix: prefix) } ?? ticket.id.rawValue)</a></td>
                <td>\(ticket.subject)</td><td>\(ticket.requester.rawValue)</td>
                <td class="priority-\(ticket.priority.rawValue)">\(page.language.name(of: ticket.priority))</td>
                <td>\(ConsoleLayout.badge(ticket.status, page.language))</td>
                <td>\(ticket.assignee?.rawValue ?? page.say(.unassigned))</td>
                <td>\(due.map { Self.countdown($0, now: now, page) } ?? "—")</td></tr>
                """
        }
        let table: HTML =
            tickets.isEmpty
            ? "<p>\(page.say(.emptyQueue))</p>"
            : """
            <table><caption class="muted">\(page.say(.timesIn, page.zone.identifier))</caption>
            <thead><tr><th scope="col">\(page.say(.ticket))</th><th scope="col">\(page.say(.subject))</th>
            <th scope="col">\(page.say(.member))</th><th scope="col">\(page.say(.priority))</th>
            <th scope="col">\(page.say(.status))</th><th scope="col">\(page.say(.assignee))</th>
            <th scope="col">\(page.say(.due))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let statusOptions = Self.statusChoices.map { choice in
            (
                value: choice.name,
                text: choice.name == "open"
                    ? page.say(.openStatuses)
                    : choice.name == "all"
                        ? page.say(.allStatuses) : page.language.name(of: TicketStatus(rawValue: choice.name) ?? .open)
            )
        }
        let priorityOptions =
            [(value: "", text: page.say(.anyValue))]
            + Priority.allCases.map { (value: $0.rawValue, text: page.language.name(of: $0)) }
        let presence = try await desk.agents.states().first { $0.id == agent }?.presence ?? .offline
        let presenceOptions = [AgentPresence.online, .away].map {
            (value: $0.rawValue, text: page.language.name(of: $0))
        }
        let body: HTML = """
            <section aria-labelledby="presence-heading"><h2 id="presence-heading">\(page.say(.presence)):
            \(page.language.name(of: presence))</h2>
            <form method="post" action="/console/agent/presence" class="row">\(HTML.csrfField(page.session.csrf))
            <div>\(ConsoleLayout.select(id: "presence", label: page.say(.presence), options: presenceOptions, selected: presence.rawValue))</div>
            <button type="submit">\(page.say(.setPresence))</button></form></section>
            <form method="get" action="/console/agent" class="row" role="search" aria-label="\(page.say(.filter))">
            <div><label for="q">\(page.say(.searchLabel))</label><input id="q" name="q" type="search" value="\(text.map(String.init))"></div>
            <div>\(ConsoleLayout.select(id: "status", label: page.say(.status), options: statusOptions, selected: choice.name))</div>
            <div>\(ConsoleLayout.select(id: "priority", label: page.say(.priority), options: priorityOptions, selected: priority?.rawValue ?? ""))</div>
            <div><label for="tag">\(page.say(.tag))</label><input id="tag" name="tag" value="\(tag.map(String.init))"></div>
            <button type="submit">\(page.say(.search))</button></form>
            \(table)\(nextPage(result.next, text: text.map(String.init), status: choice.name, priority: priority, tag: tag.map(String.init), page))
            """
        return page.page(page.say(.inbox), body)
    }

    /// The link to the next page of the queue, with the same filters; nothing on the last page.
    func nextPage(
        _ cursor: TicketCursor?,
        text: String?,
        status: String,
        priority: Priority?,
        tag: String?,
        _ page: ConsolePageRequest
    ) -> HTML {
        guard let cursor else { return .empty }
        var query = URLComponents()
        query.queryItems = [
            URLQueryItem(name: "q", value: text ?? ""), URLQueryItem(name: "status", value: status),
            URLQueryItem(name: "priority", value: priority?.rawValue ?? ""),
            URLQueryItem(name: "tag", value: tag ?? ""),
            URLQueryItem(name: "cursor", value: cursor.rawValue),
        ]
        let href = "/console/agent?" + (query.percentEncodedQuery ?? "")
        return "<p><a href=\"\(href)\" rel=\"next\">\(page.say(.nextPage))</a></p>"
    }

    /// The due time in the viewer's zone with how long is left, or how late it is.
    static func countdown(_ due: Date, now: Date, _ page: ConsolePageRequest) -> HTML {
        let left = due.timeIntervalSince(now)
        if left < 0 {
            return
                "<span class=\"overdue\">\(page.time(due)) (\(page.say(.overdueBy, page.language.duration(left))))</span>"
        }
        return "\(page.time(due)) (\(page.say(.dueIn, page.language.duration(left))))"
    }
}
