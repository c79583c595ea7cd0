import Foundation
import Testing

@testable import SupportEngine

/// The integer prefixes the in-memory store sorts timer listings by: comparing two ids through them is
/// exactly comparing the ids' text, for ASCII ids, ids of any length, ids sharing their first eight
/// bytes, and ids whose text `String` composes (a combining mark after an ASCII prefix).
@Suite("In-memory store: id prefixes")
struct TicketIDPrefixTests {
    /// Pieces ids are made of: ASCII, shorter and longer than eight bytes, and text outside ASCII that
    /// `String` orders by its composition.
    private static let pieces = [
        "T-", "0", "9", "000123", "a", "Z", "~", "ticket-", "é", "e\u{301}", "\u{301}", "h", "ḣ", "日本", "ß", "-",
    ]

    private static func id(_ generator: inout SplitMix64) -> TicketID {
        var text = ""
        for _ in 0..<Int.random(in: 1...5, using: &generator) {
            text += pieces.randomElement(using: &generator)!
        }
        return TicketID(rawValue: text)
    }

    @Test("comparing through the prefixes is comparing the ids")
    func sameOrder() {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("TicketIDPrefixTests.sameOrder seed \(seed)")
        var generator = SplitMix64(seed: seed)
        for _ in 0..<20_000 {
            let a = Self.id(&generator)
            let b = Self.id(&generator)
            let byPrefix = TicketIDPrefix.precedes(TicketIDPrefix(a), a, TicketIDPrefix(b), b)
            #expect(
                byPrefix == (a < b),
                "\(a.rawValue.debugDescription) vs \(b.rawValue.debugDescription), seed \(seed)"
            )
        }
    }

    @Test(
        "ids the prefix alone would misorder",
        arguments: [
            // A combining mark after eight ASCII bytes composes with the eighth: "…ḣ" sorts after "…z".
            ("abcdefgh\u{301}", "abcdefgz"),
            // A shorter id sorts first; its prefix pads with zero bytes.
            ("T-00012", "T-000123"),
            // Equal first eight bytes: the rest decides.
            ("T-0000019", "T-0000018"),
            ("é", "z"),
        ]
    )
    func edges(_ first: String, _ second: String) {
        let a = TicketID(rawValue: first)
        let b = TicketID(rawValue: second)
        #expect(TicketIDPrefix.precedes(TicketIDPrefix(a), a, TicketIDPrefix(b), b) == (a < b))
        #expect(TicketIDPrefix.precedes(TicketIDPrefix(b), b, TicketIDPrefix(a), a) == (b < a))
    }

    @Test("an id with a byte outside ASCII has no usable prefix; an ASCII id's prefix is its first bytes")
    func prefixes() {
        let ascii = TicketIDPrefix(TicketID(rawValue: "T-000123-long"))
        #expect(ascii.isASCII)
        #expect(ascii.value == 0x542D_3030_3031_3233)  // "T-000123"
        #expect(TicketIDPrefix(TicketID(rawValue: "ab")).value == 0x6162_0000_0000_0000)
        #expect(!TicketIDPrefix(TicketID(rawValue: "abcdefgh\u{301}")).isASCII)
    }
}
