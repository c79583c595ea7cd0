/// How a ticket keeps its subject: its own text, or, when the subject is a piece of the first message's
/// body (the desk cuts one from the body's first line when the member gave none), the piece's place in
/// the body, so that the text is not kept twice.
///
/// A subject longer than fifteen UTF-8 bytes is a heap allocation of its own (128 bytes for an 80-byte
/// subject); the place of a piece is two offsets. ``Ticket/subject`` builds the text again when it is
/// read.
enum StoredSubject: Sendable {
    /// The subject's own text.
    case text(String)
    /// The first message body's UTF-8 bytes from `start` up to `end`, followed by "…" when `ellipsis`.
    case bodyPiece(start: UInt32, end: UInt32, ellipsis: Bool)

    /// How far into the body a piece may start: the desk's subject comes from the first line with text.
    static let searchedBytes = 512

    /// The ellipsis a cut subject ends with, "…", in UTF-8.
    static let ellipsisUTF8: [UInt8] = [0xE2, 0x80, 0xA6]

    /// Keeps `subject` as a piece of `body` when it is one (with or without a final "…"), found among the
    /// first ``searchedBytes`` bytes; as its own text otherwise, and always when it is short enough to be
    /// kept inline (at most fifteen UTF-8 bytes).
    init(_ subject: String, firstBody body: String) {
        self = .text(subject)
        var subjectText = subject
        var bodyText = body
        let subjectCount = subject.utf8.count
        guard subjectCount > 15, body.utf8.count >= subjectCount - Self.ellipsisUTF8.count,
            body.utf8.count <= Int(UInt32.max)
        else { return }
        let found = subjectText.withUTF8 { subjectBytes in
            bodyText.withUTF8 { bodyBytes in Self.place(of: subjectBytes, in: bodyBytes) }
        }
        if let found { self = .bodyPiece(start: found.start, end: found.end, ellipsis: found.ellipsis) }
    }

    /// Where `subject` (or `subject` less a final "…") first appears in the body's first bytes.
    private static func place(
        of subject: UnsafeBufferPointer<UInt8>,
        in body: UnsafeBufferPointer<UInt8>
    ) -> (start: UInt32, end: UInt32, ellipsis: Bool)? {
        var core = subject[...]
        var ellipsis = false
        if subject.count > ellipsisUTF8.count, subject.suffix(ellipsisUTF8.count).elementsEqual(ellipsisUTF8) {
            core = subject.dropLast(ellipsisUTF8.count)
            ellipsis = true
        }
        guard let first = core.first else { return nil }
        let lastStart = min(searchedBytes, body.count - core.count)
        guard lastStart >= 0 else { return nil }
        for start in 0...lastStart where body[start] == first {
            if body[start..<(start + core.count)].elementsEqual(core) {
                return (UInt32(start), UInt32(start + core.count), ellipsis)
            }
        }
        // A subject ending in "…" that the body holds whole (the ellipsis is the member's own).
        guard ellipsis, subject.count <= body.count else { return nil }
        for start in 0...min(searchedBytes, body.count - subject.count) where body[start] == first {
            if body[start..<(start + subject.count)].elementsEqual(subject) {
                return (UInt32(start), UInt32(start + subject.count), false)
            }
        }
        return nil
    }

    /// The subject's text, given the first message's body for a piece of it.
    func text(firstBody body: String?) -> String {
        switch self {
        case .text(let text):
            return text
        case .bodyPiece(let start, let end, let ellipsis):
            guard let body else { return "" }
            let utf8 = body.utf8
            guard Int(end) <= utf8.count, start <= end else { return "" }
            let lower = utf8.index(utf8.startIndex, offsetBy: Int(start))
            let upper = utf8.index(lower, offsetBy: Int(end - start))
            guard ellipsis else { return String(body[lower..<upper]) }
            var text = ""
            text.reserveCapacity(Int(end - start) + Self.ellipsisUTF8.count)
            text.append(contentsOf: body[lower..<upper])
            text.append("…")
            return text
        }
    }

    /// Whether two stored subjects read as equal texts (`String` equality), each with its ticket's first
    /// body. Two pieces with the same bytes are equal without building either text.
    static func equal(_ lhs: StoredSubject, body lhsBody: String?, _ rhs: StoredSubject, body rhsBody: String?) -> Bool
    {
        switch (lhs, rhs) {
        case (.text(let left), .text(let right)):
            return left == right
        case (
            .bodyPiece(let leftStart, let leftEnd, let leftEllipsis),
            .bodyPiece(let rightStart, let rightEnd, let rightEllipsis)
        ):
            if leftEllipsis == rightEllipsis, leftEnd - leftStart == rightEnd - rightStart, let lhsBody, let rhsBody,
                Int(leftEnd) <= lhsBody.utf8.count, Int(rightEnd) <= rhsBody.utf8.count,
                lhsBody.utf8.dropFirst(Int(leftStart)).prefix(Int(leftEnd - leftStart))
                    .elementsEqual(rhsBody.utf8.dropFirst(Int(rightStart)).prefix(Int(rightEnd - rightStart)))
            {
                return true
            }
        default:
            break
        }
        return lhs.text(firstBody: lhsBody) == rhs.text(firstBody: rhsBody)
    }
}
