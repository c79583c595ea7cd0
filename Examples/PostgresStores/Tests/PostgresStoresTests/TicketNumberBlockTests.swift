import Foundation
import SupportEngine
import Testing

@testable import PostgresStores

/// The ticket numbers a store draws a block at a time: every caller gets its own, in order, without a
/// database (a counting draw stands in for the sequence).
@Suite("Ticket numbers drawn a block at a time")
struct TicketNumberBlockTests {
    /// A sequence: each draw returns the next `count` values, after a few suspensions so that callers
    /// overlap the draw.
    actor CountingSequence {
        private(set) var last = 0
        private(set) var draws = 0
        var failNext = false

        func draw(_ count: Int) async throws -> [TicketNumber] {
            for _ in 0..<3 { await Task.yield() }
            draws += 1
            if failNext {
                failNext = false
                throw StoreError(.unavailable, "the sequence is not there")
            }
            defer { last += count }
            // Handed back out of order: the block sorts them.
            return try (1...count).reversed().map { try TicketNumber(last + $0) }
        }

        func failTheNextDraw() { failNext = true }
    }

    @Test("callers at once each get distinct numbers, increasing per caller, from few draws")
    func callersAtOnce() async throws {
        let sequence = CountingSequence()
        let block = TicketNumberBlock(size: 16)
        let drawn = try await withThrowingTaskGroup(of: [TicketNumber].self) { group in
            for _ in 0..<12 {
                group.addTask {
                    var numbers: [TicketNumber] = []
                    for _ in 0..<20 { numbers.append(try await block.take { try await sequence.draw($0) }) }
                    return numbers
                }
            }
            var all: [[TicketNumber]] = []
            for try await numbers in group { all.append(numbers) }
            return all
        }
        for numbers in drawn {
            #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }, "\(numbers.map(\.rawValue))")
        }
        let all = drawn.flatMap(\.self)
        #expect(Set(all).count == 240)
        #expect(all.map(\.rawValue).sorted() == Array(1...240), "no number skipped while the process runs")
        #expect(await sequence.draws == 15, "one draw per 16 numbers")
        let next = try await block.take { try await sequence.draw($0) }
        #expect(next.rawValue == 241)
    }

    @Test("a failed draw fails its callers, and the next call draws again")
    func failedDraw() async throws {
        let sequence = CountingSequence()
        let block = TicketNumberBlock(size: 4)
        await sequence.failTheNextDraw()
        await #expect(throws: StoreError.self) {
            try await block.take { try await sequence.draw($0) }
        }
        #expect(try await block.take { try await sequence.draw($0) }.rawValue == 1)
        #expect(try await block.take { try await sequence.draw($0) }.rawValue == 2)
    }
}
