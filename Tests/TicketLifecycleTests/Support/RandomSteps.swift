import Foundation
import TicketLifecycle

/// A tag as a command sends it, with what the rules make of it: its normalized form, or `nil` when it
/// must be refused.
struct TagSample: Sendable {
    var raw: String
    var normalized: String?
}

/// One random command with the facts the model needs, known by construction rather than computed
/// by the code under test.
struct Step: CustomStringConvertible {
    var command: TicketCommand
    var actor: SupportActor
    var at: Date
    /// Whether the message body has text (message commands only).
    var bodyHasText = true
    /// The tags sent (tag commands only).
    var tags: [TagSample] = []

    var description: String { "\(actor) \(command) at \(at.timeIntervalSince(Fixture.start))s" }
}

/// The marker every internal note's text carries, and no other message's text does.
let secretMarker = "SECRET"

/// Makes random commands, legal and illegal, by random actors.
struct StepGenerator {
    var random: SplitMix64
    private var counter = 0
    private var seconds = 0

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let bodies: [(String, Bool)] = [
        ("Hello", true), ("I cannot log in", true), ("  padded text  ", true), ("Привет, не работает оплата", true),
        ("¿Dónde está mi factura?", true), ("", false), (" ", false), ("\n\t", false), ("\u{00A0}\u{2003}", false),
    ]

    static let tagPool: [TagSample] = [
        TagSample(raw: "vip", normalized: "vip"), TagSample(raw: "VIP", normalized: "vip"),
        TagSample(raw: "Billing", normalized: "billing"), TagSample(raw: "billing", normalized: "billing"),
        TagSample(raw: "refund", normalized: "refund"), TagSample(raw: "Été", normalized: "été"),
        TagSample(raw: "", normalized: nil), TagSample(raw: "two words", normalized: nil),
        TagSample(raw: String(repeating: "y", count: 65), normalized: nil),
    ]

    static let actors: [(SupportActor, Int)] = [
        (.requester, 25), (.otherMember, 8), (.agentA, 25), (.agentB, 15), (.clubOwner, 10), (.system, 17),
    ]

    mutating func nextInstant() -> Date {
        seconds += random.int(in: 1...7200)
        return Fixture.start.addingTimeInterval(TimeInterval(seconds))
    }

    mutating func actor() -> SupportActor {
        var roll = random.below(100)
        for (actor, weight) in Self.actors {
            if roll < weight { return actor }
            roll -= weight
        }
        return .system
    }

    /// A body, mostly with text; internal notes always carry ``secretMarker``.
    mutating func body(secret: Bool = false) -> (String, Bool) {
        counter += 1
        if random.chance(10) { return random.pick(Self.bodies.filter { !$0.1 }) }
        let (text, _) = random.pick(Self.bodies.filter(\.1))
        return secret ? ("\(secretMarker) note \(counter): \(text)", true) : ("\(text) #\(counter)", true)
    }

    mutating func draft(secret: Bool = false) -> (MessageDraft, Bool) {
        let (text, hasText) = body(secret: secret)
        return (
            MessageDraft(id: MessageID("msg-\(counter)"), body: text, channel: random.pick(ChannelKind.builtIn)),
            hasText
        )
    }

    mutating func tags(count: ClosedRange<Int>) -> [TagSample] {
        (0..<random.int(in: count)).map { _ in
            random.chance(12) ? random.pick(Self.tagPool.filter { $0.normalized == nil }) : random.pick(Self.tagPool)
        }
    }

    mutating func mergedMessages(at: Date) -> [TicketMessage] {
        (0..<random.int(in: 0...2)).map { _ in
            counter += 1
            let kind = random.pick(TicketMessage.Kind.allCases)
            let body = kind == .internalNote ? "\(secretMarker) merged \(counter)" : "merged \(counter)"
            return TicketMessage(id: MessageID("merged-\(counter)"), kind: kind, author: actor(), body: body, at: at)
        }
    }

    /// The creation attempt that starts a sequence: a random actor, a body that may be blank.
    mutating func creation() -> (TicketCreation, SupportActor, Bool) {
        let actor = random.pick([SupportActor.requester, .requester, .otherMember, .agentA, .clubOwner, .system])
        let (text, hasText) = body()
        let kind: TicketMessage.Kind = actor.role == .agent || actor.role == .owner ? .publicReply : .memberMessage
        let author: SupportActor = kind == .publicReply ? actor : .requester
        let creation = Fixture.creation(body: text, author: author, kind: kind)
        return (creation, actor, hasText)
    }

    /// A random command. `status` is the ticket's status as the model has it (kept for generators that
    /// bias by status).
    mutating func step(status: TicketStatus) -> Step {
        let actor = actor()
        let at = nextInstant()
        var step = Step(command: .setStatus(.open), actor: actor, at: at)
        let roll = random.below(100)
        switch roll {
        case 0..<18:
            let (draft, hasText) = draft()
            step.command = .memberMessage(draft)
            step.bodyHasText = hasText
        case 18..<36:
            let (draft, hasText) = draft()
            let requested: TicketStatus? = random.chance(50) ? nil : random.pick(TicketStatus.allCases)
            step.command = .reply(draft, status: requested)
            step.bodyHasText = hasText
        case 36..<48:
            let (draft, hasText) = draft(secret: true)
            step.command = .internalNote(draft)
            step.bodyHasText = hasText
        case 48..<54:
            let (draft, hasText) = draft()
            step.command = .automaticMessage(draft)
            step.bodyHasText = hasText
        case 54..<70:
            step.command = .setStatus(random.pick(TicketStatus.allCases))
        case 70..<76:
            step.command = .assign(random.pick([nil, Fixture.agentA, Fixture.agentB]))
        case 76..<81:
            step.command = .setPriority(random.pick(Priority.allCases))
        case 81..<85:
            step.command = .setReason(random.pick([ContactReason.access, .billing, .refund]))
        case 85..<91:
            step.tags = tags(count: 1...3)
            step.command = .addTags(step.tags.map(\.raw))
        case 91..<96:
            step.tags = tags(count: 0...2)
            step.command = .removeTags(step.tags.map(\.raw))
        case 96..<97:
            step.command = .merge(into: random.chance(75) ? Fixture.otherTicketID : Fixture.ticketID)
        default:
            let from = random.chance(75) ? Fixture.thirdTicketID : Fixture.ticketID
            step.command = .receiveMerge(from: from, messages: mergedMessages(at: at))
        }
        return step
    }
}
