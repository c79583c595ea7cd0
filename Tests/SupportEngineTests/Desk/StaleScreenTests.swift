import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Actions taken on a stale screen")
struct StaleScreenTests {
    @Test("a reply on a screen older than another agent's reply is refused, says what changed, stores nothing")
    func replyAfterAnotherAgentAnswered() async throws {
        let email = InMemoryChannel(kind: .email)
        let harness = DeskHarness(channels: [email])
        let id = try await harness.receive("mail-1").ticket.id
        let screen = try await harness.desk.agentView(of: id).ticket
        try await harness.desk.reply(to: id, body: "Try a new password", by: .agent("olga"), status: .pending)
        let before = try await harness.everything()

        let error = try #require(
            await #expect(throws: StaleTicketError.self) {
                try await harness.desk.reply(
                    to: id,
                    body: "Try another browser",
                    by: .agent("ivan"),
                    expectedVersion: screen.version
                )
            }
        )
        #expect(error.code == .staleVersion)
        #expect(error.ticketID == id)
        #expect(error.expectedVersion == screen.version)
        #expect(error.currentVersion == screen.version + 2)
        #expect(error.changes == ["olga replied", "olga changed the status from new to pending"])
        #expect(error.message.contains("olga replied"), "\(error.message)")
        #expect(error.message.contains("reload the ticket"))
        #expect(try await harness.everything() == before, "nothing stored")
        #expect(email.sentMessages.count == 1, "the member got one answer, not two")

        for action in StaleAction.allCases {
            await #expect(throws: StaleTicketError.self, "\(action)") {
                try await action.run(on: harness.desk, ticket: id, version: screen.version)
            }
        }
        #expect(try await harness.everything() == before, "no action on the stale screen stored anything")
        let current = try await harness.ticket(id).version
        let answered = try await harness.desk.reply(to: id, body: "Also", by: .agent("ivan"), expectedVersion: current)
        #expect(answered.version > current, "the screen's current version is accepted")
    }

    @Test("the member writing again refuses an action on the screen from before")
    func memberWroteMeanwhile() async throws {
        let harness = DeskHarness()
        let id = try await harness.receive("mail-1").ticket.id
        let screen = try await harness.ticket(id)
        try await harness.receive("mail-2", body: "Never mind, it works now", thread: "ticket:\(id)")
        let error = await #expect(throws: StaleTicketError.self) {
            try await harness.desk.setStatus(.onHold, of: id, by: .agent("olga"), expectedVersion: screen.version)
        }
        #expect(error?.changes.first == "the member (alice) wrote a message")
    }

    @Test("a version the ticket never had is invalid input; no version keeps the old behaviour")
    func invalidVersions() async throws {
        let harness = DeskHarness()
        let id = try await harness.receive("mail-1").ticket.id
        let version = try await harness.ticket(id).version
        for wrong in [0, -1, version + 1] {
            await expectDeskError(.invalidInput, "version \(wrong)") {
                _ = try await harness.desk.solve(id, by: .agent("olga"), expectedVersion: wrong)
            }
        }
        try await harness.desk.reply(to: id, body: "Hello", by: .agent("olga"))
        #expect(try await harness.desk.solve(id, by: .agent("olga")).status == .solved)
    }

    @Test("SLA records made while the agent types do not refuse the reply")
    func deskRecordsDoNotCount() async throws {
        let clock = ManualClock()
        let policy = SLAPolicy(
            calendar: try BusinessCalendar.alwaysOpen(timeZone: "Europe/Madrid"),
            targets: Dictionary(
                uniqueKeysWithValues: Priority.allCases.map { ($0, ResponseTargets(firstReply: .calendar(3600))) }
            ),
            warningFraction: 0.5
        )
        let harness = DeskHarness(configuration: DeskConfiguration(sla: policy), clock: clock)
        let id = try await harness.receive("mail-1").ticket.id
        let screen = try await harness.ticket(id)
        clock.advance(by: 1800)
        try await harness.desk.processDueWork()
        #expect(try await harness.ticket(id).sla.firings.map(\.step) == [.warning], "the warning fired")
        #expect(try await harness.ticket(id).version > screen.version)
        let replied = try await harness.desk.reply(
            to: id,
            body: "Here you are",
            by: .agent("olga"),
            expectedVersion: screen.version
        )
        #expect(replied.lastPublicReply?.body == "Here you are")
    }

    @Test(
        "two agents answering the same screen at once: exactly one reply stands",
        arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8]
    )
    func concurrentRepliesFromOneScreen(seed: UInt64) async throws {
        print("StaleScreenTests seed \(seed)")
        let email = InMemoryChannel(kind: .email)
        let harness = DeskHarness(channels: [email], yielding: true)
        let id = try await harness.receive("mail-1").ticket.id
        let version = try await harness.ticket(id).version
        // The seed decides how long each agent's call waits before it starts, so the calls interleave
        // differently from seed to seed.
        var random = SplitMix64(seed: seed)
        let agents = (0..<4).map { (AgentID("agent-\($0)"), Int(random.next() % 4)) }
        let outcomes = await withTaskGroup(of: Result<Ticket, any Error>.self) { group in
            for (agent, pause) in agents {
                group.addTask {
                    for _ in 0..<pause { await Task.yield() }
                    do {
                        return .success(
                            try await harness.desk.reply(
                                to: id,
                                body: "Answer from \(agent)",
                                by: .agent(agent),
                                expectedVersion: version
                            )
                        )
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: [Result<Ticket, any Error>]()) { $0.append($1) }
        }
        let succeeded = outcomes.filter { if case .success = $0 { true } else { false } }
        let stale = outcomes.filter { if case .failure(let error) = $0 { error is StaleTicketError } else { false } }
        #expect(succeeded.count == 1, "seed \(seed)")
        #expect(stale.count == agents.count - 1, "seed \(seed)")
        let replies = try await harness.ticket(id).messages.filter { $0.kind == .publicReply }
        #expect(replies.count == 1, "seed \(seed)")
        #expect(email.sentMessages.count == 1, "seed \(seed)")
    }
}

/// Every agent action that takes the version the screen showed.
private enum StaleAction: CaseIterable, CustomStringConvertible {
    case reply, setStatus, solve, assign, setPriority, execute, macro

    var description: String { "\(self)" }

    func run(on desk: SupportDesk, ticket id: TicketID, version: Int) async throws {
        let agent = SupportActor.agent("ivan")
        switch self {
        case .reply: try await desk.reply(to: id, body: "Hello", by: agent, expectedVersion: version)
        case .setStatus: try await desk.setStatus(.onHold, of: id, by: agent, expectedVersion: version)
        case .solve: try await desk.solve(id, by: agent, expectedVersion: version)
        case .assign: try await desk.assign(id, to: "ivan", by: agent, expectedVersion: version)
        case .setPriority: try await desk.setPriority(.urgent, of: id, by: agent, expectedVersion: version)
        case .execute: try await desk.execute(.addTags(["vip"]), on: id, by: agent, expectedVersion: version)
        case .macro:
            try await desk.apply(Macro(name: "Hold", status: .onHold), to: id, by: agent, expectedVersion: version)
        }
    }
}
