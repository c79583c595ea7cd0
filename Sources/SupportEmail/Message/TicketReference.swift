/// The ticket tag the desk puts in subjects, found again in a reply: `[#1042]`, `[Club Support #1042]`.
public struct TicketReference: Hashable, Sendable {
    /// The text before `#` inside the brackets, trimmed (`Club Support`), or nil.
    public var label: String?
    /// The reference after `#` (`1042`): letters, digits, `-` and `_`.
    public var value: String

    /// Creates a reference.
    ///
    /// - Parameters:
    ///   - label: The label, or nil.
    ///   - value: The reference text.
    public init(label: String? = nil, value: String) {
        self.label = label
        self.value = value
    }

    /// The first tag `[label #value]` in a subject, or nil.
    ///
    /// - Parameter subject: The decoded subject.
    /// - Returns: The reference, or nil when the subject has no tag.
    public static func find(in subject: String) -> TicketReference? {
        guard let range = SubjectLine.tagRange(in: subject) else { return nil }
        let inside = subject[subject.index(after: range.lowerBound)..<subject.index(before: range.upperBound)]
        guard let hash = inside.lastIndex(of: "#") else { return nil }
        let label = inside[..<hash].trimmingCharacters()
        let value = String(inside[inside.index(after: hash)...]).trimmingSpaces()
        return TicketReference(label: label.isEmpty ? nil : label, value: value)
    }
}

/// Subject lines: the ticket tag and the reply and forward prefixes of English, Spanish, Russian and other
/// clients.
public enum SubjectLine {
    private static let prefixes: Set<String> = [
        "re", "fw", "fwd", "aw", "wg", "sv", "vs", "antw", "rv", "res", "tr", "r", "ref", "rif", "enc", "odp",
        "ответ", "отв", "на", "пересл", "fwd", "переслано", "вфд",
    ]

    /// The subject without leading `Re:`/`Fwd:`/`RV:`/`Отв:` prefixes (also `Re[2]:`, `RE:RE:`) and without
    /// the ticket tag, with whitespace collapsed.
    ///
    /// - Parameter subject: The decoded subject.
    /// - Returns: The subject's core.
    public static func normalized(_ subject: String) -> String {
        var text = subject
        if let tag = tagRange(in: text) { text.removeSubrange(tag) }
        var changed = true
        while changed {
            changed = false
            text = text.trimmingSpaces()
            guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { break }
            var word = text[..<colon].lowercased()
            if let bracket = word.firstIndex(where: { $0 == "[" || $0 == "(" }),
                word[bracket...].dropFirst().dropLast().allSatisfy(\.isNumber)
            {
                word = String(word[..<bracket])
            }
            word = word.trimmingSpaces()
            if prefixes.contains(word) {
                text = String(text[text.index(after: colon)...])
                changed = true
            }
        }
        return HeaderText.collapse(text)
    }

    /// The range of the first `[… #ref]` tag in a subject.
    static func tagRange(in subject: String) -> Range<String.Index>? {
        var searchStart = subject.startIndex
        while let open = subject[searchStart...].firstIndex(of: "[") {
            guard let close = subject[open...].firstIndex(of: "]") else { return nil }
            let inside = subject[subject.index(after: open)..<close]
            if let hash = inside.lastIndex(of: "#") {
                let value = inside[inside.index(after: hash)...].trimmingCharacters()
                if !value.isEmpty, value.count <= 40,
                    value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
                    !inside[..<hash].contains("[")
                {
                    return open..<subject.index(after: close)
                }
            }
            searchStart = subject.index(after: open)
        }
        return nil
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingSpaces() }
}
