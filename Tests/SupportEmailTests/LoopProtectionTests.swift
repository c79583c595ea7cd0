import Foundation
import Testing

@testable import SupportEmail

@Suite("Loop protection: when an automatic reply may go out")
struct LoopProtectionTests {
    let start = Date(timeIntervalSince1970: 1_796_454_900)

    func email(_ headers: String, from: String = "Maria <maria@example.com>") throws -> ParsedEmail {
        try EmailParser().parse(
            Array("From: \(from)\r\nTo: support@club.example\r\nSubject: Help\r\n\(headers)\r\nbody\r\n".utf8)
        )
    }

    @Test("a person's first mail gets an automatic reply")
    func normal() throws {
        let policy = try AutoReplyPolicy()
        #expect(policy.decide(for: try email(""), at: start, ledger: AutoReplyLedger()) == .send)
    }

    @Test(
        "never to automatic replies, bulk or list mail, bounces",
        arguments: [
            (
                "Auto-Submitted: auto-replied\r\n",
                AutoReplySuppression.automaticMessage(signal: "Auto-Submitted: auto-replied")
            ),
            (
                "Auto-Submitted: auto-generated; owner-email=x@y.z\r\n",
                .automaticMessage(signal: "Auto-Submitted: auto-generated")
            ),
            ("X-Autoreply: yes\r\n", .automaticMessage(signal: "X-Autoreply")),
            ("X-Autorespond: on\r\n", .automaticMessage(signal: "X-Autorespond")),
            ("Precedence: bulk\r\n", .bulkOrList(signal: "Precedence: bulk")),
            ("Precedence: junk\r\n", .bulkOrList(signal: "Precedence: junk")),
            ("Precedence: list\r\n", .bulkOrList(signal: "Precedence: list")),
            ("List-Id: <members.club.example>\r\n", .bulkOrList(signal: "List-Id")),
            ("X-Failed-Recipients: a@b.c\r\n", .bounce),
        ]
    )
    func automaticMessages(headers: String, reason: AutoReplySuppression) throws {
        let policy = try AutoReplyPolicy()
        #expect(policy.decide(for: try email(headers), at: start, ledger: AutoReplyLedger()) == .suppress(reason))
    }

    @Test("Auto-Submitted: no is a person's mail")
    func autoSubmittedNo() throws {
        let policy = try AutoReplyPolicy()
        #expect(policy.decide(for: try email("Auto-Submitted: no\r\n"), at: start, ledger: AutoReplyLedger()) == .send)
    }

    @Test(
        "never to machine senders, a null return path, or the desk itself",
        arguments: [
            ("", "noreply@shop.example", AutoReplySuppression.systemSender("noreply@shop.example")),
            ("", "No-Reply-Billing@shop.example", .systemSender("No-Reply-Billing@shop.example")),
            ("", "MAILER-DAEMON@mx.example", .bounce),
            ("", "postmaster@mx.example", .bounce),
            ("Return-Path: <>\r\n", "maria@example.com", .systemSender("Return-Path: <>")),
            ("Reply-To: donotreply@shop.example\r\n", "maria@example.com", .systemSender("donotreply@shop.example")),
            ("", "Support@Club.Example", .ownAddress),
        ]
    )
    func machineSenders(headers: String, from: String, reason: AutoReplySuppression) throws {
        let policy = try AutoReplyPolicy(ownAddresses: [try EmailAddress("support@club.example")])
        #expect(
            policy.decide(for: try email(headers, from: from), at: start, ledger: AutoReplyLedger())
                == .suppress(reason)
        )
    }

    @Test("at most the cap per address in any 24 hours, counted on the reply address, case-insensitively")
    func dailyCap() throws {
        let policy = try AutoReplyPolicy(maxPerAddressPerDay: 3)
        let message = try email("")
        var ledger = AutoReplyLedger()
        var instant = start
        for _ in 0..<3 {
            #expect(policy.decide(for: message, at: instant, ledger: ledger) == .send)
            ledger.record(to: try EmailAddress("MARIA@example.com"), at: instant)
            instant += 600
        }
        #expect(policy.decide(for: message, at: instant, ledger: ledger) == .suppress(.dailyCapReached(limit: 3)))
        let other = try email("", from: "ivan@example.com")
        #expect(policy.decide(for: other, at: instant, ledger: ledger) == .send)
        // 24 hours after the first reply, one slot frees up.
        #expect(policy.decide(for: message, at: start + 86_400 + 1, ledger: ledger) == .send)
        #expect(ledger.count(for: try EmailAddress("maria@example.com"), at: start + 86_400 + 1) == 2)
        let never = try AutoReplyPolicy(maxPerAddressPerDay: 0)
        #expect(
            never.decide(for: message, at: start, ledger: AutoReplyLedger()) == .suppress(.dailyCapReached(limit: 0))
        )
    }

    @Test("the ledger stays bounded: records prune entries older than a day; it round-trips through JSON")
    func ledger() throws {
        var ledger = AutoReplyLedger()
        for index in 0..<100 {
            ledger.record(to: try EmailAddress("member\(index)@example.com"), at: start + Double(index) * 3600)
        }
        #expect(ledger.sent.count <= 25)
        let data = try JSONEncoder().encode(ledger)
        #expect(try JSONDecoder().decode(AutoReplyLedger.self, from: data) == ledger)
        ledger.prune(at: start + 1_000_000)
        #expect(ledger.sent.isEmpty)
    }

    @Test("a negative cap is a policy error")
    func invalidPolicy() {
        #expect(throws: EmailError.self) { try AutoReplyPolicy(maxPerAddressPerDay: -1) }
    }
}
