import Foundation

extension SupportDesk {
    /// Whether the ticket was answered with the out-of-scope redirect.
    static func wasRedirected(_ ticket: Ticket) -> Bool {
        ticket.messages.contains { $0.templateKey == TemplateKey.outOfScope.rawValue }
    }

    /// Reports repeated out-of-scope requests to the conduct ladder as `support_line_misuse`, when the
    /// member reached ``MisuseRule/count`` of them within the rule's window.
    ///
    /// The request itself is already stored and answered, so a failure here is not the caller's: it is
    /// swallowed, and the member's next out-of-scope request counts them all again.
    func countMisuse(on ticket: Ticket) async {
        guard let rule = configuration.boundaries?.scope.misuse,
            let message = ticket.messages.first(where: { $0.kind == .memberMessage })
        else { return }
        do {
            let since = clock.now.addingTimeInterval(-rule.window)
            var count = 0
            var cursor: TicketID?
            repeat {
                let page = try await store.tickets(
                    matching: TicketQuery(requester: ticket.requester, after: cursor, limit: TicketQuery.maximumLimit)
                )
                count +=
                    page.tickets.filter { stored in
                        stored.ticket.messages.contains {
                            $0.templateKey == TemplateKey.outOfScope.rawValue && $0.at >= since
                        }
                    }.count
                cursor = page.nextCursor
            } while cursor != nil
            guard count >= rule.count else { return }
            let note =
                "\(count) requests outside what the support line handles within \(rule.withinDays) days; "
                + "each got the redirect"
            _ = try await reportConduct(
                on: ticket.id,
                message: message.id,
                violation: Violation(.supportLineMisuse, note: note),
                by: .system
            )
        } catch {
            return
        }
    }
}
