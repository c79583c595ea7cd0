import Foundation
import Testing

@testable import SupportEngine

/// The due queue's 4-ary heap against a plain model: one entry per timer keeping the earlier instant,
/// one entry per instant for the outbox, taken in (instant, scheduling order).
@Suite("Due queue agrees with a sorted model")
struct DueQueueModelTests {
    private struct ModelEntry: Equatable {
        var due: Date
        var sequence: UInt64
        var work: DueQueue.Work
    }

    private static let epoch = Date(timeIntervalSince1970: 1_800_000_000)

    private static func work(_ random: inout SplitMix64) -> DueQueue.Work {
        let index = Int(random.next() % 40)
        switch random.next() % 5 {
        case 0: return .outbox
        case 1: return .member(MemberID("member-\(index)"))
        case 2: return .shiftChange(AgentID("agent-\(index % 5)"))
        default: return .ticket(TicketID("T-\(index)"))
        }
    }

    /// With every hash bit, and with two: then most timers share their hash bits, and the queue must
    /// tell them apart by their work (and, for the outbox, their instant) alone.
    @Test("100,000 seeded inserts and pops agree with the model", arguments: [UInt32.max, 0x3])
    func seededModel(hashMask: UInt32) throws {
        let seed: UInt64 = 0xD0E_0021
        print("DueQueueModelTests.seededModel seed \(seed) hash mask \(hashMask)")
        var random = SplitMix64(seed: seed)
        var queue = DueQueue(hashMask: hashMask)
        var model: [ModelEntry] = []
        var sequence: UInt64 = 0
        for step in 0..<100_000 {
            if random.next() % 3 == 0 {
                let expected = model.isEmpty ? nil : model.removeFirst()
                let taken = queue.popFirst()
                try #require(taken?.work == expected?.work, "seed \(seed) step \(step)")
                try #require(taken?.due == expected?.due, "seed \(seed) step \(step)")
                try #require(taken?.sequence == expected?.sequence, "seed \(seed) step \(step)")
            } else {
                let work = Self.work(&random)
                let due = Self.epoch.addingTimeInterval(Double(random.next() % 500))
                let existing = model.firstIndex { $0.work == work && (work != .outbox || $0.due == due) }
                let changed: Bool
                if let existing {
                    changed = due < model[existing].due
                    if changed { model[existing].due = due }
                } else {
                    model.append(ModelEntry(due: due, sequence: sequence, work: work))
                    sequence += 1
                    changed = true
                }
                model.sort { ($0.due, $0.sequence) < ($1.due, $1.sequence) }
                try #require(queue.insert(work, due: due) == changed, "seed \(seed) step \(step)")
            }
            try #require(queue.count == model.count, "seed \(seed) step \(step)")
            try #require(queue.first?.work == model.first?.work, "seed \(seed) step \(step)")
            if step % 5_000 == 0 { try #require(queue.isConsistent, "seed \(seed) step \(step)") }
        }
        #expect(queue.isConsistent, "seed \(seed)")
    }

    @Test("Instants that are not finite are refused")
    func notFinite() {
        var queue = DueQueue()
        let notANumber = queue.insert(.outbox, due: Date(timeIntervalSinceReferenceDate: .nan))
        let infinite = queue.insert(.ticket("T-1"), due: Date(timeIntervalSinceReferenceDate: .infinity))
        #expect(!notANumber)
        #expect(!infinite)
        #expect(queue.isEmpty)
        #expect(queue.isConsistent)
    }
}
