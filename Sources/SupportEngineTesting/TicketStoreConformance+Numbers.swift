import Foundation
import SupportEngine

/// The ticket-number part of the contract: numbers handed out once, in order, and found again.
extension TicketStoreConformance {
    static let ticketNumbersAtOnce = Check("ticket numbers: unique and increasing when handed out at once") {
        store,
        expect in
        let tasks = 8
        let each = 25
        let drawn = try await withThrowingTaskGroup(of: [TicketNumber].self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    var numbers: [TicketNumber] = []
                    for _ in 0..<each { numbers.append(try await store.nextTicketNumber()) }
                    return numbers
                }
            }
            var all: [[TicketNumber]] = []
            for try await numbers in group { all.append(numbers) }
            return all
        }
        for numbers in drawn {
            try expect.that(
                zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 },
                "one caller's numbers did not increase: \(numbers.map(\.rawValue))"
            )
        }
        let all = drawn.flatMap(\.self)
        try expect.equal(Set(all).count, tasks * each, "distinct numbers among \(tasks * each) handed out at once")
        let next = try await store.nextTicketNumber()
        try expect.that(
            all.allSatisfy { $0 < next },
            "the number handed out after the others, \(next), is not above all of them (largest \(all.max()!))"
        )
    }

    static let numberedTicketsAtOnce = Check("ticket numbers: tickets created at once each keep their own") {
        store,
        expect in
        let count = 24
        let created = try await withThrowingTaskGroup(of: (String, TicketNumber).self) { group in
            for index in 0..<count {
                group.addTask {
                    let number = try await store.nextTicketNumber()
                    let id = "T-\(index)"
                    try await store.commit(TicketCommit(writes: [try ConformanceFixtures.newWrite(id, number: number)]))
                    return (id, number)
                }
            }
            var all: [(String, TicketNumber)] = []
            for try await pair in group { all.append(pair) }
            return all
        }
        try expect.equal(Set(created.map(\.1)).count, count, "distinct numbers of \(count) tickets created at once")
        for (id, number) in created {
            try expect.equal(try await store.ticket(TicketID(id))?.ticket.number, number, "the number of \(id)")
            try expect.equal(
                try await store.ticketID(forNumber: number),
                TicketID(id),
                "the ticket of number \(number)"
            )
        }
    }

    static let lookupByNumber = Check("ticket numbers: lookup by number, and tickets without one") { store, expect in
        let number = try await store.nextTicketNumber()
        let numbered = try ConformanceFixtures.newWrite("T-1", number: number)
        let unnumbered = try ConformanceFixtures.newWrite("T-2")
        try await store.commit(TicketCommit(writes: [numbered, unnumbered]))
        try expect.equal(try await store.ticketID(forNumber: number), TicketID("T-1"), "the ticket of number \(number)")
        let stored = try await store.ticket("T-1")
        try expect.equal(stored?.ticket.number, number, "the number read back")
        try expect.equal(try Ticket.replay(try await store.events(of: "T-1")).number, number, "the number replayed")
        let later = try ConformanceFixtures.change(numbered.ticket, .setStatus(.open))
        try await store.commit(TicketCommit(writes: [later]))
        try expect.equal(try await store.ticketID(forNumber: number), TicketID("T-1"), "the ticket after a change")
        try expect.equal(try await store.ticket("T-2")?.ticket.number, nil, "the number of a ticket without one")
        let unused = try await store.nextTicketNumber()
        try expect.that(try await store.ticketID(forNumber: unused) == nil, "an unused number found a ticket")
    }

    static let takenNumberRefused = Check("ticket numbers: a new ticket with a taken number is refused") {
        store,
        expect in
        let number = try await store.nextTicketNumber()
        try await store.commit(TicketCommit(writes: [try ConformanceFixtures.newWrite("T-1", number: number)]))
        let clash = try ConformanceFixtures.newWrite("T-2", number: number)
        try await expect.storeError(.invalidCommit, "a second ticket with number \(number)") {
            try await store.commit(TicketCommit(writes: [clash]))
        }
        try expect.that(try await store.ticket("T-2") == nil, "the ticket with a taken number was stored")
        try expect.equal(try await store.ticketID(forNumber: number), TicketID("T-1"), "the owner of number \(number)")
    }
}
