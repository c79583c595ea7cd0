import Foundation
import Testing

@testable import PriorityRouting

/// The heap compares 16-byte nodes (a 64-bit prefix of the key and a 32-bit tie) and builds the full
/// key only when those are level. These tests put instants right at the edges of what a node holds:
/// due dates a few units in the last place apart (equal prefixes, different dues), due dates off the
/// whole seconds (no tie), creations in the same second, dates before the reference date and far
/// after 2106 (clamped ties), and negative zero.
@Suite("Ticket queue: node order at the edges of the prefix")
struct TicketQueueNodeOrderTests {
    private static let base = 800_000_000.0  // 2026, on a whole second

    /// Due instants that share prefixes with each other, sit off the whole seconds, or clamp.
    private static let dues: [Double] = [
        base, base.nextUp, base.nextUp.nextUp, base + 4 * base.ulp, base + 7 * base.ulp, base + 8 * base.ulp,
        base.nextDown, base + 0.001, base + 0.5, base + 1, base + 1.000_1, -1, -0.0, 0,
        -800_000_000.5, 5_000_000_000, 5_000_000_000.25,
    ]
    /// Creations in the same second, across seconds, before 2001 and past what 32 bits of seconds hold.
    private static let creations: [Double] = [
        base - 60, base - 59.75, base - 59.5, base - 59, base - 59 + base.ulp, base - 3_600, -5, -5.5,
        0, 5_000_000_000, 5_000_000_001,
    ]

    /// The serving order stated without the node: priority, due (none last), creation, sequence.
    private static func sorted(_ entries: [QueueEntry]) -> [QueueEntry] {
        entries.sorted { lhs, rhs in
            func key(_ entry: QueueEntry) -> (Int, Double, Double, UInt64) {
                (
                    -entry.ticket.priority.rank,
                    (entry.ticket.slaDue?.timeIntervalSinceReferenceDate).map { $0 + 0 } ?? .infinity,
                    entry.ticket.createdAt.timeIntervalSinceReferenceDate + 0, entry.sequence
                )
            }
            return key(lhs) < key(rhs)
        }
    }

    private static func ticket(_ index: Int, _ random: inout SplitMix64) -> RoutableTicket {
        let due = dues[Int(random.next() % UInt64(dues.count))]
        return RoutableTicket(
            id: TicketID("T-\(index)"),
            priority: random.next() % 3 == 0 ? .urgent : .normal,
            createdAt: Date(timeIntervalSinceReferenceDate: creations[Int(random.next() % UInt64(creations.count))]),
            slaDue: random.next() % 5 == 0 ? nil : Date(timeIntervalSinceReferenceDate: due)
        )
    }

    @Test(
        "Popping every ticket gives the model's order, and the ordered view agrees",
        arguments: [0x0DE_0001 as UInt64, 0x0DE_0002]
    )
    func popsInModelOrder(seed: UInt64) throws {
        print("TicketQueueNodeOrderTests.popsInModelOrder seed \(seed)")
        var random = SplitMix64(seed: seed)
        var queue = TicketQueue()
        for index in 0..<2_000 { queue.insert(Self.ticket(index, &random)) }
        // Re-prioritise and update some, so nodes change in place as well.
        for index in stride(from: 0, to: 2_000, by: 7) {
            queue.reprioritize(TicketID("T-\(index)"), to: .high)
        }
        for index in stride(from: 3, to: 2_000, by: 11) {
            var changed = Self.ticket(index, &random)
            changed.id = TicketID("T-\(index)")
            queue.update(changed)
        }
        try #require(queue.isConsistent, "seed \(seed)")
        let expected = Self.sorted(queue.entries)
        #expect(Array(queue.ordered) == expected, "seed \(seed)")
        var popped: [QueueEntry] = []
        while let entry = queue.popFirst() { popped.append(entry) }
        #expect(popped == expected, "seed \(seed)")
        // The fixture does reach every path: prefixes level with different dues, and level ties.
        #expect(Set(expected.compactMap(\.ticket.slaDue)).count >= Self.dues.count - 2)
    }

    @Test("Two due dates one unit in the last place apart share a prefix and are still told apart")
    func dueDatesInTheLastPlace() throws {
        let created = Date(timeIntervalSinceReferenceDate: Self.base - 10)
        let early = RoutableTicket(
            id: "early",
            priority: .normal,
            createdAt: created.addingTimeInterval(5),
            slaDue: Date(timeIntervalSinceReferenceDate: Self.base)
        )
        let late = RoutableTicket(
            id: "late",
            priority: .normal,
            createdAt: created,
            slaDue: Date(timeIntervalSinceReferenceDate: Self.base.nextUp)
        )
        // The prefixes are level and the late ticket's due date is off the grid, so only the full keys
        // can tell; were the tie used, the late ticket's earlier creation would put it first.
        #expect(QueueNode.prefix(of: early) == QueueNode.prefix(of: late))
        #expect(QueueNode.tie(of: early) != 0)
        #expect(QueueNode.tie(of: late) == 0)
        var queue = TicketQueue()
        queue.insert(late)
        queue.insert(early)
        #expect(queue.popFirst()?.id == "early")
        #expect(queue.popFirst()?.id == "late")
    }

    @Test("Equal due dates on a whole second are decided by the creation's second in the node")
    func equalDueDatesUseTheTie() {
        let due = Date(timeIntervalSinceReferenceDate: Self.base)
        let older = RoutableTicket(
            id: "older",
            priority: .normal,
            createdAt: Date(timeIntervalSinceReferenceDate: Self.base - 100),
            slaDue: due
        )
        let newer = RoutableTicket(
            id: "newer",
            priority: .normal,
            createdAt: Date(timeIntervalSinceReferenceDate: Self.base - 50),
            slaDue: due
        )
        #expect(QueueNode.prefix(of: older) == QueueNode.prefix(of: newer))
        #expect(QueueNode.tie(of: older) < QueueNode.tie(of: newer))
        // Creations in the same second leave it to the full keys.
        let sameSecond = RoutableTicket(
            id: "same",
            priority: .normal,
            createdAt: Date(timeIntervalSinceReferenceDate: Self.base - 99.5),
            slaDue: due
        )
        #expect(QueueNode.tie(of: older) == QueueNode.tie(of: sameSecond))
        var queue = TicketQueue([sameSecond, newer, older])
        #expect(queue.popFirst()?.id == "older")
        #expect(queue.popFirst()?.id == "same")
        #expect(queue.popFirst()?.id == "newer")
    }
}
