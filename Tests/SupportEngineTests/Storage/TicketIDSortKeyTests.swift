import Foundation
import Testing

@testable import SupportEngine

/// The sort keys the in-memory store sorts timer listings by: two keys compare exactly as their ids' text
/// does, for ASCII ids, ids of any length, ids sharing their first eight bytes, ids with zero bytes, and
/// ids whose text `String` composes (a combining mark that makes the bytes' order wrong).
@Suite("In-memory store: id sort keys")
struct TicketIDSortKeyTests {
    /// Pieces ids are made of: ASCII, shorter and longer than eight bytes, a zero byte, and text outside
    /// ASCII that `String` orders by its composition.
    private static let pieces = [
        "T-", "0", "9", "000123", "a", "Z", "~", "ticket-", "\0", "é", "e\u{301}", "\u{301}", "f", "ḣ", "日本", "ß", "-",
    ]

    /// An id of one to five random pieces.
    private static func id(_ generator: inout SplitMix64) -> TicketID {
        var text = ""
        for _ in 0..<Int.random(in: 1...5, using: &generator) {
            text += pieces.randomElement(using: &generator)!
        }
        return TicketID(rawValue: text)
    }

    @Test("comparing keys is comparing the ids")
    func sameOrder() {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("TicketIDSortKeyTests.sameOrder seed \(seed)")
        var generator = SplitMix64(seed: seed)
        for _ in 0..<20_000 {
            let a = Self.id(&generator)
            let b = Self.id(&generator)
            #expect(
                (TicketIDSortKey(a) < TicketIDSortKey(b)) == (a < b),
                "\(a.rawValue.debugDescription) vs \(b.rawValue.debugDescription), seed \(seed)"
            )
            #expect((TicketIDSortKey(a) == TicketIDSortKey(b)) == (a == b))
        }
    }

    @Test(
        "ids whose bytes alone would misorder them, or whose prefixes are equal",
        arguments: [
            // "e" and a combining acute compose to "é", after "f"; their bytes start with "e", before it.
            ("e\u{301}", "f"),
            ("abcdefge\u{301}", "abcdefgf"),
            // A shorter id sorts first; its prefix pads with zero bytes, equal to a zero byte in the other id.
            ("a", "a\0"),
            ("a\0b", "a"),
            ("", "\0"),
            ("T-00012", "T-000123"),
            // Equal first eight bytes: the rest decides.
            ("T-0000019", "T-0000018"),
        ]
    )
    func edges(_ first: String, _ second: String) {
        let a = TicketID(rawValue: first)
        let b = TicketID(rawValue: second)
        #expect((TicketIDSortKey(a) < TicketIDSortKey(b)) == (a < b))
        #expect((TicketIDSortKey(b) < TicketIDSortKey(a)) == (b < a))
    }

    @Test("an id with a byte outside ASCII has no usable prefix; an ASCII id's prefix is its first bytes")
    func prefixes() {
        #expect(TicketIDSortKey(TicketID(rawValue: "T-000123-long")).asciiPrefix == 0x542D_3030_3031_3233)
        #expect(TicketIDSortKey(TicketID(rawValue: "ab")).asciiPrefix == 0x6162_0000_0000_0000)
        #expect(TicketIDSortKey(TicketID(rawValue: "abcdefgh\u{301}")).asciiPrefix == nil)
    }
}
