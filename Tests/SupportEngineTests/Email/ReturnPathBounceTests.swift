import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A bounce that does not quote the bounced message's headers is matched by the return path (VERP).
@Suite("Email bounces by return path")
struct ReturnPathBounceTests {
    @Test("with a bounce address each message goes out from bounces+<id>@, and a bounce to it falls back")
    func verpBounceFallsBack() async throws {
        let harness = try EmailDeskHarness(bounceAddress: EmailAddress("bounces@club.example"))
        let created = try await harness.receive("gmail-en-new.eml")
        let ack = try #require(harness.transport.sent.first)
        let outboundID = try #require(harness.settings.outboundID(in: ack.messageID))
        #expect(ack.from.description == "bounces+\(outboundID.rawValue)@club.example")
        let parsed = try #require(try harness.sentMail().first)
        #expect(parsed.from.address.description == "support@club.example", "the From members see is unchanged")

        let bounce = try EmailFixture.bytes(
            "bounce-no-original-headers.eml",
            ["TO": ack.from.description, "RECIPIENT": "olivia.bennett@gmail.example"]
        )
        let result = try await harness.intake.receive(raw: bounce)
        guard case .bounce(let report, let failed?) = result else {
            Issue.record("the bounce did not mark the acknowledgement: \(result)")
            return
        }
        #expect(report.originalMessageID == nil, "the report quotes no Message-ID")
        #expect(failed.id == outboundID)
        #expect(failed.ticketID == created.ticket.id)
        #expect(harness.fallback.sentMessages.map(\.id) == [outboundID])
        #expect(try await harness.store.tickets(matching: TicketQuery()).tickets.count == 1, "no ticket from it")
    }

    @Test("without a bounce address, or to another address, such a bounce marks nothing and opens no ticket")
    func unmatchedBounce() async throws {
        for (bounceAddress, to) in [
            (nil, "support@club.example"), (try EmailAddress("bounces@club.example"), "bounces+O-999@other.example"),
        ] as [(EmailAddress?, String)] {
            let harness = try EmailDeskHarness(bounceAddress: bounceAddress)
            _ = try await harness.receive("gmail-en-new.eml")
            let bounce = try EmailFixture.bytes(
                "bounce-no-original-headers.eml",
                ["TO": to, "RECIPIENT": "olivia.bennett@gmail.example"]
            )
            guard case .bounce(_, nil) = try await harness.intake.receive(raw: bounce) else {
                Issue.record("an unmatched bounce marked a message (to \(to))")
                continue
            }
            #expect(harness.fallback.sentMessages.isEmpty)
            #expect(try await harness.store.tickets(matching: TicketQuery()).tickets.count == 1)
        }
    }

    @Test(
        "return paths: ids that cannot stand in an address fall back to the mailbox; a quoted or plus address is refused"
    )
    func returnPathRules() throws {
        let settings = try EmailDeskSettings(
            mailbox: Mailbox(displayName: "Club", address: EmailAddress("support@club.example")),
            bounceAddress: EmailAddress("Bounces@Club.example")
        )
        #expect(settings.returnPath(of: "O-42").description == "Bounces+O-42@club.example")
        #expect(settings.outboundID(inReturnPath: try EmailAddress("bounces+O-42@CLUB.example")) == "O-42")
        #expect(settings.outboundID(inReturnPath: try EmailAddress("bounces@club.example")) == nil)
        #expect(settings.outboundID(inReturnPath: try EmailAddress("support+O-42@club.example")) == nil)
        for id in ["a b", "ünïcode", ".dot", String(repeating: "x", count: 41), "a..b"] {
            #expect(settings.returnPath(of: OutboundID(id)).description == "support@club.example", "\(id)")
        }
        for bad in ["bounces+x@club.example", "\"b o\"@club.example"] {
            #expect(throws: EmailError.self, "\(bad)") {
                try EmailDeskSettings(
                    mailbox: Mailbox(displayName: "Club", address: EmailAddress("support@club.example")),
                    bounceAddress: EmailAddress(bad)
                )
            }
        }
    }
}
