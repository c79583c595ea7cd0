import Foundation

/// Where a ticket's subject lies in its first message's body, when it is a piece of it (the desk cuts a
/// subject from the body's first line when the member gave none): kept instead of a second copy of the
/// text.
///
/// A subject longer than fifteen UTF-8 bytes is a heap allocation of its own (128 bytes for an 80-byte
/// subject); its place is 32 bits, which fit in padding the ticket already had. ``Ticket/subject`` builds
/// the text again when it is read, so the ticket's first message must not change while its subject is a
/// piece (no command changes it; redaction sets the subject first).
struct SubjectPiece: Sendable {
    /// Bit 0: the subject is a piece; bit 1: "…" follows it; bits 2–11: its first byte's offset in the
    /// body; bits 12–31: its length in bytes. 0: the subject is not a piece.
    private let bits: UInt32

    /// The subject is the ticket's own text.
    static let notAPiece = SubjectPiece(bits: 0)

    /// The last offset in the body a piece may start at (10 bits): the desk's subject comes from the
    /// first line with text.
    static let lastStart = 1_023
    /// The longest piece, in bytes (20 bits allow more). The desk cuts its subjects to 80 characters (at
    /// most 323 bytes with the ellipsis); the bound keeps the search for a piece short whatever the texts.
    static let maximumLength = 1_023

    /// The ellipsis a cut subject ends with, "…", in UTF-8.
    static let ellipsisUTF8: [UInt8] = [0xE2, 0x80, 0xA6]

    private init(bits: UInt32) { self.bits = bits }

    private init(start: Int, length: Int, ellipsis: Bool) {
        bits = 1 | (ellipsis ? 2 : 0) | UInt32(start) << 2 | UInt32(length) << 12
    }

    /// Whether the subject is a piece of the body.
    var isPiece: Bool { bits & 1 != 0 }
    /// The piece's first byte's offset in the body.
    var start: Int { Int(bits >> 2 & 0x3FF) }
    /// The piece's length in bytes.
    var length: Int { Int(bits >> 12) }
    /// Whether "…" follows the piece.
    var ellipsis: Bool { bits & 2 != 0 }

    /// The place of `subject` in `body` when it is a piece of it (with or without a final "…") that starts
    /// the body or follows ASCII white space, at an offset of at most ``lastStart``; `nil` otherwise, and
    /// always for a subject short enough to be kept inline (at most fifteen UTF-8 bytes).
    static func find(_ subject: String, in body: String) -> SubjectPiece? {
        let count = subject.utf8.count
        guard count > 15, count <= maximumLength + ellipsisUTF8.count, body.utf8.count >= count - ellipsisUTF8.count
        else { return nil }
        var subjectText = subject
        var bodyText = body
        return subjectText.withUTF8 { subjectBytes in
            bodyText.withUTF8 { bodyBytes in place(of: subjectBytes, in: bodyBytes) }
        }
    }

    private static func place(of subject: UnsafeBufferPointer<UInt8>, in body: UnsafeBufferPointer<UInt8>) -> Self? {
        if subject.count > ellipsisUTF8.count, subject.suffix(ellipsisUTF8.count).elementsEqual(ellipsisUTF8),
            let start = firstStart(of: subject.dropLast(ellipsisUTF8.count), in: body)
        {
            return SubjectPiece(start: start, length: subject.count - ellipsisUTF8.count, ellipsis: true)
        }
        guard subject.count <= maximumLength, let start = firstStart(of: subject[...], in: body) else { return nil }
        return SubjectPiece(start: start, length: subject.count, ellipsis: false)
    }

    /// The first offset, at most ``lastStart``, where `bytes` appear in `body` at its start or after ASCII
    /// white space (where the desk's trimmed line begins): at most 1,024 comparisons of at most
    /// ``maximumLength`` bytes.
    private static func firstStart(
        of bytes: Slice<UnsafeBufferPointer<UInt8>>,
        in body: UnsafeBufferPointer<UInt8>
    )
        -> Int?
    {
        guard let first = bytes.first, bytes.count <= body.count, let bodyBase = body.baseAddress,
            let bytesBase = UnsafeBufferPointer(rebasing: bytes).baseAddress
        else { return nil }
        for start in 0...min(lastStart, body.count - bytes.count) where body[start] == first {
            guard start == 0 || isWhiteSpace(body[start - 1]) else { continue }
            if memcmp(bodyBase + start, bytesBase, bytes.count) == 0 { return start }
        }
        return nil
    }

