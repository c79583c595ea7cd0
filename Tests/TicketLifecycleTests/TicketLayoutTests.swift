import Foundation
import Testing

@testable import TicketLifecycle

/// The ticket's out-of-line storage of its rarely set fields (merge and follow-up links, tags, solved
/// and closed instants): copies do not share writes, the JSON form is the one stored before, and
/// equality and hashing read values, not storage.
@Suite("Ticket layout")
struct TicketLayoutTests {
    static func encode(_ ticket: Ticket) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(ticket), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> Ticket {
        try JSONDecoder().decode(Ticket.self, from: Data(text.utf8))
    }

    /// Every snapshot of both stories.
    static func allSnapshots() throws -> [Ticket] {
        try LayoutStories.full().snapshots + LayoutStories.merged().snapshots
    }

    @Test("the JSON written before the layout change decodes to the same ticket and encodes to the same text")
    func oldFormat() throws {
        let full = try LayoutStories.full().snapshots
        let merged = try LayoutStories.merged().snapshots
        let cases: [(json: String, ticket: Ticket)] = [
            (OldTicketJSON.fullLast, try #require(full.last)),
            (OldTicketJSON.fullTagged, full[5]),
            (OldTicketJSON.mergedLast, try #require(merged.last)),
            (OldTicketJSON.plainNew, merged[0]),
        ]
        for (json, ticket) in cases {
            let decoded = try Self.decode(json)
            #expect(decoded == ticket, "version \(ticket.version)")
            #expect(decoded.hashValue == ticket.hashValue)
            #expect(try Self.encode(decoded) == json)
            #expect(try Self.encode(ticket) == json)
        }
        let last = try Self.decode(OldTicketJSON.fullLast)
        #expect(last.followUpOf == "T-0" && last.tags == ["vip"] && last.number?.rawValue == 1042)
        #expect(last.solvedAt == LayoutStories.at(10) && last.closedAt == LayoutStories.at(11))
        let mergedLast = try Self.decode(OldTicketJSON.mergedLast)
        #expect(mergedLast.mergedInto == "T-2" && mergedLast.status == .closed && mergedLast.closedAt != nil)
        let plain = try Self.decode(OldTicketJSON.plainNew)
        #expect(plain.rare == nil, "a ticket without rarely set fields needs no box")
    }

    @Test("every snapshot survives a JSON round trip, and replay gives it back")
    func roundTrip() throws {
        for story in [try LayoutStories.full(), try LayoutStories.merged()] {
            for (offset, ticket) in story.snapshots.enumerated() {
                let decoded = try Self.decode(try Self.encode(ticket))
                #expect(decoded == ticket && decoded.hashValue == ticket.hashValue, "snapshot \(offset)")
                #expect(decoded.tags == ticket.tags && decoded.mergedInto == ticket.mergedInto)
                #expect(decoded.followUpOf == ticket.followUpOf && decoded.solvedAt == ticket.solvedAt)
                #expect(decoded.closedAt == ticket.closedAt)
                let history = Array(story.events.prefix { $0.sequence <= ticket.version })
                #expect(try Ticket.replay(history) == ticket, "replay up to version \(ticket.version)")
            }
        }
    }

    @Test("a JSON ticket without tags is refused, as before")
    func tagsRequired() throws {
        let json = OldTicketJSON.plainNew.replacingOccurrences(of: "\"tags\" : [\n\n  ],", with: "")
        #expect(json != OldTicketJSON.plainNew)
        #expect(throws: DecodingError.self) { _ = try Self.decode(json) }
    }

    @Test("a write to a copy's rarely set fields leaves the original as it was")
    func copyOnWrite() throws {
        let story = try LayoutStories.full()
        let tagged = story.snapshots[5]
        #expect(tagged.tags == ["billing", "vip"] && tagged.followUpOf == "T-0")
        var copy = tagged
        #expect(copy.rare === tagged.rare, "a copy shares the box until it writes")
        try copy.apply(
            TicketEvent(
                ticketID: copy.id,
                sequence: copy.version + 1,
                at: LayoutStories.at(100),
                actor: .system,
                change: .tagsChanged(added: ["late"], removed: ["vip"])
            )
        )
        try copy.apply(
            TicketEvent(
                ticketID: copy.id,
                sequence: copy.version + 1,
                at: LayoutStories.at(101),
                actor: .system,
                change: .mergedInto("T-9")
            )
        )
        #expect(copy.tags == ["billing", "late"] && copy.mergedInto == "T-9" && copy.closedAt == LayoutStories.at(101))
        #expect(tagged.tags == ["billing", "vip"] && tagged.mergedInto == nil && tagged.closedAt == nil)
        #expect(tagged == story.snapshots[5] && copy != tagged)
        #expect(copy.rare !== tagged.rare)

        // The internal setters write through the box the same way.
        var written = tagged
        written.tags = []
        written.solvedAt = LayoutStories.at(5)
        #expect(written.tags.isEmpty && written.solvedAt == LayoutStories.at(5) && written.followUpOf == "T-0")
        #expect(tagged.tags == ["billing", "vip"] && tagged.solvedAt == nil)
    }

    @Test("a ticket whose rarely set fields were all emptied again keeps no box")
    func emptiedFieldsDropTheBox() throws {
        let story = try LayoutStories.run(
            [(.addTags(["vip"]), .agent("a-1")), (.removeTags(["vip"]), .agent("a-1"))],
            creation: LayoutStories.creation(followUpOf: nil, number: nil)
        )
        #expect(story.snapshots[0].rare == nil)
        #expect(story.snapshots[1].rare != nil)
        #expect(story.snapshots[2].rare == nil && story.snapshots[2].tags.isEmpty)
        let reopened = try LayoutStories.run(
            [(.setStatus(.solved), .agent("a-1")), (.setStatus(.open), .agent("a-1"))],
            creation: LayoutStories.creation(followUpOf: nil, number: nil)
        )
        #expect(reopened.snapshots[1].solvedAt == LayoutStories.at(1))
        #expect(reopened.snapshots[2].solvedAt == nil && reopened.snapshots[2].rare == nil)
    }

    @Test("tickets built different ways are equal and hash alike exactly when their values are")
    func equalityAndHashing() throws {
        let snapshots = try Self.allSnapshots()
        let story = try LayoutStories.full()
        let last = try #require(story.snapshots.last)
        let replayed = try Ticket.replay(story.events)
        let decoded = try Self.decode(try Self.encode(last))
        var rebuilt = try Ticket.replay(Array(story.events.prefix(1)))
        for event in story.events.dropFirst() { rebuilt = try rebuilt.applying(event) }
        let boxless = try #require(LayoutStories.merged().snapshots.first)
        var emptyBox = boxless
        emptyBox.rare = Ticket.RareFieldsBox(Ticket.RareFields())
        for ticket in [replayed, decoded, rebuilt] {
            #expect(ticket == last && ticket.hashValue == last.hashValue)
            #expect(ticket.rare !== last.rare || ticket.rare == nil)
        }
        #expect(emptyBox == boxless && emptyBox.hashValue == boxless.hashValue)
        #expect(Set(snapshots + [replayed, decoded, rebuilt, emptyBox]).count == snapshots.count)
        // Tickets differing only in one rarely set field differ.
        var retagged = last
        retagged.tags = ["vip", "other"]
        var unfollowed = last
        unfollowed.rareFields.followUpOf = nil
        var unsolved = last
        unsolved.solvedAt = nil
        for changed in [retagged, unfollowed, unsolved] { #expect(changed != last) }
        #expect(Set([last, retagged, unfollowed, unsolved]).count == 4)
    }

    @Test("the snapshot is smaller than with every field inline")
    func layoutSize() {
        // 386 bytes with every field inline; the rare fields out of line take 64 of them off, the packed
        // SLA clock table (97 bytes instead of 114) 17 more, and the subject's place in the body fits in
        // padding after `locale`. The in-memory store's record of a ticket then fits a 384-byte malloc chunk.
        #expect(MemoryLayout<Ticket>.size == 305)
        #expect(MemoryLayout<SLAClockTable>.size == 97)
        // The template key and the attachments share one reference: an array of one message fits a
        // 144-byte malloc chunk (32 bytes of header and 104 of message).
        #expect(MemoryLayout<TicketMessage>.stride == 104)
    }

    @Test("a message's template key and attachments, kept behind one reference, count in equality, hash and JSON")
    func messageRareParts() throws {
        let file = TicketAttachment(
            id: "f-1",
            fileName: "receipt.pdf",
            mediaType: "application/pdf",
            byteSize: 1_024,
            contentHash: "sha256:00"
        )
        func message(template: String?, attachments: [TicketAttachment]) -> TicketMessage {
            TicketMessage(
                id: "m-1",
                kind: .publicReply,
                author: .agent("a-1"),
                body: "Here is your receipt",
                at: Date(timeIntervalSince1970: 1_790_000_000),
                channel: .email,
                templateKey: template,
                attachments: attachments
            )
        }
        let variants = [
            message(template: nil, attachments: []),
            message(template: "receipt", attachments: []),
            message(template: "refund", attachments: []),
            message(template: nil, attachments: [file]),
            message(template: "receipt", attachments: [file]),
        ]
        for (index, variant) in variants.enumerated() {
            let built = [nil, "receipt", "refund", nil, "receipt"][index]
            #expect(variant.templateKey == built)
            #expect(variant.attachments == (index >= 3 ? [file] : []))
            // Built again apart (another reference): equal, with the same hash.
            let again = message(template: variant.templateKey, attachments: variant.attachments)
            #expect(again == variant)
            #expect(again.hashValue == variant.hashValue)
            let decoded = try JSONDecoder().decode(TicketMessage.self, from: JSONEncoder().encode(variant))
            #expect(decoded == variant)
            for (otherIndex, other) in variants.enumerated() where otherIndex != index {
                #expect(other != variant, "variants \(index) and \(otherIndex)")
            }
        }
        #expect(Set(variants).count == variants.count)
        // Each field counts in the hash too (a `Set` would fall back on equality for a hash that skipped one).
        #expect(Set(variants.map(\.hashValue)).count == variants.count)
    }
}
