import Foundation
import Testing

@testable import PriorityRouting

/// The reference the heap is checked against: a plain array kept sorted by its own statement of
/// the order (not by `QueueEntry.precedes`).
private struct SortedModel {
    static func key(_ entry: QueueEntry) -> (Int, Double, Double, UInt64) {
        let due = entry.ticket.slaDue?.timeIntervalSinceReferenceDate ?? .infinity
        return (-entry.ticket.priority.rank, due, entry.ticket.createdAt.timeIntervalSinceReferenceDate, entry.sequence)
    }

    static func inOrder(_ lhs: QueueEntry, _ rhs: QueueEntry) -> Bool { key(lhs) < key(rhs) }

    var entries: [QueueEntry] = []
    var nextSequence: UInt64 = 0

    mutating func insert(_ ticket: RoutableTicket) -> Bool {
        guard !entries.contains(where: { $0.id == ticket.id }) else { return false }
        entries.append(QueueEntry(ticket: ticket, sequence: nextSequence))
        nextSequence += 1
        entries.sort(by: Self.inOrder)
        return true
    }

    mutating func remove(_ id: TicketID) -> QueueEntry? {
        guard let index = entries.firstIndex(where: { $0.id == id }) else { return nil }
        return entries.remove(at: index)
    }

    mutating func change(_ id: TicketID, _ body: (inout RoutableTicket) -> Void) -> Bool {
        guard let index = entries.firstIndex(where: { $0.id == id }) else { return false }
        body(&entries[index].ticket)
        entries.sort(by: Self.inOrder)
        return true
    }
}

@Suite("Ticket queue")
struct TicketQueueModelTests {
    private static let epoch = Date(timeIntervalSince1970: 1_800_000_000)

    private static func randomTicket(_ id: TicketID, _ random: inout SplitMix64) -> RoutableTicket {
        let priority = Priority.allCases[Int(random.next() % 4)]
        let due: Date? =
            random.next() % 3 == 0 ? nil : epoch.addingTimeInterval(Double(random.next() % 20) * 600)
        let created = epoch.addingTimeInterval(-Double(random.next() % 10) * 60)
        return RoutableTicket(id: id, priority: priority, createdAt: created, slaDue: due)
    }

    @Test(
        "The heap agrees with a sorted-array model over 100,000 seeded operations",
        arguments: [0x5EED_0001 as UInt64]
    )
    func model(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var queue = TicketQueue()
        var model = SortedModel()
        let operations = 100_000
        for step in 0..<operations {
            let id = TicketID("T-\(random.next() % 300)")
            let agree: Bool
            switch random.next() % 10 {
            case 0...3:
                let ticket = Self.randomTicket(id, &random)
                agree = queue.insert(ticket) == model.insert(ticket)
            case 4:
                agree = queue.remove(id) == model.remove(id)
            case 5:
                let popped = queue.popFirst()
                agree = popped == (model.entries.isEmpty ? nil : model.entries.removeFirst())
            case 6, 7:
                let priority = Priority.allCases[Int(random.next() % 4)]
                agree = queue.reprioritize(id, to: priority) == model.change(id) { $0.priority = priority }
            case 8:
                var ticket = Self.randomTicket(id, &random)
                if let existing = queue.entry(for: id) { ticket.createdAt = existing.ticket.createdAt }
                agree = queue.update(ticket) == model.change(id) { $0 = ticket }
            default:
                // Added when new, updated in place (keeping its sequence) when waiting.
                var ticket = Self.randomTicket(id, &random)
                if let existing = queue.entry(for: id) { ticket.createdAt = existing.ticket.createdAt }
                let updated = model.change(id) { $0 = ticket }
                agree = queue.insertOrUpdate(ticket) == (updated ? false : model.insert(ticket))
            }
            try #require(agree, "seed \(seed) step \(step)")
            try #require(queue.count == model.entries.count, "seed \(seed) step \(step)")
            try #require(queue.first == model.entries.first, "seed \(seed) step \(step)")
            if step % 2_000 == 0 {
                try #require(queue.isConsistent, "seed \(seed) step \(step)")
                try #require(Array(queue.ordered) == model.entries, "seed \(seed) step \(step)")
            }
        }
        #expect(Array(queue.ordered) == model.entries, "seed \(seed)")
    }

    @Test("Order: priority, then SLA due (none last), then age, then insertion")
    func order() {
        let base = Self.epoch
        var queue = TicketQueue()
        queue.insert(RoutableTicket(id: "low", priority: .low, createdAt: base.addingTimeInterval(-9_999)))
        queue.insert(RoutableTicket(id: "no-due", priority: .high, createdAt: base.addingTimeInterval(-500)))
        queue.insert(
            RoutableTicket(id: "late-due", priority: .high, createdAt: base, slaDue: base.addingTimeInterval(900))
        )
        queue.insert(
            RoutableTicket(id: "soon-due", priority: .high, createdAt: base, slaDue: base.addingTimeInterval(60))
        )
        queue.insert(RoutableTicket(id: "old", priority: .normal, createdAt: base.addingTimeInterval(-60)))
        queue.insert(RoutableTicket(id: "young", priority: .normal, createdAt: base))
        queue.insert(RoutableTicket(id: "twin", priority: .normal, createdAt: base))
        queue.insert(RoutableTicket(id: "urgent", priority: .urgent, createdAt: base))
        let order = queue.ordered.map(\.id.rawValue)
        #expect(order == ["urgent", "soon-due", "late-due", "no-due", "old", "young", "twin", "low"])
        #expect(queue.count == 8)
        let duplicate = queue.insert(RoutableTicket(id: "low", priority: .urgent, createdAt: base))
        #expect(!duplicate)
        #expect(queue.entry(for: "low")?.ticket.priority == .low)
        queue.reprioritize("low", to: .urgent)
        #expect(queue.ordered.prefix(2).map(\.id.rawValue) == ["low", "urgent"])
        let missing = queue.remove("nope")
        #expect(missing == nil)
        let young = queue.remove("young")
        #expect(young?.id == "young")
        #expect(!queue.contains("young"))
    }

    @Test("Building from a sequence heapifies and ignores duplicates")
    func bulk() {
        var random = SplitMix64(seed: 42)
        let tickets = (0..<2_000).map { Self.randomTicket(TicketID("T-\($0 % 1_500)"), &random) }
        let queue = TicketQueue(tickets)
        #expect(queue.count == 1_500)
        #expect(queue.isConsistent)
        var model = SortedModel()
        for ticket in tickets { _ = model.insert(ticket) }
        #expect(Array(queue.ordered) == model.entries, "seed 42")
    }
}
