import Foundation
import SupportEngine

/// Builds tickets and writes for the conformance checks through the real lifecycle.
struct ConformanceFixtures: Sendable {
    static let start = Date(timeIntervalSince1970: 1_767_603_600)

    static func creation(
        of id: String,
        member: String = "member-1",
        number: TicketNumber? = nil,
        priority: Priority = .urgent,
        at: Date = start
    ) throws -> (Ticket, TicketEvent) {
        let message = TicketMessage(
            id: MessageID("\(id)-m1"),
            kind: .memberMessage,
            author: .member(MemberID(member)),
            body: "I cannot log in to the club",
            at: at,
            channel: .email,
            externalID: "\(id)-ext"
        )
        let creation = TicketCreation(
            requester: MemberID(member),
            subject: "Login",
            channel: .email,
            reason: .access,
            priority: priority,
            number: number,
            firstMessage: message
        )
        return try TicketRules.create(creation, id: TicketID(id), by: .member(MemberID(member)), at: at)
    }

    static func newWrite(
        _ id: String,
        member: String = "member-1",
        externalID: String? = nil,
        thread: String? = nil,
        dueAt: Date? = nil,
        number: TicketNumber? = nil
    ) throws -> TicketWrite {
        let (ticket, event) = try creation(of: id, member: member, number: number)
        return TicketWrite(
            ticket: ticket,
            expectedVersion: 0,
            events: [event],
            externalKeys: [ExternalMessageKey(channel: .email, externalID: externalID ?? "\(id)-ext")],
            threadKeys: thread.map { [ThreadKey(rawValue: $0)] } ?? [],
            dueAt: dueAt
        )
    }

    static func change(
        _ ticket: Ticket,
        _ command: TicketCommand,
        by actor: SupportActor = .agent("agent-1"),
        at: Date = start.addingTimeInterval(60),
        dueAt: Date? = nil
    ) throws -> TicketWrite {
        let (next, events) = try TicketRules.execute(command, on: ticket, by: actor, at: at)
        return TicketWrite(ticket: next, expectedVersion: ticket.version, events: events, dueAt: dueAt)
    }

    static func outbound(_ id: String, ticket: String, at: Date = start) -> OutboundMessage {
        OutboundMessage(
            id: OutboundID(id),
            ticketID: TicketID(ticket),
            messageID: nil,
            recipient: "member-1",
            channel: .email,
            subject: "Re: Login",
            body: "We are on it",
            createdAt: at
        )
    }
}
