import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A ticket's subject, when the message has none, is the body's first line with text, trimmed, cut to
/// 80 characters (79 and an ellipsis). The desk reads ASCII lines byte by byte and every other line by
/// character; both must give what this plain reference gives.
@Suite("Subject from the body")
struct SubjectPropertyTests {
    /// The rule, written the plain way: lines split at the scalars CR and LF, trimmed by
    /// `Character.isWhitespace`, cut by `Character`.
    static func reference(_ body: String) -> String {
        let lines = body.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }
        for scalars in lines {
            let line = String(String.UnicodeScalarView(scalars))
            let trimmed = line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
            guard !trimmed.isEmpty else { continue }
            let text = String(trimmed)
            return text.count <= 80 ? text : String(text.prefix(79)) + "…"
        }
        return ""
    }

    @Test("random bodies of ASCII, white space, line breaks and non-ASCII text")
    func randomBodies() async throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("SubjectPropertyTests seed \(seed)")
        var random = SplitMix64(seed: seed)
        // Mostly ASCII letters, with spaces, tabs, vertical tabs, line breaks, a no-break space, an em
        // space, accented and Cyrillic letters and a combining accent.
        let pieces = [
            "a", "b", "z", "a", "q", " ", " ", "\t", "\u{0B}", "\n", "\r", "\r\n", "\u{A0}", "\u{2003}", "é", "я",
            "\u{301}", ".",
        ]
        let harness = DeskHarness()
        for index in 0..<400 {
            var body = ""
            let asciiOnly = random.next() % 2 == 0
            if random.next() % 3 == 0 {
                // A first line of 79 to 82 letters, maybe padded: the boundaries of the cut on both paths.
                body += ["", "  ", "\n \t\n", "\t"][Int(random.next() % 4)]
                let letter = asciiOnly || random.next() % 2 == 0 ? "k" : "ж"
                body += String(repeating: letter, count: 79 + Int(random.next() % 4))
                body += ["", " ", "\n", "\r\nmore"][Int(random.next() % 4)]
            }
            let long = random.next() % 3 == 0
            let length = Int(random.next() % (long ? 200 : 30))
            for _ in 0..<length {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                if asciiOnly, !piece.utf8.allSatisfy({ $0 < 0x80 }) { continue }
                body += piece
            }
            body += "x"  // a body has text
            let outcome = try await harness.desk.receive(
                harness.message("m-\(index)", from: MemberID("member-\(index)"), body: body)
            )
            #expect(
                outcome.ticket.subject == Self.reference(body),
                "body \(body.debugDescription), seed \(seed)"
            )
        }
    }
}
