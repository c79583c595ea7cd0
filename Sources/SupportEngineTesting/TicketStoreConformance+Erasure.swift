import Foundation
import SupportEngine

/// The erasure part of the contract (`TicketStore.eraseMember(_:redaction:)`): after it, nothing the
/// member or staff wrote about them is left in anything the store returns, and everything statistics
/// count is.
///
/// These checks are listed in ``erasureChecks``, not in ``checks``: an adapter runs them once it
/// implements erasure (one that does not refuses it, and must not offer erasure).
extension TicketStoreConformance {
    /// The checks of erasure.
    public static let erasureChecks: [Check] = [
        erasureLeavesNothingPersonal, erasureKeepsStatistics, erasureIsIdempotent, erasureTouchesNoOneElse,
        erasureEndsClaims,
    ]

    static let erasureEndsClaims = Check("an erasure ends a send's claim, so the send's outcome cannot undo it") {
        store,
        expect in
        let start = ConformanceFixtures.start
        let message = OutboundMessage(
            id: "O-1",
            ticketID: "T-1",
            messageID: nil,
            recipient: ErasureFixture.member,
            channel: .email,
            subject: "Re: Login",
            body: "Zqxoutbound",
            createdAt: start
        )
        try await store.commit(TicketCommit(writes: [try ConformanceFixtures.newWrite("T-1")], outbound: [message]))
        // A desk claims the message and starts sending; the member is erased meanwhile.
        var sending = try expect.require(
            try await store.claimOutbound("O-1", at: start, until: start.addingTimeInterval(300)),
            "the claim of O-1"
        )
        _ = try await store.eraseMember(ErasureFixture.member, redaction: ErasureFixture.marker)
        let erased = try expect.require(try await store.outbound("O-1"), "O-1 after the erasure")
        try expect.equal(erased.state, .withheld, "the state of a pending message after its recipient's erasure")
        try expect.that(erased.claim == nil, "the erasure left the claim \(erased.claim?.token ?? "")")
        sending.attempts = 1
        sending.state = .delivered
        try await expect.storeError(.claimLost, "the update of the send that was under way") {
            try await store.updateOutbound(sending)
        }
        try expect.equal(try await store.outbound("O-1"), erased, "the message after the refused update")
    }

    static let erasureLeavesNothingPersonal = Check("an erased member's words are found nowhere in the store") {
        store,
        expect in
        try await ErasureFixture.seed(store)
        _ = try await store.eraseMember(ErasureFixture.member, redaction: ErasureFixture.marker)
        for text in try await ErasureFixture.everythingReadable(from: store) {
            for secret in ErasureFixture.secrets {
                try expect.that(
                    !text.contains(secret),
                    "'\(secret)' is still stored after the erasure: \(text.prefix(300))"
                )
            }
        }
        for secret in ErasureFixture.searchWords {
            let found = try await store.tickets(matching: TicketQuery(text: secret, limit: 10)).tickets
            try expect.equal(found.map(\.ticket.id), [], "tickets found by '\(secret)' after the erasure")
        }
        let pending = try await store.pendingOutbound(dueBy: .distantFuture, limit: 100)
        try expect.that(
            !pending.contains { $0.recipient == ErasureFixture.member },
            "a message to the erased member is still pending: it would be sent"
        )
        try expect.equal(try await store.outbound("O-E1")?.state, .withheld, "the pending message's state")
    }

    static let erasureKeepsStatistics = Check("an erasure keeps ids, numbers, event kinds and times, statuses") {
        store,
        expect in
        try await ErasureFixture.seed(store)
        let before = try await store.events(of: "T-E1")
        let ticketBefore = try expect.require(try await store.ticket("T-E1")?.ticket, "the seeded ticket")
        let counts = try await store.eraseMember(ErasureFixture.member, redaction: ErasureFixture.marker)
        try expect.equal(counts.tickets, 1, "tickets redacted")
        try expect.equal(counts.messages, 4, "messages redacted")
        try expect.equal(counts.outboundMessages, 5, "outbound messages redacted")
        let after = try await store.events(of: "T-E1")
        try expect.equal(after.map(\.change.name), before.map(\.change.name), "event kinds")
        try expect.equal(after.map(\.at), before.map(\.at), "event times")
        try expect.equal(after.map(\.actor), before.map(\.actor), "event actors")
        let ticket = try expect.require(try await store.ticket("T-E1")?.ticket, "the erased ticket")
        try expect.equal(ticket.status, ticketBefore.status, "status")
        try expect.equal(ticket.number, ticketBefore.number, "number")
        try expect.equal(ticket.version, ticketBefore.version, "version")
        try expect.equal(ticket.tags, ticketBefore.tags, "tags")
        try expect.equal(ticket.subject, ErasureFixture.marker, "subject")
        try expect.equal(ticket.messages.map(\.body), Array(repeating: ErasureFixture.marker, count: 4), "bodies")
        try expect.equal(try Ticket.replay(after), ticket, "the snapshot is the replay of the redacted events")
        try expect.equal(try await store.ticketID(forNumber: try TicketNumber(7001)), "T-E1", "lookup by number")
        try expect.equal(try await store.outbound("O-E2")?.state, .delivered, "a delivered message's state")
        // The ticket takes further (textless) changes at its version.
        let solved = try ConformanceFixtures.change(ticket, .setStatus(.solved), at: ConformanceFixtures.start + 600)
        try await store.commit(TicketCommit(writes: [solved]))
        try expect.equal(try await store.ticket("T-E1")?.ticket.status, .solved, "status after a later change")
    }

