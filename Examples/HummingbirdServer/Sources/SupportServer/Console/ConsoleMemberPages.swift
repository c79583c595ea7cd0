import Foundation
import Hummingbird
import SupportEngine

/// The member's portal: their own tickets, status, who handles them, the public conversation, a reply
/// form, the rating after solving, a refund request, and the club's published rules and hours.
///
/// Every ticket is read with `SupportDesk.memberView(of:for:)`, which answers "not found" for another
/// member's ticket and never carries an internal note.
extension WebConsole {
    func addMemberPages(to router: Router<BasicRequestContext>) {
        get(router, "/console/my", for: .member) { page in try await self.portal(page) }
        post(router, "/console/my/tickets", for: .member) { page in
            let member = try page.member()
            let inbound = InboundMessage(
                channel: .webForm,
                externalID: "console-\(UUID().uuidString)",
                sender: member,
                subject: try page.form.required("subject"),
                body: try page.form.required("body"),
                receivedAt: self.clock.now,
                locale: page.language.locale
            )
            let outcome = try await self.desk.receive(inbound)
            return ConsoleHTTP.redirect(to: "/console/my/tickets/\(outcome.ticket.id.rawValue)")
        }
        get(router, "/console/my/tickets/:id", for: .member) { page in try await self.memberTicket(page) }
        post(router, "/console/my/tickets/:id/reply", for: .member) { page in
            let member = try page.member()
            let id = TicketID(rawValue: try page.parameter("id"))
            _ = try await self.desk.memberView(of: id, for: member)
            let inbound = InboundMessage(
                channel: .webForm,
                externalID: "console-\(UUID().uuidString)",
                sender: member,
                threadReference: ThreadKey.ticket(id).rawValue,
                body: try page.form.required("body"),
                receivedAt: self.clock.now
            )
            let outcome = try await self.desk.receive(inbound)
            return ConsoleHTTP.redirect(to: "/console/my/tickets/\(outcome.ticket.id.rawValue)")
        }
        post(router, "/console/my/tickets/:id/rating", for: .member) { page in
            let member = try page.member()
            let id = TicketID(rawValue: try page.parameter("id"))
            _ = try await self.desk.memberView(of: id, for: member)
            guard let score = Int(try page.form.required("score")), (1...5).contains(score) else {
                throw APIError(.badRequest, "invalid_input", "the rating must be 1 to 5")
            }
            do {
                _ = try await self.desk.ratings.rate(
                    id,
                    score: score,
                    comment: page.form.trimmed("comment"),
                    by: member
                )
            } catch let error as RatingError {
                throw APIError(error.code == .notRequester ? .notFound : .conflict, "conflict", error.message)
            }
            return ConsoleHTTP.redirect(to: "/console/my/tickets/\(id.rawValue)")
        }
        post(router, "/console/my/refunds", for: .member) { page in
            let member = try page.member()
            guard let facts = try await self.api.payments(member) else {
                throw APIError(.notFound, "not_found", "no payments were found for your account")
            }
            let result = try await self.desk.refunds.request(
                RefundRequestID(rawValue: "web-\(ConsoleSessions.randomToken().prefix(10))"),
                for: member,
                facts: facts,
                message: try page.form.required("message"),
                via: .webForm,
                by: .member(member)
            )
            return ConsoleHTTP.redirect(to: "/console/my/tickets/\(result.ticket.id.rawValue)")
        }
    }

    func portal(_ page: ConsolePageRequest) async throws -> Response {
        let member = try page.member()
        let tickets = try await desk.memberTickets(of: member)
        let newestFirst = tickets.sorted {
            ($0.createdAt, $0.number?.rawValue ?? 0) > ($1.createdAt, $1.number?.rawValue ?? 0)
        }
        let rows = newestFirst.map { ticket -> HTML in
            """
            <tr><td><a href="/console/my/tickets/\(ticket.id.rawValue)">\(ticket.reference ?? ticket.id.rawValue)</a></td>
            <td>\(ticket.subject)</td><td>\(ConsoleLayout.badge(ticket.status, page.language))</td>
            <td>\(ticket.assigneeName ?? page.say(.nobodyYet))</td><td>\(page.time(ticket.updatedAt))</td></tr>
            """
        }
        let list: HTML =
            tickets.isEmpty
            ? "<p>\(page.say(.noTickets))</p>"
            : """
            <table><caption class="muted">\(page.say(.timesIn, page.zone.identifier))</caption>
            <thead><tr><th scope="col">\(page.say(.request))</th><th scope="col">\(page.say(.subject))</th>
            <th scope="col">\(page.say(.status))</th><th scope="col">\(page.say(.handledBy))</th>
            <th scope="col">\(page.say(.updated))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
            <div class="columns"><div>
            \(list)
            <section aria-labelledby="write"><h2 id="write">\(page.say(.writeToSupport))</h2>
            <form method="post" action="/console/my/tickets" class="stack">\(HTML.csrfField(page.session.csrf))
            <label for="subject">\(page.say(.subject))</label><input id="subject" name="subject" required maxlength="200">
            <label for="body">\(page.say(.message))</label><textarea id="body" name="body" required></textarea>
            <button type="submit">\(page.say(.send))</button></form></section>
            <section aria-labelledby="refund"><h2 id="refund">\(page.say(.refundTitle))</h2>
            <p class="muted">\(page.say(.refundIntro))</p>
            <form method="post" action="/console/my/refunds" class="stack">\(HTML.csrfField(page.session.csrf))
            <label for="refund-message">\(page.say(.message))</label>
            <textarea id="refund-message" name="message" required></textarea>
            <button type="submit">\(page.say(.refundSend))</button></form></section>
            </div><div>\(await rules(page))</div></div>
            """
        return page.page(page.say(.myTickets), body)
    }

