import Foundation

extension SupportDesk {
    /// The subject given, or the first line of the body cut to 80 characters.
    static func subject(of inbound: InboundMessage) -> String {
        if let subject = inbound.subject {
            let trimmed = trimmed(Substring(subject))
            if !trimmed.isEmpty { return String(trimmed) }
        }
        if let subject = inbound.body.utf8.withContiguousStorageIfAvailable(asciiSubject), let subject {
            return subject
        }
        // Walk the body line by line (finding line ends in UTF-8, not by grapheme) and stop at the first
        // line with text: no full split of the body.
        let body = inbound.body
        let utf8 = body.utf8
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? utf8.endIndex
            let line = trimmed(body[lineStart..<lineEnd])
            if !line.isEmpty {
                // A line of at most 80 bytes has at most 80 characters. When its first 81 bytes are ASCII,
                // each of them is a character of its own, so the cut needs no grapheme walk.
                if line.utf8.count <= 80 { return String(line) }
                if line.utf8.prefix(81).allSatisfy({ $0 < 0x80 }) { return Self.cut(line.utf8.prefix(79)) }
                var count = 0
                var index = line.startIndex
                while index < line.endIndex, count < 80 {
                    index = line.index(after: index)
                    count += 1
                }
                if index == line.endIndex { return String(line) }
                return Self.cut(line[..<line.index(before: index)].utf8)
            }
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
        }
        return ""
    }

    /// The subject taken from a body whose first line with text is ASCII, read byte by byte: in ASCII
    /// every byte of a line is a character of its own (a line holds no CR LF pair), and white space is
    /// tab to carriage return and the space. `nil` when that line holds another byte (or there is no
    /// line with text): the general walk decides then.
    private static func asciiSubject(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0
        while start < bytes.count {
            var end = start
            var ascii = true
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
                ascii = ascii && bytes[end] < 0x80
                end += 1
            }
            var low = start
            var high = end
            while low < high, isSpace(bytes[low]) { low += 1 }
            while high > low, isSpace(bytes[high - 1]) { high -= 1 }
            if low < high {
                guard ascii else { return nil }
                if high - low <= 80 {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
                }
                return String(unsafeUninitializedCapacity: 79 + 3) { buffer in
                    let head = UnsafeBufferPointer(rebasing: bytes[low..<(low + 79)])
                    _ = buffer.initialize(from: head)
                    let (_, end) = buffer[79...].initialize(from: "…".utf8)
                    return end
                }
            }
            start = end < bytes.count ? end + 1 : end
        }
        return nil
    }

    /// The text followed by an ellipsis, sized once: a subject is kept for the ticket's life.
    static func cut(_ head: Substring.UTF8View) -> String {
        let ellipsis = "…".utf8
        return String(unsafeUninitializedCapacity: head.count + ellipsis.count) { buffer in
            let (_, written) = buffer.initialize(from: head)
            let (_, end) = buffer[written...].initialize(from: ellipsis)
            return end
        }
    }

    /// The text without white space at either end, without going through Foundation.
    static func trimmed(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return text[text.endIndex...] }
        return text[first...last]
    }
}
