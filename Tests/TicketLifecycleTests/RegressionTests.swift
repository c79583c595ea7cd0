import Foundation
import Testing
import TicketLifecycle

/// Bugs found in TicketLifecycle by the first test pass, kept as regression tests now that they are fixed.
@Suite("Regressions")
struct RegressionTests {
    /// TicketLifecycle.swift, `changes(for:on:by:at:)`, `case .reply` (lines 137-144): when the
    /// requested status equals the current one no status rule runs, so `reply(_, status: .new)` on a
    /// new ticket is accepted and the answered ticket stays `new` ("nobody has answered yet"), still
    /// `needsAttention`, although a reply without a status would move it to `open`. It should be refused
    /// with `neverBackToNew` (or treated as no status and move the ticket to `open`).
    @Test("a reply asking for new on a new ticket must not leave the answered ticket new")
    func replyAskingForNewOnNewTicket() throws {
        let story = try Story()
        expectRefused(.neverBackToNew) {
            _ = try TicketRules.handle(
                .reply(Fixture.draft("Hello"), status: .new),
                on: story.ticket,
                by: .agentA,
                at: story.nextInstant
            )
        }
    }

    /// TicketLifecycle.swift, `create(_:id:by:at:)` (lines 37-43): only the requester and the body are
    /// checked, not the first message. A member can open a ticket whose first message is a public reply
    /// signed by an agent, an internal note, or a message signed by someone else. `TicketCreation`
    /// documents that a member's ticket starts with a member message; `create` should refuse anything
    /// else from a member with `notPermitted`.
    @Test(
        "a member's ticket must start with the member's own message",
        arguments: [
            (TicketMessage.Kind.publicReply, SupportActor.agentA),
            (.internalNote, .requester),
            (.automatic, .system),
            (.memberMessage, .otherMember),
        ]
    )
    func memberCreationFirstMessage(kind: TicketMessage.Kind, author: SupportActor) {
        let creation = Fixture.creation(author: author, kind: kind)
        expectRefused(.notPermitted, "\(kind) by \(author)") {
            _ = try TicketRules.create(creation, id: Fixture.ticketID, by: .requester, at: Fixture.start)
        }
    }
}

@Suite("Hardening")
struct HardeningTests {
    @Test(
        "bodies that show no text are refused",
        arguments: [
            "\u{200B}", "\u{FEFF}", "\u{0}", " \u{200B}\n\u{FEFF} ", "\u{0}\u{1}\t",
            // At the edges of the visible ASCII characters the check takes without reading further.
            "\u{7F}", " \u{7F}", "\u{20}",
        ]
    )
    func invisibleBodies(body: String) throws {
        let story = try Story()
        expectRefused(.invalidMessage, "body \(body.unicodeScalars.map(\.value))") {
            _ = try TicketRules.handle(
                .internalNote(Fixture.draft(body)),
                on: story.ticket,
                by: .agentA,
                at: story.nextInstant
            )
        }
    }

    @Test(
        "a body that starts with a visible ASCII character is accepted",
        arguments: ["!", "~", "M\u{301}", "a\u{200B}"]
    )
    func visibleASCIIStart(body: String) throws {
        var story = try Story()
        try story.run(.internalNote(Fixture.draft(body)))
        #expect(story.ticket.messages.last?.body == body)
    }

    @Test("text with invisible characters around it is accepted")
    func visibleTextWithInvisibleCharacters() throws {
        var story = try Story()
        try story.run(.internalNote(Fixture.draft("\u{FEFF}ok\u{200B}")))
        #expect(story.ticket.messages.last?.body == "\u{FEFF}ok\u{200B}")
    }

    @Test("a forged status change does not replay")
    func forgedStatusHistory() throws {
        var story = try Story()
        try story.run(.setStatus(.open))
        var events = story.events
        let forged = events[1]
        events[1] = TicketEvent(
            ticketID: forged.ticketID,
            sequence: forged.sequence,
            at: forged.at,
            actor: forged.actor,
            change: .statusChanged(from: .solved, to: .open)
        )
        expectRefused(.invalidHistory) { _ = try Ticket.replay(events) }
        #expect(try Ticket.replay(story.events) == story.ticket)
    }

    @Test("service-level changes are the system's and replay into the record")
    func slaChanges() throws {
        var story = try Story()
        let clock = SLAClock(
            metric: .firstReply,
            startedAt: Fixture.start,
            dueAt: Fixture.at(60),
            warningAt: Fixture.at(45)
        )
        expectRefused(.notPermitted) {
            _ = try TicketRules.handle(
                .recordSLA([.started(clock)]),
                on: story.ticket,
                by: .agentA,
                at: story.nextInstant
            )
        }
        expectRefused(.noChange) {
            _ = try TicketRules.handle(.recordSLA([]), on: story.ticket, by: .system, at: story.nextInstant)
        }
        try story.run(.recordSLA([.started(clock)]), by: .system)
        #expect(story.ticket.sla.running[.firstReply] == clock)
        let firing = SLAFiring(
            metric: .firstReply,
            step: .warning,
            clockStartedAt: clock.startedAt,
            dueAt: Fixture.at(45),
            firedAt: Fixture.at(46)
        )
        try story.run(.recordSLA([.fired(firing)]), by: .system)
        #expect(story.ticket.sla.hasFired(.warning, of: clock))
        #expect(!story.ticket.sla.hasFired(.breach, of: clock))
        let measurement = SLAMeasurement(
            metric: .firstReply,
            startedAt: Fixture.start,
            metAt: Fixture.at(50),
            businessSeconds: 3000,
            calendarSeconds: 3000,
            late: false
        )
        try story.run(.recordSLA([.met(measurement)]), by: .system)
        #expect(story.ticket.sla.running.isEmpty)
        #expect(story.ticket.sla.firstMeasurement(of: .firstReply) == measurement)
        #expect(try Ticket.replay(story.events) == story.ticket)
    }
}