    func rules(_ page: ConsolePageRequest) async -> HTML {
        guard let rules = await desk.configuration.boundaries?.publishedRules(in: page.language.locale) else {
            return .empty
        }
        let sections = rules.sections.map { section -> HTML in
            let lines = section.lines.map { line -> HTML in "<li>\(line)</li>" }
            return "<h3>\(section.heading)</h3><ul>\(lines)</ul>"
        }
        return """
            <section aria-labelledby="rules"><h2 id="rules">\(page.say(.rules))</h2>
            <p class="muted">\(rules.title)</p>\(sections)</section>
            """
    }

    func memberTicket(_ page: ConsolePageRequest) async throws -> Response {
        let member = try page.member()
        let view = try await desk.memberView(of: TicketID(rawValue: try page.parameter("id")), for: member)
        let messages = view.messages.map { message -> HTML in
            let (kind, author): (String, String)
            switch message.author {
            case .you: (kind, author) = ("member", page.say(.you))
            case .support: (kind, author) = ("reply", message.authorName ?? page.say(.support))
            case .automatic: (kind, author) = ("automatic", page.say(.automatic))
            }
            return """
                <article class="message \(kind)"><p class="meta"><strong>\(author)</strong> · \(page.time(message.at))</p>
                \(ConsoleLayout.text(message.body))</article>
                """
        }
        var facts: HTML = """
            <dt>\(page.say(.status))</dt><dd>\(ConsoleLayout.badge(view.status, page.language))</dd>
            <dt>\(page.say(.handledBy))</dt><dd>\(view.assigneeName ?? page.say(.nobodyYet))</dd>
            """
        if let expected = view.expectedReply, [.new, .open].contains(view.status) {
            facts = "\(facts)<dt>\(page.say(.expectedReply))</dt><dd>\(page.time(expected))</dd>"
        }
        var forms = HTML.empty
        let path = "/console/my/tickets/\(view.id.rawValue)"
        if view.status != .closed {
            forms = """
                <section aria-labelledby="reply"><h2 id="reply">\(page.say(.reply))</h2>
                <form method="post" action="\(path)/reply" class="stack">\(HTML.csrfField(page.session.csrf))
                <label for="body">\(page.say(.message))</label><textarea id="body" name="body" required></textarea>
                <button type="submit">\(page.say(.send))</button></form></section>
                """
        }
        if let rating = try await desk.ratings.rating(of: view.id) {
            forms = "\(forms)<p>\(page.say(.ratedAlready, String(rating.score)))</p>"
        } else if view.status == .solved {
            let scores = (1...5).reversed().map { (value: String($0), text: String($0)) }
            forms = """
                \(forms)<section aria-labelledby="rate"><h2 id="rate">\(page.say(.rateTitle))</h2>
                <form method="post" action="\(path)/rating" class="stack">\(HTML.csrfField(page.session.csrf))
                \(ConsoleLayout.select(id: "score", label: page.say(.score), options: scores, selected: "5"))
                <label for="comment">\(page.say(.comment))</label><textarea id="comment" name="comment"></textarea>
                <button type="submit">\(page.say(.rate))</button></form></section>
                """
        }
        let body: HTML = """
            <p><a href="/console/my">\(page.say(.back))</a></p>
            <section><h2>\(view.subject)</h2><dl class="facts">\(facts)</dl>
            <p class="muted">\(page.say(.timesIn, page.zone.identifier))</p></section>
            <h2>\(page.say(.conversation))</h2>\(messages)\(forms)
            """
        return page.page("\(page.say(.request)) \(view.reference ?? view.id.rawValue)", body)
    }
}

extension ConsolePageRequest {
    /// The signed-in member.
    func member() throws -> MemberID {
        guard case .member(let id) = session.viewer else { throw APIError(.forbidden, "not_permitted", "members only") }
        return id
    }

    /// The signed-in agent.
    func agent() throws -> AgentID {
        guard case .agent(let id) = session.viewer else { throw APIError(.forbidden, "not_permitted", "agents only") }
        return id
    }

    /// The signed-in owner.
    func owner() throws -> AgentID {
        guard case .owner(let id) = session.viewer else { throw APIError(.forbidden, "not_permitted", "owner only") }
        return id
    }
}
