import Foundation
import Testing

@testable import SupportEngine

/// The in-memory store's record indexes: a ticket found by its id or number, an inbound message's
/// external key and a thread key found for their record, checked against a dictionary on keys crowded
/// onto a few hash values (every lookup then walks past other keys' buckets).
@Suite("In-memory store: record tables")
struct RecordTablesTests {
    typealias Record = InMemoryTicketStore.Record

    /// A key whose hash is one of eight values, so that most keys share their buckets' hash bits.
    struct CrowdedKey: Hashable {
        let name: Int
        func hash(into hasher: inout Hasher) { hasher.combine(name % 8) }
    }

    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// A new ticket with an id and, when given, a number, and its creation event.
    static func opened(_ index: Int, number: Int?) throws -> (ticket: Ticket, event: TicketEvent) {
        let creation = TicketCreation(
            requester: "member-1",
            subject: "Login",
            channel: .email,
            reason: .access,
            priority: .normal,
            number: number.flatMap { TicketNumber(rawValue: $0) },
            firstMessage: TicketMessage(
                id: MessageID("m-\(index)"),
                kind: .memberMessage,
                author: .member("member-1"),
                body: "I cannot log in to the club",
                at: start,
                channel: .email
            )
        )
        return try TicketRules.create(creation, id: TicketID("T-\(index)"), by: .member("member-1"), at: start)
    }

    /// A ticket's record, as the store keeps it.
    static func record(_ index: Int, number: Int?) throws -> Record {
        Record(ticket: try opened(index, number: number).ticket, dueAt: nil)
    }

    /// The write of a new ticket.
    static func newWrite(_ index: Int, number: Int?) throws -> TicketWrite {
        let opened = try opened(index, number: number)
        return TicketWrite(ticket: opened.ticket, expectedVersion: 0, events: [opened.event])
    }