    /// Tab, line feed, vertical tab, form feed, carriage return or space.
    private static func isWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The piece's bytes in `body` (a body too short for it gives none: a ticket never has one).
    private func bytes(of body: String) -> Substring.UTF8View {
        let utf8 = body.utf8
        guard start + length <= utf8.count else { return Substring().utf8 }
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(lower, offsetBy: length)
        return body[lower..<upper].utf8
    }

    /// Whether `text` has exactly the bytes of this piece in `body` (and of a final "…" when the piece
    /// has one): then it is the subject's text. Other bytes may still be an equal `String` (another
    /// normalization of the same text), which the caller checks by building the text.
    private func hasBytes(of text: String, in body: String) -> Bool {
        let tail = ellipsis ? Self.ellipsisUTF8.count : 0
        guard text.utf8.count == length + tail, length > 0, start + length <= body.utf8.count else { return false }
        var text = text
        var body = body
        // Compared with memcmp: a generic comparison of the two UTF-8 views took several times as long.
        return text.withUTF8 { textBytes in
            body.withUTF8 { bodyBytes in
                guard let textBase = textBytes.baseAddress, let bodyBase = bodyBytes.baseAddress,
                    memcmp(textBase, bodyBase + start, length) == 0
                else { return false }
                return tail == 0 || textBytes.suffix(tail).elementsEqual(Self.ellipsisUTF8)
            }
        }
    }

    /// Whether this piece of `body` has the bytes of `other` in `otherBody` (the pieces' lengths are
    /// equal). The same place in one body is the same bytes without reading them: a ticket's snapshots
    /// share their first message's body.
    private func hasSameBytes(in body: String, as other: SubjectPiece, in otherBody: String) -> Bool {
        guard start + length <= body.utf8.count, other.start + length <= otherBody.utf8.count else { return false }
        var body = body
        var otherBody = otherBody
        // Compared with memcmp: a generic comparison of the two UTF-8 views took several times as long.
        return body.withUTF8 { bytes in
            otherBody.withUTF8 { otherBytes in
                guard let base = bytes.baseAddress, let otherBase = otherBytes.baseAddress else { return length == 0 }
                if base + start == otherBase + other.start { return true }
                return memcmp(base + start, otherBase + other.start, length) == 0
            }
        }
    }

    /// The subject's text, read from the first message's body.
    func text(of body: String?) -> String {
        guard let body else { return "" }
        // The piece begins and ends on scalar boundaries: it is the bytes of a whole subject (less a
        // whole "…"), and a UTF-8 lead byte only ever starts a scalar.
        let piece = Substring(bytes(of: body))
        guard ellipsis else { return String(piece) }
        var text = ""
        text.reserveCapacity(length + Self.ellipsisUTF8.count)
        text.append(contentsOf: piece)
        text.append("…")
        return text
    }

    /// Whether two subjects, each kept as its text and piece with its ticket's first body, read as equal
    /// texts (`String` equality). Two pieces with the same bytes, or a piece and a text with its bytes, are
    /// equal without building any text; otherwise the texts are built and compared.
    static func equal(
        _ lhs: (text: String, piece: SubjectPiece, body: String?),
        _ rhs: (text: String, piece: SubjectPiece, body: String?)
    ) -> Bool {
        switch (lhs.piece.isPiece, rhs.piece.isPiece) {
        case (false, false):
            return lhs.text == rhs.text
        case (true, true):
            if lhs.piece.ellipsis == rhs.piece.ellipsis, lhs.piece.length == rhs.piece.length,
                let lhsBody = lhs.body, let rhsBody = rhs.body,
                lhs.piece.hasSameBytes(in: lhsBody, as: rhs.piece, in: rhsBody)
            {
                return true
            }
        case (true, false):
            if let body = lhs.body, lhs.piece.hasBytes(of: rhs.text, in: body) { return true }
        case (false, true):
            if let body = rhs.body, rhs.piece.hasBytes(of: lhs.text, in: body) { return true }
        }
        let left = lhs.piece.isPiece ? lhs.piece.text(of: lhs.body) : lhs.text
        let right = rhs.piece.isPiece ? rhs.piece.text(of: rhs.body) : rhs.text
        return left == right
    }
}
