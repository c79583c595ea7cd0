/// Finds what a person wrote in a reply: the text without the quoted history and without the signature.
///
/// It knows the layouts of Gmail, Outlook, Apple Mail, Thunderbird, Yandex and Mail.ru in English,
/// Spanish and Russian: quoted `>` lines and the attribution line above them (`On … wrote:`,
/// `El … escribió:`, `… пишет:`, `05.12.2026, 10:15, "Club" <…>:`), Outlook's `-----Original Message-----`
/// and `From:`/`De:`/`От:` header blocks, the `-- ` signature delimiter and mobile signatures
/// (`Sent from my iPhone`, `Enviado desde mi iPhone`, `Отправлено из мобильной Почты Mail.ru`).
/// A forwarded message (`---------- Forwarded message ---------`) is kept whole: what was forwarded is the
/// content.
public struct ReplyExtractor: Hashable, Sendable {
    /// More mobile signature beginnings to drop at the end of a reply, in lowercase.
    public var extraSignatures: [String]

    /// Creates an extractor.
    ///
    /// - Parameter extraSignatures: More lowercase beginnings of signature lines, such as a club's app.
    public init(extraSignatures: [String] = []) {
        self.extraSignatures = extraSignatures
    }

    private static let attributionEndings = [
        "wrote:", "writes:", "escribió:", "escribio:", "escribió :", "пишет:", "написал:", "написала:",
        "написал(а):", "a écrit :", "a écrit:", "schrieb:", "escreveu:", "ha scritto:",
    ]
    private static let attributionOpeners = ["on ", "el ", "le ", "am ", "em ", "il ", "op ", "в "]
    private static let headerStarts = ["from:", "de:", "от:", "von:", "da:"]
    private static let headerKeys = [
        "sent:", "date:", "to:", "subject:", "cc:", "enviado:", "enviado el:", "fecha:", "para:", "asunto:",
        "отправлено:", "дата:", "кому:", "тема:", "копия:", "gesendet:", "an:", "betreff:",
    ]
    private static let originalMarkers = [
        "original message", "mensaje original", "исходное сообщение", "message d'origine", "ursprüngliche nachricht",
        "оригинальное сообщение",
    ]
    private static let forwardMarkers = [
        "forwarded message", "begin forwarded message", "mensaje reenviado", "пересылаемое сообщение",
        "перенаправленное сообщение", "message transféré",
    ]
    private static let mobileSignatures = [
        "sent from my ", "sent from mail for windows", "sent from outlook", "get outlook for ", "sent from yahoo mail",
        "sent with proton mail", "sent from proton mail", "sent from samsung", "sent from the all new aol",
        "enviado desde mi ", "enviado desde ", "enviado con ", "obtener outlook para ", "descargar outlook para ",
        "отправлено с ", "отправлено из ", "отправлено со ", "получено с ", "sent from mail.ru", "sent from yandex",
    ]

    /// The new text of a message: everything above the first quote of earlier mail and above the signature,
    /// with blank lines trimmed. When the sender wrote below the quote (bottom-posting), the unquoted lines
    /// are kept.
    ///
    /// - Parameter text: The text body, with `\n` line breaks.
    /// - Returns: The new text; the whole text without `>` lines when no new text stands above the quote.
    public func newText(of text: String) -> String {
        let lines = Self.lines(of: text)
        let cut = quoteStart(lines)
        var kept = Array(lines[0..<cut])
        kept = removingSignature(kept)
        var result = Self.trimBlankLines(kept.joined(separator: "\n"))
        if result.isEmpty, cut < lines.count {
            // Bottom-posting or inline answers: keep the lines that are not quoted.
            let unquoted = lines[cut...].dropFirst().filter { !$0.drop(while: { $0 == " " }).hasPrefix(">") }
            result = Self.trimBlankLines(removingSignature(Array(unquoted)).joined(separator: "\n"))
        }
        return result
    }