    @Test("a commit giving one number to two new tickets, or a new number to a stored ticket, is refused whole")
    func numbersChecked() async throws {
        let store = InMemoryTicketStore()
        await #expect(throws: StoreError.self) {
            try await store.commit(
                TicketCommit(writes: [try Self.newWrite(1, number: 7), try Self.newWrite(2, number: 7)])
            )
        }
        #expect(await store.ticketCount == 0, "nothing of the refused commit is stored")
        try await store.commit(TicketCommit(writes: [try Self.newWrite(1, number: 7)]))
        #expect(await store.ticketID(forNumber: TicketNumber(rawValue: 7)!) == "T-1")
        // The same ticket written again with another number: a hand-built write, refused.
        let renumbered = try Self.opened(1, number: 8)
        let stored = try #require(await store.ticket("T-1")).ticket
        let note = try TicketRules.execute(
            .internalNote(MessageDraft(id: "n-1", body: "checked", channel: nil)),
            on: renumbered.ticket,
            by: .agent("a-1"),
            at: Self.start.addingTimeInterval(60)
        )
        await #expect(throws: StoreError.self) {
            try await store.commit(
                TicketCommit(writes: [
                    TicketWrite(ticket: note.ticket, expectedVersion: stored.version, events: note.events)
                ])
            )
        }
        #expect(await store.ticketID(forNumber: TicketNumber(rawValue: 7)!) == "T-1")
        #expect(await store.ticketID(forNumber: TicketNumber(rawValue: 8)!) == nil)
        #expect(try #require(await store.ticket("T-1")).ticket == stored)
    }

    @Test("every ticket is found by its id and its number, in the order added; unknown ones are not")
    func recordsByIDAndNumber() throws {
        var table = InMemoryTicketStore.RecordTable()
        var added: [Record] = []
        for index in 0..<3_000 {
            // Every third ticket has no number (stored before numbers existed); numbers are not in id order.
            let record = try Self.record(index, number: index % 3 == 0 ? nil : 10_000 - index)
            table.add(record)
            added.append(record)
        }
        #expect(table.count == 3_000)
        #expect(table.all.map(ObjectIdentifier.init) == added.map(ObjectIdentifier.init))
        for (index, record) in added.enumerated() {
            #expect(table[TicketID("T-\(index)")] === record)
            if index % 3 != 0 {
                #expect(table.record(number: TicketNumber(rawValue: 10_000 - index)!) === record)
            }
        }
        #expect(table[TicketID("T-3000")] == nil)
        #expect(table[TicketID("T-")] == nil)
        #expect(table.record(number: TicketNumber(rawValue: 10_000)!) == nil)  // ticket 0 has none
        #expect(table.record(number: TicketNumber(rawValue: 1)!) == nil)
    }

    @Test("numbers from 1 up, numbers far beyond them and a number passed by the array later are all found")
    func numbersDenseAndFar() throws {
        var table = InMemoryTicketStore.RecordTable()
        var byNumber: [Int: Record] = [:]
        func add(_ index: Int, number: Int) throws {
            let record = try Self.record(index, number: number)
            table.add(record)
            if byNumber[number] == nil { byNumber[number] = record }  // the first ticket keeps a number
        }
        try add(0, number: 1_000_000)  // far beyond an empty table's array
        try add(1, number: 3_000)  // beyond it too, but the array will pass it
        for index in 2..<2_500 { try add(index, number: index - 1) }
        try add(2_500, number: 3_000)  // a second ticket with a number already stored
        try add(2_501, number: 7)
        try add(2_502, number: 4_000)  // within twice the records plus 1,024 now
        for (number, record) in byNumber {
            #expect(table.record(number: TicketNumber(rawValue: number)!) === record, "number \(number)")
        }
        for number in [2_499, 2_500, 3_999, 4_001, 999_999, 1_000_001] {
            #expect(table.record(number: TicketNumber(rawValue: number)!) == nil, "number \(number)")
        }
    }

    @Test("records come in id order: the array itself while ids arrive in order, sorted when they did not")
    func idOrder() throws {
        var table = InMemoryTicketStore.RecordTable()
        for index in [1, 2, 3] { table.add(try Self.record(index, number: nil)) }
        #expect(table.inIDOrder().map(\.ticket.id) == ["T-1", "T-2", "T-3"])
        for index in [0, 5, 4] { table.add(try Self.record(index, number: nil)) }
        #expect(table.inIDOrder().map(\.ticket.id) == ["T-0", "T-1", "T-2", "T-3", "T-4", "T-5"])
        table.add(try Self.record(9, number: nil))
        table.add(try Self.record(6, number: nil))
        #expect(table.inIDOrder().map(\.ticket.id) == ["T-0", "T-1", "T-2", "T-3", "T-4", "T-5", "T-6", "T-9"])
        #expect(table.all.map(\.ticket.id) == ["T-1", "T-2", "T-3", "T-0", "T-5", "T-4", "T-9", "T-6"])
    }

    @Test("keys crowded onto eight hash values: every lookup and every re-pointing agrees with a dictionary")
    func keyedRecordsAgainstDictionary() throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("RecordTablesTests.keyedRecordsAgainstDictionary seed \(seed)")
        var random = SplitMix64(seed: seed)
        let records = try (0..<50).map { try Self.record($0, number: nil) }
        var keyed = InMemoryTicketStore.KeyedRecords<CrowdedKey>()
        var model: [CrowdedKey: Record] = [:]
        for step in 0..<4_000 {
            let key = CrowdedKey(name: Int(random.next() % 400))
            let record = records[Int(random.next() % 50)]
            keyed.store(record, for: key)
            model[key] = record
            let probe = CrowdedKey(name: Int(random.next() % 500))  // a fifth of these are never stored
            #expect(keyed[probe] === model[probe], "seed \(seed), step \(step), key \(probe.name)")
        }
        #expect(keyed.count == model.count)
        for name in 0..<500 {
            let key = CrowdedKey(name: name)
            #expect(keyed[key] === model[key], "seed \(seed), key \(name)")
        }
    }
}