    static let erasureIsIdempotent = Check("erasing again changes nothing") { store, expect in
        try await ErasureFixture.seed(store)
        _ = try await store.eraseMember(ErasureFixture.member, redaction: ErasureFixture.marker)
        let ticket = try await store.ticket("T-E1")
        let events = try await store.events(of: "T-E1")
        let outbound = try await store.outbound(ofTicket: "T-E1")
        let again = try await store.eraseMember(ErasureFixture.member, redaction: ErasureFixture.marker)
        try expect.equal(again, ErasureCounts(), "counts of a second erasure")
        try expect.equal(try await store.ticket("T-E1"), ticket, "ticket after a second erasure")
        try expect.equal(try await store.events(of: "T-E1"), events, "events after a second erasure")
        try expect.equal(try await store.outbound(ofTicket: "T-E1"), outbound, "outbox after a second erasure")
        let unknown = try await store.eraseMember("nobody", redaction: ErasureFixture.marker)
        try expect.equal(unknown, ErasureCounts(), "counts of erasing an unknown member")
    }

    static let erasureTouchesNoOneElse = Check("an erasure leaves other members' tickets and messages whole") {
        store,
        expect in
        try await ErasureFixture.seed(store)
        let ticket = try await store.ticket("T-K1")
        let events = try await store.events(of: "T-K1")
        let outbound = try await store.outbound("O-K1")
        _ = try await store.eraseMember(ErasureFixture.member, redaction: ErasureFixture.marker)
        try expect.equal(try await store.ticket("T-K1"), ticket, "the other member's ticket")
        try expect.equal(try await store.events(of: "T-K1"), events, "the other member's events")
        try expect.equal(try await store.outbound("O-K1"), outbound, "the other member's message")
        let found = try await store.tickets(matching: TicketQuery(text: "Keepwordalpha", limit: 10)).tickets
        try expect.equal(found.map(\.ticket.id), ["T-K1"], "the other member's ticket found by its words")
    }
}

/// A member's data seeded with unique words in every text a ticket store keeps.
enum ErasureFixture {
    static let member: MemberID = "erased-1"
    static let marker = "[erased]"
    /// The words only the erased member's data holds.
    static let searchWords = ["Zqxsubjectword", "Zqxbodyword", "Zqxreplyword", "Zqxnoteword"]
    static let secrets = searchWords + ["Zqxfilename", "Zqxoutbound", "Zqxjourney", "Zqxbounce", "Zqxalert"]

