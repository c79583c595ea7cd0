import Foundation
import Testing

@testable import TicketLifecycle

/// A subject that is a piece of the first message's body (the desk's subject cut from the body's first
/// line) is kept as its place in the body, not as a second copy of the text: it reads back as the same
/// text, compares and hashes like a subject kept as text, survives JSON and is replaced by redaction.
@Suite("Ticket subject kept as a piece of the body")
struct SubjectPieceTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func ticket(subject: String, body: String) throws -> Ticket {
        try opened(subject: subject, body: body).ticket
    }

    /// The ticket and its creation event.
    static func opened(subject: String, body: String) throws -> (ticket: Ticket, event: TicketEvent) {
        let creation = TicketCreation(
            requester: "member-1",
            subject: subject,
            channel: .email,
            reason: .billing,
            priority: .normal,
            locale: .en,
            firstMessage: TicketMessage(
                id: "m-1",
                kind: .memberMessage,
                author: .member("member-1"),
                body: body,
                at: start,
                channel: .email
            )
        )
        return try TicketRules.create(creation, id: "T-1", by: .member("member-1"), at: start)
    }

    static let longLine = String(repeating: "My card was charged twice for the annual plan ", count: 3)

    /// Subjects, the bodies they came with, and whether the subject is expected to be kept as a piece.
    static let cases: [(name: String, subject: String, body: String, piece: Bool)] = [
        (
            "the body's first line", "I was charged twice this month", "I was charged twice this month\nPlease help",
            true
        ),
        (
            "after blank lines and spaces", "I was charged twice this month",
            "\n\n   I was charged twice this month  \nx", true
        ),
        ("cut with an ellipsis", String(longLine.prefix(79)) + "…", longLine + "\nthanks", true),
        (
            "Cyrillic, cut", "Не могу войти в клуб после продления подписки…",
            "Не могу войти в клуб после продления подписки, пишет ошибка", true
        ),
        (
            "an ellipsis the body holds", "Wait, what happened to my refund…",
            "Wait, what happened to my refund… it is late", true
        ),
        ("the member's own subject", "Refund request for order 1042", "Hello, I would like my money back.", false),
        ("a short subject", "Refund", "Refund please, it has been two weeks", false),
        ("sixteen bytes", "Refund requested", "Refund requested for the March invoice", true),
        (
            "at the last start offset", "the subject is written at the end",
            String(repeating: " ", count: 1_023) + "the subject is written at the end", true
        ),
        (
            "one byte past it", "the subject is written at the end",
            String(repeating: " ", count: 1_024) + "the subject is written at the end", false
        ),
        ("inside a word", "charged twice this month", "Overcharged twice this month, please check", false),
        ("a combining mark after it", "Je voudrais un autre cafe", "Je voudrais un autre cafe\u{301} noir", true),
        (
            "beyond the searched bytes", "the subject is written only at the end",
            String(repeating: "x", count: 1_100) + " the subject is written only at the end", false
        ),
        ("a body shorter than the subject", "Nothing was written in the message", "Hi", false),
    ]

    @Test("each subject reads back as given; a piece of the body is kept as its place", arguments: cases.indices)
    func readsBack(index: Int) throws {
        let (name, subject, body, piece) = Self.cases[index]
        let ticket = try Self.ticket(subject: subject, body: body)
        #expect(ticket.subject == subject, "\(name)")
        #expect(Array(ticket.subject.utf8) == Array(subject.utf8), "\(name): the same bytes")
        #expect(ticket.subjectPiece.isPiece == piece, "\(name): kept as a piece or as text")
        #expect(ticket.subjectText == (piece ? "" : subject), "\(name): no second copy of a piece")
    }

    @Test("a subject kept as a piece equals and hashes like the same subject kept as text", arguments: cases.indices)
    func equalityByValue(index: Int) throws {
        let (name, subject, body, _) = Self.cases[index]
        let ticket = try Self.ticket(subject: subject, body: body)
        var asText = ticket
        asText.subject = subject
        #expect(asText == ticket && ticket == asText, "\(name)")
        #expect(asText.hashValue == ticket.hashValue, "\(name)")
        var other = ticket
        other.subject = subject + "!"
        #expect(other != ticket, "\(name): another subject differs")
    }

    @Test("a JSON round trip keeps the subject, and finds the piece again")
    func jsonRoundTrip() throws {
        for (name, subject, body, piece) in Self.cases {
            let ticket = try Self.ticket(subject: subject, body: body)
            let data = try JSONEncoder().encode(ticket)
            #expect(String(decoding: data, as: UTF8.self).contains("\"subject\""), "\(name): the text is written")
            let decoded = try JSONDecoder().decode(Ticket.self, from: data)
            #expect(decoded == ticket && decoded.subject == subject, "\(name)")
            #expect(decoded.subjectPiece.isPiece == piece, "\(name)")
        }
    }

    @Test("a subject kept as a piece reads the same after messages are added and merged in")
    func laterMessages() throws {
        let subject = "I was charged twice this month"
        let ticket = try Self.ticket(subject: subject, body: subject + "\nPlease help")
        let memberId = MemberID("member-1")
        let added = try TicketRules.execute(
            .memberMessage(MessageDraft(id: "m-2", body: "Any news? It was charged again", channel: .email)),
            on: ticket,
            by: .member(memberId),
            at: Self.start.addingTimeInterval(60)
        )
        #expect(added.ticket.subject == subject && added.ticket.subjectPiece.isPiece)
        let merged = try TicketRules.execute(
            .receiveMerge(from: "T-0", messages: [ticket.messages[0]]),
            on: added.ticket,
            by: .agent("a-1"),
            at: Self.start.addingTimeInterval(120)
        )
        #expect(merged.ticket.subject == subject && merged.ticket.messages.count == 3)
        #expect(
            try Ticket.replay(
                [try Self.opened(subject: subject, body: subject + "\nPlease help").event] + added.events
                    + merged.events
            ) == merged.ticket
        )
    }

    @Test("redaction replaces a subject kept as a piece by the marker, as replay of the redacted events does")
    func redaction() throws {
        let subject = "I was charged twice this month"
        let opened = try Self.opened(subject: subject, body: subject + "\nmy card ends in 4242")
        // A marker longer than fifteen bytes: replay finds it again as a piece of the redacted body, while
        // redaction keeps it as text; the two still compare and hash as equal.
        for marker in ["[erased]", "[erased at the member's request]"] {
            let redacted = opened.ticket.redacted(with: marker)
            #expect(redacted.subject == marker)
            #expect(redacted.messages.allSatisfy { $0.body == marker })
            let replayed = try Ticket.replay([opened.event.redacted(with: marker)])
            #expect(replayed == redacted && replayed.hashValue == redacted.hashValue, "\(marker)")
        }
    }

    @Test("a piece is compared with a text by its bytes, and by the characters when the bytes differ")
    func pieceAgainstText() throws {
        // "café" with a precomposed "é" in the body; the same words with "e" and a combining accent are
        // another byte sequence but an equal `String`.
        let body = "Mi cuenta del café no funciona desde ayer\nGracias"
        let line = "Mi cuenta del café no funciona desde ayer"
        let ticket = try Self.ticket(subject: line, body: body)
        #expect(ticket.subjectPiece.isPiece)
        #expect(ticket.hasSubject(line))
        #expect(ticket.hasSubject("Mi cuenta del cafe\u{301} no funciona desde ayer"))
        #expect(!ticket.hasSubject("Mi cuenta del café no funciona desde hoy"))
        #expect(!ticket.hasSubject("Mi cuenta del café no funciona desde AYER"))  // the same length
        let indented = try Self.ticket(subject: line, body: "\n  " + body)
        #expect(indented.subjectPiece.start == 3)
        #expect(indented.hasSubject(line))
        #expect(!indented.hasSubject("\n  Mi cuenta del café no funciona desde a"))
        #expect(!ticket.hasSubject("Mi cuenta del café no funciona desde ayer…"))
        #expect(!ticket.hasSubject(""))
        let cut = try Self.ticket(subject: String(Self.longLine.prefix(79)) + "…", body: Self.longLine)
        #expect(cut.subjectPiece.isPiece)
        #expect(cut.hasSubject(String(Self.longLine.prefix(79)) + "…"))
        #expect(!cut.hasSubject(String(Self.longLine.prefix(79)) + "."))
        #expect(!cut.hasSubject(String(Self.longLine.prefix(79))))
        // Between tickets, whichever of the two keeps its subject as text.
        let asText = try Self.ticket(subject: "Mi cuenta del cafe\u{301} no funciona desde ayer", body: "Hola")
        #expect(!asText.subjectPiece.isPiece)
        #expect(asText.hasSameSubject(as: ticket) && ticket.hasSameSubject(as: asText))
        let otherText = try Self.ticket(subject: "Mi cuenta del café no funciona desde AYER", body: "Hola")
        #expect(!otherText.hasSameSubject(as: ticket) && !ticket.hasSameSubject(as: otherText))
    }

    @Test("two pieces are compared by their bytes wherever they sit, and by the characters when the bytes differ")
    func pieceAgainstPiece() throws {
        let line = "Mi cuenta del café no funciona desde ayer"
        let ticket = try Self.ticket(subject: line, body: line + "\nGracias")
        // The same snapshot, and a later one sharing its body: the same place in the same bytes.
        #expect(ticket.hasSameSubject(as: ticket))
        var later = ticket
        later.priority = .urgent
        #expect(later.hasSameSubject(as: ticket))
        // Another body with the line at another offset.
        let indented = try Self.ticket(subject: line, body: "\n\t " + line + "\nOtra cosa")
        #expect(indented.subjectPiece.isPiece && indented.subjectPiece.start == 3)
        #expect(indented.hasSameSubject(as: ticket) && ticket.hasSameSubject(as: indented))
        // The same length, other bytes: a different subject, whichever way round.
        let other = try Self.ticket(
            subject: "Mi cuenta del café no funciona desde AYER",
            body: "Mi cuenta del café no funciona desde AYER"
        )
        #expect(other.subjectPiece.isPiece && other.subjectPiece.length == ticket.subjectPiece.length)
        #expect(!other.hasSameSubject(as: ticket) && !ticket.hasSameSubject(as: other))
        let shifted = try Self.ticket(
            subject: "i cuenta del café no funciona desde ayerX",
            body: "  i cuenta del café no funciona desde ayerX"
        )
        #expect(shifted.subjectPiece.length == ticket.subjectPiece.length)
        #expect(!shifted.hasSameSubject(as: ticket) && !ticket.hasSameSubject(as: shifted))
        // Other bytes, an equal text: "e" and a combining accent.
        let decomposed = "Mi cuenta del cafe\u{301} no funciona desde ayer"
        let combining = try Self.ticket(subject: decomposed, body: decomposed)
        #expect(combining.subjectPiece.isPiece)
        #expect(combining.hasSameSubject(as: ticket) && ticket.hasSameSubject(as: combining))
        // Pieces at different offsets, where reading both at one offset would find the same bytes.
        let lesson = "Hello there, my lesson does not open"
        let late = try Self.ticket(subject: lesson, body: "ab " + lesson)
        let early = try Self.ticket(subject: "xy " + lesson.dropLast(3), body: "xy " + lesson)
        #expect(late.subjectPiece.start == 3 && early.subjectPiece.start == 0)
        #expect(late.subjectPiece.length == early.subjectPiece.length)
        #expect(!late.hasSameSubject(as: early) && !early.hasSameSubject(as: late))
        // A piece with a final "…" and one without, of the same bytes: different subjects.
        let cut = try Self.ticket(subject: String(Self.longLine.prefix(79)) + "…", body: Self.longLine)
        let whole = try Self.ticket(subject: String(Self.longLine.prefix(79)), body: String(Self.longLine.prefix(79)))
        #expect(cut.subjectPiece.isPiece && whole.subjectPiece.isPiece)
        #expect(!cut.hasSameSubject(as: whole) && !whole.hasSameSubject(as: cut))
    }
}
