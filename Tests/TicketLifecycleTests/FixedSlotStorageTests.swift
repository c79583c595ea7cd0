import Foundation
import Testing
import TicketLifecycle

/// The fixed-slot tables that replaced the dictionaries of SLA clocks and routing explanations: they
/// read like the dictionaries, keep their JSON form, and survive replay.
@Suite("Fixed-slot SLA clocks and explanations")
struct FixedSlotStorageTests {
    static func clock(_ metric: SLAMetric, minutes: Int, warning: Bool = true) -> SLAClock {
        SLAClock(
            metric: metric,
            startedAt: Fixture.start,
            dueAt: Fixture.at(minutes),
            warningAt: warning ? Fixture.at(minutes / 2) : nil,
            pausedFor: TimeInterval(minutes)
        )
    }

    static let explanations = [
        RoutingExplanation(aspect: .reason, value: "access", because: "rule ru.access matched 'войти'"),
        RoutingExplanation(aspect: .priority, value: "urgent", because: "rule 'paid members'"),
        RoutingExplanation(aspect: .assignee, value: "queue", because: "no agent is available now"),
    ]

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("the clock table reads and writes like a dictionary, in metric order")
    func clockTableAsDictionary() {
        var table = SLAClockTable()
        #expect(table.isEmpty && table.count == 0 && Array(table.keys).isEmpty)
        table[.resolution] = Self.clock(.resolution, minutes: 600)
        table[.firstReply] = Self.clock(.firstReply, minutes: 60)
        #expect(table.count == 2 && !table.isEmpty)
        #expect(Array(table.keys) == [.firstReply, .resolution])
        #expect(table.values.map(\.dueAt) == [Fixture.at(60), Fixture.at(600)])
        #expect(table[.firstReply] == Self.clock(.firstReply, minutes: 60))
        #expect(table[.nextReply] == nil)
        #expect(table.map(\.key) == [.firstReply, .resolution])
        #expect(
            table.dictionary == [
                .firstReply: Self.clock(.firstReply, minutes: 60), .resolution: Self.clock(.resolution, minutes: 600),
            ]
        )
        #expect(table.removeValue(forKey: .firstReply) == Self.clock(.firstReply, minutes: 60))
        #expect(table.removeValue(forKey: .firstReply) == nil)
        #expect(Array(table.keys) == [.resolution])
        table[.resolution] = nil
        #expect(table.isEmpty && table.startIndex == table.endIndex)
    }

    @Test("equal clock tables do not depend on the order the clocks were set")
    func clockTableEquality() {
        let first: SLAClockTable = [
            .nextReply: Self.clock(.nextReply, minutes: 30), .resolution: Self.clock(.resolution, minutes: 90),
        ]
        var second = SLAClockTable()
        second[.resolution] = Self.clock(.resolution, minutes: 90)
        second[.nextReply] = Self.clock(.nextReply, minutes: 30)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(SLAClockTable(first.dictionary) == first)
        second[.nextReply] = Self.clock(.nextReply, minutes: 31)
        #expect(first != second)
    }

    @Test(
        "a packed slot gives back exactly the clock stored: warning or none, replaced; a removed one compares and hashes as never set"
    )
    func clockTableSlots() {
        var table = SLAClockTable()
        let odd = SLAClock(
            metric: .nextReply,
            startedAt: Date(timeIntervalSinceReferenceDate: -0.0),
            dueAt: Date(timeIntervalSinceReferenceDate: 812_345_678.123_456_7),
            warningAt: Date(timeIntervalSinceReferenceDate: 0),  // a warning at the reference instant is a warning
            pausedFor: 1e-9
        )
        table[.nextReply] = odd
        #expect(table[.nextReply] == odd)
        #expect(table[.nextReply]?.warningAt == Date(timeIntervalSinceReferenceDate: 0))
        #expect(
            table[.nextReply]?.dueAt.timeIntervalSinceReferenceDate.bitPattern
                == odd.dueAt.timeIntervalSinceReferenceDate.bitPattern
        )
        // Replacing a clock with a warning by one without drops the warning, and the other way round.
        table[.nextReply] = Self.clock(.nextReply, minutes: 30, warning: false)
        #expect(table[.nextReply]?.warningAt == nil)
        table[.nextReply] = Self.clock(.nextReply, minutes: 30)
        #expect(table[.nextReply]?.warningAt == Fixture.at(15))
        // Each slot keeps its own warning bit.
        table[.firstReply] = Self.clock(.firstReply, minutes: 60, warning: false)
        table[.resolution] = Self.clock(.resolution, minutes: 600)
        #expect(table[.firstReply]?.warningAt == nil && table[.resolution]?.warningAt == Fixture.at(300))
        #expect(table.count == 3 && table[.nextReply] == Self.clock(.nextReply, minutes: 30))
        // A clock set and removed leaves a table equal, and hashing equal, to one that never had it.
        table[.firstReply] = nil
        table[.resolution] = nil
        let only: SLAClockTable = [.nextReply: Self.clock(.nextReply, minutes: 30)]
        #expect(table == only && table.hashValue == only.hashValue)
        table[.nextReply] = nil
        #expect(table == SLAClockTable() && table.hashValue == SLAClockTable().hashValue)
    }

    @Test("the earliest due instant is the least of the clocks' due instants, for every set of clocks")
    func earliestDue() {
        let metrics: [SLAMetric] = [.firstReply, .nextReply, .resolution]
        for occupied in 0..<8 {
            for order in [[30, 20, 10], [10, 20, 30], [20, 10, 30], [20, 20, 20]] {
                var table = SLAClockTable()
                for (slot, metric) in metrics.enumerated() where occupied & 1 << slot != 0 {
                    table[metric] = Self.clock(metric, minutes: order[slot], warning: slot.isMultiple(of: 2))
                }
                #expect(table.earliestDue == table.values.map(\.dueAt).min(), "clocks \(occupied), due \(order)")
            }
        }
        #expect(SLAClockTable().earliestDue == nil)
    }

    @Test("a JSON table whose clock names another metric than its key is refused")
    func clockTableMismatchedMetric() throws {
        let json = try Self.encode(SLAClockTable([.firstReply: Self.clock(.firstReply, minutes: 60)]))
        let mismatched = json.replacingOccurrences(of: "[\"first_reply\"", with: "[\"resolution\"")
        #expect(mismatched != json)
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode(SLAClockTable.self, from: Data(mismatched.utf8))
        }
    }

    @Test("the clock table keeps the dictionary's JSON form, both ways")
    func clockTableJSON() throws {
        let dictionary: [SLAMetric: SLAClock] = [
            .firstReply: Self.clock(.firstReply, minutes: 60),
            .nextReply: Self.clock(.nextReply, minutes: 45, warning: false),
            .resolution: Self.clock(.resolution, minutes: 600),
        ]
        let table = SLAClockTable(dictionary)
        // What the dictionary wrote decodes to the table, whatever order the dictionary chose.
        let old = try JSONEncoder().encode(dictionary)
        #expect(try JSONDecoder().decode(SLAClockTable.self, from: old) == table)
        // The table writes the same form in metric order, and the dictionary reads it back.
        let json = try Self.encode(table)
        #expect(json.hasPrefix(#"["first_reply",{"#))
        #expect(json.contains(#"},"next_reply",{"#) && json.contains(#"},"resolution",{"#))
        #expect(try JSONDecoder().decode([SLAMetric: SLAClock].self, from: Data(json.utf8)) == dictionary)
        #expect(try Self.encode(SLAClockTable()) == "[]")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SLAClockTable.self, from: Data(#"["first_reply"]"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SLAClockTable.self, from: Data(#"["breakfast", {}]"#.utf8))
        }
    }

    @Test("explanations keep the latest per aspect, in aspect order")
    func explanationsRecord() {
        let reversed = RoutingExplanations(Self.explanations.reversed())
        let ordered = RoutingExplanations(Self.explanations)
        #expect(reversed == ordered)
        #expect(Array(ordered.keys) == [.reason, .priority, .assignee])
        #expect(ordered.values == Self.explanations)
        #expect(ordered[.priority]?.value == "urgent")
        #expect(ordered.map(\.value.aspect) == [.reason, .priority, .assignee])
        let later = RoutingExplanation(aspect: .assignee, value: "olga", because: "leastLoaded among available agents")
        let replaced = RoutingExplanations(Self.explanations + [later])
        #expect(replaced.count == 3)
        #expect(replaced[.assignee] == later)
        #expect(RoutingExplanations([later, Self.explanations[0]]).values == [Self.explanations[0], later])
        #expect(RoutingExplanations().isEmpty)
        #expect(replaced.dictionary[.assignee] == later)
    }

    @Test("explanations keep the dictionary's JSON form, both ways")
    func explanationsJSON() throws {
        let dictionary = Dictionary(uniqueKeysWithValues: Self.explanations.map { ($0.aspect, $0) })
        let old = try JSONEncoder().encode(dictionary)
        #expect(try JSONDecoder().decode(RoutingExplanations.self, from: old) == RoutingExplanations(Self.explanations))
        let json = try Self.encode(RoutingExplanations(Self.explanations))
        #expect(json.hasPrefix(#"["reason",{"#))
        #expect(
            try JSONDecoder().decode([RoutingExplanation.Aspect: RoutingExplanation].self, from: Data(json.utf8))
                == dictionary
        )
        let misfiled = #"["priority",{"aspect":"reason","value":"access","because":"x"}]"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RoutingExplanations.self, from: Data(misfiled.utf8))
        }
    }

    @Test("a ticket with clocks and explanations replays and round-trips through JSON exactly")
    func ticketRoundTrip() throws {
        var story = try Story()
        try story.run(
            .recordSLA([
                .started(Self.clock(.resolution, minutes: 600)), .started(Self.clock(.firstReply, minutes: 60)),
            ]),
            by: .system
        )
        try story.run(.explain([Self.explanations[1], Self.explanations[0]]), by: .system)
        try story.run(.explain([Self.explanations[2]]), by: .system)
        try story.run(.reply(Fixture.draft("On it"), status: .pending))
        try story.run(.recordSLA([.paused(metric: .resolution, at: Fixture.at(5), remaining: 300)]), by: .system)
        let ticket = story.ticket
        #expect(Array(ticket.sla.running.keys) == [.firstReply])
        #expect(ticket.sla.paused[.resolution]?.remaining == 300)
        #expect(ticket.explanations.values == Self.explanations)
        #expect(try Ticket.replay(story.events) == ticket)
        #expect(try ReplayAndCodingTests.roundTrip(ticket) == ticket)
        #expect(try Ticket.replay(ReplayAndCodingTests.roundTrip(story.events)) == ticket)
    }
}
