import Foundation

extension SupportDesk {
    /// The desk's report for a period: first reply, resolution, SLA attainment and CSAT, overall and
    /// per agent, channel, contact reason and week, computed from the tickets in the desk's store.
    ///
    /// Every ticket created in `[from, to)` is read, page after page, with the ratings the desk holds.
    /// Weeks start on Monday in the time zone of the desk's hours (else its SLA calendar's, else UTC);
    /// agents are named as the configuration names them. Render the result with `DeskReport.html`
    /// or encode it with `DeskReport.json()`.
    ///
    /// ```swift
    /// let report = try await desk.report(from: monday, to: nextMonday, title: "Chess Club")
    /// try Data(report.html.utf8).write(to: url)
    /// ```
    ///
    /// - Parameters:
    ///   - from: The first instant counted.
    ///   - to: The first instant no longer counted; after `from`, at most
    ///     `ReportPeriod.maximumDays` days later.
    ///   - title: The report's title; "Support desk" when `nil`.
    /// - Returns: The report.
    /// - Throws: `ReportError` with `invalidPeriod` for a period that is not one,
    ///   with `storeFailed` when the tickets or ratings cannot be read (no partial
    ///   report is returned).
    public func report(from: Date, to: Date, title: String? = nil) async throws(ReportError) -> DeskReport {
        let period = try ReportPeriod(from: from, to: to)
        var builder = DeskReportBuilder(
            title: title ?? "Support desk",
            period: period,
            timeZone: configuration.hours?.timeZone ?? configuration.sla?.calendar.timeZone
                ?? TimeZone(secondsFromGMT: 0) ?? .current
        )
        builder.agentNames = agentNames
        if case .calendar(let seconds) = configuration.sla?.targets[.normal]?.firstReply {
            builder.firstReplyTarget = seconds
        }
        let tickets: [Ticket]
        let ratings: [Rating]
        do {
            tickets = try await ticketsCreated(in: period)
            ratings = try await ratingStore.allRatings()
        } catch {
            throw ReportError(.storeFailed, "the report's tickets or ratings could not be read: \(error)")
        }
        var scores: [TicketID: Int] = [:]
        for rating in ratings { scores[rating.ticket] = rating.score }
        for ticket in tickets { builder.add(TicketFacts(ticket, rating: scores[ticket.id])) }
        return builder.build()
    }

    /// Every ticket created in a period, over all pages.
    private func ticketsCreated(in period: ReportPeriod) async throws -> [Ticket] {
        var found: [Ticket] = []
        var cursor: TicketID?
        repeat {
            let page = try await store.tickets(
                matching: TicketQuery(
                    text: nil,
                    createdFrom: period.from,
                    createdBefore: period.to,
                    after: cursor,
                    limit: TicketQuery.maximumLimit
                )
            )
            found += page.tickets.map(\.ticket)
            cursor = page.nextCursor
        } while cursor != nil
        return found
    }
}
