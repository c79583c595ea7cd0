import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Before the fix an owner's refund resolution or a moderation decision was recorded in the ledger and
/// then posted to the ticket; when the post failed the member was never told and a retry was refused
/// (`notEscalated`, `noPendingRemoval`, a conflict). Each test fails the post's ticket commit once, before
/// the write or after it (written but reported failed), and retries the same call.
@Suite("A retried policy call finishes its message once")
struct PolicyPostRetryTests {
    @Test(arguments: FaultInjectingTicketStore.Timing.allCases)
    func aRetriedOwnerApprovalTellsTheMemberOnce(timing: FaultInjectingTicketStore.Timing) async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 20)
        let asked = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "Refund",
            by: .member("anna")
        )
        harness.faults.failNext(.commit, timing)
        await #expect(throws: StoreError.self) {
            try await harness.desk.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("olga"))
        }
        let retried = try await harness.desk.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("olga"))
        #expect(retried.decision.verdict == .approve)
        #expect(retried.ticket.id == asked.ticket.id)
        #expect(retried.ticket.tags.isEmpty)
        let automatic = try await harness.automaticMessages(of: asked.ticket.id)
        #expect(automatic.map(\.templateKey) == ["refund.escalated", "refund.approved.goodwill"])
        #expect(try await harness.notes(of: asked.ticket.id).count == 2)
        #expect(harness.email.sentMessages.count == 2)
        #expect(try await harness.desk.refunds.decisions(of: "anna") == [retried.decision])
    }

    @Test(arguments: FaultInjectingTicketStore.Timing.allCases)
    func aRetriedOwnerRefusalTellsTheMemberOnce(timing: FaultInjectingTicketStore.Timing) async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("ivan", paidDaysAgo: 20)
        let asked = try await harness.desk.refunds.request(
            "rq-1",
            for: "ivan",
            facts: facts,
            message: "Верните",
            by: .member("ivan")
        )
        harness.faults.failNext(.commit, timing)
        await #expect(throws: StoreError.self) {
            try await harness.desk.refunds.decline("rq-1", of: "ivan", note: "no", by: .owner("olga"))
        }
        let retried = try await harness.desk.refunds.decline("rq-1", of: "ivan", note: "no", by: .owner("olga"))
        #expect(retried.decision.reason == .declinedByOwner)
        let automatic = try await harness.automaticMessages(of: asked.ticket.id)
        #expect(automatic.map(\.templateKey) == ["refund.escalated", "refund.denied.by_owner"])
        #expect(harness.email.sentMessages.count == 2)
        // Once the message stands, the same call again is refused as before.
        await #expect(throws: RefundError.self) {
            try await harness.desk.refunds.decline("rq-1", of: "ivan", by: .owner("olga"))
        }
    }

    @Test(arguments: FaultInjectingTicketStore.Timing.allCases)
    func aRetriedRefundRequestTellsTheMemberOnce(timing: FaultInjectingTicketStore.Timing) async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 3)
        harness.faults.failNext(.commit, timing)
        await #expect(throws: StoreError.self) {
            try await harness.desk.refunds.request(
                "rq-1",
                for: "anna",
                facts: facts,
                message: "Refund",
                by: .member("anna")
            )
        }
        let retried = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "Refund",
            by: .member("anna")
        )
        #expect(retried.decision.verdict == .approve)
        #expect(try await harness.automaticMessages(of: retried.ticket.id).map(\.templateKey) == ["refund.approved"])
        #expect(try await harness.desk.memberTickets(of: "anna").count == 1)
        #expect(harness.email.sentMessages.count == 1)
    }

    @Test(arguments: FaultInjectingTicketStore.Timing.allCases)
    func aRetriedReportWarnsTheMemberOnce(timing: FaultInjectingTicketStore.Timing) async throws {
        let harness = PolicyDeskHarness()
        let (ticket, message) = try await harness.open("boris", body: "Rude words")
        harness.faults.failNext(.commit, timing)
        await #expect(throws: StoreError.self) {
            try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
        let retried = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness),
            by: .agent("pavel")
        )
        #expect(retried.decision.action == .warning)
        #expect(retried.ticket?.id == ticket)
        #expect(retried.ledger.entries.map(\.action) == [.warning])
        #expect(try await harness.automaticMessages(of: ticket).map(\.templateKey) == ["moderation.warning"])
        #expect(try await harness.notes(of: ticket).count == 1)
        #expect(harness.email.sentMessages.count == 1)
        // The warning stands: the same moderator reporting again gets the recorded decision back and
        // nothing is posted twice; another moderator reporting the same message is refused.
        let again = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness),
            by: .agent("pavel")
        )
        #expect(again.isRepeat)
        #expect(again.decision.action == .warning)
        #expect(again.ledger.entries.map(\.action) == [.warning])
        #expect(try await harness.automaticMessages(of: ticket).map(\.templateKey) == ["moderation.warning"])
        #expect(harness.email.sentMessages.count == 1)
        await expectDeskError(.conflict) {
            _ = try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("marta")
            )
        }
    }

    @Test(arguments: FaultInjectingTicketStore.Timing.allCases)
    func aRetriedRemovalApprovalTellsTheMemberOnce(timing: FaultInjectingTicketStore.Timing) async throws {
        let harness = PolicyDeskHarness()
        let ticket = try await pendingRemoval(of: "anna", on: harness)
        harness.faults.failNext(.commit, timing)
        await #expect(throws: StoreError.self) {
            try await harness.desk.moderation.approveRemoval(of: "anna", by: .owner("olga"))
        }
        let retried = try await harness.desk.moderation.approveRemoval(of: "anna", by: .owner("olga"))
        #expect(retried.decision.action == .removalApproved)
        #expect(retried.ticket?.id == ticket)
        #expect(retried.ticket?.tags.isEmpty == true)
        let automatic = try await harness.automaticMessages(of: ticket).map(\.templateKey)
        #expect(automatic == ["moderation.warning", "moderation.final_warning", "moderation.removal"])
        #expect(try await harness.desk.moderation.ledger(of: "anna")?.entries.last?.action == .removalApproved)
        #expect(harness.email.sentMessages.count == 3)
    }

    @Test(arguments: FaultInjectingTicketStore.Timing.allCases)
    func aRetriedReversalTellsTheMemberOnce(timing: FaultInjectingTicketStore.Timing) async throws {
        let harness = PolicyDeskHarness()
        let (ticket, message) = try await harness.open("boris", body: "Rude words")
        let warned = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness),
            by: .agent("pavel")
        )
        harness.faults.failNext(.commit, timing)
        await #expect(throws: StoreError.self) {
            try await harness.desk.moderation.reverse(of: "boris", entry: warned.decision.entry.id, by: .agent("olga"))
        }
        let retried = try await harness.desk.moderation.reverse(
            of: "boris",
            entry: warned.decision.entry.id,
            by: .agent("olga")
        )
        #expect(retried.decision.action == .reversal)
        let automatic = try await harness.automaticMessages(of: ticket).map(\.templateKey)
        #expect(automatic == ["moderation.warning", "moderation.reversal"])
        #expect(harness.email.sentMessages.count == 2)
    }

    /// Reports three messages of a paying member: a warning, a final warning and a pending removal.
    private func pendingRemoval(of member: MemberID, on harness: PolicyDeskHarness) async throws -> TicketID {
        let (ticket, first) = try await harness.open(member, body: "You are useless")
        var message = first
        for index in 0..<3 {
            if index > 0 {
                message = try await harness.write(member, on: ticket, body: "Still useless \(index)", id: "M-r\(index)")
            }
            harness.clock.advance(by: 3600)
            _ = try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
        return ticket
    }
}
