/// Reading `Message-ID`, `In-Reply-To` and `References` values.
enum MessageIDList {
    /// The ids in a header value, without angle brackets: every `<…>`, or, when there are none, every
    /// whitespace-separated word holding `@`.
    static func parse(_ raw: [UInt8]?) -> [String] {
        guard let raw, !raw.isEmpty else { return [] }
        var ids: [String] = []
        var index = 0
        var sawAngle = false
        while index < raw.count {
            if raw[index] == UInt8(ascii: "<") {
                sawAngle = true
                var end = index + 1
                while end < raw.count, raw[end] != UInt8(ascii: ">"), raw[end] != UInt8(ascii: "<") { end += 1 }
                if end < raw.count, raw[end] == UInt8(ascii: ">") {
                    let id = clean(raw[(index + 1)..<end])
                    if !id.isEmpty { ids.append(id) }
                    index = end + 1
                    continue
                }
                index = end
                continue
            }
            index += 1
        }
        if !sawAngle {
            for word in raw.split(whereSeparator: { $0 <= 0x20 || $0 == UInt8(ascii: ",") })
            where word.contains(UInt8(ascii: "@")) {
                ids.append(clean(word))
            }
        }
        return ids
    }

    private static func clean(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.filter { $0 > 0x20 && $0 != 0x7F }, as: UTF8.self)
    }
}
