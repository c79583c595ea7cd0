import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Assigning a ticket to whoever holds it")
struct AssignmentNoOpTests {
    @Test("assigning a ticket to its current assignee changes nothing and does not throw")
    func assigningToTheCurrentAssigneeDoesNothing() async throws {
        let harness = DeskHarness()
        let id = try await harness.receive("mail-1").ticket.id
        let assigned = try await harness.desk.assign(id, to: "agent-olga", by: DeskHarness.agent)
        let before = try await harness.everything()

        let again = try await harness.desk.assign(id, to: "agent-olga", by: .agent("agent-olga"))
        let viaExecute = try await harness.desk.execute(.assign("agent-olga"), on: id, by: DeskHarness.agent)

        #expect(again == assigned)
        #expect(viaExecute == assigned)
        #expect(try await harness.everything() == before, "no event, no new version")
    }

    @Test("unassigning an unassigned ticket changes nothing; another agent still reassigns")
    func unassigningTwiceAndReassigning() async throws {
        let harness = DeskHarness()
        let id = try await harness.receive("mail-1").ticket.id
        try await harness.desk.assign(id, to: nil, by: DeskHarness.agent)
        let version = try await harness.ticket(id).version
        #expect(try await harness.desk.assign(id, to: nil, by: DeskHarness.agent).version == version)
        let moved = try await harness.desk.assign(id, to: "agent-ivan", by: DeskHarness.agent)
        #expect(moved.assignee == "agent-ivan")
        #expect(moved.version == version + 1)
    }
}