    static func seed(_ store: any TicketStore) async throws {
        let start = ConformanceFixtures.start
        let first = TicketMessage(
            id: "T-E1-m1",
            kind: .memberMessage,
            author: .member(member),
            body: "Zqxbodyword my card 4111 was charged",
            at: start,
            channel: .email,
            externalID: "T-E1-ext"
        )
        let creation = TicketCreation(
            requester: member,
            subject: "Zqxsubjectword charge",
            channel: .email,
            reason: .billing,
            priority: .normal,
            number: try TicketNumber(7001),
            firstMessage: first
        )
        let (ticket, created) = try TicketRules.create(creation, id: "T-E1", by: .member(member), at: start)
        try await store.commit(
            TicketCommit(writes: [
                TicketWrite(
                    ticket: ticket,
                    expectedVersion: 0,
                    events: [created],
                    externalKeys: [ExternalMessageKey(channel: .email, externalID: "T-E1-ext")]
                )
            ])
        )
        let file = TicketAttachment(
            id: "A-E1",
            fileName: "Zqxfilename.pdf",
            mediaType: "application/pdf",
            byteSize: 10,
            contentHash: String(repeating: "a", count: 64)
        )
        var current = ticket
        let commands: [TicketCommand] = [
            .reply(MessageDraft(id: "T-E1-m2", body: "Zqxreplyword we refund"), status: .pending),
            .internalNote(MessageDraft(id: "T-E1-m3", body: "Zqxnoteword looks fine")),
            .memberMessage(MessageDraft(id: "T-E1-m4", body: "here is the receipt", attachments: [file])),
            .addTags(["billing"]),
        ]
        for (offset, command) in commands.enumerated() {
            let actor: SupportActor = if case .memberMessage = command { .member(member) } else { .agent("agent-1") }
            let write = try ConformanceFixtures.change(
                current,
                command,
                by: actor,
                at: start.addingTimeInterval(Double(offset + 1) * 60)
            )
            try await store.commit(TicketCommit(writes: [write]))
            current = write.ticket
        }
        var delivered = outbound("O-E2", ticket: "T-E1", to: member, body: "Zqxoutbound we refund", at: start)
        var bounced = outbound("O-E3", ticket: "T-E1", to: member, body: "Zqxoutbound again", at: start)
        let alert = OutboundMessage(
            id: "O-E5",
            ticketID: "T-E1",
            messageID: nil,
            recipient: "owner",
            channel: .email,
            subject: "Zqxalert breach",
            body: "Zqxalert on Zqxsubjectword",
            createdAt: start,
            staffAddress: StaffAddress(name: "Owner", address: "owner@club.example")
        )
        try await store.commit(
            TicketCommit(
                writes: [],
                outbound: [
                    outbound("O-E1", ticket: "T-E1", to: member, body: "Zqxoutbound pending", at: start),
                    delivered, bounced,
                    outbound("O-E4", ticket: nil, to: member, body: "Zqxjourney come back", at: start),
                    alert,
                ]
            )
        )
        delivered.attempts = 1
        delivered.state = .delivered
        delivered.receipt = DeliveryReceipt(externalID: "receipt-1", at: start)
        delivered.history = [
            DeliveryAttempt(number: 1, channel: .email, at: start, outcome: .delivered(externalID: "receipt-1"))
        ]
        try await store.updateOutbound(delivered)
        bounced.attempts = 1
        bounced.state = .deadLettered
        bounced.lastError = "Zqxbounce 550 no such user"
        bounced.history = [
            DeliveryAttempt(
                number: 1,
                channel: .email,
                at: start,
                outcome: .failed(reason: "Zqxbounce 550 no such user")
            )
        ]
        try await store.updateOutbound(bounced)
        // Someone else's ticket and message, which the erasure must leave whole.
        var other = try ConformanceFixtures.newWrite("T-K1", member: "keep-1")
        let (otherTicket, otherCreated) = try TicketRules.create(
            TicketCreation(
                requester: "keep-1",
                subject: "Keepwordalpha",
                channel: .email,
                reason: .access,
                priority: .normal,
                firstMessage: TicketMessage(
                    id: "T-K1-m1",
                    kind: .memberMessage,
                    author: .member("keep-1"),
                    body: "Keepwordalpha please",
                    at: start
                )
            ),
            id: "T-K1",
            by: .member("keep-1"),
            at: start
        )
        other = TicketWrite(ticket: otherTicket, expectedVersion: 0, events: [otherCreated])
        try await store.commit(
            TicketCommit(
                writes: [other],
                outbound: [outbound("O-K1", ticket: "T-K1", to: "keep-1", body: "Keepwordalpha answer", at: start)]
            )
        )
    }

    static func outbound(
        _ id: OutboundID,
        ticket: TicketID?,
        to member: MemberID,
        body: String,
        at: Date
    ) -> OutboundMessage {
        OutboundMessage(
            id: id,
            ticketID: ticket,
            messageID: nil,
            recipient: member,
            channel: .email,
            subject: member == Self.member ? "Re: Zqxsubjectword" : "Re: Keepwordalpha",
            body: body,
            createdAt: at,
            attachments: []
        )
    }

    /// Everything the store returns about the seeded data, as text: snapshots, events, the outbox in
    /// every listing, and the event feed.
    static func everythingReadable(from store: any TicketStore) async throws -> [String] {
        var texts: [String] = []
        for id: TicketID in ["T-E1"] {
            texts.append(String(reflecting: try await store.ticket(id)))
            texts.append(String(reflecting: try await store.events(of: id)))
            texts.append(String(reflecting: try await store.outbound(ofTicket: id)))
        }
        for id: OutboundID in ["O-E1", "O-E2", "O-E3", "O-E4", "O-E5"] {
            texts.append(String(reflecting: try await store.outbound(id)))
        }
        texts.append(String(reflecting: try await store.outbound(matching: OutboxQuery(limit: 1000)).messages))
        texts.append(String(reflecting: try await store.deadLetteredOutbound(after: nil, limit: 100)))
        texts.append(String(reflecting: try await store.pendingOutbound(dueBy: .distantFuture, limit: 100)))
        texts.append(String(reflecting: try await store.tickets(matching: TicketQuery(requester: member)).tickets))
        texts.append(String(reflecting: try await store.deskEvents(after: 0, limit: 1000)))
        return texts
    }
}
