/// Turns HTML mail into readable text: blocks to line breaks, lists with markers, quotes with `> `, links as
/// `text (url)`, entities decoded, scripts and styles dropped. It reads any HTML without failing.
enum HTMLText {
    private static let skipped: Set<String> = ["script", "style", "head", "title", "template", "xml"]
    private static let paragraphs: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "dl", "figure",
    ]
    private static let lines: Set<String> = [
        "div", "tr", "li", "section", "article", "header", "footer", "address", "center", "dt", "dd",
        "body", "hr", "caption", "form", "fieldset", "main", "nav", "aside",
    ]

    /// The text of an HTML document.
    static func text(fromHTML html: String) -> String {
        var converter = Converter(input: Array(html.utf8))
        converter.run()
        return converter.finish()
    }

    private struct Converter {
        let input: [UInt8]
        var index = 0
        var output: [UInt8] = []
        var quoteDepth = 0
        var lists: [(ordered: Bool, counter: Int)] = []
        var preDepth = 0
        var pendingSpace = false
        var lineHasContent = false
        var links: [(href: String, start: Int)] = []

        init(input: [UInt8]) {
            self.input = input
            output.reserveCapacity(input.count / 2)
        }

        mutating func run() {
            while index < input.count {
                let byte = input[index]
                if byte == UInt8(ascii: "<") {
                    readMarkup()
                } else if byte == UInt8(ascii: "&") {
                    readEntity()
                } else {
                    text(byte)
                    index += 1
                }
            }
        }

        mutating func finish() -> String {
            // Collapse three or more line breaks to two and trim the ends.
            var cleaned: [UInt8] = []
            cleaned.reserveCapacity(output.count)
            var newlines = 0
            for byte in output {
                if byte == 0x0A {
                    newlines += 1
                    if newlines <= 2, !cleaned.isEmpty { cleaned.append(byte) }
                } else {
                    newlines = 0
                    cleaned.append(byte)
                }
            }
            while let last = cleaned.last, last == 0x0A || last == 0x20 { cleaned.removeLast() }
            return String(decoding: cleaned, as: UTF8.self)
        }

        mutating func text(_ byte: UInt8) {
            if preDepth == 0, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if lineHasContent { pendingSpace = true }
                return
            }
            if preDepth > 0, byte == 0x0A {
                newline()
                return
            }
            if preDepth > 0, byte == 0x0D { return }
            startContent()
            output.append(byte)
        }

        mutating func appendText(_ bytes: [UInt8]) {
            for byte in bytes { text(byte) }
        }

        mutating func startContent() {
            if !lineHasContent {
                for _ in 0..<quoteDepth {
                    output.append(UInt8(ascii: ">"))
                    output.append(0x20)
                }
                lineHasContent = true
                pendingSpace = false
            } else if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
        }

        mutating func newline() {
            while let last = output.last, last == 0x20, lineHasContent { output.removeLast() }
            output.append(0x0A)
            lineHasContent = false
            pendingSpace = false
        }

        mutating func ensureLineBreak() {
            if lineHasContent { newline() }
        }

        mutating func ensureBlankLine() {
            ensureLineBreak()
            let count = output.count
            if count >= 2, output[count - 1] == 0x0A, output[count - 2] == 0x0A { return }
            if count == 0 { return }
            output.append(0x0A)
        }

        mutating func readEntity() {
            var end = index + 1
            while end < input.count, end - index < 12, input[end] != UInt8(ascii: ";"), input[end] != UInt8(ascii: "<"),
                input[end] != UInt8(ascii: "&"), input[end] > 0x20
            {
                end += 1
            }
            guard end < input.count, input[end] == UInt8(ascii: ";") else {
                text(input[index])
                index += 1
                return
            }
            let name = input[(index + 1)..<end]
            if let scalar = HTMLEntities.scalar(for: name) {
                if scalar.value == 0xA0 {
                    startContent()
                    output.append(0x20)
                } else {
                    appendText(Array(String(Character(scalar)).utf8))
                }
                index = end + 1
            } else {
                text(input[index])
                index += 1
            }
        }

        mutating func readMarkup() {
            let start = index
            if input[start...].starts(with: Array("<!--".utf8)) {
                index = find(Array("-->".utf8), from: start + 4).map { $0 + 3 } ?? input.count
                return
            }
            if start + 1 < input.count, input[start + 1] == UInt8(ascii: "!") || input[start + 1] == UInt8(ascii: "?") {
                index = findByte(UInt8(ascii: ">"), from: start).map { $0 + 1 } ?? input.count
                return
            }
            var position = start + 1
            var closing = false
            if position < input.count, input[position] == UInt8(ascii: "/") {
                closing = true
                position += 1
            }
            let nameStart = position
            while position < input.count,
                EmailAddress.isAlphanumeric(input[position]) || input[position] == UInt8(ascii: ":")
            {
                position += 1
            }
            if position == nameStart {
                // A lone "<" in text.
                text(input[start])
                index = start + 1
                return
            }
            let name = String(decoding: input[nameStart..<position].map { $0 | 0x20 }, as: UTF8.self)
            // Attributes up to ">", respecting quotes.
            var attributes: [String: String] = [:]
            var quote: UInt8?
            let attributeStart = position
            while position < input.count {
                let byte = input[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                position += 1
            }
            if name == "a" || name == "img" {
                attributes = parseAttributes(input[attributeStart..<min(position, input.count)])
            }
            index = min(position + 1, input.count)
            handle(name, closing: closing, attributes: attributes)
        }

        mutating func handle(_ name: String, closing: Bool, attributes: [String: String]) {
            if !closing, Self.isSkipped(name) {
                // Skip raw content up to the closing tag.
                let closeTag = Array("</\(name)".utf8)
                var search = index
                while let found = find(closeTag, from: search, caseInsensitive: true) {
                    let after = found + closeTag.count
                    if after >= input.count || !EmailAddress.isAlphanumeric(input[after]) {
                        index = findByte(UInt8(ascii: ">"), from: after).map { $0 + 1 } ?? input.count
                        return
                    }
                    search = after
                }
                index = input.count
                return
            }
            switch name {
            case "br":
                if !closing {
                    if !lineHasContent, quoteDepth > 0 { startContent() }
                    newline()
                }
            case "blockquote":
                ensureBlankLine()
                quoteDepth = closing ? max(0, quoteDepth - 1) : quoteDepth + 1
            case "pre":
                ensureBlankLine()
                preDepth = closing ? max(0, preDepth - 1) : preDepth + 1
            case "ul", "ol":
                if closing {
                    if !lists.isEmpty { lists.removeLast() }
                } else {
                    lists.append((name == "ol", 0))
                }
                if lists.isEmpty { ensureBlankLine() } else { ensureLineBreak() }
            case "li":
                ensureLineBreak()
                if !closing {
                    let indent = String(repeating: "  ", count: max(0, lists.count - 1))
                    var marker = "- "
                    if var list = lists.last, list.ordered {
                        list.counter += 1
                        lists[lists.count - 1] = list
                        marker = "\(list.counter). "
                    }
                    startContent()
                    output.append(contentsOf: Array((indent + marker).utf8))
                }
            case "td", "th":
                if closing, lineHasContent { pendingSpace = true }
            case "a":
                if closing {
                    closeLink()
                } else {
                    links.append((attributes["href"] ?? "", output.count))
                }
            case "img":
                if let alt = attributes["alt"], !alt.isEmpty {
                    startContent()
                    appendText(Array("[\(alt)]".utf8))
                }
            default:
                if HTMLText.paragraphs.contains(name) {
                    ensureBlankLine()
                } else if HTMLText.lines.contains(name) {
                    ensureLineBreak()
                }
            }
        }

        mutating func closeLink() {
            guard let link = links.popLast() else { return }
            let href = link.href.trimmingSpaces()
            let lower = href.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://") else { return }
            let start = min(link.start, output.count)
            let shown = String(decoding: output[start...], as: UTF8.self).trimmingSpaces()
            func bare(_ text: String) -> String {
                var value = text.lowercased()
                for scheme in ["https://", "http://", "ftp://"] where value.hasPrefix(scheme) {
                    value.removeFirst(scheme.count)
                }
                while value.hasSuffix("/") { value.removeLast() }
                return value
            }
            if shown.isEmpty {
                appendText(Array(href.utf8))
            } else if bare(shown) != bare(href) {
                appendText(Array(" (\(href))".utf8))
            }
        }

        static func isSkipped(_ name: String) -> Bool { HTMLText.skipped.contains(name) }

        func parseAttributes(_ bytes: ArraySlice<UInt8>) -> [String: String] {
            var result: [String: String] = [:]
            var position = bytes.startIndex
            while position < bytes.endIndex {
                while position < bytes.endIndex, bytes[position] <= 0x20 || bytes[position] == UInt8(ascii: "/") {
                    position += 1
                }
                let nameStart = position
                while position < bytes.endIndex, bytes[position] > 0x20, bytes[position] != UInt8(ascii: "="),
                    bytes[position] != UInt8(ascii: "/")
                {
                    position += 1
                }
                let name = String(decoding: bytes[nameStart..<position].map { $0 | 0x20 }, as: UTF8.self)
                while position < bytes.endIndex, bytes[position] <= 0x20 { position += 1 }
                guard position < bytes.endIndex, bytes[position] == UInt8(ascii: "=") else {
                    if position == nameStart { position += 1 }
                    continue
                }
                position += 1
                while position < bytes.endIndex, bytes[position] <= 0x20 { position += 1 }
                var value: ArraySlice<UInt8> = []
                if position < bytes.endIndex,
                    bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
                {
                    let quote = bytes[position]
                    let valueStart = position + 1
                    position = valueStart
                    while position < bytes.endIndex, bytes[position] != quote { position += 1 }
                    value = bytes[valueStart..<position]
                    position += 1
                } else {
                    let valueStart = position
                    while position < bytes.endIndex, bytes[position] > 0x20 { position += 1 }
                    value = bytes[valueStart..<position]
                }
                if !name.isEmpty { result[name] = HTMLEntities.decode(value) }
            }
            return result
        }

        func findByte(_ byte: UInt8, from start: Int) -> Int? {
            var position = start
            while position < input.count {
                if input[position] == byte { return position }
                position += 1
            }
            return nil
        }

        func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
            guard let first = needle.first else { return nil }
            var position = start
            while position + needle.count <= input.count {
                if input[position] == first {
                    var matched = true
                    for offset in 1..<needle.count {
                        let byte = caseInsensitive ? input[position + offset] | 0x20 : input[position + offset]
                        let expected = caseInsensitive ? needle[offset] | 0x20 : needle[offset]
                        if byte != expected {
                            matched = false
                            break
                        }
                    }
                    if matched { return position }
                }
                position += 1
            }
            return nil
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first,
            first == " " || first == "\t" || first == "\n" || first == "\r" || first == "\u{A0}"
        {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" || last == "\u{A0}" {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
