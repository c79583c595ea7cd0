import Foundation
import PriorityRouting
import Testing

@Suite("Shift handover")
struct HandoverTests {
    private func held(
        _ id: String,
        _ state: RoutableTicketState,
        _ priority: Priority = .normal,
        age: Int = 0
    )
        -> HandoverTicket
    {
        HandoverTicket(ticket: ticket(id, priority, age: age, reason: .access), state: state)
    }

    @Test("New and open tickets move, waiting ones stay and are reported, finished ones are left alone")
    func basicPlan() {
        let agents = [
            agent("leaving", capacity: 10, open: 6, onShift: false),
            agent("b", capacity: 3, open: 1),
            agent("c", capacity: 3, open: 2),
        ]
        let tickets = [
            held("T-new", .new, .normal, age: 5),
            held("T-open", .open, .urgent, age: 1),
            held("T-pending", .pending),
            held("T-hold", .onHold),
            held("T-solved", .solved),
            held("T-closed", .closed),
            held("T-open-2", .open, .low, age: 50),
            held("T-open-3", .open, .normal, age: 60),
        ]
        var assigner = Assigner(strategy: .leastLoaded)
        let plan = assigner.planHandover(from: "leaving", tickets: tickets, agents: agents, cause: .shiftEnded)
        #expect(plan.moves.map(\.ticketID.rawValue) == ["T-open", "T-open-3", "T-new", "T-open-2"])
        #expect(plan.assignments.map(\.agentID.rawValue) == ["b", "c", "b"], "ties rotate after the last agent")
        #expect(plan.requeued == ["T-open-2"])
        #expect(plan.staying.map(\.id) == ["T-pending", "T-hold"])
        #expect(plan.finished.map(\.id) == ["T-solved", "T-closed"])
        let first = plan.moves[0]
        #expect(first.destination == .agent("b"))
        #expect(first.note.contains("Agent leaving (leaving)"))
        #expect(first.note.contains("end of shift"))
        #expect(first.note.contains("T-open (open, urgent, access)"))
        #expect(first.note.contains("reassigned to Agent b (b)"))
        #expect(plan.moves[3].note.contains("returned to the queue"))
    }

    @Test(
        "Nothing new or open stays with the leaving agent, whatever the others' state",
        arguments: [1 as UInt64, 2, 3]
    )
    func nothingLeftBehind(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for round in 0..<200 {
            var agents = randomAgents(8, &random)
            agents[0].isOnShift = random.next() % 2 == 0
            agents[0].presence = .online
            let states = RoutableTicketState.allCases
            let tickets = randomTickets(Int(random.next() % 30), &random).map {
                HandoverTicket(ticket: $0, state: states[Int(random.next() % 6)])
            }
            let cause = HandoverCause.allCases[Int(random.next() % 3)]
            var assigner = Assigner(strategy: AssignmentStrategy.allCases[Int(random.next() % 3)])
            let plan = assigner.planHandover(from: "a0", tickets: tickets, agents: agents, cause: cause)
            let moved = Set(plan.moves.map(\.ticketID))
            let context = "seed \(seed) round \(round)"
            #expect(moved == Set(tickets.filter { $0.state.needsAgent }.map(\.id)), "\(context)")
            #expect(plan.moves.count == moved.count, "\(context)")
            #expect(plan.staying.allSatisfy { $0.state.isWaiting }, "\(context)")
            #expect(plan.moves.count + plan.staying.count + plan.finished.count == tickets.count, "\(context)")
            var load: [AgentID: Int] = [:]
            for move in plan.moves {
                switch move.destination {
                case .agent(let id):
                    #expect(id != "a0", "\(context): a ticket stayed with the leaving agent")
                    #expect(move.assignment?.agentID == id, "\(context)")
                    let state = agents.first { $0.id == id }
                    #expect(state?.canTakeTicket == true, "\(context): \(id) cannot take tickets")
                    load[id, default: 0] += 1
                case .queue:
                    #expect(move.assignment == nil, "\(context)")
                }
                #expect(!move.note.isEmpty, "\(context)")
            }
            for (id, count) in load {
                let state = agents.first { $0.id == id }!
                #expect(state.openTickets + count <= state.capacity, "\(context): \(id) over capacity")
            }
        }
    }

    @Test("The leaving agent is never chosen, even when their state says they could take tickets")
    func neverBackToTheLeaver() {
        let agents = [agent("leaving", capacity: 50), agent("b", capacity: 1)]
        let tickets = [held("T1", .open), held("T2", .new)].map {
            var copy = $0
            copy.ticket.preferredAgent = "leaving"
            return copy
        }
        var assigner = Assigner(strategy: .roundRobin)
        let plan = assigner.planHandover(from: "leaving", tickets: tickets, agents: agents, cause: .unavailable)
        #expect(plan.assignments.map(\.agentID) == ["b"])
        #expect(plan.requeued == ["T2"])
    }

    @Test("On an absence the substitute takes the tickets first, then the strategy, then the queue")
    func absenceSubstitute() {
        let agents = [
            agent("anna", capacity: 10, open: 4, absent: true, substitute: "boris"),
            agent("boris", capacity: 2, open: 0),
            agent("clara", capacity: 1, open: 0),
        ]
        let tickets = [held("T1", .open, .urgent), held("T2", .open, .high), held("T3", .new), held("T4", .new, .low)]
        var assigner = Assigner(strategy: .leastLoaded)
        let plan = assigner.planHandover(from: "anna", tickets: tickets, agents: agents, cause: .absence)
        #expect(
            plan.assignments == [
                Assignment(ticketID: "T1", agentID: "boris", basis: .substitute(for: "anna")),
                Assignment(ticketID: "T2", agentID: "boris", basis: .substitute(for: "anna")),
                Assignment(ticketID: "T3", agentID: "clara", basis: .strategy(.leastLoaded)),
            ]
        )
        #expect(plan.moves[0].note.contains("as substitute"))
        #expect(plan.moves[0].note.contains("absence"))
        #expect(plan.requeued == ["T4"])
    }

    @Test("At the end of a shift the substitute is not preferred")
    func shiftEndIgnoresSubstitute() {
        let agents = [
            agent("anna", onShift: false, substitute: "boris"),
            agent("boris", capacity: 5, open: 4),
            agent("clara", capacity: 5, open: 0),
        ]
        var assigner = Assigner(strategy: .leastLoaded)
        let plan = assigner.planHandover(from: "anna", tickets: [held("T1", .open)], agents: agents, cause: .shiftEnded)
        #expect(plan.assignments == [Assignment(ticketID: "T1", agentID: "clara", basis: .strategy(.leastLoaded))])
    }

    @Test("Plans encode to JSON and back")
    func codable() throws {
        var assigner = Assigner(strategy: .roundRobin)
        let plan = assigner.planHandover(
            from: "a",
            tickets: [held("T1", .open), held("T2", .pending), held("T3", .new)],
            agents: [agent("a"), agent("b", capacity: 1)],
            cause: .shiftEnded
        )
        let decoded = try JSONDecoder().decode(HandoverPlan.self, from: try JSONEncoder().encode(plan))
        #expect(decoded == plan)
    }
}
