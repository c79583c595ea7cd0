/// A ticket id with its first eight bytes as a number, for sorting many ids by comparing integers: two
/// keys compare exactly as their ids do (`<` on ``TicketID``), but ids whose prefixes differ are told
/// apart by one integer comparison, and only ids with equal prefixes compare their text.
///
/// Only an id that is ASCII throughout gets a usable prefix. ASCII text orders by its bytes, as `String`
/// orders it, and a shorter id's prefix pads with zero bytes, which sort at or below any byte an id can
/// have after its end (an id with a zero byte there has an equal prefix, so the text decides). Any other
/// id is compared by its text: `String` orders text by its canonical composition, so a combining mark
/// can change how the bytes before it compare.
struct TicketIDSortKey: Comparable {
    /// The id.
    let id: TicketID
    /// The id's first eight bytes, the first one highest; zero bytes past a shorter id's end.
    private let prefix: UInt64
    /// Whether the id is ASCII throughout, so that ``prefix`` orders it.
    private let isASCII: Bool

    /// The sort key of `id`.
    init(_ id: TicketID) {
        var prefix: UInt64 = 0
        var isASCII = true
        var count = 0
        for byte in id.rawValue.utf8 {
            if byte >= 0x80 { isASCII = false }
            if count < 8 { prefix |= UInt64(byte) << (56 - 8 * count) }
            count += 1
        }
        self.id = id
        self.prefix = prefix
        self.isASCII = isASCII
    }

    /// The id's first eight bytes as a number, when the id is ASCII throughout; for tests.
    var asciiPrefix: UInt64? { isASCII ? prefix : nil }

    static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.isASCII && rhs.isASCII && lhs.prefix != rhs.prefix { return lhs.prefix < rhs.prefix }
        return lhs.id < rhs.id
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.id == rhs.id }
}
