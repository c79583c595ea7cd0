import Foundation

extension SupportDesk {
    /// A ticket as the support side sees it, found by its number.
    ///
    /// - Parameter number: The ticket's number, as a member or agent reads it out.
    /// - Returns: The agent view.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` when no ticket has the number.
    public func agentView(ofNumber number: TicketNumber) async throws -> AgentTicketView {
        guard let id = try await store.ticketID(forNumber: number) else {
            throw DeskError(
                .notFound,
                "no ticket has the number \(number.formatted(prefix: configuration.ticketNumberPrefix))"
            )
        }
        return try await agentView(of: id)
    }

    /// A ticket as the support side sees it, found by what someone typed into a search box: its number
    /// with or without the prefix (`#1042`, `1042`), or its internal id.
    ///
    /// - Parameter text: The number or id.
    /// - Returns: The agent view, or `nil` when nothing matches.
    /// - Throws: ``StoreError`` when the store fails.
    public func lookUpTicket(_ text: String) async throws -> AgentTicketView? {
        if let number = TicketNumber(parsing: text, prefix: configuration.ticketNumberPrefix),
            let id = try await store.ticketID(forNumber: number)
        {
            return try await agentView(of: id)
        }
        let id = TicketID(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !id.rawValue.isEmpty, try await store.ticket(id) != nil else { return nil }
        return try await agentView(of: id)
    }

    /// The ticket's number as people see it (`#1042`), or the empty text for a ticket stored before
    /// numbers existed: never its internal id.
    func reference(of ticket: Ticket) -> String {
        ticket.number?.formatted(prefix: configuration.ticketNumberPrefix) ?? ""
    }

    /// The subject of a message to the member about a ticket: `Re:`, the ticket's subject and its number
    /// as a tag (`Re: Login [#1042]`), so that a reply carries the reference back.
    func outboundSubject(of ticket: Ticket) -> String {
        guard ticket.number != nil else { return "Re: \(ticket.subject)" }
        return "Re: \(ticket.subject) [\(reference(of: ticket))]"
    }

    /// The sender's own ticket a message refers to by number, following merges; never another member's.
    ///
    /// A reference is a tag `[#1042]` (the desk's prefix and the digits in square brackets) anywhere in
    /// the subject or the body, or the number with its prefix (`#1042`) in the subject or on a quoted
    /// line of the body (one starting with `>`), as a reply quoting the desk's message has it. The
    /// subject is read first, then the body; the first reference naming a ticket of the sender wins.
    /// Numbers of other members' tickets are passed over, so a message can neither reach nor reveal
    /// someone else's ticket.
    func numberedConversation(of inbound: InboundMessage) async throws -> StoredTicket? {
        for number in Self.ticketNumbers(in: inbound, prefix: configuration.ticketNumberPrefix) {
            guard let id = try await store.ticketID(forNumber: number) else { continue }
            if let stored = try await ownConversation(startingAt: id, sender: inbound.sender) { return stored }
        }
        return nil
    }

    /// The numbers a message refers to, in the order ``numberedConversation(of:)`` tries them, at most 8.
    static func ticketNumbers(in inbound: InboundMessage, prefix: String) -> [TicketNumber] {
        var found: [TicketNumber] = []
        func add(_ numbers: [TicketNumber]) {
            for number in numbers where !found.contains(number) && found.count < 8 { found.append(number) }
        }
        if let subject = inbound.subject { add(references(in: Substring(subject), prefix: prefix, bare: true)) }
        let body = inbound.body
        guard let first = prefix.utf8.first, ByteSearch.contains(first, in: body) else { return found }
        add(references(in: Substring(body), prefix: prefix, bare: false))
        for line in body.split(whereSeparator: \.isNewline) where line.first == ">" {
            add(references(in: line, prefix: prefix, bare: true))
        }
        return found
    }

    /// The numbers written in `text` as `[prefix digits]`, and, when `bare`, as `prefix digits` too.
    private static func references(in text: Substring, prefix: String, bare: Bool) -> [TicketNumber] {
        guard let first = prefix.utf8.first, ByteSearch.contains(first, in: text) else { return [] }
        var numbers: [TicketNumber] = []
        var rest = text[...]
        while numbers.count < 8, let range = rest.range(of: prefix) {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let after = digits.endIndex
            let bracketed =
                range.lowerBound > text.startIndex && text[text.index(before: range.lowerBound)] == "["
                && after < text.endIndex && text[after] == "]"
            let standsAlone = after == text.endIndex || !(text[after].isLetter || text[after].isNumber)
            if bracketed || (bare && standsAlone), let number = TicketNumber(parsing: String(digits), prefix: "") {
                numbers.append(number)
            }
            rest = rest[range.upperBound...]
        }
        return numbers
    }

    /// The ticket `id` when it is the sender's, or the ticket it was merged into, followed while it is
    /// the sender's.
    func ownConversation(startingAt id: TicketID, sender: MemberID) async throws -> StoredTicket? {
        guard var stored = try await store.ticket(id), stored.ticket.requester == sender else { return nil }
        var hops = 0
        while let target = stored.ticket.mergedInto, hops < 16, let next = try await store.ticket(target),
            next.ticket.requester == sender
        {
            stored = next
            hops += 1
        }
        return stored
    }

    /// The id a failed ticket commit drew that the store already holds, said plainly with the prefix it
    /// was drawn with, or `nil` when the failure was something else: a new ticket whose id is taken, or
    /// an outbound message whose id is.
    ///
    /// Only commits that write tickets are looked at: their outbound ids come from the ``IDGenerator``,
    /// while journey and feedback messages have ids made from what they are about, where an id in the
    /// store means the message was already written.
    func takenID(in commit: TicketCommit) async -> (message: String, prefix: String)? {
        guard !commit.writes.isEmpty else { return nil }
        for write in commit.writes where write.expectedVersion == 0 {
            if (try? await store.ticket(write.ticket.id)) != nil {
                return ("ticket id \(write.ticket.id) already exists in the store", "T")
            }
        }
        for message in commit.outbound {
            if (try? await store.outbound(message.id)) != nil {
                return ("outbound message id \(message.id) already exists in the store", "O")
            }
        }
        return nil
    }
}
