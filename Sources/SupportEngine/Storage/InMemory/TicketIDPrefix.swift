/// A ticket id's first eight bytes as a number, for sorting many ids by comparing integers: ids whose
/// prefixes differ are in the order of their prefixes, and only ids with equal prefixes are compared
/// in full.
///
/// Only an id that is ASCII throughout gets a prefix. ASCII text orders by its bytes, as `String`
/// orders it, and a shorter id's prefix pads with zero bytes, which sort below every byte an id can
/// have after its end. Any other id is compared in full: `String` orders text by its canonical
/// composition, so a combining mark after the eighth byte can change how the first eight compare.
struct TicketIDPrefix {
    /// The first eight bytes, the first one highest; zero bytes past a shorter id's end.
    let value: UInt64
    /// Whether the id is ASCII throughout, so that ``value`` orders it.
    let isASCII: Bool

    /// The prefix of `id`.
    init(_ id: TicketID) {
        var value: UInt64 = 0
        var isASCII = true
        var count = 0
        for byte in id.rawValue.utf8 {
            if byte >= 0x80 { isASCII = false }
            if count < 8 { value |= UInt64(byte) << (56 - 8 * count) }
            count += 1
        }
        self.value = value
        self.isASCII = isASCII
    }

    /// Whether the id with prefix `lhs`, `lhsID`, sorts before `rhsID`, whose prefix is `rhs`: exactly
    /// `lhsID < rhsID`, comparing the prefixes when both are ASCII and they differ.
    static func precedes(_ lhs: TicketIDPrefix, _ lhsID: TicketID, _ rhs: TicketIDPrefix, _ rhsID: TicketID) -> Bool {
        if lhs.isASCII && rhs.isASCII && lhs.value != rhs.value { return lhs.value < rhs.value }
        return lhsID < rhsID
    }
}