    /// The index of the first line of the quoted history, or `lines.count`.
    private func quoteStart(_ lines: [Substring]) -> Int {
        var index = 0
        while index < lines.count {
            let line = lines[index].drop { $0 == " " || $0 == "\t" }
            if line.isEmpty {
                index += 1
                continue
            }
            if line.first == ">" { return attributionStart(before: index, lines) }
            let lower = line.lowercased()
            if lower.hasPrefix("-") || lower.hasPrefix("begin") || lower.hasSuffix(":") || lower.hasPrefix("="),
                Self.forwardMarkers.contains(where: lower.contains)
            {
                return lines.count
            }
            if lower.hasPrefix("---"), Self.originalMarkers.contains(where: lower.contains) { return index }
            if lower.count >= 10, lower.allSatisfy({ $0 == "_" || $0 == "-" }), isHeaderBlock(at: index + 1, lines) {
                return index
            }
            if isHeaderBlock(at: index, lines) { return index }
            if let ending = Self.attributionEndings.first(where: { lower.hasSuffix($0) }) {
                _ = ending
                if index > 0, !lines[index - 1].allSatisfy(\.isWhitespace), !startsLikeAttribution(lower) {
                    let previous = lines[index - 1].lowercased()
                    if startsLikeAttribution(previous) { return index - 1 }
                }
                return index
            }
            index += 1
        }
        return lines.count
    }

    private func startsLikeAttribution(_ lower: String) -> Bool {
        Self.attributionOpeners.contains { lower.hasPrefix($0) } || lower.first?.isNumber == true
    }

    /// The line where the attribution above a quote starts (`On … wrote:`), or the quote's own line.
    private func attributionStart(before quote: Int, _ lines: [Substring]) -> Int {
        var candidate = quote - 1
        while candidate >= 0, lines[candidate].allSatisfy(\.isWhitespace) { candidate -= 1 }
        guard candidate >= 0 else { return quote }
        let line = lines[candidate].trimmingCharacters()
        guard line.hasSuffix(":") else { return quote }
        let lower = line.lowercased()
        let looksLikeAttribution =
            Self.attributionEndings.contains { lower.hasSuffix($0) } || lower.contains("@")
            || startsLikeAttribution(lower)
            || lower.contains(" от ")
        guard looksLikeAttribution else { return quote }
        if candidate > 0, !lines[candidate - 1].allSatisfy(\.isWhitespace) {
            let previous = lines[candidate - 1].trimmingCharacters().lowercased()
            if startsLikeAttribution(previous), !startsLikeAttribution(lower), !previous.hasSuffix(".") {
                return candidate - 1
            }
        }
        return candidate
    }

    /// Whether an Outlook-style header block (`From:` then `Sent:`/`To:`/`Subject:`) starts at the line.
    private func isHeaderBlock(at index: Int, _ lines: [Substring]) -> Bool {
        guard index < lines.count else { return false }
        let first = lines[index].drop { $0 == " " || $0 == "*" }.lowercased()
        guard Self.headerStarts.contains(where: { first.hasPrefix($0) }) else { return false }
        var checked = 0
        var next = index + 1
        while next < lines.count, checked < 5 {
            let lower = lines[next].drop { $0 == " " || $0 == "*" }.lowercased()
            next += 1
            if lower.isEmpty { continue }
            checked += 1
            if Self.headerKeys.contains(where: { lower.hasPrefix($0) }) { return true }
        }
        return false
    }

    /// The lines above the `-- ` delimiter, without mobile signatures at the end.
    private func removingSignature(_ lines: [Substring]) -> [Substring] {
        var lines = lines
        if let delimiter = lines.firstIndex(where: { $0 == "-- " || $0 == "--" || $0 == "—" }) {
            lines.removeSubrange(delimiter...)
        }
        let signatures = Self.mobileSignatures + extraSignatures
        for _ in 0..<3 {
            while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
            guard let last = lines.last else { break }
            let lower = last.trimmingCharacters().lowercased()
            if lower.count < 80, signatures.contains(where: { lower.hasPrefix($0) }) {
                lines.removeLast()
            } else {
                break
            }
        }
        return lines
    }

    /// The text's lines, split at `\n`, empty ones included: one pass over the bytes, each line a
    /// substring of the text.
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(Substring(utf8[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        lines.append(Substring(utf8[start..<utf8.endIndex]))
        return lines
    }

    /// The text without blank lines at its start and end and without trailing spaces on any line.
    static func trimBlankLines(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingNewlines = 0
            var start = 0
            let count = bytes.count
            // Line by line, each line's trailing spaces, tabs and CRs cut; blank lines inside are kept,
            // those at either end dropped.
            while start <= count {
                var end = start
                while end < count, bytes[end] != 0x0A { end += 1 }
                var trimmed = end
                while trimmed > start,
                    bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09 || bytes[trimmed - 1] == 0x0D
                {
                    trimmed -= 1
                }
                if trimmed == start {
                    if !output.isEmpty { pendingNewlines += 1 }
                } else {
                    if !output.isEmpty { output.append(contentsOf: repeatElement(0x0A, count: pendingNewlines + 1)) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<trimmed]))
                    pendingNewlines = 0
                }
                start = end + 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

}
