import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Ids from `SequentialIDGenerator` for every kind except tickets, which always get the same id.
private struct OneTicketID: IDGenerator {
    let others = SequentialIDGenerator()
    func next(_ prefix: String) -> String { prefix == "T" ? "T-same" : others.next(prefix) }
}

@Suite("Ids and numbers on a store that outlives the desk")
struct IDCollisionTests {
    @Test func aDeskRestartedWithSequentialIDsOnAKeptStoreKeepsTakingMessages() async throws {
        let email = InMemoryChannel(kind: .email)
        let store = InMemoryTicketStore()
        let clock = ManualClock()
        let before = DeskHarness(channels: [email], store: store, clock: clock)
        let kept = 300
        for index in 1...kept {
            let outcome = try await before.receive("old-\(index)", from: MemberID("member-\(index)"))
            if index <= 20 {
                try await before.desk.reply(to: outcome.ticket.id, body: "Answer \(index)", by: DeskHarness.agent)
            }
        }
        // The process restarts: a new desk, a new generator counting from 1 again, the same store.
        let after = DeskHarness(channels: [email], store: store, clock: clock)
        let first = try await after.receive("new-1", from: "zoe")
        #expect(first.disposition == .created)
        #expect(first.ticket.id > TicketID(String(format: "T-%06d", kept)), "the taken ids were passed over")
        #expect(first.ticket.number?.rawValue == kept + 1, "numbers continue from the store, without a gap")
        let second = try await after.receive("new-2", from: "yan")
        #expect(second.ticket.number?.rawValue == kept + 2)
        #expect(await store.ticketCount == kept + 2)
        for index in [1, 2, kept / 2, kept] {
            let old = try await after.ticket(TicketID(String(format: "T-%06d", index)))
            #expect(old.requester == MemberID("member-\(index)"), "ticket \(index) still belongs to its member")
            #expect(old.messages.count == (index <= 20 ? 2 : 1), "ticket \(index) gained nothing")
        }
        // Replies go out although the first outbound ids the new generator draws are taken.
        try await after.desk.reply(to: first.ticket.id, body: "Hello Zoe", by: DeskHarness.agent)
        #expect(email.sentMessages.contains { $0.recipient == "zoe" && $0.body == "Hello Zoe" })
        #expect(email.sentMessages.filter { $0.body.hasPrefix("Answer ") }.count == 20)
    }

    @Test func twoDesksWithTheirOwnSequentialIDsCreateTicketsAtOnce() async throws {
        let store = InMemoryTicketStore()
        let clock = ManualClock()
        let email = InMemoryChannel(kind: .email)
        let one = DeskHarness(channels: [email], store: store, clock: clock, yielding: true)
        let two = DeskHarness(channels: [email], store: store, clock: clock, yielding: true)
        let perDesk = 20
        // Each desk takes a message and answers it at once: both the tickets' ids and the replies'
        // outbound ids clash between the two generators.
        @Sendable func take(_ harness: DeskHarness, _ id: String, from member: MemberID) async throws -> ReceiveOutcome
        {
            let outcome = try await harness.receive(id, from: member)
            try await harness.desk.reply(to: outcome.ticket.id, body: "Answer to \(id)", by: DeskHarness.agent)
            return outcome
        }
        let outcomes = try await withThrowingTaskGroup(of: ReceiveOutcome.self) { group in
            for index in 0..<perDesk {
                group.addTask { try await take(one, "one-\(index)", from: MemberID("a-\(index)")) }
                group.addTask { try await take(two, "two-\(index)", from: MemberID("b-\(index)")) }
            }
            var all: [ReceiveOutcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.count == 2 * perDesk)
        #expect(outcomes.allSatisfy { $0.disposition == .created })
        #expect(Set(outcomes.map(\.ticket.id)).count == 2 * perDesk, "distinct ids")
        let numbers = outcomes.compactMap(\.ticket.number)
        #expect(numbers.count == 2 * perDesk)
        #expect(Set(numbers).count == 2 * perDesk, "distinct numbers")
        #expect(await store.ticketCount == 2 * perDesk)
        let answers = email.sentMessages.map(\.body).filter { $0.hasPrefix("Answer to ") }
        #expect(Set(answers).count == 2 * perDesk, "every answer went out")
        for outcome in outcomes {
            let stored = try await one.ticket(outcome.ticket.id)
            #expect(stored.requester == outcome.ticket.requester)
            let number = try #require(stored.number)
            #expect(await store.ticketID(forNumber: number) == stored.id)
        }
    }

    @Test func anIDThatKeepsCollidingIsNamedPlainlyAndNothingIsStored() async throws {
        let store = InMemoryTicketStore()
        let desk = try SupportDesk(store: store, clock: ManualClock(), ids: OneTicketID())
        let first = try await desk.receive(
            InboundMessage(channel: .email, externalID: "in-1", sender: "alice", body: "Hello", receivedAt: Date())
        )
        #expect(first.ticket.id == "T-same")
        let error = await expectDeskError(.duplicateID) {
            try await desk.receive(
                InboundMessage(channel: .email, externalID: "in-2", sender: "bob", body: "Hi", receivedAt: Date())
            )
        }
        let message = try #require(error?.message)
        #expect(message.contains("ticket id T-same already exists in the store"), "\(message)")
        #expect(!message.contains("kept conflicting"), "\(message)")
        #expect(await store.ticketCount == 1)
        #expect(
            await store.ticketID(forExternalMessage: ExternalMessageKey(channel: .email, externalID: "in-2")) == nil
        )
        #expect(try await desk.agentView(of: "T-same").ticket.requester == "alice")
    }
}
