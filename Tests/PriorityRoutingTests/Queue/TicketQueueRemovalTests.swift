import Foundation
import Testing

@testable import PriorityRouting

/// The 4-ary heap with slots: removal by id anywhere in the heap, slot reuse, and a large seeded run.
@Suite("Ticket queue: removal by id and slot reuse")
struct TicketQueueRemovalTests {
    private static let epoch = Date(timeIntervalSince1970: 1_800_000_000)

    private static func ticket(_ index: Int, _ random: inout SplitMix64) -> RoutableTicket {
        RoutableTicket(
            id: TicketID("T-\(index)"),
            priority: Priority.allCases[Int(random.next() % 4)],
            createdAt: epoch.addingTimeInterval(Double(random.next() % 50)),
            slaDue: random.next() % 4 == 0 ? nil : epoch.addingTimeInterval(Double(random.next() % 100))
        )
    }

    /// The serving order stated independently of the heap's key: the model the heap must agree with.
    private static func sorted(_ entries: [QueueEntry]) -> [QueueEntry] {
        entries.sorted { lhs, rhs in
            func key(_ entry: QueueEntry) -> (Int, Double, Double, UInt64) {
                (
                    -entry.ticket.priority.rank,
                    entry.ticket.slaDue?.timeIntervalSinceReferenceDate ?? .infinity,
                    entry.ticket.createdAt.timeIntervalSinceReferenceDate, entry.sequence
                )
            }
            return key(lhs) < key(rhs)
        }
    }

    @Test("Removing every ticket by id, in a random order, leaves the rest in order")
    func removeEveryTicketByID() throws {
        let seed: UInt64 = 0x4A2_0021
        print("TicketQueueRemovalTests.removeEveryTicketByID seed \(seed)")
        var random = SplitMix64(seed: seed)
        var queue = TicketQueue()
        let count = 3_000
        for index in 0..<count { queue.insert(Self.ticket(index, &random)) }
        var remaining = Array(0..<count)
        var step = 0
        while !remaining.isEmpty {
            let pick = Int(random.next() % UInt64(remaining.count))
            let index = remaining.remove(at: pick)
            let removed = queue.remove(TicketID("T-\(index)"))
            try #require(removed?.id == TicketID("T-\(index)"), "seed \(seed) step \(step)")
            try #require(!queue.contains(TicketID("T-\(index)")), "seed \(seed) step \(step)")
            try #require(queue.remove(TicketID("T-\(index)")) == nil, "seed \(seed) step \(step)")
            if step % 250 == 0 {
                try #require(queue.isConsistent, "seed \(seed) step \(step)")
                try #require(Array(queue.ordered) == Self.sorted(queue.entries), "seed \(seed) step \(step)")
            }
            step += 1
        }
        #expect(queue.isEmpty)
        #expect(queue.isConsistent)
    }

    @Test("Slots freed by removals are reused and a re-inserted id gets its new data")
    func slotsAreReused() throws {
        let seed: UInt64 = 0x5107_0021
        print("TicketQueueRemovalTests.slotsAreReused seed \(seed)")
        var random = SplitMix64(seed: seed)
        var queue = TicketQueue()
        for round in 0..<20 {
            for index in 0..<200 { queue.insert(Self.ticket(index, &random)) }
            for index in stride(from: round % 3, to: 200, by: 3) { queue.remove(TicketID("T-\(index)")) }
            try #require(queue.isConsistent, "seed \(seed) round \(round)")
            let urgent = RoutableTicket(
                id: TicketID("T-\(round % 3)"),
                priority: .urgent,
                createdAt: Self.epoch,
                slaDue: .distantPast
            )
            let inserted = queue.insert(urgent)
            #expect(inserted, "seed \(seed) round \(round)")
            #expect(queue.first?.ticket == urgent, "seed \(seed) round \(round)")
            #expect(queue.entry(for: urgent.id)?.ticket == urgent)
            while let entry = queue.popFirst() { _ = entry }
            try #require(queue.isConsistent, "seed \(seed) round \(round)")
        }
    }

    @Test("200,000 seeded inserts, removals and pops agree with a sorted model of at most 64 tickets")
    func seededChurn() throws {
        let seed: UInt64 = 0xC4_0021
        print("TicketQueueRemovalTests.seededChurn seed \(seed)")
        var random = SplitMix64(seed: seed)
        var queue = TicketQueue()
        var model: [QueueEntry] = []
        var sequence: UInt64 = 0
        for step in 0..<200_000 {
            let index = Int(random.next() % 64)
            let id = TicketID("T-\(index)")
            switch random.next() % 4 {
            case 0, 1:
                let ticket = Self.ticket(index, &random)
                let inserted = queue.insert(ticket)
                try #require(inserted == !model.contains { $0.id == id }, "seed \(seed) step \(step)")
                if inserted {
                    model.append(QueueEntry(ticket: ticket, sequence: sequence))
                    model = Self.sorted(model)
                    sequence += 1
                }
            case 2:
                let expected = model.firstIndex { $0.id == id }.map { model.remove(at: $0) }
                try #require(queue.remove(id) == expected, "seed \(seed) step \(step)")
            default:
                let expected = model.isEmpty ? nil : model.removeFirst()
                try #require(queue.popFirst() == expected, "seed \(seed) step \(step)")
            }
            try #require(queue.first == model.first, "seed \(seed) step \(step)")
        }
        #expect(queue.isConsistent, "seed \(seed)")
        #expect(Array(queue.ordered) == model, "seed \(seed)")
    }
}
