import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// `InMemoryTicketStore` answers "the tickets an agent holds" from an index kept at every commit; it must
/// give exactly what a scan of the store gives, through any sequence of assignments and status changes.
@Suite("InMemoryTicketStore held tickets")
struct InMemoryHeldTicketsTests {
    @Test("the index answers as a scan does, through random assignments and status changes")
    func indexMatchesScan() async throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("InMemoryHeldTicketsTests seed \(seed)")
        var random = SplitMix64(seed: seed)
        let store = InMemoryTicketStore()
        let clock = ManualClock()
        let agents: [AgentID] = ["anna", "ivan", "olga"]
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(
                storeScanInterval: nil,
                agents: agents.map { AgentProfile(id: $0, displayName: $0.rawValue) },
                routing: RoutingSettings(autoAssign: false)
            ),
            ids: SequentialIDGenerator()
        )
        var tickets: [TicketID] = []
        for step in 0..<300 {
            clock.advance(by: 1)
            switch random.next() % 4 {
            case 0 where tickets.count > 0:
                let id = tickets[Int(random.next() % UInt64(tickets.count))]
                let agent = random.next() % 4 == 0 ? nil : agents[Int(random.next() % 3)]
                _ = try? await desk.assign(id, to: agent, by: .agent("olga"))
            case 1 where tickets.count > 0:
                let id = tickets[Int(random.next() % UInt64(tickets.count))]
                let status: TicketStatus = [.open, .pending, .onHold, .solved, .closed][Int(random.next() % 5)]
                _ = try? await desk.setStatus(status, of: id, by: .agent("olga"))
            default:
                let outcome = try await desk.receive(
                    InboundMessage(
                        channel: .email,
                        externalID: "m-\(step)",
                        sender: MemberID("member-\(step % 40)"),
                        body: "Question \(step)",
                        receivedAt: clock.now
                    )
                )
                tickets.append(outcome.ticket.id)
            }
        }
        let active: Set<TicketStatus> = [.new, .open, .pending, .onHold]
        for agent in agents {
            for statuses in [active, [.open], [.pending, .onHold]] as [Set<TicketStatus>] {
                let scanned = try await store.tickets(matching: TicketQuery(limit: 1000)).tickets
                    .filter { $0.ticket.assignee == agent && statuses.contains($0.ticket.status) }
                    .map(\.ticket.id)
                var paged: [TicketID] = []
                var cursor: TicketID?
                repeat {
                    let page = try await store.tickets(
                        matching: TicketQuery(statuses: statuses, assignee: agent, after: cursor, limit: 3)
                    )
                    paged += page.tickets.map(\.ticket.id)
                    cursor = page.nextCursor
                } while cursor != nil
                #expect(paged == scanned, "seed \(seed): \(agent) in \(statuses)")
            }
        }
    }
}
