import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Moderation at the desk")
struct ModerationDeskTests {
    /// Opens a ticket for the member and reports `count` of their messages one after the other.
    private func report(
        _ member: MemberID,
        times count: Int,
        on harness: PolicyDeskHarness,
        by actor: SupportActor = .agent("pavel")
    ) async throws -> (TicketID, [DeskModerationResult]) {
        let (ticket, first) = try await harness.open(member, body: "You are all useless")
        var results: [DeskModerationResult] = []
        var message = first
        for index in 0..<count {
            if index > 0 {
                message = try await harness.write(member, on: ticket, body: "Still useless \(index)", id: "M-x\(index)")
            }
            harness.clock.advance(by: 3600)
            results.append(
                try await harness.desk.moderation.report(
                    on: ticket,
                    message: message,
                    violation: Violation(.rudeness, note: "insulted the team"),
                    by: actor
                )
            )
        }
        return (ticket, results)
    }

    @Test func warningThenFinalWarningThenRemoval() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, results) = try await report("boris", times: 3, on: harness)
        #expect(results.map(\.decision.action) == [.warning, .finalWarning, .removal])
        #expect(results.map(\.ledger.version) == [1, 2, 3])
        let automatic = try await harness.automaticMessages(of: ticket)
        #expect(
            automatic.map(\.templateKey) == ["moderation.warning", "moderation.final_warning", "moderation.removal"]
        )
        let warning = try #require(automatic.first).body
        #expect(warning.contains("our rule on rudeness"), "the warning names the rule")
        #expect(warning.contains("/rules"), "the warning links the published rules")
        #expect(warning.contains("Boris"))
        #expect(harness.email.sentMessages.count == 3)
        let ledger = try #require(try await harness.desk.moderation.ledger(of: "boris"))
        #expect(ledger.standing(at: harness.clock.now) == .removed)
        #expect(try await harness.desk.moderation.mayReceiveReengagement("boris") == false)
        #expect(try await harness.desk.moderation.mayReceiveReengagement("anna") == true)
        let notes = try await harness.notes(of: ticket)
        #expect(notes.count == 3)
        #expect(notes.last?.body.contains("removal") == true)
        #expect(notes.last?.body.contains("insulted the team") == true)
    }

    @Test func theWarningIsInTheMembersLanguage() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, _) = try await report("ivan", times: 1, on: harness)
        let body = try #require(try await harness.automaticMessages(of: ticket).first).body
        #expect(body.contains("Иван"))
        #expect(body.contains("нарушило правило: грубость"))
    }

    @Test func removingAPayingMemberWaitsForTheOwner() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, results) = try await report("anna", times: 3, on: harness)
        #expect(results.map(\.decision.action) == [.warning, .finalWarning, .pendingRemoval])
        #expect(results.last?.decision.rule == "removal.payingMemberNeedsOwner")
        #expect(results.last?.ticket?.tags == ["removal-pending"])
        // The member is not told about a pending removal, but gets no win-back messages meanwhile.
        #expect(try await harness.automaticMessages(of: ticket).count == 2)
        #expect(try await harness.desk.moderation.mayReceiveReengagement("anna") == false)
        #expect(try await harness.notes(of: ticket).last?.body.contains("owner approves or declines") == true)

        await expectDeskError(.notPermitted, "an agent approving a paying member's removal") {
            _ = try await harness.desk.moderation.approveRemoval(of: "anna", by: .agent("pavel"))
        }
        harness.clock.advance(by: 60)
        let approved = try await harness.desk.moderation.approveRemoval(of: "anna", note: "agreed", by: .owner("olga"))
        #expect(approved.decision.action == .removalApproved)
        #expect(approved.ticket?.id == ticket)
        #expect(approved.ticket?.tags.isEmpty == true)
        #expect(approved.ledger.standing(at: harness.clock.now) == .removed)
        let automatic = try await harness.automaticMessages(of: ticket)
        #expect(automatic.map(\.templateKey).last == "moderation.removal")
        #expect(try await harness.desk.moderation.mayReceiveReengagement("anna") == false)
        let error = await #expect(throws: ModerationError.self) {
            try await harness.desk.moderation.approveRemoval(of: "anna", by: .owner("olga"))
        }
        #expect(error?.code == .noPendingRemoval)
    }

    @Test func theOwnerDeclinesAPendingRemoval() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, _) = try await report("anna", times: 3, on: harness)
        harness.clock.advance(by: 60)
        let declined = try await harness.desk.moderation.declineRemoval(
            of: "anna",
            note: "give her a chance",
            by: .owner("olga")
        )
        #expect(declined.decision.action == .removalDeclined)
        #expect(declined.ledger.standing(at: harness.clock.now) == .inGoodStanding)
        #expect(try await harness.desk.moderation.mayReceiveReengagement("anna") == true)
        #expect(try await harness.automaticMessages(of: ticket).count == 2, "a declined removal sends nothing")
        #expect(try await harness.notes(of: ticket).last?.body.contains("give her a chance") == true)
    }

    @Test func twoModeratorsReportingOneMessageAtOnceGiveOnePenalty() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, message) = try await harness.open("boris", body: "Rude words")
        let desk = harness.desk
        let violation = Violation(.rudeness)
        async let one = outcome {
            try await desk.moderation.report(on: ticket, message: message, violation: violation, by: .agent("pavel"))
        }
        async let two = outcome {
            try await desk.moderation.report(on: ticket, message: message, violation: violation, by: .agent("olga"))
        }
        let outcomes = await [one, two]
        #expect(outcomes.compactMap(\.result).count == 1)
        #expect(outcomes.compactMap(\.error).map(\.code) == [.conflict])
        let ledger = try #require(try await desk.moderation.ledger(of: "boris"))
        #expect(ledger.entries.map(\.action) == [.warning])
        #expect(try await harness.automaticMessages(of: ticket).count == 1)
    }

    @Test func theSameReportRetriedAfterItsPostStoodGetsTheRecordedDecision() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, results) = try await report("boris", times: 2, on: harness)
        let message = try #require(results.last?.decision.entry.message)
        harness.clock.advance(by: 600)
        let again = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness, note: "insulted the team"),
            by: .agent("pavel")
        )
        #expect(again.isRepeat)
        #expect(again.decision == results.last?.decision, "the decision is the one recorded, rule included")
        #expect(again.decision.rule != "recorded")
        #expect(again.ledger.entries.map(\.action) == [.warning, .finalWarning])
        #expect(try await harness.automaticMessages(of: ticket).count == 2, "nothing is posted again")
        await expectDeskError(.conflict) {
            _ = try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("olga")
            )
        }
        await expectDeskError(.conflict) {
            _ = try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.spam),
                by: .agent("pavel")
            )
        }
        #expect(try await harness.desk.moderation.ledger(of: "boris")?.entries.count == 2)
    }

    @Test func aConflictOnTheSameMessageIsRefusedNotRedecided() async throws {
        let racing = RacingLedgerStore()
        let harness = PolicyDeskHarness(ledgers: racing)
        let (ticket, message) = try await harness.open("boris", body: "Rude words")
        let desk = harness.desk
        await racing.beforeNextSave {
            _ = try await desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.spam),
                by: .agent("olga")
            )
        }
        let error = await expectDeskError(.conflict) {
            _ = try await desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
        #expect(error?.message.contains("agent:olga") == true)
        let ledger = try #require(try await desk.moderation.ledger(of: "boris"))
        #expect(ledger.entries.map(\.action) == [.warning])
        #expect(ledger.entries.first?.violation?.kind == .spam)
        #expect(await racing.saveAttempts == 2, "the losing save was tried once and not again")
    }

    @Test func aConflictOnADifferentMessageIsDecidedAgainOnTheFreshLedger() async throws {
        let racing = RacingLedgerStore()
        let harness = PolicyDeskHarness(ledgers: racing)
        let (ticket, first) = try await harness.open("boris", body: "Rude words")
        let second = try await harness.write("boris", on: ticket, body: "More rude words", id: "M-second")
        let desk = harness.desk
        await racing.beforeNextSave {
            _ = try await desk.moderation.report(
                on: ticket,
                message: first,
                violation: Violation(.rudeness),
                by: .agent("olga")
            )
        }
        let result = try await desk.moderation.report(
            on: ticket,
            message: second,
            violation: Violation(.rudeness),
            by: .agent("pavel")
        )
        #expect(result.decision.action == .finalWarning, "decided again after the other moderator's warning")
        #expect(result.ledger.entries.map(\.action) == [.warning, .finalWarning])
        #expect(await racing.saveAttempts == 3)
    }

    @Test func aReversedWarningNoLongerCounts() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, results) = try await report("boris", times: 1, on: harness)
        let warning = try #require(results.first).decision.entry.id
        harness.clock.advance(by: 60)
        let reversed = try await harness.desk.moderation.reverse(
            of: "boris",
            entry: warning,
            note: "misread the message",
            by: .agent("olga")
        )
        #expect(reversed.decision.action == .reversal)
        #expect(reversed.ticket?.id == ticket)
        #expect(try await harness.automaticMessages(of: ticket).map(\.templateKey).last == "moderation.reversal")
        // The same message can be reported again once its penalty is reversed; it starts over at a warning.
        let message = try #require(results.first?.decision.entry.message)
        harness.clock.advance(by: 60)
        let again = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness),
            by: .agent("pavel")
        )
        #expect(again.decision.action == .warning)
        await #expect(throws: ModerationError.self) {
            try await harness.desk.moderation.reverse(of: "boris", entry: warning, by: .agent("olga"))
        }
    }

    @Test func reversingAPayingMembersRemovalNeedsTheOwner() async throws {
        let harness = PolicyDeskHarness()
        _ = try await report("anna", times: 3, on: harness)
        harness.clock.advance(by: 60)
        let approved = try await harness.desk.moderation.approveRemoval(of: "anna", by: .owner("olga"))
        let pending = try #require(approved.decision.entry.target)
        harness.clock.advance(by: 60)
        await expectDeskError(.notPermitted) {
            _ = try await harness.desk.moderation.reverse(of: "anna", entry: pending, by: .agent("pavel"))
        }
        let reversed = try await harness.desk.moderation.reverse(of: "anna", entry: pending, by: .owner("olga"))
        #expect(reversed.ledger.standing(at: harness.clock.now) == .inGoodStanding)
        #expect(try await harness.desk.moderation.mayReceiveReengagement("anna") == true)
    }

    @Test func aSuspendedMemberGetsNoWinBackUntilTheSuspensionEnds() async throws {
        let policy = ModerationPolicy(ladder: [.warning, .suspension(days: 7), .removal], forgivenessDays: 180)
        let harness = PolicyDeskHarness(moderation: policy)
        let (ticket, results) = try await report("lucia", times: 2, on: harness)
        #expect(results.map(\.decision.action) == [.warning, .suspension])
        let body = try #require(try await harness.automaticMessages(of: ticket).last).body
        #expect(body.contains("suspendido hasta"))
        #expect(try await harness.desk.moderation.mayReceiveReengagement("lucia") == false)
        harness.clock.advance(by: 7 * 86_400 + 1)
        #expect(try await harness.desk.moderation.mayReceiveReengagement("lucia") == true)
    }
}

/// A call's result or its desk error.
private struct Outcome: Sendable {
    var result: DeskModerationResult?
    var error: DeskError?
}

private func outcome(_ call: () async throws -> DeskModerationResult) async -> Outcome {
    do {
        return Outcome(result: try await call(), error: nil)
    } catch let error as DeskError {
        return Outcome(result: nil, error: error)
    } catch {
        Issue.record("unexpected error \(error)")
        return Outcome(result: nil, error: nil)
    }
}
