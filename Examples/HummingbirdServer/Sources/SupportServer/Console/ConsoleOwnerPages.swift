import Foundation
import Hummingbird
import SupportEngine

/// The owner's inbox: escalated refunds and pending removals to approve or decline, undelivered
/// messages to send again, missed service-level targets, and the live report of the last 30 days.
extension WebConsole {
    func addOwnerPages(to router: Router<BasicRequestContext>) {
        get(router, "/console/owner", for: .owner) { page in try await self.ownerInbox(page) }
        post(router, "/console/owner/refunds/:member/:request", for: .owner) { page in
            let owner = try page.owner()
            let member = MemberID(rawValue: try page.parameter("member"))
            let request = RefundRequestID(rawValue: try page.parameter("request"))
            let note = page.form.trimmed("note") ?? ""
            switch try page.form.required("decision") {
            case "approve":
                guard let facts = try await self.api.payments(member) else {
                    throw APIError(.notFound, "not_found", "no payments were found for \(member)")
                }
                _ = try await self.desk.refunds.approve(
                    request,
                    of: member,
                    facts: facts,
                    note: note,
                    by: .owner(owner)
                )
            case "decline":
                _ = try await self.desk.refunds.decline(request, of: member, note: note, by: .owner(owner))
            default:
                throw APIError(.badRequest, "invalid_input", "the decision must be approve or decline")
            }
            return ConsoleHTTP.redirect(to: "/console/owner")
        }
        post(router, "/console/owner/removals/:member", for: .owner) { page in
            let owner = try page.owner()
            let member = MemberID(rawValue: try page.parameter("member"))
            let note = page.form.trimmed("note") ?? ""
            switch try page.form.required("decision") {
            case "approve": _ = try await self.desk.moderation.approveRemoval(of: member, note: note, by: .owner(owner))
            case "decline": _ = try await self.desk.moderation.declineRemoval(of: member, note: note, by: .owner(owner))
            default: throw APIError(.badRequest, "invalid_input", "the decision must be approve or decline")
            }
            return ConsoleHTTP.redirect(to: "/console/owner")
        }
        post(router, "/console/owner/dead-letters/:id/retry", for: .owner) { page in
            _ = try await self.desk.retryDeadLetter(OutboundID(try page.parameter("id")), by: .owner(try page.owner()))
            return ConsoleHTTP.redirect(to: "/console/owner")
        }
    }

    func ownerInbox(_ page: ConsolePageRequest) async throws -> Response {
        _ = try page.owner()
        let inbox = try await desk.ownerInbox()
        let csrf = HTML.csrfField(page.session.csrf)
        func items(_ kind: OwnerInboxItem.Kind) -> [OwnerInboxItem] { inbox.items.filter { $0.kind == kind } }
        func decision(_ action: String, index: Int) -> HTML {
            """
            <form method="post" action="\(action)" class="row">\(csrf)
            <div><label for="note-\(index)">\(page.say(.note))</label><input id="note-\(index)" name="note"></div>
            <button type="submit" name="decision" value="approve">\(page.say(.approve))</button>
            <button type="submit" name="decision" value="decline" class="decline">\(page.say(.decline))</button></form>
            """
        }
        var index = 0
        func list(_ kind: OwnerInboxItem.Kind, _ heading: Phrase) -> HTML {
            let rows = items(kind).map { item -> HTML in
                index += 1
                var form = HTML.empty
                switch item.action {
                case .decideRefund(let request, let member):
                    form = decision("/console/owner/refunds/\(member.rawValue)/\(request.rawValue)", index: index)
                case .decideRemoval(let member, _):
                    form = decision("/console/owner/removals/\(member.rawValue)", index: index)
                case .retryDelivery(let id):
                    form = """
                        <form method="post" action="/console/owner/dead-letters/\(id.rawValue)/retry" class="inline">\(csrf)
                        <button type="submit">\(page.say(.retry))</button></form>
                        """
                case .attendTicket: break
                }
                let who: HTML = item.member.map { "<strong>\($0.rawValue)</strong> · " } ?? .empty
                return """
                    <li>\(who)\(item.summary) <span class="muted">(\(page.say(.since, page.time(item.since))))</span>\(form)</li>
                    """
            }
            let content: HTML =
                rows.isEmpty ? "<p class=\"muted\">\(page.say(.nothingWaits))</p>" : "<ul class=\"plain\">\(rows)</ul>"
            let id = "heading-\(kind.rawValue)"
            return "<section aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(page.say(heading))</h2>\(content)</section>"
        }
        let body: HTML = """
            <div class="columns"><div>
            \(list(.refundAwaitingOwner, .escalatedRefunds))\(list(.removalAwaitingOwner, .pendingRemovals))
            \(list(.slaBreached, .breaches))\(list(.deadLetter, .deadLetters))
            </div><div>\(try await report(page))</div></div>
            """
        return page.page(page.say(.ownerInbox), body)
    }

    func report(_ page: ConsolePageRequest) async throws -> HTML {
        let now = clock.now
        let report = try await desk.report(from: now.addingTimeInterval(-30 * 86_400), to: now)
        let figures = report.overall
        func percent(_ rate: Double?) -> String { rate.map { "\(Int(($0 * 100).rounded())) %" } ?? "—" }
        let cards: [(Phrase, String)] = [
            (.tickets, String(figures.tickets)),
            (.resolved, String(figures.resolved)),
            (.firstReplyMedian, figures.firstReplyMedian.map { page.language.duration($0) } ?? "—"),
            (.slaAttainment, percent(figures.slaAttainment.rate)),
            (.averageRating, figures.averageRating.map { String(format: "%.1f", $0) } ?? "—"),
        ]
        let items = cards.map { phrase, value -> HTML in
            "<div class=\"figure\"><span>\(page.say(phrase))</span><strong>\(value)</strong></div>"
        }
        return """
            <section aria-labelledby="report-heading"><h2 id="report-heading">\(page.say(.liveReport))</h2>
            <div class="figures">\(items)</div></section>
            """
    }
}
